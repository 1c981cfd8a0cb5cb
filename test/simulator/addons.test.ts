import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call, waitFor } from './helpers.js';

const HEX24 = /^[0-9a-f]{24}$/;
const GiB = 1024 ** 3;

describe('addon providers and plan catalogues', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start();
  });
  afterAll(() => t.close());

  test('GET /v1/addon_providers lists postgresql (category Databases) and redis', async () => {
    const r = await call(t.url, 'GET', '/v1/addon_providers');
    expect(r.status).toBe(200);
    const ids = r.body.addon_providers.map((p: { id: string }) => p.id);
    expect(ids).toEqual(['postgresql', 'redis']);
    const pg = r.body.addon_providers[0];
    expect(pg.category.name).toBe('Databases');
    expect(pg).toEqual(expect.objectContaining({ name: 'PostgreSQL', logo_url: expect.any(String), hds_available: expect.any(Boolean) }));
  });

  test('postgresql plans: the full catalogue with show_all=true, disabled ones hidden otherwise', async () => {
    const all = (await call(t.url, 'GET', '/v1/addon_providers/postgresql/plans?show_all=true')).body.plans;
    const names = all.map((p: { name: string }) => p.name);
    expect(names).toEqual([
      'postgresql-sandbox',
      'postgresql-starter-512', 'postgresql-starter-1024', 'postgresql-starter-2048', 'postgresql-starter-4096', 'postgresql-starter-8192',
      'postgresql-business-512', 'postgresql-business-1024', 'postgresql-business-2048', 'postgresql-business-4096', 'postgresql-business-8192',
    ]);
    for (const plan of all) {
      expect(plan.id).toMatch(HEX24);
      for (const key of ['position', 'display_name', 'sku', 'price', 'description', 'on_demand', 'disabled', 'disabled_alternative_plan_id', 'to_be_discontinued', 'hds_available']) {
        expect(plan).toHaveProperty(key);
      }
    }
    const disabled = all.filter((p: { disabled: boolean }) => p.disabled);
    expect(disabled.map((p: { name: string }) => p.name)).toEqual(['postgresql-starter-8192']);
    const alternative = all.find((p: { id: string }) => p.id === disabled[0].disabled_alternative_plan_id);
    expect(alternative.name).toBe('postgresql-business-8192');
    expect(all.filter((p: { to_be_discontinued: boolean }) => p.to_be_discontinued).map((p: { name: string }) => p.name)).toEqual(['postgresql-starter-4096']);
    expect(all.filter((p: { on_demand: boolean }) => p.on_demand).map((p: { name: string }) => p.name)).toEqual(['postgresql-business-4096']);

    for (const query of ['?show_all=false', '']) {
      const visible = (await call(t.url, 'GET', `/v1/addon_providers/postgresql/plans${query}`)).body.plans;
      expect(visible.map((p: { name: string }) => p.name)).toEqual(names.filter((n: string) => n !== 'postgresql-starter-8192'));
    }
  });

  test('redis plans', async () => {
    const r = await call(t.url, 'GET', '/v1/addon_providers/redis/plans?show_all=true');
    expect(r.body.plans.map((p: { name: string }) => p.name)).toEqual(['redis-sandbox', 'redis-starter-256', 'redis-starter-512', 'redis-business-256', 'redis-business-512']);
  });

  test('unknown providers, including legacy aliases, are 404 {"resource":"addon_provider"}', async () => {
    for (const id of ['scalingo-postgresql', 'mysql']) {
      const r = await call(t.url, 'GET', `/v1/addon_providers/${id}/plans`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ resource: 'addon_provider', error: 'not found' });
    }
  });
});

