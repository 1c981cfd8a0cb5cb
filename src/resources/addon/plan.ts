// Plan-time logic of scalingo_addon: everything is checked and explained before anything is
// written. The plan name is resolved against the provider's catalogue; a plan change says what
// it will do to the database, warns on a downscale, and refuses one whose data cannot fit.

import { isUnknown, UNKNOWN, type Unknown } from '../../cty/value.js';
import { DiagnosticError, type Diagnostics } from '../../framework/diagnostics.js';
import type { OperationContext, PlanRequest, Planned } from '../../framework/resource.js';
import { isNotFound, normalizeAddonProviderId, type Plan } from '../../scalingo/index.js';
import { resourceAddress } from '../shared/address.js';
import { replaceIfAnotherApp } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';
import type { AddonModel } from './model.js';
import { protectionError } from './protection.js';
import { configuredWindow } from './settings.js';
import { availablePlanNames, byPosition, closestPlanName, formatBytes, isDownscale, planChangeImpact } from './plans.js';
import { writeAddonPrivate } from './private.js';
import { upgradePath } from './upgrade.js';
import { describeUpgrade, isDowngrade, parseTarget, satisfies } from './version.js';

type Ctx = OperationContext<ScalingoContext>;

const known = (v: unknown): v is string => typeof v === 'string';

export async function planAddon(request: PlanRequest<AddonModel>, ctx: Ctx): Promise<void> {
  const { prior } = request;
  const planned = request.planned;
  if (prior?.id) ctx.provider.rememberInState(prior.id);
  if (planned === null) {
    if (prior?.deletion_protection === true) {
      ctx.diags.add(protectionError(prior));
      return;
    }
    if (prior && (await safeIsDatabase(ctx, prior.provider_id))) {
      ctx.diags.warning(
        `Destroying ${prior.provider_id} addon ${prior.id ?? ''} deletes its data`,
        'Scalingo erases the database, its backups and its point-in-time recovery data when the addon is deleted. Take a backup first if you need the data.',
      );
    }
    return;
  }

  // A legacy alias of the same provider is not a change (and never a replacement).
  if (prior && known(planned.provider_id) && normalizeAddonProviderId(planned.provider_id) === normalizeAddonProviderId(prior.provider_id)) {
    planned.provider_id = prior.provider_id;
  }
  // Features and version are not affected by a plan change: keep them known.
  if (prior && (request.config?.database_features ?? null) === null) planned.database_features = prior.database_features;
  const wantedVersion = request.config?.database_version ?? null;
  if (prior && wantedVersion === null) planned.database_version = prior.database_version;
  keepSettingsKnown(request);
  const managed = {
    featuresManaged: request.config?.database_features !== null,
    versionManaged: wantedVersion !== null,
    windowManaged: (request.config?.maintenance_window ?? null) !== null,
    backupsManaged: (request.config?.periodic_backups ?? null) !== null,
  };
  request.setPrivateState(writeAddonPrivate(managed));
  // Set when this change must be preceded by a backup (backup_before_change): the reason.
  const backupFirst = (reason: string, path: string) => {
    request.setPrivateState(writeAddonPrivate({ ...managed, backupFirst: reason }));
    planned.last_backup_id = UNKNOWN;
    ctx.diags.warning('A backup will be taken first', `backup_before_change is on: before ${reason}, a manual backup of the database is taken and awaited until it is done. If it fails, nothing is changed.`, [path]);
  };

  // The same app by name or by ID is no change; another app replaces the addon.
  const anotherApp = await replaceIfAnotherApp(request, ctx);
  if (prior && known(planned.app) && known(planned.provider_id) && (anotherApp || normalizeAddonProviderId(planned.provider_id) !== normalizeAddonProviderId(prior.provider_id))) {
    if (prior.deletion_protection === true) {
      ctx.diags.add(protectionError(prior, anotherApp ? 'app' : 'provider_id'));
      return;
    }
    if (await safeIsDatabase(ctx, prior.provider_id)) {
      ctx.diags.warning(
        `Addon ${prior.id ?? ''} will be replaced: its data will be lost`,
        `Changing ${anotherApp ? '"app"' : '"provider_id"'} cannot be done in place: Terraform will delete this database addon, with its data and backups, and create a new, empty one.`,
        [anotherApp ? 'app' : 'provider_id'],
      );
    }
  }
  // A new addon (or one moving to another app) where the app already has one of its provider:
  // Scalingo refuses it at apply; say so now, with the import that adopts the existing one.
  if ((prior === null || anotherApp) && known(planned.app) && known(planned.provider_id)) {
    await refuseSecondAddon(ctx, planned.app, planned.provider_id);
  }

  if (prior?.id) await refuseLockedWindow(ctx, prior, request.config?.maintenance_window ?? null);

  const wantsBackup = planned.backup_before_change === true;
  if (prior && known(wantedVersion) && prior.id) await planUpgrade(ctx, prior, planned, wantedVersion, wantsBackup ? backupFirst : undefined);

  const planChanged = prior === null || planned.plan !== prior.plan;
  if (!planChanged) {
    planned.plan_id = prior!.plan_id;
    return;
  }
  if (!known(planned.plan) || !known(planned.provider_id)) {
    planned.plan_id = UNKNOWN;
    return;
  }

  const plan = await resolvePlan(ctx, planned.provider_id, planned.plan);
  if (!plan) return;
  planned.plan_id = plan.id;
  if (prior) {
    planned.status = UNKNOWN;
    // Explaining costs four requests; a re-plan's warnings are not shown again, but the
    // re-plan's private state (the backup a downscale asks for) is what apply receives.
    if (!request.replan || wantsBackup) await explainPlanChange(ctx, prior, planned, plan, wantsBackup ? backupFirst : undefined);
  }
}

