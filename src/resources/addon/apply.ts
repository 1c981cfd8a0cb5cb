// Apply-time logic of scalingo_addon: provision, change plan, toggle features, upgrade, delete.
// Each operation runs on ONE budget (timeouts.create/update/delete, framework/timeouts.ts):
// every request, retry, wait and upgrade step shares its signal. The state is recorded as soon
// as the addon exists or a change is accepted, so a failure, timeout or Ctrl-C later loses
// nothing; a write whose answer was lost is read back before anything else (shared/reconcile).

import type { ValueObject } from '../../cty/value.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ApplyContext, OperationContext, Planned } from '../../framework/resource.js';
import { withBudget } from '../../framework/timeouts.js';
import { isNotFound, isTransient, normalizeAddonProviderId, type Addon, type Database } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { reconciledWrite } from '../shared/reconcile.js';
import { waitUntil, type Condition } from '../shared/wait.js';
import { addonOnPlan, addonRunning, databaseOnPlan, databaseRunning, featureEnabled, featureRemoved } from './conditions.js';
import { featureChanges, isActive } from './features.js';
import { DEFAULT_TIMEOUT_MS, type AddonModel } from './model.js';
import { backupBeforeChange } from './backup.js';
import { applySettings } from './database_settings.js';
import { resolvePlan } from './plan.js';
import { readAddonPrivate } from './private.js';
import { protectionError } from './protection.js';
import { backupsFromDatabase, windowFromDatabase } from './settings.js';
import { stateFromAddon, withDatabase } from './read.js';
import { runUpgrades } from './upgrade.js';
import { parseTarget, versionForState } from './version.js';

type Ctx = OperationContext<ScalingoContext>;
type ApplyCtx = ApplyContext<ScalingoContext, AddonModel>;

export function createAddon(config: AddonModel, planned: Planned<AddonModel>, ctx: ApplyCtx): Promise<AddonModel> {
  return withBudget(ctx.signal, config.timeouts, 'create', DEFAULT_TIMEOUT_MS, (signal) => create(config, planned, ctx, signal));
}

export function updateAddon(prior: AddonModel, config: AddonModel, planned: Planned<AddonModel>, privateState: ValueObject | null, ctx: ApplyCtx): Promise<AddonModel> {
  const backupFirst = readAddonPrivate(privateState).backupFirst;
  return withBudget(ctx.signal, config.timeouts, 'update', DEFAULT_TIMEOUT_MS, (signal) => update(prior, config, planned, backupFirst, ctx, signal));
}

export function deleteAddon(prior: AddonModel, ctx: Ctx): Promise<void> {
  // Refused at plan time already; this catches a plan made before the protection was set.
  if (prior.deletion_protection === true) {
    const refusal = protectionError(prior);
    return Promise.reject(new DiagnosticError(refusal.summary, refusal.detail));
  }
  return withBudget(ctx.signal, prior.timeouts, 'delete', DEFAULT_TIMEOUT_MS, (signal) => destroy(prior, ctx, signal));
}

async function create(config: AddonModel, planned: Planned<AddonModel>, ctx: ApplyCtx, signal: AbortSignal): Promise<AddonModel> {
  const sc = ctx.provider;
  const app = config.app;
  const providerId = normalizeAddonProviderId(config.provider_id);
  const planId = await planIdOf(ctx, config, planned.plan_id);
  const before = new Set((await sc.client.addons.list(app, { signal })).map((a) => a.id));
  const provisioned = await reconciledWrite({
    what: `the provisioning of a ${providerId} addon on app ${app}`,
    send: async (s) => (await sc.client.addons.provision(app, { providerId, planId, ...provisionOptions(config) }, { signal: s })).addon,
    readBack: (s) => createdAddon(ctx, s, app, providerId, before),
    signal,
    log: ctx.log,
  });
  sc.invalidate(app);
  let addon = provisioned.answered ? provisioned.value : provisioned.found;
  let state = stateFromAddon(addon, config);
  ctx.recordState(state);
  ctx.log.info('addon provisioned', { addon_id: addon.id, plan: addon.plan.name, status: addon.status });

  addon = await waitForAddon(ctx, signal, app, addon.id, addonRunning(addon.id), (a) => ctx.recordState((state = stateFromAddon(a, config))));
  state = stateFromAddon(addon, config);
  if (!(await sc.isDatabase(providerId, signal))) return state;

  let database = await waitForDatabase(ctx, signal, app, addon.id, databaseRunning(addon.id));
  state = withDatabase(state, database);
  ctx.recordState(state);
  if (config.database_features !== null) {
    database = await applyFeatures(ctx, signal, app, addon.id, database, config.database_features);
    state = withDatabase(state, database);
    ctx.recordState(state);
  }
  database = await applySettings(ctx, signal, app, addon.id, database, config);
  state = withDatabase(state, database);
  ctx.recordState(state);
  return upgradeIfWanted(ctx, signal, state, config.database_version);
}

