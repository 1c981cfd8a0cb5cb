// Actions (Terraform 1.14) end to end, driven by tfcore: `apply -invoke` of
// scalingo_database_backup and scalingo_database_restore against the simulator backed by a
// real PostgreSQL, where a restore really brings data back.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { sqlAt } from './support/postgres.js';
import { ScalingoClient } from '../../src/scalingo/client.js';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import type { RunResult } from './support/terraform.js';
import { tfcoreOrSkip, tfcoreWorkspace } from './support/tfcore.js';

jest.setTimeout(120_000);

const tfcore = tfcoreOrSkip('action end-to-end tests (tfcore)');
const maybe = tfcore ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let client: ScalingoClient;
let app = '';
let addonId = '';
let url = ''; // SCALINGO_POSTGRESQL_URL

beforeAll(async () => {
  if (!tfcore) return;
  world = await scalingoWorld(tfcore, { speed: 50, rateLimitPerMinute: 100_000, postgres: process.env['E2E_PG'] === 'off' ? 'off' : 'auto' });
  client = new ScalingoClient({ apiToken: world.sim.apiToken, authUrl: world.sim.url, version: 'e2e', rateLimit: { requestsPerMinute: 100_000 } });
  app = world.sim.apps[0]!.id;
  const plans = await client.addonProviders.plans('postgresql');
  addonId = (await client.addons.provision(app, { providerId: 'postgresql', planId: plans.find((p) => p.name === 'postgresql-business-1024')!.id })).addon.id;
  for (let i = 0; i < 200 && (await client.addons.get(app, addonId)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 50));
  url = (await client.apps.variables(app)).find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
}, 60_000);
afterAll(async () => {
  await world?.close();
});

function sql<R extends Record<string, unknown>>(text: string): Promise<R[]> {
  return sqlAt<R>(url, text);
}

/** A workspace with one action block, invoked as `terraform apply -invoke` does. */
function invoke(action: 'backup' | 'restore', restoreTime = ''): Promise<RunResult> {
  const w = tfcoreWorkspace(tfcore!, world.providerEnv);
  const block =
    action === 'backup'
      ? `action "scalingo_database_backup" "now" {\n  config {\n    app = "${app}"\n    addon_id = "${addonId}"\n  }\n}\n`
      : `action "scalingo_database_restore" "pitr" {\n  config {\n    app = "${app}"\n    addon_id = "${addonId}"\n    restore_time = "${restoreTime}"\n  }\n}\n`;
  w.write('main.tf', HEADER + block);
  return w.run('action', ['-invoke', action === 'backup' ? 'action.scalingo_database_backup.now' : 'action.scalingo_database_restore.pitr']);
}

maybe('actions (Terraform 1.14)', () => {
  it('backs up, and a restore to an instant after the backup brings back a row deleted since (real PostgreSQL)', async () => {
    if (world.sim.postgres !== 'real') {
      if (process.env['CI'] === 'true' && process.env['E2E_PG'] !== 'off') throw new Error('no PostgreSQL binaries under CI: the restore test cannot run');
      process.stderr.write('\n!!! simulator in memory mode: skipping the backup/restore round trip, which needs a real database !!!\n\n');
      return;
    }
    await sql("CREATE TABLE invoices (id int PRIMARY KEY, customer text); INSERT INTO invoices VALUES (1, 'ACME')");
    const backup = await invoke('backup');
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Actions: 1 to invoke.');
    expect(backup.stdout).toMatch(/Action action\.scalingo_database_backup\.now \(triggered by CLI\): Starting a manual backup of \S+ \(postgresql-business-1024\)/);
    expect(backup.stdout).toMatch(/Action action\.scalingo_database_backup\.now \(triggered by CLI\): Backup \S+ done/);
    expect(backup.stdout).toContain('Action complete: action.scalingo_database_backup.now');
    const [done] = await client.backups.list(app, addonId);
    expect(done).toMatchObject({ method: 'manual', status: 'done' });

    // An instant after the backup, before the row is deleted.
    await new Promise((r) => setTimeout(r, 1100));
    const afterBackup = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 1100));
    await sql('DELETE FROM invoices');
    expect(await sql('SELECT * FROM invoices')).toEqual([]);

    const restore = await invoke('restore', afterBackup);
    expect(restore.code).toBe(0);
    expect(flat(restore.stdout + restore.stderr)).toContain('Warning: The database will be restored in place');
    expect(restore.stdout).toContain('Action action.scalingo_database_restore.pitr (triggered by CLI): Restoring');
    expect(restore.stdout).toMatch(/Restore of \S+ \(postgresql-business-1024\) to \S+ finished/);
    expect(restore.stdout).toContain('Action complete: action.scalingo_database_restore.pitr');
    expect(await sql('SELECT id, customer FROM invoices')).toEqual([{ id: 1, customer: 'ACME' }]);
  });

  it('fails with a clear diagnostic when Scalingo reports the backup as failed', async () => {
    await world.admin('PUT', `/_sim/databases/${addonId}`, { fail_next_backup: true });
    const r = await invoke('backup');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('Action failed: action.scalingo_database_backup.now');
    expect(flat(r.stdout + r.stderr)).toMatch(/Error: Backup failed .*reports the backup \S+ of \S+ \(postgresql-business-1024\) as failed\. The database itself is untouched/);
  });

  it('refuses at plan a restore outside the recovery window, before anything is written', async () => {
    const created = Date.parse((await client.databases.get(app, addonId)).created_at ?? '');
    const before = new Date(created - 3600_000).toISOString();
    await world.admin('DELETE', '/_sim/requests');
    const r = await invoke('restore', before);
    expect(r.code).toBe(1);
    expect(flat(r.stdout + r.stderr)).toContain('Error: Restore time outside the recovery window');
    expect(flat(r.stdout + r.stderr)).toContain(`${before} is outside the recovery window of database ${addonId}: from `);
    expect(r.stdout).not.toContain('Action started');
    expect(writes(await world.requests())).toEqual({});
  });

  it('refuses at plan a restore to an instant in the future without a single request', async () => {
    await world.admin('DELETE', '/_sim/requests');
    const r = await invoke('restore', '2999-01-01T00:00:00Z');
    expect(r.code).toBe(1);
    expect(flat(r.stdout + r.stderr)).toContain('Error: Restore time in the future');
    expect(await world.requests()).toEqual({});
  });
});
