import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestSim, call, waitFor } from './helpers.js';

describe('persistence with a state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-state-'));
  const file = join(dir, 'state.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a restart loses nothing: token, apps, addons, users, features and an in-flight plan change', async () => {
    const first = await TestSim.start({ stateFile: file, speed: 100 });
    const app = await first.newApp('persisted-app');
    const addon = await first.provision('postgresql-starter-512', app.id);
    await first.waitRunning(addon.id);
    const created = await first.db('POST', addon.id, '/users', { database_user: { name: 'kept_user', password: 'kept-password-1' } });
    expect(created.status).toBe(201);
    await first.db('POST', addon.id, '/features', { feature: { name: 'force-ssl' } });
    await first.admin('PUT', '/speed', { speed: 1 });
    const change = await first.api('PATCH', `/v1/apps/${app.id}/addons/${addon.id}`, { addon: { plan_id: await first.planId('postgresql-starter-1024') } });
    expect(change.status).toBe(200);
    expect((await first.db('GET', addon.id)).body.database.status).toBe('updating');
    const bearer = await first.token();
    const dbToken = await first.dbToken(addon.id, app.id);
    await first.close();
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp file left behind
    expect(JSON.parse(readFileSync(file, 'utf8')).apiToken).toBe(first.sim.apiToken);

    const second = await TestSim.start({ stateFile: file });
    try {
      expect(second.sim.apiToken).toBe(first.sim.apiToken);
      expect(second.sim.apps.map((a) => a.id)).toEqual(first.sim.apps.map((a) => a.id).concat(app.id));
      // Tokens issued before the restart stay valid.
      expect((await call(second.url, 'GET', '/v1/apps', { token: bearer })).status).toBe(200);
      const db = (await call(second.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).body.database;
      expect(db.status).toBe('updating');
      const users = (await call(second.url, 'GET', `/api/databases/${addon.id}/users`, { token: dbToken })).body['database-users'];
      expect(users.map((u: { name: string }) => u.name)).toContain('kept_user');
      // The in-flight change continues and completes.
      await second.admin('PUT', '/speed', { speed: 100 });
      await waitFor(async () => (await call(second.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).body.database.status === 'running');
      const after = (await call(second.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).body.database;
      expect(after.plan).toBe('postgresql-starter-1024');
      expect(after.features).toEqual([{ name: 'force-ssl', status: 'ACTIVATED' }]);
      expect((await second.admin('GET', '/state')).body.downtimes).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  test('every mutation is written at once (the file is current while running)', async () => {
    const f = join(dir, 'live.json');
    const t = await TestSim.start({ stateFile: f });
    try {
      await t.newApp('written-app');
      expect(JSON.parse(readFileSync(f, 'utf8')).apps.map((a: { name: string }) => a.name)).toContain('written-app');
    } finally {
      await t.close();
    }
  });
});