describe('addons: provisioning, plan changes, destroy', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start({ speed: 4 });
  });
  afterAll(() => t.close());

  test('provision answers 201 {addon, message, variables}, then provisioning -> running with speed', async () => {
    const app = await t.newApp('provision-app');
    const planId = await t.planId('postgresql-starter-512');
    const r = await t.api('POST', `/v1/apps/${app.name}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: planId, options: null } });
    expect(r.status).toBe(201);
    expect(r.body.message).toEqual(expect.any(String));
    expect(r.body.variables).toEqual(['SCALINGO_POSTGRESQL_URL', 'DATABASE_URL']);
    const addon = r.body.addon;
    expect(addon).toEqual(
      expect.objectContaining({
        app_id: app.id,
        status: 'provisioning',
        resource_id: expect.stringMatching(/^provision_app_\d{4}$/),
        addon_provider: expect.objectContaining({ id: 'postgresql', name: 'PostgreSQL' }),
        plan: expect.objectContaining({ id: planId, name: 'postgresql-starter-512' }),
      }),
    );
    expect(addon.id).toMatch(/^ad-[0-9a-f-]{36}$/);
    t.track(addon.id, app.id);
    const db = await t.db('GET', addon.id, '', undefined);
    expect(db.body.database.status).toBe('creating');
    // 5 s at speed 1, 1.25 s at speed 4: still provisioning shortly after.
    expect((await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).body.addon.status).toBe('provisioning');
    const started = Date.now();
    await waitFor(async () => (await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).body.addon.status === 'running', 4000);
    expect(Date.now() - started).toBeGreaterThan(600);
    expect((await t.db('GET', addon.id)).body.database.status).toBe('running');

    const list = await t.api('GET', `/v1/apps/${app.id}/addons`);
    expect(list.status).toBe(200);
    expect(list.body.addons.map((a: { id: string }) => a.id)).toEqual([addon.id]);

    const vars = await t.api('GET', `/v1/apps/${app.id}/variables`);
    const byName = Object.fromEntries(vars.body.variables.map((v: { name: string; value: string }) => [v.name, v.value]));
    expect(byName.SCALINGO_POSTGRESQL_URL).toMatch(new RegExp(`^postgresql://${addon.resource_id}:[^@]+@[^/]+/${addon.resource_id}\\?sslmode=prefer$`));
    expect(byName.DATABASE_URL).toBe(byName.SCALINGO_POSTGRESQL_URL);
    for (const v of vars.body.variables) expect(Object.keys(v).sort()).toEqual(['id', 'name', 'value']);
  });

  test('provision validation: blank fields 422, unknown provider/plan 404, disabled or foreign plan 422, duplicate 422', async () => {
    const app = await t.newApp('validation-app');
    const path = `/v1/apps/${app.id}/addons`;
    const blank = await t.api('POST', path, { addon: {} });
    expect(blank.status).toBe(422);
    expect(Object.keys(blank.body.errors).sort()).toEqual(['addon_provider_id', 'plan_id']);
    const provider = await t.api('POST', path, { addon: { addon_provider_id: 'scalingo-postgresql', plan_id: await t.planId('postgresql-sandbox') } });
    expect(provider.status).toBe(404);
    expect(provider.body).toEqual({ resource: 'addon_provider', error: 'not found' });
    const plan = await t.api('POST', path, { addon: { addon_provider_id: 'postgresql', plan_id: 'ffffffffffffffffffffffff' } });
    expect(plan.status).toBe(404);
    expect(plan.body).toEqual({ resource: 'plan', error: 'not found' });
    const disabled = await t.api('POST', path, { addon: { addon_provider_id: 'postgresql', plan_id: await t.planId('postgresql-starter-8192') } });
    expect(disabled.status).toBe(422);
    expect(disabled.body.errors.plan_id[0]).toMatch(/disabled.*postgresql-business-8192/);
    const foreign = await t.api('POST', path, { addon: { addon_provider_id: 'postgresql', plan_id: await t.planId('redis-sandbox') } });
    expect(foreign.status).toBe(422);
    expect((await t.api('POST', path, { notaddon: 1 })).status).toBe(400);
    await t.provision('postgresql-sandbox', app.id);
    const dup = await t.api('POST', path, { addon: { addon_provider_id: 'postgresql', plan_id: await t.planId('postgresql-sandbox') } });
    expect(dup.status).toBe(422);
    expect(dup.body.errors.addon_provider_id).toBeDefined();
    expect((await t.api('POST', '/v1/apps/nope/addons', { addon: {} })).status).toBe(404);
  });

  test('options.version picks the major (UNCONFIRMED upstream); an unknown one is 422', async () => {
    const app = await t.newApp('version-app');
    const r = await t.api('POST', `/v1/apps/${app.id}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: await t.planId('postgresql-sandbox'), options: { version: '15' } } });
    expect(r.status).toBe(201);
    t.track(r.body.addon.id, app.id);
    expect((await t.db('GET', r.body.addon.id)).body.database.readable_version).toBe('15.19.0-1');
    const bad = await t.api('POST', `/v1/apps/${t.sim.apps[1]!.id}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: await t.planId('postgresql-sandbox'), options: { version: '9' } } });
    expect(bad.status).toBe(422);
  });

  test('a Starter plan change: addon plan changes at once and stays running, database updating then running, unavailable window recorded', async () => {
    const app = await t.newApp('starter-change');
    const addon = await t.provision('postgresql-starter-512', app.id);
    await t.admin('PUT', '/speed', { speed: 100 });
    await t.waitRunning(addon.id);
    await t.admin('PUT', '/speed', { speed: 2 });
    const target = await t.planId('postgresql-starter-1024');
    const r = await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: target } });
    expect(r.status).toBe(200);
    expect(r.body.addon.plan.name).toBe('postgresql-starter-1024');
    expect(r.body.addon.status).toBe('running');
    expect(r.body.message).toEqual(expect.any(String));
    expect(Array.isArray(r.body.variables)).toBe(true);

    const during = (await t.db('GET', addon.id)).body.database;
    expect(during.status).toBe('updating');
    expect(during.plan).toBe('postgresql-starter-512');
    expect((await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).body.addon.status).toBe('running');

    // A second change while updating is refused; repeating the same one is an idempotent no-op.
    const busy = await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: await t.planId('postgresql-starter-2048') } });
    expect(busy.status).toBe(400);
    expect(busy.body.error).toMatch(/in progress/);
    expect((await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: target } })).status).toBe(200);

    await t.admin('PUT', '/speed', { speed: 100 });
    await t.waitRunning(addon.id);
    expect((await t.db('GET', addon.id)).body.database.plan).toBe('postgresql-starter-1024');

    const state = (await t.admin('GET', '/state')).body;
    const windows = state.downtimes.filter((d: { addon_id: string }) => d.addon_id === addon.id);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toEqual(expect.objectContaining({ kind: 'unavailable', cause: 'plan_change', start: expect.any(String), end: expect.any(String) }));
    expect(Date.parse(windows[0].end)).toBeGreaterThan(Date.parse(windows[0].start));
  });

  test('a Business plan change records a brief failover window only', async () => {
    const app = await t.newApp('business-change');
    await t.admin('PUT', '/speed', { speed: 100 });
    const addon = await t.provision('postgresql-business-512', app.id);
    await t.waitRunning(addon.id);
    const r = await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: await t.planId('postgresql-business-1024') } });
    expect(r.status).toBe(200);
    await t.waitRunning(addon.id);
    const state = (await t.admin('GET', '/state')).body;
    const [window] = state.downtimes.filter((d: { addon_id: string }) => d.addon_id === addon.id);
    expect(window.kind).toBe('failover');
    // 2 s of failover at speed 1 within a longer change.
    expect(window.duration_ms).toBeLessThanOrEqual(2000 / 100 + 1);
  });

  test('a downgrade whose data does not fit the target disk is refused with 400 {"error"}', async () => {
    const app = await t.newApp('downgrade-app');
    await t.admin('PUT', '/speed', { speed: 100 });
    const addon = await t.provision('postgresql-starter-1024', app.id);
    await t.waitRunning(addon.id);
    await t.admin('PUT', `/databases/${addon.id}`, { data_size: 15 * GiB });
    const metrics = await t.db('GET', addon.id, '/metrics');
    expect(metrics.body.database_stats.data_size).toBe(15 * GiB);
    const r = await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: await t.planId('postgresql-starter-512') } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/does not fit|more than/);
    expect((await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).body.addon.plan.name).toBe('postgresql-starter-1024');
    // Upgrading to a bigger disk is fine.
    expect((await t.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: await t.planId('postgresql-starter-2048') } })).status).toBe(200);
  });

  test('plan change validation: disabled plan 422, unknown plan 404, blank 422', async () => {
    const app = await t.newApp('change-validation');
    const addon = await t.provision('postgresql-sandbox', app.id);
    const path = `/v1/apps/${app.id}/addons/${addon.id}`;
    const disabled = await t.api('PATCH', path, { addon: { plan_id: await t.planId('postgresql-starter-8192') } });
    expect(disabled.status).toBe(422);
    expect(disabled.body.errors.plan_id).toBeDefined();
    expect((await t.api('PATCH', path, { addon: { plan_id: '000000000000000000000000' } })).status).toBe(404);
    expect((await t.api('PATCH', path, { addon: {} })).status).toBe(422);
  });

  test('destroy answers 204, then the addon, its database and its variables are gone', async () => {
    const app = await t.newApp('destroy-app');
    const addon = await t.provision('redis-sandbox', app.id);
    const vars = await t.api('GET', `/v1/apps/${app.id}/variables`);
    expect(vars.body.variables.map((v: { name: string }) => v.name)).toEqual(['SCALINGO_REDIS_URL']);
    const dbToken = await t.dbToken(addon.id, app.id);
    const del = await t.api('DELETE', `/v1/apps/${app.id}/addons/${addon.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const missing = await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ resource: 'addon', error: 'not found' });
    expect((await t.api('DELETE', `/v1/apps/${app.id}/addons/${addon.id}`)).status).toBe(404);
    expect((await call(t.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).status).toBe(404);
    expect((await t.api('GET', `/v1/apps/${app.id}/variables`)).body.variables).toEqual([]);
  });

  test('an addon is only found under its own app', async () => {
    const app = await t.newApp('owner-app');
    const addon = await t.provision('redis-sandbox', app.id);
    expect((await t.api('GET', `/v1/apps/${t.sim.apps[1]!.id}/addons/${addon.id}`)).status).toBe(404);
  });

  test('admin: PATCH changes the plan at once (running), DELETE removes behind the client\'s back', async () => {
    const app = await t.newApp('behind-back');
    await t.admin('PUT', '/speed', { speed: 100 });
    const addon = await t.provision('postgresql-starter-512', app.id);
    await t.waitRunning(addon.id);
    const patched = await t.admin('PATCH', `/apps/${app.id}/addons/${addon.id}`, { plan: 'postgresql-business-1024' });
    expect(patched.status).toBe(200);
    expect((await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).body.addon.plan.name).toBe('postgresql-business-1024');
    const db = (await t.db('GET', addon.id)).body.database;
    expect(db.status).toBe('running');
    expect(db.plan).toBe('postgresql-business-1024');
    expect((await t.admin('PATCH', `/apps/${app.id}/addons/${addon.id}`, { plan: 'redis-sandbox' })).status).toBe(422);
    expect((await t.admin('DELETE', `/apps/${app.name}/addons/${addon.id}`)).status).toBe(204);
    expect((await t.api('GET', `/v1/apps/${app.id}/addons/${addon.id}`)).status).toBe(404);
  });
});
