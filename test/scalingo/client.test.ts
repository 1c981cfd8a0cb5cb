// Every typed method against the simulator, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigurationError,
  HttpError,
  NetworkError,
  NotFoundError,
  ValidationError,
  formatVersion,
  isNotFound,
} from '../../src/scalingo/index.js';
import type { Addon } from '../../src/scalingo/index.js';
import { ScalingoClient } from '../../src/scalingo/client.js';
import { admin, createApp, makeClient, provisionPostgres, startSim, waitFor } from './helpers.js';
import type { Simulator } from './helpers.js';

let sim: Simulator;
let client: ScalingoClient;
let app: { id: string; name: string };
let addon: Addon;

beforeAll(async () => {
  sim = await startSim();
  ({ client } = makeClient(sim));
  app = await createApp(sim, 'main');
  addon = await provisionPostgres(client, app.id);
}, 30_000);

afterAll(async () => {
  await client?.close();
  await sim?.close();
});

describe('auth API and endpoints', () => {
  it('lists regions', async () => {
    const regions = await client.regions.list();
    expect(regions.map((r) => r.name)).toContain('osc-fr1');
    expect(regions[0]).toEqual(expect.objectContaining({ api: expect.any(String), database_api: expect.any(String) }));
  });

  it('resolves the main and DB API from the region when only the auth URL is given', async () => {
    const c = new ScalingoClient({ apiToken: sim.apiToken, version: 't', authUrl: sim.url, rateLimit: false });
    try {
      expect((await c.addons.list(app.id)).map((a) => a.id)).toContain(addon.id);
      expect((await c.databases.get(app.id, addon.id)).status).toBe('running');
    } finally {
      await c.close();
    }
  });

  it('lets an explicit URL win over region resolution', async () => {
    // The region points at the simulator; the explicit DB API URL points at a closed port.
    const c = new ScalingoClient({
      apiToken: sim.apiToken, version: 't', authUrl: sim.url, dbApiUrl: 'http://127.0.0.1:1', rateLimit: false,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    try {
      expect((await c.addons.get(app.id, addon.id)).id).toBe(addon.id);
      await expect(c.databases.get(app.id, addon.id)).rejects.toBeInstanceOf(NetworkError);
    } finally {
      await c.close();
    }
  });

  it('rejects an unknown region with the list of known ones', async () => {
    const c = new ScalingoClient({ apiToken: sim.apiToken, version: 't', authUrl: sim.url, region: 'mars-1', rateLimit: false });
    try {
      const err = await c.addons.list(app.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(/mars-1.*osc-fr1/);
    } finally {
      await c.close();
    }
  });

  it('rejects base URLs with credentials without echoing them', () => {
    expect(() => new ScalingoClient({ apiToken: 'tk-x', version: 't', apiUrl: 'https://user:s3cret@example.com' })).toThrow(
      /must not contain credentials/,
    );
    try {
      new ScalingoClient({ apiToken: 'tk-x', version: 't', apiUrl: 'https://user:s3cret@example.com' });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('s3cret');
    }
  });

  it('refuses an invalid API token with UnauthorizedError', async () => {
    const c = new ScalingoClient({ apiToken: 'tk-us-wrong', version: 't', authUrl: sim.url, apiUrl: sim.url, dbApiUrl: sim.url, rateLimit: false });
    try {
      const err = await c.addons.list(app.id).catch((e: unknown) => e);
      expect(err).toEqual(expect.objectContaining({ name: 'UnauthorizedError', status: 401, path: '/v1/tokens/exchange' }));
      expect((err as Error).message).not.toContain('tk-us-wrong');
    } finally {
      await c.close();
    }
  });
});

describe('addon providers and plans', () => {
  it('lists providers', async () => {
    const providers = await client.addonProviders.list();
    expect(providers.map((p) => p.id)).toEqual(expect.arrayContaining(['postgresql', 'redis']));
  });

  it('lists plans, with show_all adding unavailable ones, and normalises aliases', async () => {
    const visible = await client.addonProviders.plans('postgresql');
    const all = await client.addonProviders.plans('scalingo-postgresql', { showAll: true });
    const names = visible.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['postgresql-starter-512', 'postgresql-business-8192']));
    expect(all.length).toBeGreaterThan(visible.length);
    expect(all.some((p) => p.disabled === true)).toBe(true);
    expect(visible.every((p) => p.disabled !== true)).toBe(true);
  });
});

describe('addons', () => {
  it('lists and shows addons', async () => {
    const list = await client.addons.list(app.id);
    expect(list.map((a) => a.id)).toContain(addon.id);
    const shown = await client.addons.get(app.id, addon.id);
    expect(shown).toEqual(expect.objectContaining({ id: addon.id, status: 'running', resource_id: addon.resource_id }));
    expect(shown.plan.name).toBe('postgresql-starter-512');
    expect(shown.addon_provider.id).toBe('postgresql');
  });

  it('answers NotFoundError with Scalingo\'s message for a missing addon or app', async () => {
    const err = await client.addons.get(app.id, 'ad-00000000-0000-0000-0000-000000000000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(isNotFound(err)).toBe(true);
    expect(err).toEqual(expect.objectContaining({ status: 404, resource: 'addon', scalingoMessage: 'The addon was not found' }));
    expect((err as NotFoundError).requestId).toEqual(expect.any(String));
    const appErr = await client.addons.list('no-such-app').catch((e: unknown) => e);
    expect(appErr).toEqual(expect.objectContaining({ name: 'NotFoundError', scalingoMessage: 'The app was not found' }));
  });

  it('provisions (201), changes the plan (PATCH 200) and destroys (204) an addon', async () => {
    const other = await createApp(sim, 'lifecycle');
    const plans = await client.addonProviders.plans('redis');
    const first = plans.find((p) => !p.disabled && p.name !== plans[plans.length - 1]?.name) ?? plans[0];
    const target = plans.filter((p) => !p.disabled && p.id !== first?.id).pop();
    if (!first || !target) throw new Error('redis plans missing');
    const provisioned = await client.addons.provision(other.id, { providerId: 'scalingo-redis', planId: first.id });
    expect(provisioned.addon.addon_provider.id).toBe('redis');
    expect(provisioned.addon.plan.id).toBe(first.id);
    await waitFor(() => client.addons.get(other.id, provisioned.addon.id), (a) => a.status === 'running');
    await waitFor(() => client.databases.get(other.id, provisioned.addon.id), (d) => d.status === 'running');

    const changed = await client.addons.changePlan(other.id, provisioned.addon.id, target.id);
    expect(changed.message).toEqual(expect.any(String));
    expect(changed.addon?.id).toBe(provisioned.addon.id);
    await waitFor(() => client.databases.get(other.id, provisioned.addon.id), (d) => d.status === 'running' && d.plan === target.name);

    await client.addons.destroy(other.id, provisioned.addon.id);
    await expect(client.addons.get(other.id, provisioned.addon.id)).rejects.toBeInstanceOf(NotFoundError);
  }, 30_000);

  it('reports provisioning validation errors as structured field errors', async () => {
    const err = await client.addons.provision(app.id, { providerId: 'postgresql', planId: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ plan_id: ["can't be blank"] });
    expect((err as ValidationError).message).toContain("plan_id: can't be blank");
  });

  it('issues a DB-API token with its expiry, and caches it', async () => {
    const t1 = await client.addons.databaseToken(app.id, addon.id);
    const t2 = await client.addons.databaseToken(app.id, addon.id);
    expect(t1.token).toEqual(expect.any(String));
    expect(t2.token).toBe(t1.token);
    expect(t1.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});

describe('apps', () => {
  it('reads app variables', async () => {
    const vars = await client.apps.variables(app.id);
    const url = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL');
    expect(url?.value).toMatch(/^postgres(ql)?:\/\//);
    const aliased = await client.apps.variables(app.id, { aliases: true });
    expect(aliased.some((v) => v.name === 'DATABASE_URL')).toBe(true);
  });
});

describe('database API', () => {
  it('shows the database', async () => {
    const db = await client.databases.get(app.id, addon.id);
    expect(db).toEqual(expect.objectContaining({ status: 'running', plan: 'postgresql-starter-512', type_name: 'postgresql' }));
    expect(db.readable_version).toMatch(/^\d+\.\d+\.\d+-\d+$/);
    expect(Array.isArray(db.features)).toBe(true);
  });

  it('updates periodic backups and the maintenance window', async () => {
    const db = await client.databases.update(app.id, addon.id, {
      periodicBackupsEnabled: true,
      periodicBackupsScheduledAt: 3,
      maintenanceWindow: { weekdayUtc: 0, startingHourUtc: 22 },
    });
    expect(db.periodic_backups_enabled).toBe(true);
    expect(db.periodic_backups_scheduled_at).toEqual([3]);
    expect(db.maintenance_window).toEqual(expect.objectContaining({ weekday_utc: 0, starting_hour_utc: 22 }));
    const bad = await client.databases
      .update(app.id, addon.id, { maintenanceWindow: { weekdayUtc: 7, startingHourUtc: 1 } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors ?? {})).toEqual(['maintenance_window.weekday_utc']);
  });

  it('enables and disables a feature', async () => {
    const enabled = await client.databases.enableFeature(app.id, addon.id, 'force-ssl');
    expect(enabled.status).toMatch(/PENDING|ACTIVATED/);
    await waitFor(() => client.databases.get(app.id, addon.id), (d) => d.features.some((f) => f.name === 'force-ssl' && f.status === 'ACTIVATED'));
    const again = await client.databases.enableFeature(app.id, addon.id, 'force-ssl').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HttpError);
    expect((again as HttpError).status).toBe(400);
    expect((again as HttpError).scalingoMessage).toMatch(/already setup/);
    const disabled = await client.databases.disableFeature(app.id, addon.id, 'force-ssl');
    expect(disabled.message).toMatch(/disabled/);
    await waitFor(() => client.databases.get(app.id, addon.id), (d) => !d.features.some((f) => f.name === 'force-ssl'));
  });

  it('reads metrics, the database plan and a plan by id (bytes)', async () => {
    await admin(sim, 'PUT', `/_sim/databases/${addon.id}`, { data_size: 123_456_789 });
    const metrics = await client.databases.metrics(app.id, addon.id);
    expect(metrics.database_stats.data_size).toBe(123_456_789);
    expect(metrics.real_disk_size).toBeGreaterThan(123_456_789);
    const plan = await client.databases.plan(app.id, addon.id);
    expect(plan.name).toBe('postgresql-starter-512');
    expect(plan.memory).toBe(512 * 1024 ** 2);
    expect(plan.disk).toBeGreaterThan(1024 ** 3);
    const plans = await client.addonProviders.plans('postgresql');
    const business = plans.find((p) => p.name === 'postgresql-business-1024');
    const byId = await client.databases.planById(app.id, addon.id, business?.id ?? '');
    expect(byId.name).toBe('postgresql-business-1024');
    expect(byId.memory).toBe(1024 ** 3);
  });

  it('lists extensions through the action endpoint', async () => {
    const extensions = await client.databases.listExtensions(app.id, addon.id);
    expect(Array.isArray(extensions)).toBe(true);
    for (const e of extensions) expect(e).toEqual(expect.objectContaining({ name: expect.any(String) }));
    const raw = await client.databases.action(app.id, addon.id, 'list-extensions', {}, { idempotent: true });
    expect(raw.ok).toBe(true);
    const unsupported = await client.databases.action(app.id, addon.id, 'pg-no-such-action').catch((e: unknown) => e);
    expect(unsupported).toEqual(expect.objectContaining({ name: 'HttpError', status: 400 }));
  });

  it('shows type versions, upgrades and follows the operation', async () => {
    await admin(sim, 'PUT', `/_sim/databases/${addon.id}`, { version: '16.13.0-1' });
    const db = await client.databases.get(app.id, addon.id);
    expect(db.readable_version).toBe('16.13.0-1');
    expect(db.next_version_id).toEqual(expect.any(String));
    const current = await client.databases.typeVersion(app.id, addon.id, db.version_id);
    expect(formatVersion(current)).toBe('16.13.0-1');
    const next = await client.databases.typeVersion(app.id, addon.id, db.next_version_id ?? '', { cache: true });
    expect(formatVersion(next)).toBe('16.15.0-1');

    const upgrade = await client.databases.upgrade(app.id, addon.id);
    expect(upgrade.operation_id).toEqual(expect.any(String));
    expect(upgrade.location).toContain(`/operations/${upgrade.operation_id}`);
    expect(upgrade.message).toMatch(/16\.15\.0-1/);
    const op = await client.databases.operation(app.id, addon.id, upgrade.operation_id);
    expect(op).toEqual(expect.objectContaining({ id: upgrade.operation_id, type: 'upgrade' }));
    const done = await waitFor(() => client.databases.operation(app.id, addon.id, upgrade.operation_id), (o) => o.status === 'finished');
    expect(done.finished_at).toEqual(expect.any(String));
    expect((await client.databases.get(app.id, addon.id)).readable_version).toBe('16.15.0-1');
    await expect(client.databases.operation(app.id, addon.id, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  }, 20_000);
});

describe('database users', () => {
  it('lists users with the protected one', async () => {
    const users = await client.databaseUsers.list(app.id, addon.id);
    expect(users).toEqual(expect.arrayContaining([expect.objectContaining({ name: addon.resource_id, protected: true })]));
    expect(users.every((u) => u.password === undefined)).toBe(true);
  });

  it('creates users with a given or a generated password, rotates and deletes them', async () => {
    const given = await client.databaseUsers.create(app.id, addon.id, { name: 'reporting', readOnly: true, password: 'a-long-enough-password-1' });
    expect(given).toEqual(expect.objectContaining({ name: 'reporting', read_only: true, protected: false }));
    const generated = await client.databaseUsers.create(app.id, addon.id, { name: 'writer_1' });
    expect(generated.password).toEqual(expect.any(String));
    expect(generated.password?.length).toBeGreaterThanOrEqual(24);

    const updated = await client.databaseUsers.updatePassword(app.id, addon.id, 'reporting', 'another-long-password-2');
    expect(updated.name).toBe('reporting');
    const reset = await client.databaseUsers.resetPassword(app.id, addon.id, 'writer_1');
    expect(reset.password).toEqual(expect.any(String));
    expect(reset.password).not.toBe(generated.password);

    await client.databaseUsers.delete(app.id, addon.id, 'reporting');
    await client.databaseUsers.delete(app.id, addon.id, 'writer_1');
    const names = (await client.databaseUsers.list(app.id, addon.id)).map((u) => u.name);
    expect(names).not.toContain('reporting');
    await expect(client.databaseUsers.delete(app.id, addon.id, 'reporting')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports user validation errors per field, and refuses the protected user', async () => {
    const err = await client.databaseUsers.create(app.id, addon.id, { name: '1x', password: 'short' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fieldErrors ?? {};
    expect(Object.keys(fields).sort()).toEqual(['name', 'password']);
    expect(fields['name']).toEqual(expect.arrayContaining(['must start with a letter']));
    const forbidden = await client.databaseUsers.delete(app.id, addon.id, addon.resource_id).catch((e: unknown) => e);
    expect(forbidden).toEqual(expect.objectContaining({ name: 'ForbiddenError', status: 403, code: 'protected_user' }));
  });
});

describe('backups, PITR and maintenance', () => {
  it('creates a manual backup, finds it until done, and reads the recovery window', async () => {
    const created = await client.backups.create(app.id, addon.id);
    expect(created.method).toBe('manual');
    const done = await waitFor(() => client.backups.get(app.id, addon.id, created.id), (b) => b?.status === 'done');
    expect(done!.size).toBeGreaterThan(0);
    const list = await client.backups.list(app.id, addon.id);
    expect(list[0]!.id).toBe(created.id);
    const window = await client.backups.recoveryWindow(app.id, addon.id);
    expect(Date.parse(window.latest_recoverable_at!)).toBeGreaterThanOrEqual(Date.parse(window.earliest_recoverable_at!));
    const restore = await client.backups.restore(app.id, addon.id, new Date(window.latest_recoverable_at!));
    expect(restore.operation_id).toEqual(expect.any(String));
    expect((await client.databases.operation(app.id, addon.id, restore.operation_id!)).type).toBe('pitr_restore');
  });

  it('lists maintenances', async () => {
    await admin(sim, 'POST', `/_sim/databases/${addon.id}/maintenance`, {});
    const list = await client.maintenance.list(app.id, addon.id);
    expect(list).toEqual([expect.objectContaining({ status: 'notified', started_at: expect.any(String) })]);
  });
});
