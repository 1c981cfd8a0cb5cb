// Apply-time logic of scalingo_addon: provision, change plan, toggle features, delete, and
// wait until Scalingo reports the work done. The state is recorded as soon as the addon
// exists or the change is accepted, so a failure, timeout or Ctrl-C later loses nothing.

import type { ValueObject } from '../../cty/value.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ApplyContext, OperationContext, Planned } from '../../framework/resource.js';
import { timeoutFor } from '../../framework/timeouts.js';
import { isNotFound, isOutcomeUnknown, normalizeAddonProviderId, type Addon, type Database } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { waitUntil } from '../shared/wait.js';
import { DEFAULT_TIMEOUT_MS, type AddonModel } from './model.js';
import { resolvePlan } from './plan.js';
import { parseTarget, runUpgrades, versionForState } from './version.js';

type Ctx = OperationContext<ScalingoContext>;
type ApplyCtx = ApplyContext<ScalingoContext, AddonModel>;

// If a plan change completes before the first poll sees "updating", accept "running on the new
// plan" once it has held this long.
const PLAN_CHANGE_SETTLE_MS = 5000;

export function stateFromAddon(addon: Addon, base: Pick<AddonModel, 'app' | 'provider_id' | 'timeouts'> & Partial<AddonModel>): AddonModel {
  const providerId = normalizeAddonProviderId(base.provider_id) === addon.addon_provider.id ? base.provider_id : addon.addon_provider.id;
  return {
    id: addon.id,
    app: base.app,
    provider_id: providerId,
    plan: addon.plan.name,
    plan_id: addon.plan.id,
    resource_id: addon.resource_id,
    database_features: base.database_features ?? null,
    status: addon.status,
    database_version: base.database_version ?? null,
    expose_database_url: base.expose_database_url ?? false,
    database_url: base.database_url ?? null,
    timeouts: base.timeouts,
  };
}

function withDatabase(state: AddonModel, database: Database): AddonModel {
  return {
    ...state,
    database_features: database.features.filter((f) => f.status !== 'PENDING_TO_REMOVE' && f.status !== 'FAILED').map((f) => f.name).sort(),
    database_version: database.readable_version,
  };
}

export async function createAddon(config: AddonModel, planned: Planned<AddonModel>, ctx: ApplyCtx): Promise<AddonModel> {
  // The configuration is wholly known at apply; the plan may still hold unknown markers for
  // computed values, so only the resolved plan ID is taken from it.
  const wantedFeatures = config.database_features;
  const sc = ctx.provider;
  const app = config.app;
  const providerId = normalizeAddonProviderId(config.provider_id);
  const timeoutMs = timeoutFor(config.timeouts, 'create', DEFAULT_TIMEOUT_MS);
  const deadline = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);

  const planId = await planIdOf(ctx, config, planned.plan_id);
  const existing = new Set((await sc.client.addons.list(app, { signal: ctx.signal })).map((a) => a.id));
  let addon: Addon;
  try {
    addon = (await sc.client.addons.provision(app, { providerId, planId, ...provisionOptions(config) }, { signal: ctx.signal })).addon;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    // The request may or may not have reached Scalingo: look before doing anything else.
    ctx.log.warn('provisioning outcome unknown; reconciling with the addon list', { app, provider_id: providerId });
    const adopted = await reconcileProvision(ctx, app, providerId, existing);
    if (adopted) addon = adopted;
    else {
      ctx.log.info('no addon was created; provisioning again', { app, provider_id: providerId });
      addon = (await sc.client.addons.provision(app, { providerId, planId, ...provisionOptions(config) }, { signal: ctx.signal })).addon;
    }
  }
  sc.invalidate(app);
  let state = stateFromAddon(addon, config);
  ctx.recordState(state);
  ctx.log.info('addon provisioned', { addon_id: addon.id, plan: addon.plan.name, status: addon.status });

  addon = await waitForAddon(ctx, app, addon.id, (a) => a.status === 'running', `addon ${addon.id} to be running`, timeoutMs, deadline, (a) => {
    state = stateFromAddon(a, config);
    ctx.recordState(state);
  });
  state = stateFromAddon(addon, config);

  if (await sc.isDatabase(providerId, ctx.signal)) {
    let database = await waitForDatabase(ctx, app, addon.id, (d) => d.status === 'running', `database ${addon.id} to be running`, timeoutMs, deadline);
    state = withDatabase(state, database);
    ctx.recordState(state);
    if (wantedFeatures !== null) {
      database = await applyFeatures(ctx, app, addon.id, database, wantedFeatures, timeoutMs, deadline);
      state = withDatabase(state, database);
    }
    state = await upgradeIfWanted(ctx, state, config.database_version, timeoutMs);
  }
  return state;
}