/** An error on "provider_id" when `app` already has an addon of that provider. */
async function refuseSecondAddon(ctx: Ctx, app: string, providerId: string): Promise<void> {
  const provider = normalizeAddonProviderId(providerId);
  // An app that does not exist yet may be created in this very run: apply will tell.
  const existing = (await ctx.provider.addonsOf(app, ctx.signal))?.find((a) => normalizeAddonProviderId(a.addon_provider.id) === provider);
  if (!existing) return;
  // The addon this run replaces (tainted by a failed create, or -replace): it goes first.
  if (ctx.provider.wasInState(existing.id)) return;
  const importId = `${app}:${existing.id}`;
  const address =
    resourceAddress('scalingo_addon', { app, provider_id: providerId }, (attribute, a, b) => (attribute === 'provider_id' ? normalizeAddonProviderId(a) === normalizeAddonProviderId(b) : a === b)) ??
    '<address of this resource>';
  ctx.diags.error(
    `App ${app} already has a ${provider} addon: ${existing.id}`,
    [
      `Scalingo allows one ${provider} addon per app, and app ${app} already has ${existing.id} (plan ${existing.plan.name}, ${existing.status}). Creating another would fail.`,
      `To manage the existing addon with Terraform, import it into this resource instead of creating one:\n\n  terraform import ${address} "${importId}"\n\nor add to the configuration:\n\n  import {\n    to = ${address}\n    id = "${importId}"\n  }`,
      `If another resource of this configuration already manages ${existing.id}, remove this one: the addon exists once.`,
    ].join('\n\n'),
    ['provider_id'],
  );
}

type BackupFirst = (reason: string, path: string) => void;

/**
 * Moving the maintenance window while Scalingo has announced a maintenance in it is refused by
 * Scalingo: say so at plan time. Costs one maintenance list, only when the window moves.
 */
