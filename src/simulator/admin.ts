// Test and admin API under /_sim (not Scalingo's): its own bearer token (the admin token of the
// first stdout line), not rate-limited, not counted.
import { z } from 'zod';
import { destroyAddon } from './addons.js';
import { requireAddon, requireApp } from './apps.js';
import { findPlanByName, findVersionByReadable } from './catalog.js';
import type { Simulator } from './core.js';
import { requireDatabase } from './databases.js';
import { backupStatus } from './backups.js';
import { FaultListSchema } from './faults.js';
import { deleteHandler as deleteFirewallRule, relabelHandler as relabelFirewallRule } from './firewall.js';
import { maintenanceView, scheduleMaintenance } from './maintenance.js';
import { badRequest, empty, json, unprocessable } from './http.js';
import { generatePassword, randomHex24 } from './ids.js';
import { addonStatus, databaseStatus } from './lifecycle.js';
import type { Route } from './router.js';
import { addonView, databaseView } from './views.js';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const message = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw badRequest(`invalid body: ${message}`);
  }
  return result.data;
}

const AppBody = z.object({ name: z.string() }).strict();
const PlanBody = z.object({ plan: z.string() }).strict();
const DatabaseBody = z
  .object({
    data_size: z.number().int().nonnegative().nullable().optional(),
    version: z.string().optional(),
    fail_next_operation: z.boolean().optional(),
    fail_next_backup: z.boolean().optional(),
    fail_next_feature: z.boolean().optional(),
    maintenance_window: z.object({ weekday_utc: z.number().int().min(0).max(6), starting_hour_utc: z.number().int().min(0).max(23) }).strict().optional(),
    periodic_backups: z.object({ enabled: z.boolean(), hour_utc: z.number().int().min(0).max(23).optional() }).strict().optional(),
  })
  .strict();
const MaintenanceBody = z
  .object({
    type: z.string().min(1).optional(),
    status: z.enum(['scheduled', 'notified', 'queued', 'cancelled', 'running', 'failed', 'done']).optional(),
  })
  .strict();
const MaintenanceStatusBody = z.object({ status: z.enum(['scheduled', 'notified', 'queued', 'cancelled', 'running', 'failed', 'done']) }).strict();
const SpeedBody = z.object({ speed: z.number().positive().max(1_000_000) }).strict();
const RateLimitBody = z
  .object({ per_minute: z.number().int().positive().optional(), body: z.enum(['json', 'text']).optional() })
  .strict();
const TokensBody = z.object({ ttl_seconds: z.number().int().positive() }).strict();

function renderState(sim: Simulator): Record<string, unknown> {
  const nowV = sim.nowV();
  const { adminToken: _adminToken, ...state } = sim.state;
  return {
    ...state,
    now: new Date().toISOString(),
    speed: sim.clock.speed,
    postgres: sim.backend.mode,
    addons: sim.state.addons.map((a) => ({
      ...a,
      status: addonStatus(a, nowV),
      database: {
        ...a.database,
        status: databaseStatus(a.database, nowV),
        backups: a.database.backups.map((b) => ({ ...b, status: backupStatus(b, nowV) })),
      },
    })),
    downtimes: sim.state.downtimes.map((d) => ({
      addon_id: d.addonId,
      cause: d.cause,
      kind: d.kind,
      start: sim.clock.iso(d.startV),
      end: sim.clock.iso(d.endV),
      duration_ms: Math.round(sim.clock.toWall(d.endV) - sim.clock.toWall(d.startV)),
      detail: d.detail,
    })),
  };
}

