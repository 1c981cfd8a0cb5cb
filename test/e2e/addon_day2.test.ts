// Day-2 safety on scalingo_addon, end to end with the real terraform: maintenance window,
// periodic backups, database features that fail, deletion protection, backup before a risky
// change; and the backups and maintenances data sources.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(150_000);

const terraform = terraformOrSkip('scalingo_addon day-2 end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let world: ScalingoWorld;
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  if (terraform) world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await world?.close();
});

async function newApp(): Promise<string> {
  return (await world.newApp('e2e-day2')).id;
}

function config(app: string, plan: string, extra = ''): string {
  return `${HEADER}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n${extra}}\n`;
}

interface SimDatabase {
  maintenanceWindow: { weekdayUtc: number; startingHourUtc: number; durationInHour: number };
  periodicBackupsEnabled: boolean;
  periodicBackupsScheduledAt: number[];
  backups: { id: string; method: string; status: string; finishedAt: string | null }[];
  features: { name: string; status: string }[];
}
async function simDatabase(addonId: string): Promise<SimDatabase & { planId: string }> {
  const state = (await world.admin('GET', '/_sim/state')) as { addons: { id: string; planId: string; database: SimDatabase }[] };
  const addon = state.addons.find((a) => a.id === addonId)!;
  return { ...addon.database, planId: addon.planId };
}