async function refuseLockedWindow(ctx: Ctx, prior: AddonModel, wanted: Planned<AddonModel>['maintenance_window'] | null): Promise<void> {
  const target = configuredWindow(wanted);
  const current = prior.maintenance_window;
  if (!target || !current || (target.weekday === current.weekday && Number(target.starting_hour_utc) === Number(current.starting_hour_utc))) return;
  let maintenances;
  try {
    maintenances = await ctx.provider.client.maintenance.list(prior.app, prior.id!, { signal: ctx.signal });
  } catch (err) {
    if (isNotFound(err)) return;
    throw err;
  }
  const announced = maintenances.find((m) => m.status === 'notified' || m.status === 'queued' || m.status === 'running');
  if (!announced) return;
  ctx.diags.error(
    'Maintenance window locked',
    `Scalingo has announced maintenance ${announced.id} (${announced.type ?? 'maintenance'}, ${announced.status}, starting ${announced.started_at ?? 'soon'}) in the current window (${current.weekday} ${String(current.starting_hour_utc)}:00 UTC): the window cannot be moved until it is over. Keep maintenance_window as it is for now, and change it once the maintenance is done (see data "scalingo_database_maintenances").`,
    ['maintenance_window'],
  );
}

/**
 * Settings not in the configuration keep their state values (the platform's), whatever else
 * changes: never "known after apply", never a diff. Values Scalingo alone sets stay known too.
 */
function keepSettingsKnown(request: PlanRequest<AddonModel>): void {
  const { prior, config } = request;
  const planned = request.planned!;
  if (!prior) return;
  if ((config?.maintenance_window ?? null) === null) planned.maintenance_window = prior.maintenance_window;
  else if (isObject(planned.maintenance_window) && prior.maintenance_window) {
    planned.maintenance_window = { ...planned.maintenance_window, duration_hours: prior.maintenance_window.duration_hours };
  }
  if ((config?.periodic_backups ?? null) === null) planned.periodic_backups = prior.periodic_backups;
  else if (isObject(planned.periodic_backups) && isUnknown(planned.periodic_backups.hour_utc)) {
    planned.periodic_backups = { ...planned.periodic_backups, hour_utc: prior.periodic_backups?.hour_utc ?? null };
  }
  if (isUnknown(planned.last_backup_id)) planned.last_backup_id = prior.last_backup_id;
}

function isObject<T extends object>(v: T | null | Unknown): v is T {
  return v !== null && typeof v === 'object' && !isUnknown(v);
}

/** The plan named by the user, or undefined with an error on "plan" (or "provider_id"). */
export async function resolvePlan(ctx: Ctx, providerId: string, name: string): Promise<Plan | undefined> {
  let plans: Plan[];
  try {
    plans = await ctx.provider.plans(providerId, ctx.signal);
  } catch (err) {
    if (isNotFound(err)) {
      ctx.diags.error('Unknown addon provider', `Scalingo has no addon provider "${providerId}". Use an ID such as "postgresql" or "redis" (see \`scalingo addons-list\`).`, ['provider_id']);
      return undefined;
    }
    throw err;
  }
  const plan = plans.find((p) => p.name === name);
  if (!plan) {
    const suggestion = closestPlanName(plans, name);
    ctx.diags.error(
      'Unknown plan',
      `The ${normalizeAddonProviderId(providerId)} provider has no plan "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}\n\nAvailable plans: ${availablePlanNames(plans).join(', ')}.`,
      ['plan'],
    );
    return undefined;
  }
  if (plan.disabled) {
    const alternative = plan.disabled_alternative_plan_id ? plans.find((p) => p.id === plan.disabled_alternative_plan_id) : undefined;
    ctx.diags.error(
      'Plan no longer available',
      `The plan "${name}" is disabled: new addons and plan changes cannot use it.${alternative ? ` Scalingo suggests "${alternative.name}" instead.` : ` Available plans: ${availablePlanNames(plans).join(', ')}.`}`,
      ['plan'],
    );
    return undefined;
  }
  if (plan.to_be_discontinued) {
    ctx.diags.warning('Plan to be discontinued', `Scalingo will discontinue the plan "${name}". Consider another plan: ${suggestSameClass(plans, plan)}.`, ['plan']);
  }
  if (plan.on_demand) {
    ctx.diags.warning('Plan available on demand only', `The plan "${name}" must be validated by Scalingo support for your account; the change fails otherwise.`, ['plan']);
  }
  return plan;
}