export function adminRoutes(knownApiRoutes: () => ReadonlySet<string>): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/_sim/apps',
      auth: 'admin',
      handler: (sim, ctx) => {
        const { name } = parse(AppBody, ctx.body);
        if (!/^[a-z][a-z0-9-]{2,46}$/.test(name)) throw unprocessable({ name: ['must be 3-47 lowercase letters, digits or hyphens, starting with a letter'] });
        if (sim.state.apps.some((a) => a.name === name)) throw unprocessable({ name: ['has already been taken'] });
        const app = { id: randomHex24(), name, createdAt: new Date().toISOString() };
        sim.state.apps.push(app);
        sim.touch();
        return json(201, { app: { id: app.id, name: app.name } });
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/apps/{app}/addons/{addon_id}',
      auth: 'admin',
      handler: async (sim, ctx) => {
        const app = requireApp(sim, ctx.params.app);
        await destroyAddon(sim, requireAddon(sim, app, ctx.params.addon_id));
        return empty(204);
      },
    },
    {
      method: 'PATCH',
      pattern: '/_sim/apps/{app}/addons/{addon_id}',
      auth: 'admin',
      // An immediate plan change behind Terraform's back: no downtime, database stays running.
      handler: (sim, ctx) => {
        const app = requireApp(sim, ctx.params.app);
        const addon = requireAddon(sim, app, ctx.params.addon_id);
        const { plan: planName } = parse(PlanBody, ctx.body);
        const plan = findPlanByName(planName);
        if (!plan || plan.providerId !== addon.providerId) throw unprocessable({ plan: [`unknown plan ${planName} for provider ${addon.providerId}`] });
        addon.planId = plan.id;
        addon.database.planId = plan.id;
        addon.database.planChange = null;
        addon.updatedAt = new Date().toISOString();
        sim.touch();
        return json(200, { addon: addonView(sim, addon) });
      },
    },
    {
      method: 'PUT',
      pattern: '/_sim/databases/{addon_id}',
      auth: 'admin',
      handler: (sim, ctx) => {
        const addon = requireDatabase(sim, ctx.params.addon_id);
        const body = parse(DatabaseBody, ctx.body);
        const db = addon.database;
        if (body.version !== undefined) {
          const version = findVersionByReadable(db.type, body.version);
          if (!version) throw unprocessable({ version: [`unknown ${db.type} version ${body.version} (x.y.z-b from the catalogue)`] });
          db.versionId = version.id;
        }
        if (body.data_size !== undefined) db.dataSizeOverride = body.data_size; // null: measured again
        if (body.fail_next_operation !== undefined) db.failNextOperation = body.fail_next_operation;
        if (body.fail_next_backup !== undefined) db.failNextBackup = body.fail_next_backup;
        if (body.fail_next_feature !== undefined) db.failNextFeature = body.fail_next_feature;
        // Behind Terraform's back, and regardless of notified maintenances (drift tests).
        if (body.maintenance_window) {
          db.maintenanceWindow.weekdayUtc = body.maintenance_window.weekday_utc;
          db.maintenanceWindow.startingHourUtc = body.maintenance_window.starting_hour_utc;
        }
        if (body.periodic_backups) {
          db.periodicBackupsEnabled = body.periodic_backups.enabled;
          if (body.periodic_backups.hour_utc !== undefined) db.periodicBackupsScheduledAt = [body.periodic_backups.hour_utc];
        }
        sim.touch();
        const app = sim.state.apps.find((a) => a.id === addon.appId);
        return json(200, { database: databaseView(sim, addon, app?.name ?? '') });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/databases/{addon_id}/rotate_password',
      auth: 'admin',
      // The platform rotates the default user's password (as support would after a leak): the
      // app's URL variables change, the old password stops working. The answer holds no secret.
      handler: async (sim, ctx) => {
        const addon = requireDatabase(sim, ctx.params.addon_id);
        const password = generatePassword(24);
        if (addon.database.type === 'postgresql') await sim.backend.setPassword(addon.resourceId, password);
        addon.password = password;
        const owner = addon.database.users.find((u) => u.protected);
        if (owner) owner.password = password;
        addon.updatedAt = new Date().toISOString();
        sim.touch();
        return json(200, { rotated: true });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/databases/{addon_id}/maintenance',
      auth: 'admin',
      // Scalingo schedules and announces maintenances itself: this does it at the next window.
      handler: (sim, ctx) => {
        const db = requireDatabase(sim, ctx.params.addon_id).database;
        const body = parse(MaintenanceBody, ctx.body);
        const m = scheduleMaintenance(db, body.type ?? 'postgresql-minor-upgrade', body.status ?? 'notified');
        sim.touch();
        return json(201, { maintenance: maintenanceView(db, m) });
      },
    },
    {
      method: 'PATCH',
      pattern: '/_sim/databases/{addon_id}/maintenance/{maintenance_id}',
      auth: 'admin',
      handler: (sim, ctx) => {
        const db = requireDatabase(sim, ctx.params.addon_id).database;
        const m = db.maintenances.find((x) => x.id === ctx.params.maintenance_id);
        if (!m) throw unprocessable({ maintenance_id: ['unknown maintenance'] });
        m.status = parse(MaintenanceStatusBody, ctx.body).status;
        if (['done', 'failed', 'cancelled'].includes(m.status)) m.endedAt ??= new Date().toISOString();
        sim.touch();
        return json(200, { maintenance: maintenanceView(db, m) });
      },
    },
    // A label changed, a rule deleted behind the client's back (e.g. in the dashboard).
    { method: 'PATCH', pattern: '/_sim/databases/{addon_id}/firewall_rules/{rule_id}', auth: 'admin', handler: relabelFirewallRule },
    { method: 'DELETE', pattern: '/_sim/databases/{addon_id}/firewall_rules/{rule_id}', auth: 'admin', handler: deleteFirewallRule },
    {
      method: 'PUT',
      pattern: '/_sim/faults',
      auth: 'admin',
      handler: (sim, ctx) => {
        const { faults } = parse(FaultListSchema, ctx.body);
        try {
          sim.faults.replace(faults, knownApiRoutes());
        } catch (err) {
          throw badRequest(err instanceof Error ? err.message : String(err));
        }
        return json(200, { faults: sim.faults.list() });
      },
    },
    { method: 'GET', pattern: '/_sim/faults', auth: 'admin', handler: (sim) => json(200, { faults: sim.faults.list() }) },
    {
      method: 'PUT',
      pattern: '/_sim/speed',
      auth: 'admin',
      handler: (sim, ctx) => {
        const { speed } = parse(SpeedBody, ctx.body);
        sim.clock.setSpeed(speed);
        sim.touch();
        return json(200, { speed });
      },
    },
    {
      method: 'PUT',
      pattern: '/_sim/rate_limit',
      auth: 'admin',
      handler: (sim, ctx) => {
        const body = parse(RateLimitBody, ctx.body);
        if (body.per_minute !== undefined) sim.state.rateLimit.perMinute = body.per_minute;
        if (body.body !== undefined) sim.state.rateLimit.body = body.body;
        // A fresh window, so that tests start from a known budget.
        sim.rateLimiter.reset();
        sim.touch();
        return json(200, { rate_limit: { per_minute: sim.state.rateLimit.perMinute, body: sim.state.rateLimit.body } });
      },
    },
    {
      method: 'PUT',
      pattern: '/_sim/tokens',
      auth: 'admin',
      handler: (sim, ctx) => {
        const { ttl_seconds } = parse(TokensBody, ctx.body);
        sim.state.bearerTtlSeconds = ttl_seconds;
        sim.touch();
        return json(200, { ttl_seconds });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/tokens/revoke',
      auth: 'admin',
      handler: (sim) => {
        sim.state.tokenEpoch++;
        sim.touch();
        return json(200, { revoked: true });
      },
    },
    { method: 'GET', pattern: '/_sim/requests', auth: 'admin', handler: (sim) => json(200, Object.fromEntries(sim.requestCounts)) },
    // Every API request since the last DELETE /_sim/requests, in arrival order.
    { method: 'GET', pattern: '/_sim/requests/log', auth: 'admin', handler: (sim) => json(200, { requests: sim.requestLog }) },
    {
      method: 'DELETE',
      pattern: '/_sim/requests',
      auth: 'admin',
      handler: (sim) => {
        sim.requestCounts.clear();
        sim.requestLog.length = 0;
        return empty(204);
      },
    },
    { method: 'GET', pattern: '/_sim/state', auth: 'admin', handler: (sim) => json(200, renderState(sim)) },
  ];
}