/** The addon an interrupted provisioning created: new since `before`, of this provider. */
async function createdAddon(ctx: Ctx, signal: AbortSignal, app: string, providerId: string, before: Set<string>): Promise<Addon | undefined> {
  const after = await ctx.provider.client.addons.list(app, { signal });
  const created = after.filter((a) => !before.has(a.id) && a.addon_provider.id === providerId);
  if (created.length > 1) {
    throw new DiagnosticError(
      'Cannot tell which addon was created',
      `After an interrupted provisioning request, app ${app} has ${created.length} new ${providerId} addons (${created.map((a) => a.id).join(', ')}). Import the right one with \`terraform import\` and delete the other.`,
    );
  }
  return created[0];
}

/** Ask for the configured major at provisioning (Scalingo's documented `version` option). */
function provisionOptions(config: AddonModel): { options?: Record<string, string> } {
  const target = config.database_version === null ? undefined : parseTarget(config.database_version);
  if (!target) return {};
  return { options: { version: String(target.kind === 'major' ? target.major : target.parts[0]) } };
}

/** Upgrade step by step to the configured version, recording each version reached. */
async function upgradeIfWanted(ctx: ApplyCtx, signal: AbortSignal, state: AddonModel, wanted: string | null): Promise<AddonModel> {
  const target = wanted === null ? undefined : parseTarget(wanted);
  if (!target || wanted === null) return state;
  let current = state;
  const database = await runUpgrades(ctx, signal, { app: state.app, addonId: state.id! }, target, wanted, (readable) => {
    current = { ...current, database_version: versionForState(wanted, readable) };
    ctx.recordState(current);
  });
  return { ...current, database_version: versionForState(wanted, database.readable_version) };
}

/** The plan ID resolved at plan time, or resolved now if the plan name was unknown then. */
async function planIdOf(ctx: Ctx, config: AddonModel, plannedId: Planned<AddonModel>['plan_id']): Promise<string> {
  if (typeof plannedId === 'string') return plannedId;
  const plan = await resolvePlan(ctx, config.provider_id, config.plan);
  if (!plan) throw new DiagnosticError('Unknown plan', `Could not resolve plan "${config.plan}".`, ['plan']);
  return plan.id;
}

async function update(prior: AddonModel, config: AddonModel, planned: Planned<AddonModel>, backupFirst: string | undefined, ctx: ApplyCtx, signal: AbortSignal): Promise<AddonModel> {
  const sc = ctx.provider;
  const app = prior.app;
  const id = prior.id!;
  const database = await sc.isDatabase(prior.provider_id, signal);
  let state: AddonModel = {
    ...prior,
    timeouts: config.timeouts,
    provider_id: config.provider_id,
    // Unset in configuration means the default, false (as planned).
    deletion_protection: config.deletion_protection ?? false,
    backup_before_change: config.backup_before_change ?? false,
  };

  // The plan found this change risky (a downscale, a major upgrade): back up first.
  if (database && config.backup_before_change === true && backupFirst !== undefined) {
    const backup = await backupBeforeChange(ctx, signal, app, id, backupFirst, (b) => ctx.recordState((state = { ...state, last_backup_id: b.id })));
    ctx.log.info('backup done; going on with the change', { addon_id: id, backup_id: backup.id });
  }

  if (config.plan !== prior.plan) {
    const planId = await planIdOf(ctx, config, planned.plan_id);
    const change = await reconciledWrite({
      what: `the plan change of addon ${id} to ${config.plan}`,
      send: (s) => sc.client.addons.changePlan(app, id, planId, { signal: s }),
      readBack: async (s) => {
        const addon = await sc.client.addons.get(app, id, { signal: s });
        return addon.plan.id === planId ? addon : undefined;
      },
      signal,
      log: ctx.log,
    });
    const acceptedAt = Date.now();
    sc.invalidate(app);
    const status = change.answered ? change.value.addon?.status : change.found.status;
    ctx.log.info('plan change accepted', { addon_id: id, from: prior.plan, to: config.plan, message: change.answered ? (change.value.message ?? '') : '' });
    // Accepted: from here on the addon is on the new plan, whatever happens to the wait.
    state = { ...state, plan: config.plan, plan_id: planId, status: status ?? state.status };
    ctx.recordState(state);

    if (database) {
      const db = await waitForDatabase(ctx, signal, app, id, databaseOnPlan(id, config.plan, acceptedAt));
      state = { ...withDatabase(state, db), database_features: state.database_features, status: 'running' };
    } else {
      state = stateFromAddon(await waitForAddon(ctx, signal, app, id, addonOnPlan(id, config.plan)), state);
    }
    ctx.recordState(state);
  }

  if (database && config.database_features !== null) {
    const current = await sc.client.databases.get(app, id, { signal });
    state = withDatabase(state, await applyFeatures(ctx, signal, app, id, current, config.database_features));
    ctx.recordState(state);
  }
  if (database && config.database_version !== null) {
    state = await upgradeIfWanted(ctx, signal, state, config.database_version);
  }
  if (database && (config.maintenance_window !== null || config.periodic_backups !== null)) {
    const current = await sc.client.databases.get(app, id, { signal });
    const db = await applySettings(ctx, signal, app, id, current, config);
    state = { ...state, maintenance_window: windowFromDatabase(db), periodic_backups: backupsFromDatabase(db) };
    ctx.recordState(state);
  }
  // Every step above recorded what it read: no closing refresh (at 60 requests a minute, one
  // more request is one more second before apply returns).
  return state;
}

