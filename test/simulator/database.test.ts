import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call, waitFor } from './helpers.js';

describe('database API: databases, metrics, plans, features, actions', () => {
  let t: TestSim;
  let pg: { id: string; resource_id?: unknown };
  let redis: { id: string };
  beforeAll(async () => {
    t = await TestSim.start({ speed: 100 });
    pg = await t.provision('postgresql-starter-512');
    redis = await t.provision('redis-starter-256');
    await t.waitRunning(pg.id);
    await t.waitRunning(redis.id);
  });
  afterAll(() => t.close());

  test('GET /api/databases/{addon_id} returns {"database"} with every documented field', async () => {
    const r = await t.db('GET', pg.id);
    expect(r.status).toBe(200);
    const db = r.body.database;
    for (const key of [
      'id', 'resource_id', 'app_name', 'created_at', 'type_id', 'type_name', 'version_id', 'readable_version', 'next_version_id',
      'plan', 'status', 'hostname', 'cluster', 'instances', 'features', 'current_operation_id', 'encryption_at_rest',
      'periodic_backups_enabled', 'periodic_backups_scheduled_at', 'maintenance_window',
    ]) expect(db).toHaveProperty(key);
    expect(db.id).toMatch(/^[0-9a-f]{24}$/);
    expect(db.id).not.toBe(pg.id);
    expect(db.resource_id).toBe(pg.resource_id);
    expect(db.app_name).toBe(t.app.name);
    expect(db.plan).toBe('postgresql-starter-512');
    expect(db.type_name).toBe('postgresql');
    expect(db.readable_version).toBe('17.11.0-1');
    expect(db.next_version_id).toBeNull();
    expect(db.current_operation_id).toBeNull();
    expect(db.features).toEqual([]);
    expect(db.instances[0]).toEqual(expect.objectContaining({ type: 'db-node', status: 'running' }));
    expect(db.maintenance_window).toEqual({ weekday_utc: expect.any(Number), starting_hour_utc: expect.any(Number), duration_in_hour: 8 });
    const redisDb = (await t.db('GET', redis.id)).body.database;
    expect(redisDb.type_name).toBe('redis');
    expect(redisDb.features).toEqual([{ name: 'redis-rdb', status: 'ACTIVATED' }]);
  });

  test('PATCH and PUT update backups and the maintenance window; bad values are 422', async () => {
    const patched = await t.db('PATCH', pg.id, '', { database: { periodic_backups_enabled: false, periodic_backups_scheduled_at: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.body.database.periodic_backups_enabled).toBe(false);
    expect(patched.body.database.periodic_backups_scheduled_at).toEqual([3]);
    const put = await t.db('PUT', pg.id, '', { database: { maintenance_window: { weekday_utc: 0, starting_hour_utc: 22 } } });
    expect(put.status).toBe(200);
    expect(put.body.database.maintenance_window).toEqual({ weekday_utc: 0, starting_hour_utc: 22, duration_in_hour: 8 });
    const bad = await t.db('PATCH', pg.id, '', { database: { maintenance_window: { weekday_utc: 7, starting_hour_utc: 24 } } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).length).toBe(2);
    expect((await t.db('GET', pg.id)).body.database.maintenance_window.weekday_utc).toBe(0);
  });

  test('metrics: data_size and real_disk_size in bytes', async () => {
    const r = await t.db('GET', pg.id, '/metrics');
    expect(r.status).toBe(200);
    expect(r.body.database_stats.data_size).toBeGreaterThan(0);
    expect(r.body.real_disk_size).toBeGreaterThan(r.body.database_stats.data_size);
    await t.admin('PUT', `/databases/${pg.id}`, { data_size: 123_456_789 });
    expect((await t.db('GET', pg.id, '/metrics')).body.database_stats.data_size).toBe(123_456_789);
    // null clears the override: the size is measured (or defaulted) again.
    expect((await t.admin('PUT', `/databases/${pg.id}`, { data_size: null })).status).toBe(200);
    expect((await t.db('GET', pg.id, '/metrics')).body.database_stats.data_size).toBe(r.body.database_stats.data_size);
  });

  test('plan of a database and /api/plans/{id}: disk and memory in bytes', async () => {
    const r = await t.db('GET', pg.id, '/plan');
    expect(r.status).toBe(200);
    expect(r.body.plan).toEqual(expect.objectContaining({ id: await t.planId('postgresql-starter-512'), name: 'postgresql-starter-512', memory: 512 * 1024 ** 2, disk: 10 * 1024 ** 3 }));
    const business = await call(t.url, 'GET', `/api/plans/${await t.planId('postgresql-business-2048')}`, { token: await t.dbToken(pg.id) });
    expect(business.status).toBe(200);
    expect(business.body.plan).toEqual(expect.objectContaining({ name: 'postgresql-business-2048', memory: 2048 * 1024 ** 2, disk: 40 * 1024 ** 3 }));
    const missing = await call(t.url, 'GET', '/api/plans/nope', { token: await t.dbToken(pg.id) });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ resource: 'plan', error: 'not found' });
  });

  test('features: PENDING_TO_ACTIVATE then ACTIVATED; already setup 400; publicly-available needs force-ssl; redis-* only on redis', async () => {
    const early = await t.db('POST', pg.id, '/features', { feature: { name: 'publicly-available' } });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatch(/force-ssl/);
    await t.admin('PUT', '/speed', { speed: 1 });
    const r = await t.db('POST', pg.id, '/features', { feature: { name: 'force-ssl' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: 'force-ssl', status: 'PENDING_TO_ACTIVATE', message: expect.any(String) });
    expect((await t.db('GET', pg.id)).body.database.features).toEqual([{ name: 'force-ssl', status: 'PENDING_TO_ACTIVATE' }]);
    await t.admin('PUT', '/speed', { speed: 100 });
    await waitFor(async () => (await t.db('GET', pg.id)).body.database.features[0]?.status === 'ACTIVATED');
    const again = await t.db('POST', pg.id, '/features', { feature: { name: 'force-ssl' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: "feature 'force-ssl' is already setup on this database" });
    expect((await t.db('POST', pg.id, '/features', { feature: { name: 'publicly-available' } })).status).toBe(200);
    const redisOnly = await t.db('POST', pg.id, '/features', { feature: { name: 'redis-aof' } });
    expect(redisOnly.status).toBe(400);
    expect((await t.db('POST', redis.id, '/features', { feature: { name: 'redis-aof' } })).status).toBe(200);
    const rdb = await t.db('POST', redis.id, '/features', { feature: { name: 'redis-rdb' } });
    expect(rdb.body.error).toBe("feature 'redis-rdb' is already setup on this database");
    expect((await t.db('POST', pg.id, '/features', { feature: { name: 'nope' } })).status).toBe(400);
  });

  test('disable: DELETE ?feature= answers 200 {"message"}; force-ssl cannot go before publicly-available', async () => {
    await waitFor(async () => (await t.db('GET', pg.id)).body.database.features.every((f: { status: string }) => f.status === 'ACTIVATED'));
    const blocked = await t.db('DELETE', pg.id, '/features?feature=force-ssl');
    expect(blocked.status).toBe(400);
    const r = await t.db('DELETE', pg.id, '/features?feature=publicly-available');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ message: 'publicly-available feature has been disabled' });
    await waitFor(async () => (await t.db('GET', pg.id)).body.database.features.length === 1);
    expect((await t.db('DELETE', pg.id, '/features?feature=publicly-available')).status).toBe(400);
    expect((await t.db('DELETE', pg.id, '/features?feature=force-ssl')).status).toBe(200);
  });

  test('actions: list-extensions answers {"ok":1,"result":[...]}; unknown actions {"ok":0,"error"}', async () => {
    const r = await t.db('POST', pg.id, '/action', { action_name: 'list-extensions' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: 1, result: [] });
    const unknown = await t.db('POST', pg.id, '/action', { action_name: 'make-coffee' });
    expect(unknown.body).toEqual({ ok: 0, error: expect.any(String) });
    expect((await t.db('POST', redis.id, '/action', { action_name: 'list-extensions' })).body.ok).toBe(0);
  });

  test('an unknown database is 404 {"resource":"database"} (with a token for that id)', async () => {
    const addon = await t.provision('postgresql-sandbox', t.sim.apps[1]!.id);
    const token = await t.dbToken(addon.id);
    await t.api('DELETE', `/v1/apps/${t.sim.apps[1]!.id}/addons/${addon.id}`);
    const r = await call(t.url, 'GET', `/api/databases/${addon.id}`, { token });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ resource: 'database', error: 'not found' });
  });

  test('invalid JSON bodies are 400 {"error"}', async () => {
    const r = await fetch(`${t.url}/api/databases/${pg.id}`, { method: 'PATCH', headers: { Authorization: `Bearer ${await t.dbToken(pg.id)}`, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: expect.any(String) });
  });
});
