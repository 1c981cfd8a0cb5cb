// Main API: addons (list, show, provision, plan change, destroy, DB API token).
import { defaultVersion, findPlanById, findProvider, resolveRequestedVersion } from './catalog.js';
import type { PlanSpec, ProviderSpec } from './catalog.js';
import type { Simulator } from './core.js';
import { badRequest, empty, isRecord, json, notFound, rootObject, unprocessable } from './http.js';
import { addonId, fourDigits, generatePassword, randomHex24 } from './ids.js';
import { TIMINGS, addonStatus, databaseStatus, startPlanChange } from './lifecycle.js';
import type { Route } from './router.js';
import type { AddonRecord, AppRecord, DatabaseRecord } from './state.js';
import { issueToken } from './tokens.js';
import { requireAddon, requireApp } from './apps.js';
import { addonView } from './views.js';

const GiB = 1024 ** 3;

function formatBytes(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

/** Resolves `plan_id` for a provider, with Scalingo-style errors. */
function resolvePlan(planId: unknown, provider: ProviderSpec): PlanSpec {
  if (typeof planId !== 'string' || planId === '') throw unprocessable({ plan_id: ["can't be blank"] });
  const plan = findPlanById(planId);
  if (!plan) throw notFound('plan');
  if (plan.providerId !== provider.id) throw unprocessable({ plan_id: [`plan ${plan.name} does not belong to addon provider ${provider.id}`] });
  if (plan.disabled) {
    const alt = plan.disabledAlternativePlanName;
    throw unprocessable({ plan_id: [`plan ${plan.name} is disabled${alt ? `, use ${alt} instead` : ''}`] });
  }
  return plan;
}

function uniqueResourceId(sim: Simulator, app: AppRecord): string {
  const base = app.name.toLowerCase().replace(/[^a-z0-9]/g, '_');
  for (;;) {
    const candidate = `${base}_${fourDigits()}`;
    if (!sim.state.addons.some((a) => a.resourceId === candidate)) return candidate;
  }
}

function newDatabase(sim: Simulator, provider: ProviderSpec, plan: PlanSpec, versionId: string, readyAtV: number, resourceId: string, password: string): DatabaseRecord {
  const type = provider.databaseType;
  const now = new Date().toISOString();
  return {
    id: randomHex24(),
    type,
    versionId,
    planId: plan.id,
    createdAt: now,
    readyAtV,
    planChange: null,
    currentOperationId: null,
    // Redis databases have RDB snapshots on by default; new PostgreSQL ones have no feature.
    features: type === 'redis' ? [{ name: 'redis-rdb', status: 'ACTIVATED', settlesAtV: null }] : [],
    users: type === 'postgresql' ? [{ name: resourceId, password, readOnly: false, protected: true, createdAt: now }] : [],
    dataSizeOverride: null,
    failNextOperation: false,
    periodicBackupsEnabled: plan.planClass !== 'sandbox',
    periodicBackupsScheduledAt: [1],
    maintenanceWindow: { weekdayUtc: Math.floor(Math.random() * 7), startingHourUtc: 21, durationInHour: 8 },
    backups: [],
    periodicBackupsUntilV: readyAtV,
    failNextBackup: false,
    maintenances: [],
  };
}

async function provision(sim: Simulator, app: AppRecord, body: unknown): Promise<AddonRecord> {
  const input = rootObject(body, 'addon');
  const errors: Record<string, string[]> = {};
  if (typeof input.addon_provider_id !== 'string' || input.addon_provider_id === '') errors.addon_provider_id = ["can't be blank"];
  if (typeof input.plan_id !== 'string' || input.plan_id === '') errors.plan_id = ["can't be blank"];
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
  const provider = findProvider(input.addon_provider_id as string);
  if (!provider) throw notFound('addon_provider');
  const plan = resolvePlan(input.plan_id, provider);
  // One addon per provider and app: both would compete for the same environment variables.
  if (sim.state.addons.some((a) => a.appId === app.id && a.providerId === provider.id)) {
    throw unprocessable({ addon_provider_id: [`an addon of provider ${provider.id} already exists on app ${app.name}`] });
  }
  let version = defaultVersion(provider.databaseType);
  const options = input.options;
  if (isRecord(options) && options.version !== undefined && options.version !== null) {
    const requested = resolveRequestedVersion(provider.databaseType, String(options.version));
    if (!requested) throw unprocessable({ version: [`version ${String(options.version)} is not available for ${provider.id}`] });
    version = requested;
  }

  const resourceId = uniqueResourceId(sim, app);
  const password = generatePassword(24);
  if (provider.databaseType === 'postgresql') {
    if (sim.backend.mode === 'real' && (await sim.backend.roleExists(resourceId))) throw badRequest('resource id collision, retry');
    await sim.backend.createDatabase(resourceId, { name: resourceId, password, readOnly: false });
  }
  const nowV = sim.nowV();
  const readyAtV = nowV + TIMINGS.provision;
  const now = new Date().toISOString();
  const addon: AddonRecord = {
    id: addonId(),
    appId: app.id,
    providerId: provider.id,
    planId: plan.id,
    resourceId,
    provisionedAt: now,
    updatedAt: now,
    readyAtV,
    hostLabel: `${app.name}-${resourceId.slice(-4)}`,
    password,
    database: newDatabase(sim, provider, plan, version.id, readyAtV, resourceId, password),
  };
  sim.state.addons.push(addon);
  sim.touch();
  return addon;
}

async function changePlan(sim: Simulator, addon: AddonRecord, body: unknown): Promise<void> {
  const input = rootObject(body, 'addon');
  const provider = findProvider(addon.providerId);
  if (!provider) throw notFound('addon_provider');
  const target = resolvePlan(input.plan_id, provider);
  // Asking for the plan the addon already has (or is changing to) is a no-op: PATCH stays
  // idempotent, so a client may repeat a request whose answer it lost.
  if (target.id === addon.planId) return;
  const nowV = sim.nowV();
  if (addonStatus(addon, nowV) === 'provisioning') throw badRequest('the addon is still being provisioned, retry once it is running');
  const status = databaseStatus(addon.database, nowV);
  if (status === 'updating') throw badRequest('a plan change is already in progress on this database, wait until it is running again');
  if (status === 'upgrading') throw badRequest('a version upgrade is in progress on this database, wait until it is running again');
  const dataSize = await sim.dataSize(addon);
  if (dataSize > target.disk) {
    throw badRequest(
      `cannot change to plan ${target.name}: the database holds ${formatBytes(dataSize)} of data, more than the plan's ${formatBytes(target.disk)} of disk`,
      'insufficient_disk',
    );
  }
  startPlanChange(sim.state, addon, target.id, dataSize, nowV);
  addon.planId = target.id;
  addon.updatedAt = new Date().toISOString();
  sim.touch();
}

/** Deletes an addon and its database (also used by the admin API). */
export async function destroyAddon(sim: Simulator, addon: AddonRecord): Promise<void> {
  if (addon.database.type === 'postgresql') {
    await sim.backend.dropDatabase(addon.resourceId, addon.database.users.map((u) => u.name));
  }
  sim.state.addons = sim.state.addons.filter((a) => a !== addon);
  sim.state.operations = sim.state.operations.filter((o) => o.addonId !== addon.id);
  sim.touch();
}

function variableNames(provider: ProviderSpec | undefined): string[] {
  if (!provider) return [];
  return provider.databaseType === 'postgresql' ? [`${provider.variablePrefix}_URL`, 'DATABASE_URL'] : [`${provider.variablePrefix}_URL`];
}

export const addonRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/apps/{app}/addons',
    auth: 'bearer',
    handler: (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      return json(200, { addons: sim.state.addons.filter((a) => a.appId === app.id).map((a) => addonView(sim, a)) });
    },
  },
  {
    method: 'POST',
    pattern: '/v1/apps/{app}/addons',
    auth: 'bearer',
    handler: async (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      const addon = await provision(sim, app, ctx.body);
      const provider = findProvider(addon.providerId);
      return json(201, { addon: addonView(sim, addon), message: 'Database is being provisioned', variables: variableNames(provider) });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/apps/{app}/addons/{addon_id}',
    auth: 'bearer',
    handler: (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      return json(200, { addon: addonView(sim, requireAddon(sim, app, ctx.params.addon_id)) });
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/apps/{app}/addons/{addon_id}',
    auth: 'bearer',
    handler: async (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      const addon = requireAddon(sim, app, ctx.params.addon_id);
      await changePlan(sim, addon, ctx.body);
      return json(200, { addon: addonView(sim, addon), message: 'Database plan is being changed', variables: [] });
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/apps/{app}/addons/{addon_id}',
    auth: 'bearer',
    handler: async (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      await destroyAddon(sim, requireAddon(sim, app, ctx.params.addon_id));
      return empty(204);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/apps/{app}/addons/{addon_id}/token',
    auth: 'bearer',
    handler: (sim, ctx) => {
      const app = requireApp(sim, ctx.params.app);
      const addon = requireAddon(sim, app, ctx.params.addon_id);
      return json(200, { addon: { ...addonView(sim, addon), token: issueToken(sim.state, 'db', addon.id) } });
    },
  },
];