async function destroy(prior: AddonModel, ctx: Ctx, signal: AbortSignal): Promise<void> {
  const sc = ctx.provider;
  const { app } = prior;
  const id = prior.id!;
  try {
    await reconciledWrite({
      what: `the deletion of addon ${id}`,
      send: (s) => sc.client.addons.destroy(app, id, { signal: s }),
      readBack: async (s) => {
        sc.invalidate(app);
        return (await sc.findAddon(app, id, s)) === null ? true : undefined;
      },
      signal,
      log: ctx.log,
    });
  } catch (err) {
    // Already gone (deleted by hand, or by a request whose answer was lost): done.
    if (!isNotFound(err)) throw err;
    ctx.log.info('addon already deleted', { addon_id: id });
  }
  sc.invalidate(app);
}

/** Enable the wanted features, disable the others, and wait until they settle. */
async function applyFeatures(ctx: Ctx, signal: AbortSignal, app: string, id: string, database: Database, wanted: string[]): Promise<Database> {
  const { client } = ctx.provider;
  const changes = featureChanges(database, wanted);
  const readDatabase = (s: AbortSignal) => client.databases.get(app, id, { signal: s });
  const disable = async (name: string) => {
    await reconciledWrite({
      what: `disabling ${name} on database ${id}`,
      send: (s) => client.databases.disableFeature(app, id, name, { signal: s }),
      readBack: async (s) => ((await readDatabase(s)).features.some((f) => f.name === name && f.status !== 'PENDING_TO_REMOVE') ? undefined : true),
      signal,
      log: ctx.log,
    });
    await waitForDatabase(ctx, signal, app, id, featureRemoved(id, name));
  };
  // A FAILED record is cleared before the feature is enabled again.
  for (const name of changes.clear) await disable(name);
  for (const name of changes.enable) {
    await reconciledWrite({
      what: `enabling ${name} on database ${id}`,
      send: (s) => client.databases.enableFeature(app, id, name, { signal: s }),
      readBack: async (s) => ((await readDatabase(s)).features.some((f) => f.name === name && isActive(f)) ? true : undefined),
      signal,
      log: ctx.log,
    });
    await waitForDatabase(ctx, signal, app, id, featureEnabled(id, name));
  }
  for (const name of changes.disable) await disable(name);
  const touched = changes.clear.length + changes.enable.length + changes.disable.length > 0;
  return touched ? readDatabase(signal) : database;
}

function waitForAddon(ctx: Ctx, signal: AbortSignal, app: string, id: string, until: Condition<Addon>, onPoll?: (a: Addon) => void): Promise<Addon> {
  return waitUntil({
    poll: (s) => ctx.provider.client.addons.get(app, id, { signal: s }),
    status: (a) => `${a.status} (${a.plan.name})`,
    until,
    signal,
    log: ctx.log.with({ addon_id: id }),
    retryable: isTransient,
    ...(onPoll ? { onPoll } : {}),
  });
}

function waitForDatabase(ctx: Ctx, signal: AbortSignal, app: string, id: string, until: Condition<Database>): Promise<Database> {
  return waitUntil({
    poll: (s) => ctx.provider.client.databases.get(app, id, { signal: s }),
    status: (d) => `${d.status} (${d.plan})`,
    until,
    signal,
    log: ctx.log.with({ addon_id: id }),
    retryable: isTransient,
  });
}
