// Backups, PITR and maintenances of the simulator's database API (memory mode), and a real
// pg_dump / restore when PostgreSQL binaries exist.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { findPostgresBinaries } from '../../src/simulator/postgres.js';
import { retainedBackups } from '../../src/simulator/backups.js';
import type { BackupRecord } from '../../src/simulator/state.js';
import { TestSim, waitFor } from './helpers.js';

describe('simulator backups (memory mode)', () => {
  let t: TestSim;
  let id: string;
  beforeAll(async () => {
    // Slow enough that a second backup request meets the first one still running.
    t = await TestSim.start({ speed: 2 });
    id = (await t.provision('postgresql-starter-512')).id;
    await t.waitRunning(id, 15_000);
  }, 20_000);
  afterAll(() => t.close());

  test('a manual backup goes scheduled -> running -> done, with a size', async () => {
    const created = await t.db('POST', id, '/backups');
    expect(created.status).toBe(201);
    expect(created.body.database_backup).toMatchObject({ method: 'manual', size: 0 });
    expect(['scheduled', 'running']).toContain(created.body.database_backup.status);
    const again = await t.db('POST', id, '/backups');
    expect(again.status).toBe(400);
    const backupId = created.body.database_backup.id as string;
    const done = await waitFor(async () => {
      const list = (await t.db('GET', id, '/backups')).body.database_backups as { id: string; status: string; size: number }[];
      return list.find((b) => b.id === backupId && b.status === 'done');
    }, 10_000);
    expect(done.size).toBeGreaterThan(0);
  }, 20_000);

  test('fail_next_backup makes the next backup end in error', async () => {
    await t.admin('PUT', `/databases/${id}`, { fail_next_backup: true });
    const created = await t.db('POST', id, '/backups');
    const failed = await waitFor(async () => {
      const list = (await t.db('GET', id, '/backups')).body.database_backups as { id: string; status: string }[];
      return list.find((b) => b.id === created.body.database_backup.id && b.status === 'error');
    }, 10_000);
    expect(failed.status).toBe('error');
  }, 20_000);

  test('the PITR window runs from creation to now; restores outside it are refused', async () => {
    const w = (await t.db('GET', id, '/pitr/recovery_window')).body.recovery_window;
    expect(Date.parse(w.earliest_recoverable_at)).toBeLessThanOrEqual(Date.parse(w.latest_recoverable_at));
    expect((await t.db('POST', id, '/pitr/restore', { restore_time: '2001-01-01T00:00:00Z' })).status).toBe(422);
    const r = await t.db('POST', id, '/pitr/restore', { restore_time: w.latest_recoverable_at });
    expect(r.status).toBe(201);
    expect(r.body.operation_id).toBe(r.body.operation.id);
    const op = await waitFor(async () => {
      const o = (await t.db('GET', id, `/operations/${r.body.operation_id}`)).body.operation;
      return o.status === 'finished' && o;
    }, 10_000);
    expect(op.type).toBe('pitr_restore');
  }, 20_000);

  test('a notified maintenance locks the window until it is done', async () => {
    const m = await t.admin('POST', `/databases/${id}/maintenance`, {});
    expect(m.status).toBe(201);
    const list = (await t.db('GET', id, '/maintenance')).body;
    expect(list.maintenance).toEqual([expect.objectContaining({ id: m.body.maintenance.id, status: 'notified' })]);
    expect(list.meta.pagination).toMatchObject({ current_page: 1, total_pages: 1 });
    const window = (await t.db('GET', id)).body.database.maintenance_window;
    const moved = await t.db('PATCH', id, '', { database: { maintenance_window: { weekday_utc: (window.weekday_utc + 1) % 7, starting_hour_utc: 3 } } });
    expect(moved.status).toBe(422);
    expect(moved.text).toContain('cannot be changed');
    // Same values: not a move.
    expect((await t.db('PATCH', id, '', { database: { maintenance_window: { weekday_utc: window.weekday_utc, starting_hour_utc: window.starting_hour_utc } } })).status).toBe(200);
    await t.admin('PATCH', `/databases/${id}/maintenance/${m.body.maintenance.id}`, { status: 'done' });
    expect((await t.db('PATCH', id, '', { database: { maintenance_window: { weekday_utc: 2, starting_hour_utc: 3 } } })).status).toBe(200);
  });
});

