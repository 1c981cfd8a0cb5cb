import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { VERSIONS, nextVersion, readableVersion } from '../../src/simulator/catalog.js';
import { TestSim, call, waitFor } from './helpers.js';

function next(readable: string): string | null {
  const v = VERSIONS.find((x) => x.databaseType === 'postgresql' && readableVersion(x) === readable)!;
  const n = nextVersion(v);
  return n ? readableVersion(n) : null;
}

test('next version: latest minor of the major first, then one major at a time, none at the top', () => {
  expect(next('14.22.0-1')).toBe('14.24.0-1');
  expect(next('14.24.0-1')).toBe('15.19.0-1');
  expect(next('15.17.0-1')).toBe('15.19.0-1');
  expect(next('15.19.0-1')).toBe('16.15.0-1');
  expect(next('16.13.0-1')).toBe('16.15.0-1');
  expect(next('16.15.0-1')).toBe('17.11.0-1');
  expect(next('17.9.0-2')).toBe('17.11.0-1');
  expect(next('17.11.0-1')).toBeNull();
});

describe('version upgrades as operations', () => {
  let t: TestSim;
  let addon: { id: string };
  beforeAll(async () => {
    t = await TestSim.start({ speed: 100 });
    addon = await t.provision('postgresql-starter-512');
    await t.waitRunning(addon.id);
  });
  afterAll(() => t.close());

  async function database(): Promise<Record<string, unknown>> {
    return (await t.db('GET', addon.id)).body.database;
  }

  async function upgradeOnce(): Promise<{ opId: string; status: string }> {
    const r = await t.db('POST', addon.id, '/upgrade');
    expect(r.status).toBe(202);
    const opId = r.body.operation_id as string;
    expect(r.headers.get('location')).toBe(`${t.url}/api/databases/${addon.id}/operations/${opId}`);
    const op = await waitFor(async () => {
      const o = (await t.db('GET', addon.id, `/operations/${opId}`)).body.operation;
      return ['finished', 'error'].includes(o.status) ? o : null;
    }, 5000, 10);
    return { opId, status: op.status };
  }

  test('database_type_versions: the catalogue entry of the current and next versions', async () => {
    await t.admin('PUT', `/databases/${addon.id}`, { version: '14.22.0-1' });
    const db = await database();
    expect(db.readable_version).toBe('14.22.0-1');
    const r = await call(t.url, 'GET', `/api/database_type_versions/${db.version_id}`, { token: await t.dbToken(addon.id) });
    expect(r.status).toBe(200);
    expect(r.body.database_type_version).toEqual(
      expect.objectContaining({ id: db.version_id, database_type_id: db.type_id, major: 14, minor: 22, patch: 0, build: 1, features: expect.any(Array), allowed_plugins: expect.arrayContaining(['pgcrypto']) }),
    );
    expect(r.body.database_type_version.next_upgrade).toEqual(expect.objectContaining({ id: db.next_version_id, major: 14, minor: 24 }));
    expect((await call(t.url, 'GET', '/api/database_type_versions/nope', { token: await t.dbToken(addon.id) })).status).toBe(404);
  });

  test('the 202 body, then pending -> running -> finished with the database upgrading meanwhile', async () => {
    await t.admin('PUT', '/speed', { speed: 1 });
    const r = await t.db('POST', addon.id, '/upgrade');
    expect(r.status).toBe(202);
    expect(r.body).toEqual(expect.objectContaining({ message: expect.stringMatching(/14\.24\.0-1/), operation_id: expect.any(String), major: 14, minor: 24, patch: 0, build: 1 }));
    const opId = r.body.operation_id as string;
    const db = await database();
    expect(db.status).toBe('upgrading');
    expect(db.current_operation_id).toBe(opId);
    const pending = (await t.db('GET', addon.id, `/operations/${opId}`)).body.operation;
    expect(pending).toEqual({ id: opId, type: 'upgrade', status: 'pending', created_at: expect.any(String), finished_at: null, error: null });
    const busy = await t.db('POST', addon.id, '/upgrade');
    expect(busy.status).toBe(400);
    expect(busy.body.error).toMatch(/already running/);
    // Plan changes wait for the upgrade too.
    expect((await t.api('PATCH', `/v1/apps/${t.app.id}/addons/${addon.id}`, { addon: { plan_id: await t.planId('postgresql-starter-1024') } })).status).toBe(400);
    await t.admin('PUT', '/speed', { speed: 10 }); // pending lasts 2 s at speed 1
    await waitFor(async () => (await t.db('GET', addon.id, `/operations/${opId}`)).body.operation.status === 'running', 3000, 10);
    await t.admin('PUT', '/speed', { speed: 100 });
    const done = await waitFor(async () => {
      const o = (await t.db('GET', addon.id, `/operations/${opId}`)).body.operation;
      return o.status === 'finished' ? o : null;
    });
    expect(done.finished_at).toEqual(expect.any(String));
    const after = await database();
    expect(after.status).toBe('running');
    expect(after.readable_version).toBe('14.24.0-1');
    expect(after.current_operation_id).toBeNull();
  });

  test('14 -> 15 -> 16 one major at a time, and a failed operation leaves the version unchanged', async () => {
    expect((await upgradeOnce()).status).toBe('finished');
    expect((await database()).readable_version).toBe('15.19.0-1');
    await t.admin('PUT', `/databases/${addon.id}`, { fail_next_operation: true });
    const failed = await upgradeOnce();
    expect(failed.status).toBe('error');
    const op = (await t.db('GET', addon.id, `/operations/${failed.opId}`)).body.operation;
    expect(op.error).toEqual(expect.any(String));
    const db = await database();
    expect(db.readable_version).toBe('15.19.0-1');
    expect(db.status).toBe('running');
    expect((await upgradeOnce()).status).toBe('finished');
    expect((await database()).readable_version).toBe('16.15.0-1');
  });

  test('no next version: 400; unknown operations: 404', async () => {
    await t.admin('PUT', `/databases/${addon.id}`, { version: '17.11.0-1' });
    const r = await t.db('POST', addon.id, '/upgrade');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/latest version/);
    expect((await t.db('GET', addon.id, '/operations/nope')).status).toBe(404);
    expect((await t.admin('PUT', `/databases/${addon.id}`, { version: '13.0.0-1' })).status).toBe(422);
  });

  test('an upgrade records a downtime window on Starter plans', async () => {
    const state = (await t.admin('GET', '/state')).body;
    const upgrades = state.downtimes.filter((d: { cause: string }) => d.cause === 'upgrade');
    expect(upgrades.length).toBeGreaterThanOrEqual(3);
    expect(upgrades.every((d: { kind: string }) => d.kind === 'unavailable')).toBe(true);
  });
});
