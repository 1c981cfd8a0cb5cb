// Real PostgreSQL mode: runs only where PostgreSQL server binaries exist.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgresBinaries } from '../../src/simulator/postgres.js';
import { TestSim } from './helpers.js';

const binaries = findPostgresBinaries();
const describeWithPostgres = binaries ? describe : describe.skip;
if (!binaries) console.warn('Skipping the real PostgreSQL tests: no initdb/pg_ctl/postgres on PATH or under /usr/lib/postgresql/*/bin');

/** Connects like a client of the app's URL would; TLS is offered by a self-signed certificate. */
async function connect(url: string, user?: string, password?: string): Promise<pg.Client> {
  const u = new URL(url);
  const client = new pg.Client({
    host: u.hostname,
    port: Number(u.port),
    database: u.pathname.slice(1),
    user: user ?? decodeURIComponent(u.username),
    password: password ?? decodeURIComponent(u.password),
    ssl: { rejectUnauthorized: false },
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  return client;
}

async function canLogIn(url: string, user: string, password: string): Promise<boolean> {
  try {
    const c = await connect(url, user, password);
    await c.end();
    return true;
  } catch {
    return false;
  }
}

describeWithPostgres('real PostgreSQL behind the simulator', () => {
  let t: TestSim;
  let addon: { id: string; resource_id?: unknown };
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'sim-pg-state-'));
  const stateFile = join(dir, 'state.json');

  beforeAll(async () => {
    const started = Date.now();
    t = await TestSim.start({ postgres: 'auto', speed: 100, stateFile });
    console.info(`simulator with a private PostgreSQL cluster started in ${Date.now() - started} ms`);
    addon = await t.provision('postgresql-starter-512');
    await t.waitRunning(addon.id);
    const vars = (await t.api('GET', `/v1/apps/${t.app.id}/variables`)).body.variables as { name: string; value: string }[];
    url = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('mode is real and the URL points at a loopback server where the protected user owns its database', async () => {
    expect(t.sim.postgres).toBe('real');
    expect(url).toMatch(new RegExp(`^postgresql://${addon.resource_id}:[A-Za-z0-9_]+@127\\.0\\.0\\.1:\\d+/${addon.resource_id}\\?sslmode=prefer$`));
    const c = await connect(url);
    const row = (await c.query<{ db: string; who: string; ssl: boolean }>('SELECT current_database() AS db, current_user AS who, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl')).rows[0]!;
    expect(row).toEqual({ db: addon.resource_id, who: addon.resource_id, ssl: true });
    await c.query('CREATE TABLE items (id serial PRIMARY KEY, label text)');
    await c.query("INSERT INTO items (label) VALUES ('one')");
    await c.end();
    expect(await canLogIn(url, String(addon.resource_id), 'wrong-password')).toBe(false);
  });

  test('a read-only user can read but not write; a read/write user can write', async () => {
    const ro = await t.db('POST', addon.id, '/users', { database_user: { name: 'reader_user', read_only: true } });
    expect(ro.status).toBe(201);
    const reader = await connect(url, 'reader_user', ro.body.database_user.password);
    expect((await reader.query('SELECT label FROM items')).rows).toEqual([{ label: 'one' }]);
    await expect(reader.query("INSERT INTO items (label) VALUES ('two')")).rejects.toThrow(/permission denied/);
    await expect(reader.query('CREATE TABLE nope (x int)')).rejects.toThrow(/permission denied/);
    await reader.end();

    expect((await t.db('POST', addon.id, '/users', { database_user: { name: 'writer_user', password: 'writer-password-1' } })).status).toBe(201);
    const writer = await connect(url, 'writer_user', 'writer-password-1');
    await writer.query("INSERT INTO items (label) VALUES ('two')");
    expect((await writer.query('SELECT count(*)::int AS n FROM items')).rows[0]).toEqual({ n: 2 });
    await writer.end();
  });

  test('password changes and resets really apply; deleting a user drops its role', async () => {
    expect((await t.db('PATCH', addon.id, '/users/writer_user', { database_user: { password: 'writer-password-2', password_confirmation: 'writer-password-2' } })).status).toBe(200);
    expect(await canLogIn(url, 'writer_user', 'writer-password-1')).toBe(false);
    expect(await canLogIn(url, 'writer_user', 'writer-password-2')).toBe(true);
    const reset = await t.db('POST', addon.id, '/users/writer_user/reset_password');
    expect(await canLogIn(url, 'writer_user', reset.body.database_user.password)).toBe(true);
    expect(await canLogIn(url, 'writer_user', 'writer-password-2')).toBe(false);
    expect((await t.db('DELETE', addon.id, '/users/writer_user')).status).toBe(204);
    expect(await canLogIn(url, 'writer_user', reset.body.database_user.password)).toBe(false);
    // Rows it wrote stay (reassigned objects, not dropped data).
    const c = await connect(url);
    expect((await c.query('SELECT count(*)::int AS n FROM items')).rows[0]).toEqual({ n: 2 });
    await c.end();
  });

  test('list-extensions reads pg_extension after CREATE EXTENSION through the URL', async () => {
    const c = await connect(url);
    await c.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    await c.query('CREATE EXTENSION IF NOT EXISTS citext');
    await c.end();
    const r = await t.db('POST', addon.id, '/action', { action_name: 'list-extensions' });
    expect(r.body.ok).toBe(1);
    expect(r.body.result.map((e: { name: string }) => e.name)).toEqual(['citext', 'pgcrypto']);
    for (const e of r.body.result) expect(e.version).toMatch(/^\d+\.\d+/);
  });

  test('a user name used by another database is taken (roles are cluster-wide)', async () => {
    const other = await t.provision('postgresql-sandbox', t.sim.apps[1]!.id);
    const r = await t.db('POST', other.id, '/users', { database_user: { name: 'reader_user' } });
    expect(r.status).toBe(422);
    expect(r.body.errors.name[0]).toMatch(/taken/);
    // Databases are private to their roles.
    const otherUrl = (await t.api('GET', `/v1/apps/${t.sim.apps[1]!.id}/variables`)).body.variables[0].value as string;
    const u = new URL(otherUrl);
    await expect(connect(url, decodeURIComponent(u.username), decodeURIComponent(u.password))).rejects.toThrow(/permission denied/);
    expect((await t.api('DELETE', `/v1/apps/${t.sim.apps[1]!.id}/addons/${other.id}`)).status).toBe(204);
    expect(await canLogIn(otherUrl, decodeURIComponent(u.username), decodeURIComponent(u.password))).toBe(false);
  });

  test('a restart from the state file recreates databases and roles with their passwords in a new cluster', async () => {
    const users = (await t.admin('GET', '/state')).body.addons[0].database.users as { name: string; password: string }[];
    const reader = users.find((u) => u.name === 'reader_user')!;
    // One more, in a schema of its own, created after the last list-extensions: the stop snapshots it.
    const c0 = await connect(url);
    await c0.query('CREATE SCHEMA kv');
    await c0.query('CREATE EXTENSION hstore SCHEMA kv');
    await c0.end();
    await t.close();
    t = await TestSim.start({ postgres: 'auto', stateFile });
    const vars = (await t.api('GET', `/v1/apps/${t.app.id}/variables`)).body.variables as { name: string; value: string }[];
    const newUrl = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
    const c = await connect(newUrl);
    expect((await c.query<{ who: string }>('SELECT current_user AS who')).rows[0]!.who).toBe(addon.resource_id);
    await c.end();
    const r = await connect(newUrl, 'reader_user', reader.password);
    await expect(r.query('CREATE TABLE nope (x int)')).rejects.toThrow(/permission denied/);
    await r.end();
    // Extensions created over SQL are back, owned by the database's owner, who may drop them.
    const listed = await t.db('POST', addon.id, '/action', { action_name: 'list-extensions' });
    expect(listed.body.result.map((e: { name: string }) => e.name)).toEqual(['citext', 'hstore', 'pgcrypto']);
    const owner = await connect(newUrl);
    expect((await owner.query<{ schema: string }>("SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'hstore'")).rows).toEqual([{ schema: 'kv' }]);
    await owner.query('DROP EXTENSION citext');
    await owner.end();
    expect((await t.db('POST', addon.id, '/action', { action_name: 'list-extensions' })).body.result.map((e: { name: string }) => e.name)).toEqual(['hstore', 'pgcrypto']);
  }, 30_000);
});