describe('periodic backups (memory mode)', () => {
  test('are taken at the scheduled hour on the virtual clock, within the plan\'s retention', async () => {
    const t = await TestSim.start({ speed: 100 });
    try {
      const id = (await t.provision('postgresql-starter-512')).id;
      await t.waitRunning(id, 15_000);
      // A virtual day per ~0.09 s of wall clock: about three weeks go by.
      await t.admin('PUT', '/speed', { speed: 1_000_000 });
      await new Promise((r) => setTimeout(r, 2000));
      await t.admin('PUT', '/speed', { speed: 1 });
      const list = (await t.db('GET', id, '/backups')).body.database_backups as { method: string; status: string; created_at: string }[];
      const periodic = list.filter((b) => b.method === 'periodic');
      expect(periodic.length).toBeGreaterThanOrEqual(7);
      // Starter keeps 7 daily and 4 weekly ones.
      expect(periodic.length).toBeLessThanOrEqual(11);
      expect(periodic.every((b) => b.status === 'done')).toBe(true);
      const times = periodic.map((b) => Date.parse(b.created_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    } finally {
      await t.close();
    }
  }, 30_000);
});

describe('backup retention', () => {
  const DAY = 86_400_000;
  const backup = (method: 'manual' | 'periodic', startV: number): BackupRecord => ({
    id: `${method}-${startV}`, name: '', method, createdAt: '', startV, runningAtV: startV, doneAtV: startV, size: 1, willFail: false, dump: 'none', file: null, finishedAt: null, error: null,
  });
  test('keeps the newest manual ones, 7 daily, and one per week and month beyond', () => {
    const now = Date.UTC(2026, 11, 1);
    const all = [...Array.from({ length: 12 }, (_, i) => backup('manual', now - i * 1000)), ...Array.from({ length: 100 }, (_, i) => backup('periodic', now - i * DAY))];
    const kept = retainedBackups(all, { manual: 10, daily: 7, weekly: 4, monthly: 0 }, now + 1);
    expect(kept.filter((b) => b.method === 'manual')).toHaveLength(10);
    const periodic = kept.filter((b) => b.method === 'periodic');
    // 7 daily, and the 4 newest weeks overlap the daily ones for at most 2 weeks.
    expect(periodic.length).toBeGreaterThanOrEqual(9);
    expect(periodic.length).toBeLessThanOrEqual(11);
    expect(Math.min(...periodic.map((b) => b.startV))).toBeGreaterThan(now - 35 * DAY);
    const business = retainedBackups(all, { manual: 50, daily: 7, weekly: 8, monthly: 12 }, now + 1);
    expect(Math.min(...business.filter((b) => b.method === 'periodic').map((b) => b.startV))).toBeLessThanOrEqual(now - 90 * DAY);
  });
});

const describeWithPostgres = findPostgresBinaries() ? describe : describe.skip;

describeWithPostgres('simulator backups (real PostgreSQL)', () => {
  let t: TestSim;
  let id: string;
  let url: string;
  beforeAll(async () => {
    t = await TestSim.start({ postgres: 'auto', speed: 100 });
    id = (await t.provision('postgresql-starter-512')).id;
    await t.waitRunning(id);
    const vars = (await t.api('GET', `/v1/apps/${t.app.id}/variables`)).body.variables as { name: string; value: string }[];
    url = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
  }, 30_000);
  afterAll(() => t?.close());

  async function sql(text: string): Promise<pg.QueryResult> {
    const u = new URL(url);
    const c = new pg.Client({ host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: u.username, password: decodeURIComponent(u.password), ssl: { rejectUnauthorized: false } });
    await c.connect();
    try {
      return await c.query(text);
    } finally {
      await c.end();
    }
  }

  test('a backup is a real pg_dump (its size grows with the data) and a restore brings its content back', async () => {
    await sql("CREATE TABLE t AS SELECT g AS n, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
    const created = (await t.db('POST', id, '/backups')).body.database_backup;
    const done = await waitFor(async () => {
      const list = (await t.db('GET', id, '/backups')).body.database_backups as { id: string; status: string; size: number; created_at: string }[];
      return list.find((b) => b.id === created.id && b.status === 'done');
    }, 20_000);
    expect(done.size).toBeGreaterThan(20_000); // compressed, but far beyond an empty dump
    await sql('DROP TABLE t');
    await sql('CREATE TABLE later (x int)');
    const restore_time = new Date(Date.parse(done.created_at) + 1).toISOString();
    const r = await t.db('POST', id, '/pitr/restore', { restore_time });
    expect(r.status).toBe(201);
    expect(Number((await sql('SELECT count(*) AS c FROM t')).rows[0].c)).toBe(20000);
    expect((await sql("SELECT to_regclass('public.later') AS r")).rows[0].r).toBeNull();
  }, 60_000);
});