/** Ask for the configured major at provisioning (Scalingo's documented `version` option). */
function provisionOptions(config: AddonModel): { options?: Record<string, string> } {
  const target = config.database_version === null ? undefined : parseTarget(config.database_version);
  if (!target) return {};
  return { options: { version: String(target.kind === 'major' ? target.major : target.parts[0]) } };
}

/** Upgrade step by step to the configured version, recording each version reached. */
async function upgradeIfWanted(ctx: ApplyCtx, state: AddonModel, wanted: string | null, timeoutMs: number): Promise<AddonModel> {
  const target = wanted === null ? undefined : parseTarget(wanted);
  if (!target || wanted === null) return state;
  let current = state;
  const database = await runUpgrades(ctx, state.app, state.id!, target, wanted, timeoutMs, (readable) => {
    current = { ...current, database_version: readable };
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

async function reconcileProvision(ctx: Ctx, app: string, providerId: string, existing: Set<string>): Promise<Addon | undefined> {
  const after = await ctx.provider.client.addons.list(app, { signal: ctx.signal });
  const created = after.filter((a) => !existing.has(a.id) && a.addon_provider.id === providerId);
  if (created.length === 1) {
    ctx.log.info('found the addon created by the interrupted request', { addon_id: created[0]!.id });
    return created[0];
  }
  if (created.length > 1) {
    throw new DiagnosticError(
      'Cannot tell which addon was created',
      `After an interrupted provisioning request, app ${app} has ${created.length} new ${providerId} addons (${created.map((a) => a.id).join(', ')}). Import the right one with \`terraform import\` and delete the other.`,
    );
  }
  return undefined;
}

export async function updateAddon(prior: AddonModel, config: AddonModel, planned: Planned<AddonModel>, ctx: ApplyCtx): Promise<AddonModel> {
  const sc = ctx.provider;
  const app = prior.app;
  const id = prior.id!;
  const timeoutMs = timeoutFor(config.timeouts, 'update', DEFAULT_TIMEOUT_MS);
  const deadline = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);
  const database = await sc.isDatabase(prior.provider_id, ctx.signal);
  let state: AddonModel = { ...prior, timeouts: config.timeouts, provider_id: config.provider_id };

  if (config.plan !== prior.plan) {
    const planId = await planIdOf(ctx, config, planned.plan_id);
    const changed = await sc.client.addons.changePlan(app, id, planId, { signal: ctx.signal });
    sc.invalidate(app);
    ctx.log.info('plan change accepted', { addon_id: id, from: prior.plan, to: config.plan, message: changed.message ?? '' });
    // Accepted: from here on the addon is on the new plan, whatever happens to the wait.
    state = { ...state, plan: config.plan, plan_id: planId, status: changed.addon?.status ?? state.status };
    ctx.recordState(state);

    if (database) {
      let sawUpdating = false;
      let runningSince: number | undefined;
      const db = await waitForDatabase(
        ctx,
        app,
        id,
        (d) => {
          if (d.status === 'updating') sawUpdating = true;
          if (d.status !== 'running' || d.plan !== config.plan) {
            runningSince = undefined;
            return false;
          }
          runningSince ??= Date.now();
          return sawUpdating || Date.now() - runningSince >= PLAN_CHANGE_SETTLE_MS;
        },
        `database ${id} to run on ${config.plan}`,
        timeoutMs,
        deadline,
      );
      state = { ...withDatabase(state, db), database_features: state.database_features, status: 'running' };
    } else {
      const addon = await waitForAddon(ctx, app, id, (a) => a.status === 'running' && a.plan.name === config.plan, `addon ${id} to run on ${config.plan}`, timeoutMs, deadline);
      state = stateFromAddon(addon, state);
    }
    ctx.recordState(state);
  }

  if (database && config.database_features !== null) {
    const current = await sc.client.databases.get(app, id, { signal: ctx.signal });
    const db = await applyFeatures(ctx, app, id, current, config.database_features, timeoutMs, deadline);
    state = withDatabase(state, db);
  }
  if (database && config.database_version !== null) {
    state = await upgradeIfWanted(ctx, state, config.database_version, timeoutMs);
  }
  const addon = await sc.findAddon(app, id, ctx.signal);
  if (addon) state = { ...stateFromAddon(addon, state), database_features: state.database_features, database_version: state.database_version };
  return state;
}

export async function deleteAddon(prior: AddonModel, ctx: Ctx): Promise<void> {
  try {
    await ctx.provider.client.addons.destroy(prior.app, prior.id!, { signal: ctx.signal });
  } catch (err) {
    // Already gone (deleted by hand, or a retried DELETE that had succeeded): done.
    if (!isNotFound(err)) throw err;
    ctx.log.info('addon already deleted', { addon_id: prior.id });
  }
  ctx.provider.invalidate(prior.app);
}

/** Enable the wanted features, disable the others, and wait until they settle. */
async function applyFeatures(ctx: Ctx, app: string, id: string, database: Database, wanted: string[], timeoutMs: number, deadline: AbortSignal): Promise<Database> {
  const { client } = ctx.provider;
  const active = new Set(database.features.filter((f) => f.status !== 'PENDING_TO_REMOVE').map((f) => f.name));
  const want = new Set(wanted);
  // force-ssl before publicly-available: Scalingo requires that order.
  const toEnable = [...want].filter((f) => !active.has(f)).sort((a) => (a === 'force-ssl' ? -1 : 1));
  const toDisable = [...active].filter((f) => !want.has(f)).sort((a) => (a === 'publicly-available' ? -1 : 1));
  for (const name of toEnable) {
    await client.databases.enableFeature(app, id, name, { signal: ctx.signal });
    await waitForDatabase(
      ctx,
      app,
      id,
      (d) => d.features.some((f) => f.name === name && f.status === 'ACTIVATED'),
      `feature ${name} of database ${id} to be activated`,
      timeoutMs,
      deadline,
      (d) => (d.features.some((f) => f.name === name && f.status === 'FAILED') ? `Scalingo could not enable ${name}; contact Scalingo support.` : undefined),
    );
  }
  for (const name of toDisable) {
    await client.databases.disableFeature(app, id, name, { signal: ctx.signal });
    await waitForDatabase(ctx, app, id, (d) => !d.features.some((f) => f.name === name), `feature ${name} of database ${id} to be removed`, timeoutMs, deadline);
  }
  return toEnable.length + toDisable.length > 0 ? client.databases.get(app, id, { signal: ctx.signal }) : database;
}

function waitForAddon(
  ctx: Ctx,
  app: string,
  id: string,
  done: (a: Addon) => boolean,
  what: string,
  timeoutMs: number,
  deadline: AbortSignal,
  onPoll?: (a: Addon) => void,
): Promise<Addon> {
  return waitUntil({
    what,
    poll: (signal) => ctx.provider.client.addons.get(app, id, { signal }),
    status: (a) => `${a.status} (${a.plan.name})`,
    done,
    failed: (a) => (a.status === 'suspended' ? `Addon ${id} is suspended (for example after a payment issue); Scalingo support can resume it.` : undefined),
    timeoutMs,
    signal: deadline,
    log: ctx.log.with({ addon_id: id }),
    ...(onPoll ? { onPoll } : {}),
  });
}

function waitForDatabase(
  ctx: Ctx,
  app: string,
  id: string,
  done: (d: Database) => boolean,
  what: string,
  timeoutMs: number,
  deadline: AbortSignal,
  failed?: (d: Database) => string | undefined,
): Promise<Database> {
  return waitUntil({
    what,
    poll: (signal) => ctx.provider.client.databases.get(app, id, { signal }),
    status: (d) => `${d.status} (${d.plan})`,
    done,
    ...(failed ? { failed } : {}),
    timeoutMs,
    signal: deadline,
    log: ctx.log.with({ addon_id: id }),
  });
}

export function addonPrivate(privateState: ValueObject | null): { featuresManaged: boolean; versionManaged: boolean } {
  return { featuresManaged: privateState?.['features_managed'] === true, versionManaged: privateState?.['version_managed'] === true };
}