async function apply(ws: Workspace): Promise<void> {
  const r = await ws.run(['apply', '-auto-approve']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

const values = (ws: Workspace) => resource(ws.state(), 'scalingo_addon.db')!.values;

maybe('scalingo_addon day-2 settings', () => {
  it('records the platform window and backups without a diff, sets and changes them, and sees drift', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-512'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    const remote = await simDatabase(id);
    const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    expect(values(ws)['maintenance_window']).toEqual({ weekday: weekdays[remote.maintenanceWindow.weekdayUtc], starting_hour_utc: 21, duration_hours: 8 });
    expect(values(ws)['periodic_backups']).toEqual({ enabled: true, hour_utc: 1 });
    expect(values(ws)['deletion_protection']).toBe(false);
    expect((await ws.run(['plan', '-detailed-exitcode'])).code).toBe(0);

    // Set both.
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  maintenance_window = { weekday = "tuesday", starting_hour_utc = 3 }\n  periodic_backups = { enabled = true, hour_utc = 4 }\n'));
    const plan = await ws.run(['plan', '-no-color']);
    expect(plan.stdout).toContain('1 to change');
    expect(plan.stdout).not.toContain('duration_hours = 8 -> (known after apply)');
    await apply(ws);
    let db = await simDatabase(id);
    expect(db.maintenanceWindow).toMatchObject({ weekdayUtc: 2, startingHourUtc: 3 });
    expect(db.periodicBackupsScheduledAt).toEqual([4]);
    expect(values(ws)['maintenance_window']).toEqual({ weekday: 'tuesday', starting_hour_utc: 3, duration_hours: 8 });
    expect((await ws.run(['plan', '-detailed-exitcode'])).code).toBe(0);

    // Change them.
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  maintenance_window = { weekday = "sunday", starting_hour_utc = 22 }\n  periodic_backups = { enabled = false }\n'));
    await apply(ws);
    db = await simDatabase(id);
    expect(db.maintenanceWindow).toMatchObject({ weekdayUtc: 0, startingHourUtc: 22 });
    expect(db.periodicBackupsEnabled).toBe(false);
    expect(values(ws)['periodic_backups']).toEqual({ enabled: false, hour_utc: 4 });

    // Drift behind Terraform's back: seen, and put back.
    await world.admin('PUT', `/_sim/databases/${id}`, { maintenance_window: { weekday_utc: 5, starting_hour_utc: 6 }, periodic_backups: { enabled: true } });
    const drift = await ws.run(['plan', '-no-color', '-detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toMatch(/weekday\s+= "friday" -> "sunday"/);
    expect(drift.stdout).toMatch(/enabled\s+= true -> false/);
    await apply(ws);
    expect((await simDatabase(id)).maintenanceWindow).toMatchObject({ weekdayUtc: 0, startingHourUtc: 22 });

    // A notified maintenance locks the window: refused at plan, saying why, on the attribute.
    await world.admin('POST', `/_sim/databases/${id}/maintenance`, {});
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  maintenance_window = { weekday = "monday", starting_hour_utc = 22 }\n  periodic_backups = { enabled = false }\n'));
    await world.admin('DELETE', '/_sim/requests');
    const locked = await ws.run(['apply', '-auto-approve', '-no-color']);
    expect(locked.code).toBe(1);
    expect(flat(locked.stderr)).toContain('Error: Maintenance window locked');
    expect(flat(locked.stderr)).toContain('the window cannot be moved until it is over');
    expect(flat(locked.stderr)).toMatch(/on main\.tf line 11, in resource "scalingo_addon" "db": 11: maintenance_window/);
    expect(writes(await world.requests())).toEqual({});
    expect((await simDatabase(id)).maintenanceWindow).toMatchObject({ weekdayUtc: 0 });

    // The data sources: maintenances with the window, backups with the PITR window.
    ws.write(
      'main.tf',
      `${config(app, 'postgresql-starter-512', '  maintenance_window = { weekday = "sunday", starting_hour_utc = 22 }\n  periodic_backups = { enabled = false }\n')}` +
        `data "scalingo_database_maintenances" "m" {\n  app = "${app}"\n  addon_id = scalingo_addon.db.id\n}\n` +
        `data "scalingo_database_backups" "b" {\n  app = "${app}"\n  addon_id = scalingo_addon.db.id\n}\n`,
    );
    await apply(ws);
    const m = resource(ws.state(), 'data.scalingo_database_maintenances.m')!.values;
    expect(m['maintenances']).toEqual([expect.objectContaining({ status: 'notified', type: 'postgresql-minor-upgrade', ended_at: null })]);
    expect(m['maintenance_window']).toEqual({ weekday: 'sunday', starting_hour_utc: 22, duration_hours: 8 });
    const b = resource(ws.state(), 'data.scalingo_database_backups.b')!.values;
    expect(Array.isArray(b['backups'])).toBe(true);
    expect(Date.parse(b['latest_recoverable_at'] as string)).toBeGreaterThanOrEqual(Date.parse(b['earliest_recoverable_at'] as string));
  });

  it('refuses bad settings and publicly-available without force-ssl at plan, with no write request', async () => {
    const app = await newApp();
    const ws = world.workspace();
    await world.admin('DELETE', '/_sim/requests');
    ws.write(
      'main.tf',
      config(app, 'postgresql-starter-512', '  maintenance_window = { weekday = "funday", starting_hour_utc = 24 }\n  periodic_backups = { enabled = true, hour_utc = -1 }\n  database_features = ["publicly-available"]\n'),
    );
    const r = await ws.run(['plan', '-no-color']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err).toContain('maintenance_window.weekday: Must be one of "sunday", "monday"');
    expect(err).toContain('got "funday"');
    expect(err).toContain('maintenance_window.starting_hour_utc: Must be a whole number from 0 to 23; got 24');
    expect(err).toContain('periodic_backups.hour_utc: Must be a whole number from 0 to 23; got -1');
    expect(err).toContain('publicly-available needs force-ssl');
    // Each on its own line of configuration.
    expect(err).toMatch(/on main\.tf line 11, in resource "scalingo_addon" "db": 11: maintenance_window = \{ weekday = "funday"/);
    expect(err).toMatch(/on main\.tf line 12, in resource "scalingo_addon" "db": 12: periodic_backups/);
    expect(writes(await world.requests())).toEqual({});
  });

  it('reports a feature that Scalingo failed to enable, and keeps it out of the state', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-512'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    await world.admin('PUT', `/_sim/databases/${id}`, { fail_next_feature: true });
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  database_features = ["force-ssl"]\n'));
    const r = await ws.run(['apply', '-auto-approve', '-no-color']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Scalingo could not enable force-ssl');
    expect(values(ws)['database_features']).toEqual([]);
    const again = await ws.run(['plan', '-no-color', '-detailed-exitcode']);
    expect(again.code).toBe(2);
    expect(flat(again.stdout)).toContain('Database feature failed');
    // Enabling it again retries it.
    await apply(ws);
    expect(values(ws)['database_features']).toEqual(['force-ssl']);
  });
});

maybe('scalingo_addon deletion protection', () => {
  it('refuses a destroy and a replacement at plan, with no write request, until it is turned off', async () => {
    const app = await newApp();
    const other = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  deletion_protection = true\n'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    await world.admin('DELETE', '/_sim/requests');

    const destroy = await ws.run(['destroy', '-auto-approve', '-no-color']);
    expect(destroy.code).toBe(1);
    expect(flat(destroy.stderr)).toContain('Deletion protection is on');
    expect(flat(destroy.stderr)).toContain('set deletion_protection = false, run terraform apply');
    ws.write('main.tf', config(other, 'postgresql-starter-512', '  deletion_protection = true\n'));
    const replace = await ws.run(['plan', '-no-color']);
    expect(replace.code).toBe(1);
    expect(flat(replace.stderr)).toContain('cannot be replaced (a change of "app" cannot be made in place)');
    expect(writes(await world.requests())).toEqual({});

    ws.write('main.tf', config(app, 'postgresql-starter-512', '  deletion_protection = false\n'));
    await apply(ws);
    const ok = await ws.run(['destroy', '-auto-approve']);
    expect(ok.code).toBe(0);
    const state = (await world.admin('GET', '/_sim/state')) as { addons: { id: string }[] };
    expect(state.addons.some((a) => a.id === id)).toBe(false);
  });
});

/**
 * The simulator's request log shows a manual backup requested before `change`, and the backup
 * was done before that request arrived; the state records its id.
 */
async function expectBackupDoneBefore(id: string, change: string, ws: Workspace): Promise<void> {
  const log = await world.requestLog();
  const post = log.findIndex((r) => r.route === 'POST /api/databases/{addon_id}/backups');
  const changed = log.findIndex((r) => r.route === change);
  expect(post).toBeGreaterThanOrEqual(0);
  expect(changed).toBeGreaterThan(post);
  const backup = (await simDatabase(id)).backups.find((b) => b.method === 'manual')!;
  expect(backup.status).toBe('done');
  expect(Date.parse(backup.finishedAt!)).toBeLessThanOrEqual(Date.parse(log[changed]!.at));
  expect(values(ws)['last_backup_id']).toBe(backup.id);
}

maybe('scalingo_addon backup before a risky change', () => {
  it('takes a backup, done before the plan change is sent, and records its id', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-1024', '  backup_before_change = true\n'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  backup_before_change = true\n'));
    const plan = await ws.run(['plan', '-no-color']);
    expect(plan.code).toBe(0);
    expect(flat(plan.stdout)).toContain('A backup will be taken first');
    expect(flat(plan.stdout)).toContain('before the downscale to postgresql-starter-512, a manual backup');
    await world.admin('DELETE', '/_sim/requests');
    await apply(ws);
    await expectBackupDoneBefore(id, 'PATCH /v1/apps/{app}/addons/{addon_id}', ws);
    expect(values(ws)['plan']).toBe('postgresql-starter-512');
    // An upscale needs no backup.
    ws.write('main.tf', config(app, 'postgresql-starter-1024', '  backup_before_change = true\n'));
    expect(flat((await ws.run(['plan', '-no-color'])).stdout)).not.toContain('A backup will be taken first');
  });

  it('takes a backup before a major upgrade, not before a minor one', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  backup_before_change = true\n'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    await world.admin('PUT', `/_sim/databases/${id}`, { version: '16.13.0-1' });
    expect((await ws.run(['apply', '-auto-approve', '-refresh-only'])).code).toBe(0);
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  backup_before_change = true\n  database_version = "16.15.0-1"\n'));
    expect(flat((await ws.run(['plan', '-no-color'])).stdout)).not.toContain('A backup will be taken first');
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  backup_before_change = true\n  database_version = "17"\n'));
    const plan = await ws.run(['plan', '-no-color']);
    expect(flat(plan.stdout)).toContain('before the major upgrade to 17.11.0-1, a manual backup');
    await world.admin('DELETE', '/_sim/requests');
    await apply(ws);
    await expectBackupDoneBefore(id, 'POST /api/databases/{addon_id}/upgrade', ws);
  });

  it('changes nothing when the backup fails, and says so', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', config(app, 'postgresql-starter-1024', '  backup_before_change = true\n'));
    await apply(ws);
    const id = values(ws)['id'] as string;
    const before = await simDatabase(id);
    await world.admin('PUT', `/_sim/databases/${id}`, { fail_next_backup: true });
    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config(app, 'postgresql-starter-512', '  backup_before_change = true\n'));
    const r = await ws.run(['apply', '-auto-approve', '-no-color']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Backup before change failed: nothing was changed');
    expect(flat(r.stderr)).toContain('Scalingo reported the backup');
    const log = await world.requestLog();
    expect(log.some((x) => x.route === 'PATCH /v1/apps/{app}/addons/{addon_id}')).toBe(false);
    expect((await simDatabase(id)).planId).toBe(before.planId);
    expect(values(ws)['plan']).toBe('postgresql-starter-1024');
  });
});