function suggestSameClass(plans: Plan[], plan: Plan): string {
  const prefix = plan.name.replace(/-\d+$/, '-');
  const same = byPosition(plans.filter((p) => !p.disabled && !p.to_be_discontinued && p.name.startsWith(prefix))).map((p) => p.name);
  return (same.length > 0 ? same : availablePlanNames(plans)).join(', ');
}

async function explainPlanChange(ctx: Ctx, prior: AddonModel, planned: Planned<AddonModel>, target: Plan, backupFirst?: BackupFirst): Promise<void> {
  const from = prior.plan;
  const to = target.name;
  const database = await safeIsDatabase(ctx, prior.provider_id);
  if (!database) {
    ctx.diags.warning(`Plan change: ${from} -> ${to}`, `The addon is changed in place to ${to}; the application is restarted afterwards.`, ['plan']);
    return;
  }
  const facts = await databaseFacts(ctx, prior, target);
  const detail = [planChangeImpact(from, to)];
  if (facts.dataSize !== undefined) detail.push(`The database currently holds ${formatBytes(facts.dataSize)} of data.`);
  if (facts.status && facts.status !== 'running') detail.push(`The database is currently "${facts.status}"; the change starts once Scalingo accepts it.`);
  ctx.diags.warning(`Plan change: ${from} -> ${to}`, detail.join('\n\n'), ['plan']);

  const smallerDisk = facts.targetDisk !== undefined && facts.currentDisk !== undefined && facts.targetDisk < facts.currentDisk;
  if (facts.dataSize !== undefined && facts.targetDisk !== undefined && facts.dataSize > facts.targetDisk) {
    ctx.diags.error(
      'Data does not fit the new plan',
      `The database holds ${formatBytes(facts.dataSize)} of data, but ${to} has ${formatBytes(facts.targetDisk)} of disk. Scalingo would refuse this downscale: free some space or choose a plan with more disk.`,
      ['plan'],
    );
  } else if (isDownscale(from, to) || smallerDisk) {
    ctx.diags.warning(
      `Downscale: ${from} -> ${to}`,
      `Upscaling is rather safe, but take extra care when downscaling: make sure the new plan can handle all your data and fits your workload.${
        facts.targetDisk !== undefined ? ` ${to} has ${formatBytes(facts.targetDisk)} of disk` : ''
      }${facts.dataSize !== undefined ? ` for ${formatBytes(facts.dataSize)} of data.` : facts.targetDisk !== undefined ? '.' : ''}`,
      ['plan'],
    );
  }
  const smallerMemory = facts.targetMemory !== undefined && facts.currentMemory !== undefined && facts.targetMemory < facts.currentMemory;
  const knownSizes = facts.targetDisk !== undefined && facts.currentDisk !== undefined && facts.targetMemory !== undefined && facts.currentMemory !== undefined;
  if (backupFirst && (smallerDisk || smallerMemory || (!knownSizes && isDownscale(from, to)))) backupFirst(`the downscale to ${to}`, 'plan');
  if (facts.unavailable) {
    ctx.diags.warning('Could not check the data size', `The database's metrics could not be read (${facts.unavailable}); the downscale check was skipped.`, ['plan']);
  }
}

interface DatabaseFacts {
  dataSize?: number;
  currentDisk?: number;
  targetDisk?: number;
  currentMemory?: number;
  targetMemory?: number;
  status?: string;
  unavailable?: string;
}

