// Database API: databases, metrics, plans, features and actions (reference §4.2-4.4, §4.8).
import { findPlanById } from './catalog.js';
import type { Simulator } from './core.js';
import { badRequest, isRecord, json, notFound, rootObject, unprocessable } from './http.js';
import { TIMINGS } from './lifecycle.js';
import { lockingMaintenance } from './maintenance.js';
import type { Route } from './router.js';
import { findAddon } from './state.js';
import type { AddonRecord } from './state.js';
import { databaseView, dbPlanView } from './views.js';

/** `{addon_id}` of the database API is the addon's id. */
export function requireDatabase(sim: Simulator, addonId: string | undefined): AddonRecord {
  const addon = addonId === undefined ? undefined : findAddon(sim.state, addonId);
  if (!addon) throw notFound('database');
  return addon;
}

function showDatabase(sim: Simulator, addon: AddonRecord): ReturnType<typeof json> {
  const app = sim.state.apps.find((a) => a.id === addon.appId);
  return json(200, { database: databaseView(sim, addon, app?.name ?? '') });
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function updateDatabase(sim: Simulator, addon: AddonRecord, body: unknown): void {
  const input = rootObject(body, 'database');
  const db = addon.database;
  const errors: Record<string, string[]> = {};
  if (input.periodic_backups_enabled !== undefined && typeof input.periodic_backups_enabled !== 'boolean') {
    errors.periodic_backups_enabled = ['must be a boolean'];
  }
  let scheduledAt: number[] | undefined;
  const rawSchedule = input.periodic_backups_scheduled_at;
  if (rawSchedule !== undefined) {
    // go-scalingo sends one hour as an int, scalingo.js an array; responses always hold an array.
    const hours = Array.isArray(rawSchedule) ? rawSchedule : [rawSchedule];
    if (hours.length === 0 || !hours.every((h) => isInt(h, 0, 23))) errors.periodic_backups_scheduled_at = ['must be hours between 0 and 23'];
    else scheduledAt = hours as number[];
  }
  const mw = input.maintenance_window;
  if (mw !== undefined) {
    if (!isRecord(mw)) errors.maintenance_window = ['must be an object'];
    else {
      if (mw.weekday_utc !== undefined && !isInt(mw.weekday_utc, 0, 6)) errors['maintenance_window.weekday_utc'] = ['must be between 0 (Sunday) and 6 (Saturday)'];
      if (mw.starting_hour_utc !== undefined && !isInt(mw.starting_hour_utc, 0, 23)) errors['maintenance_window.starting_hour_utc'] = ['must be between 0 and 23'];
      if (mw.duration_in_hour !== undefined) errors['maintenance_window.duration_in_hour'] = ['cannot be updated'];
    }
  }
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
  // Once a maintenance has been announced, its window cannot be moved (reference §4.3).
  const moved = isRecord(mw) && ((typeof mw.weekday_utc === 'number' && mw.weekday_utc !== db.maintenanceWindow.weekdayUtc) || (typeof mw.starting_hour_utc === 'number' && mw.starting_hour_utc !== db.maintenanceWindow.startingHourUtc));
  const locking = moved ? lockingMaintenance(db) : undefined;
  if (locking) {
    throw unprocessable({ maintenance_window: [`cannot be changed: maintenance ${locking.id} has been notified for ${locking.startedAt}`] });
  }
  if (typeof input.periodic_backups_enabled === 'boolean') db.periodicBackupsEnabled = input.periodic_backups_enabled;
  if (scheduledAt) db.periodicBackupsScheduledAt = scheduledAt;
  if (isRecord(mw)) {
    if (typeof mw.weekday_utc === 'number') db.maintenanceWindow.weekdayUtc = mw.weekday_utc;
    if (typeof mw.starting_hour_utc === 'number') db.maintenanceWindow.startingHourUtc = mw.starting_hour_utc;
  }
  sim.touch();
}

const GENERIC_FEATURES = ['force-ssl', 'publicly-available'];
const REDIS_FEATURES = ['redis-rdb', 'redis-aof', 'redis-cache'];

function enableFeature(sim: Simulator, addon: AddonRecord, body: unknown): Record<string, unknown> {
  const input = rootObject(body, 'feature');
  const name = input.name;
  if (typeof name !== 'string' || name === '') throw badRequest('feature name is required');
  const db = addon.database;
  if (!GENERIC_FEATURES.includes(name) && !REDIS_FEATURES.includes(name)) throw badRequest(`feature '${name}' does not exist`);
  if (REDIS_FEATURES.includes(name) && db.type !== 'redis') throw badRequest(`feature '${name}' is only available on redis databases`);
  const existing = db.features.find((f) => f.name === name);
  // A FAILED feature may be enabled again.
  if (existing && existing.status !== 'PENDING_TO_REMOVE' && existing.status !== 'FAILED') throw badRequest(`feature '${name}' is already setup on this database`);
  if (name === 'publicly-available') {
    const ssl = db.features.find((f) => f.name === 'force-ssl');
    if (!ssl || ssl.status === 'PENDING_TO_REMOVE') throw badRequest("feature 'publicly-available' requires 'force-ssl' to be enabled first");
  }
  db.features = db.features.filter((f) => f.name !== name);
  db.features.push({ name, status: 'PENDING_TO_ACTIVATE', settlesAtV: sim.nowV() + TIMINGS.featureActivation, ...(db.failNextFeature ? { willFail: true } : {}) });
  db.failNextFeature = false;
  sim.touch();
  return { name, status: 'PENDING_TO_ACTIVATE', message: `Feature ${name} is being enabled` };
}

function disableFeature(sim: Simulator, addon: AddonRecord, name: string | null): Record<string, unknown> {
  if (!name) throw badRequest('the feature query parameter is required');
  const db = addon.database;
  const existing = db.features.find((f) => f.name === name);
  if (!existing || existing.status === 'PENDING_TO_REMOVE') throw badRequest(`feature '${name}' is not enabled on this database`);
  const publicFeature = db.features.find((f) => f.name === 'publicly-available');
  if (name === 'force-ssl' && publicFeature && publicFeature.status !== 'PENDING_TO_REMOVE') {
    throw badRequest("feature 'force-ssl' is required by 'publicly-available': disable 'publicly-available' first");
  }
  existing.status = 'PENDING_TO_REMOVE';
  existing.settlesAtV = sim.nowV() + TIMINGS.featureRemoval;
  sim.touch();
  return { message: `${name} feature has been disabled` };
}

async function metrics(sim: Simulator, addon: AddonRecord): Promise<Record<string, unknown>> {
  const dataSize = await sim.dataSize(addon);
  const plan = findPlanById(addon.database.planId);
  const memoryLimit = plan?.memory ?? 0;
  const used = Math.round(memoryLimit * 0.35);
  return {
    cpu_usage: 2.5,
    memory: { memory: used, memory_max: Math.round(memoryLimit * 0.5), memory_limit: memoryLimit, swap: 0, swap_max: 0, swap_limit: 0 },
    // On-disk footprint: data plus WAL and overhead.
    real_disk_size: Math.round(dataSize * 1.25) + 16 * 1024 * 1024,
    instances_metrics: {},
    database_stats: {
      data_size: dataSize,
      current_connections: 1,
      max_connections: Math.max(10, Math.round((60 * memoryLimit) / 1024 ** 3)),
    },
  };
}

async function runAction(sim: Simulator, addon: AddonRecord, body: unknown): Promise<ReturnType<typeof json>> {
  const action = isRecord(body) ? body.action_name : undefined;
  if (typeof action !== 'string' || action === '') return json(400, { ok: 0, error: 'action_name is required' });
  if (action === 'list-extensions' && addon.database.type === 'postgresql') {
    const result = await sim.backend.listExtensions(addon.resourceId);
    await sim.snapshotExtensions(addon);
    return json(200, { ok: 1, result });
  }
  return json(400, { ok: 0, error: `action '${action}' is not supported on this ${addon.database.type} database by the simulator` });
}

export const databaseRoutes: Route[] = [
  { method: 'GET', pattern: '/api/databases/{addon_id}', auth: 'db', handler: (sim, ctx) => showDatabase(sim, requireDatabase(sim, ctx.params.addon_id)) },
  {
    method: 'PATCH',
    pattern: '/api/databases/{addon_id}',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      updateDatabase(sim, addon, ctx.body);
      return showDatabase(sim, addon);
    },
  },
  {
    method: 'PUT',
    pattern: '/api/databases/{addon_id}',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      updateDatabase(sim, addon, ctx.body);
      return showDatabase(sim, addon);
    },
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/metrics',
    auth: 'db',
    handler: async (sim, ctx) => json(200, await metrics(sim, requireDatabase(sim, ctx.params.addon_id))),
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/plan',
    auth: 'db',
    handler: (sim, ctx) => {
      const plan = findPlanById(requireDatabase(sim, ctx.params.addon_id).database.planId);
      if (!plan) throw notFound('plan');
      return json(200, { plan: dbPlanView(plan) });
    },
  },
  {
    method: 'GET',
    pattern: '/api/plans/{plan_id}',
    auth: 'db',
    handler: (_sim, ctx) => {
      const plan = findPlanById(ctx.params.plan_id ?? '');
      if (!plan) throw notFound('plan');
      return json(200, { plan: dbPlanView(plan) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/features',
    auth: 'db',
    handler: (sim, ctx) => json(200, enableFeature(sim, requireDatabase(sim, ctx.params.addon_id), ctx.body)),
  },
  {
    method: 'DELETE',
    pattern: '/api/databases/{addon_id}/features',
    auth: 'db',
    handler: (sim, ctx) => json(200, disableFeature(sim, requireDatabase(sim, ctx.params.addon_id), ctx.query.get('feature'))),
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/action',
    auth: 'db',
    handler: (sim, ctx) => runAction(sim, requireDatabase(sim, ctx.params.addon_id), ctx.body),
  },
];