async function databaseFacts(ctx: Ctx, prior: AddonModel, target: Plan): Promise<DatabaseFacts> {
  const { client } = ctx.provider;
  const app = prior.app;
  const id = prior.id;
  if (!id) return {};
  const facts: DatabaseFacts = {};
  const signal = ctx.signal;
  const [metrics, current, targetPlan, database] = await Promise.allSettled([
    client.databases.metrics(app, id, { signal }),
    client.databases.plan(app, id, { signal }),
    client.databases.planById(app, id, target.id, { signal, cache: true }),
    client.databases.get(app, id, { signal }),
  ]);
  if (metrics.status === 'fulfilled') facts.dataSize = metrics.value.database_stats.data_size;
  else facts.unavailable = reason(metrics.reason);
  if (current.status === 'fulfilled') {
    facts.currentDisk = current.value.disk;
    facts.currentMemory = current.value.memory;
  }
  if (targetPlan.status === 'fulfilled') {
    facts.targetDisk = targetPlan.value.disk;
    facts.targetMemory = targetPlan.value.memory;
  }
  if (database.status === 'fulfilled') facts.status = database.value.status;
  if (signal.aborted) throw signal.reason;
  return facts;
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function safeIsDatabase(ctx: Ctx, providerId: string): Promise<boolean> {
  try {
    return await ctx.provider.isDatabase(providerId, ctx.signal);
  } catch {
    return false;
  }
}

/** Explain (or refuse) the version upgrade the configuration asks for. */
async function planUpgrade(ctx: Ctx, prior: AddonModel, planned: Planned<AddonModel>, wanted: string, backupFirst?: BackupFirst): Promise<void> {
  const target = parseTarget(wanted);
  if (!target || !(await safeIsDatabase(ctx, prior.provider_id))) return;
  const { client } = ctx.provider;
  const database = await client.databases.get(prior.app, prior.id!, { signal: ctx.signal });
  if (satisfies(database.readable_version, target)) return;
  if (isDowngrade(database.readable_version, target)) {
    ctx.diags.error(
      'Downgrade impossible',
      `The database runs ${database.readable_version}. No downgrade is possible once a database has been upgraded: set database_version to ${database.readable_version} or newer (or remove it).`,
      ['database_version'],
    );
    return;
  }
  try {
    const steps = await upgradePath(ctx, prior.app, prior.id!, database, target, wanted);
    const dataSize = await client.databases
      .metrics(prior.app, prior.id!, { signal: ctx.signal })
      .then((m) => m.database_stats.data_size)
      .catch(() => undefined);
    const plan = typeof planned.plan === 'string' ? planned.plan : prior.plan;
    ctx.diags.warning(`Database upgrade: ${database.readable_version} -> ${steps[steps.length - 1]!.to}`, describeUpgrade(steps, plan, dataSize), ['database_version']);
    planned.status = UNKNOWN;
    if (backupFirst && steps.some((s) => s.major)) backupFirst(`the major upgrade to ${steps[steps.length - 1]!.to}`, 'database_version');
  } catch (err) {
    if (err instanceof DiagnosticError) ctx.diags.error(err.summary, err.detail, err.path);
    else throw err;
  }
}

// ---- configuration checks (no API call) ----

const FEATURES = new Set(['force-ssl', 'publicly-available', 'redis-rdb', 'redis-aof', 'redis-cache']);

export function validateAddonConfig(config: Planned<AddonModel>, diags: Diagnostics): void {
  const features = config.database_features;
  if (!Array.isArray(features)) return;
  const names = features.filter((f): f is string => typeof f === 'string');
  for (const f of names) {
    if (!FEATURES.has(f)) {
      diags.error('Unknown database feature', `"${f}" is not a database feature. Known features: ${[...FEATURES].join(', ')}.`, ['database_features']);
    }
  }
  if (names.includes('publicly-available') && !names.includes('force-ssl') && !features.some(isUnknown)) {
    diags.error('publicly-available needs force-ssl', 'Scalingo exposes a database on the Internet only with TLS enforced: add "force-ssl" to database_features.', ['database_features']);
  }
  const provider = config.provider_id;
  if (known(provider) && normalizeAddonProviderId(provider) !== 'redis') {
    const redisOnly = names.filter((f) => f.startsWith('redis-'));
    if (redisOnly.length > 0) diags.error('Redis-only features', `${redisOnly.join(', ')} only apply to Redis addons.`, ['database_features']);
  }
}
