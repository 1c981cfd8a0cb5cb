// scalingo_database_user and scalingo_database_users end to end: the real terraform, the built
// provider, the simulator backed by a real PostgreSQL (users are real roles, passwords work).

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canLogIn as canLogInAt, connectTo } from './support/postgres.js';
import type pg from 'pg';
import { HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip } from './support/terraform.js';

jest.setTimeout(60_000);
// The simulator backs databases with a real PostgreSQL when its binaries exist; E2E_PG=off forces
// memory mode, where the SQL-level checks are skipped (never silently under CI=true).

const terraform = terraformOrSkip('scalingo_database_user end-to-end tests');
const maybe = terraform ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let bearer = '';
let app = '';
let addonId = '';
let owner = ''; // the protected user, named like the addon's resource_id
let url = ''; // SCALINGO_POSTGRESQL_URL

async function api(method: string, path: string, body?: unknown, token = bearer): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${world.sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The database API, with the addon's own token. */
async function db(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const t = await api('POST', `/v1/apps/${app}/addons/${addonId}/token`);
  return api(method, `/api/databases/${addonId}${path}`, body, (t.body['addon'] as { token: string }).token);
}

const realPostgres = () => world.sim.postgres === 'real';

function skipSql(what: string): boolean {
  if (realPostgres()) return false;
  if (process.env['CI'] === 'true' && process.env['E2E_PG'] !== 'off') throw new Error(`no PostgreSQL binaries under CI: "${what}" cannot be checked`);
  process.stderr.write(`\n!!! simulator in memory mode (no PostgreSQL binaries): skipping the SQL checks of "${what}" !!!\n\n`);
  return true;
}

/** Connects to the addon's database as the given user, as an app would with the URL. */
function connectAs(user: string, password: string): Promise<pg.Client> {
  return connectTo(url, { user, password });
}

function canLogIn(user: string, password: string): Promise<boolean> {
  return canLogInAt(url, user, password);
}

function userBlock(label: string, body: string): string {
  return `resource "scalingo_database_user" "${label}" {\n  app      = "${app}"\n  addon_id = "${addonId}"\n${body}}\n`;
}

/** Requests that wrote users, from a /_sim/requests snapshot. */
function userWrites(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => /^(POST|PATCH|DELETE|PUT) \/api\/databases\/\{addon_id\}\/users/.test(k)));
}

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000, postgres: process.env['E2E_PG'] === 'off' ? 'off' : 'auto' });
  const basic = Buffer.from(`:${world.sim.apiToken}`).toString('base64');
  const exchange = await fetch(`${world.sim.url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  bearer = ((await exchange.json()) as { token: string }).token;
  app = world.sim.apps[0]!.id;
  const plans = (await api('GET', '/v1/addon_providers/postgresql/plans')).body['plans'] as { id: string; name: string }[];
  const planId = plans.find((p) => p.name === 'postgresql-starter-512')!.id;
  const provisioned = await api('POST', `/v1/apps/${app}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: planId } });
  const addon = provisioned.body['addon'] as { id: string; resource_id: string };
  addonId = addon.id;
  owner = addon.resource_id;
  for (let i = 0; i < 100; i++) {
    const got = await api('GET', `/v1/apps/${app}/addons/${addonId}`);
    if ((got.body['addon'] as { status: string }).status === 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const vars = (await api('GET', `/v1/apps/${app}/variables`)).body['variables'] as { name: string; value: string }[];
  url = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
  if (realPostgres()) {
    const c = await connectAs(owner, decodeURIComponent(new URL(url).password));
    await c.query("CREATE TABLE items (id serial PRIMARY KEY, label text); INSERT INTO items (label) VALUES ('one')");
    await c.end();
  }
}, 30_000);

afterAll(async () => {
  await world?.close();
});

maybe('scalingo_database_user', () => {
  it('creates users with a given, a generated and a write-only password, which log in; a read-only user cannot write; nothing secret is logged', async () => {
    const given = 'given-Secret_1234';
    const wo = 'writeOnly-Secret_5678';
    const ws = world.workspace();
    ws.write(
      'main.tf',
      HEADER +
        userBlock('given', `  name     = "e2e_given"\n  password = "${given}"\n`) +
        userBlock('generated', `  name      = "e2e_generated"\n  read_only = true\n`) +
        userBlock('wo', `  name                = "e2e_wo"\n  password_wo         = "${wo}"\n  password_wo_version = 1\n`) +
        `data "scalingo_database_users" "all" {\n  app      = "${app}"\n  addon_id = "${addonId}"\n  depends_on = [scalingo_database_user.given, scalingo_database_user.generated, scalingo_database_user.wo]\n}\n` +
        'output "users" { value = data.scalingo_database_users.all.users }\n',
    );
    const log = join(ws.dir, 'trace.log');
    const r = await ws.run(['apply', '-auto-approve'], { TF_LOG: 'trace', TF_LOG_PATH: log });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const state = ws.state();
    const givenState = resource(state, 'scalingo_database_user.given')!.values;
    const generatedState = resource(state, 'scalingo_database_user.generated')!.values;
    const woState = resource(state, 'scalingo_database_user.wo')!.values;
    expect(givenState).toMatchObject({ id: `${app}:${addonId}:e2e_given`, name: 'e2e_given', read_only: false, protected: false, password: given, password_encryption: 'SCRAM-SHA-256' });
    expect(generatedState).toMatchObject({ name: 'e2e_generated', read_only: true, protected: false });
    const generated = generatedState['password'] as string;
    expect(generated).toMatch(/^[A-Za-z0-9_]{64}$/);
    expect(woState).toMatchObject({ name: 'e2e_wo', password: null, password_wo: null, password_wo_version: 1 });
    // The write-only password is nowhere in the state file.
    const rawState = readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8');
    expect(rawState).not.toContain(wo);
    // Passwords are sensitive: hidden in the plan output, marked in the state.
    expect(r.stdout).not.toContain(given);
    expect(r.stdout).not.toContain(generated);
    expect(resource(state, 'scalingo_database_user.given')!.sensitive_values).toMatchObject({ password: true });

    // The data source lists them, like database-users-list.
    const out = JSON.parse((await ws.run(['output', '-json', 'users'])).stdout) as { name: string }[];
    expect(out).toEqual(
      expect.arrayContaining([
        { name: owner, read_only: false, protected: true, password_encryption: 'SCRAM-SHA-256' },
        { name: 'e2e_given', read_only: false, protected: false, password_encryption: 'SCRAM-SHA-256' },
        { name: 'e2e_generated', read_only: true, protected: false, password_encryption: 'SCRAM-SHA-256' },
        { name: 'e2e_wo', read_only: false, protected: false, password_encryption: 'SCRAM-SHA-256' },
      ]),
    );
    expect(out).toHaveLength(4);

    // No password, API token or connection URL in the trace log of Terraform and the provider.
    const trace = readFileSync(log, 'utf8');
    expect(trace).toContain('database user created'); // the provider's own entries are there
    expect(trace.length).toBeGreaterThan(10_000);
    for (const secret of [given, generated, wo, world.sim.apiToken, bearer, decodeURIComponent(new URL(url).password)]) expect(trace).not.toContain(secret);
    expect(trace).not.toContain('postgresql://');

    const again = await ws.run(['plan', '-detailed-exitcode']);
    expect(again.code).toBe(0);

    if (skipSql('log in with each user')) return;
    expect(await canLogIn('e2e_given', given)).toBe(true);
    expect(await canLogIn('e2e_wo', wo)).toBe(true);
    const reader = await connectAs('e2e_generated', generated);
    try {
      expect((await reader.query('SELECT label FROM items')).rows).toEqual([{ label: 'one' }]);
      await expect(reader.query("INSERT INTO items (label) VALUES ('two')")).rejects.toThrow(/permission denied/);
    } finally {
      await reader.end();
    }
    const writer = await connectAs('e2e_given', given);
    await writer.query("INSERT INTO items (label) VALUES ('from writer')");
    await writer.end();
  });

  it('changes passwords in place: a new password, and a write-only one by bumping its version', async () => {
    const ws = world.workspace();
    const config = (pw: string, wo: string, version: number) =>
      HEADER + userBlock('a', `  name     = "e2e_rotate"\n  password = "${pw}"\n`) + userBlock('b', `  name                = "e2e_rotate_wo"\n  password_wo         = "${wo}"\n  password_wo_version = ${version}\n`);
    ws.write('main.tf', config('first-Password1', 'first-WoPassword1', 1));
    expect((await ws.run(['apply', '-auto-approve'])).code).toBe(0);

    // Changing password_wo alone is invisible to Terraform: nothing to do.
    ws.write('main.tf', config('first-Password1', 'second-WoPassword2', 1));
    let r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config('second-Password2', 'second-WoPassword2', 2));
    r = await ws.run(['plan']);
    expect(r.stdout).toContain('# scalingo_database_user.a will be updated in-place');
    expect(r.stdout).toContain('# scalingo_database_user.b will be updated in-place');
    expect(r.stdout).toMatch(/~ password_wo_version\s+= 1 -> 2/);
    expect(r.stdout).toContain('2 to change, 0 to destroy');
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(userWrites(await world.requests())).toEqual({ 'PATCH /api/databases/{addon_id}/users/{username}': 2 });
    expect(resource(ws.state(), 'scalingo_database_user.a')!.values['password']).toBe('second-Password2');
    expect(resource(ws.state(), 'scalingo_database_user.b')!.values['password']).toBeNull();

    if (skipSql('password rotation')) return;
    expect(await canLogIn('e2e_rotate', 'first-Password1')).toBe(false);
    expect(await canLogIn('e2e_rotate', 'second-Password2')).toBe(true);
    expect(await canLogIn('e2e_rotate_wo', 'first-WoPassword1')).toBe(false);
    expect(await canLogIn('e2e_rotate_wo', 'second-WoPassword2')).toBe(true);
  });

  it('refuses invalid names and passwords at plan, on the attribute, writing nothing', async () => {
    await world.admin('DELETE', '/_sim/requests');
    const ws = world.workspace();
    ws.write(
      'main.tf',
      HEADER +
        userBlock('digit', '  name = "1user_name"\n') +
        userBlock('short', '  name = "abc"\n') +
        userBlock('dash', '  name = "user-name"\n') +
        userBlock('pw_short', '  name     = "e2e_pw_short"\n  password = "Sh0rt"\n') +
        userBlock('pw_quote', `  name     = "e2e_pw_quote"\n  password = "it's-a-long-password"\n`) +
        userBlock('wo_long', `  name        = "e2e_wo_long"\n  password_wo = "${'x'.repeat(65)}"\n`) +
        userBlock('both', '  name        = "e2e_both"\n  password    = "long-enough-1"\n  password_wo = "long-enough-2"\n'),
    );
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err).toMatch(/Invalid database user name .*"1user_name".* It must start with a letter\./);
    expect(err).toMatch(/Invalid database user name .*"abc".* between 6 and 32 characters long; it has 3/);
    expect(err).toMatch(/Invalid database user name .*"user-name".* only contain letters, digits and underscores; it contains "-"/);
    expect(err).toMatch(/Invalid database user password .*between 8 and 64 characters long; it has 5\./);
    expect(err).toContain('It must not contain the characters " or \'.');
    expect(err).toMatch(/it has 65/);
    expect(err).toContain('Conflicting password attributes');
    // Each error points at its attribute's line.
    expect(r.stderr).toMatch(/in resource "scalingo_database_user" "digit":\s+\d+:\s+name = "1user_name"/);
    expect(r.stderr).toMatch(/in resource "scalingo_database_user" "pw_short":\s+\d+:\s+password = /);
    // The provider never echoes a password back (Terraform itself quotes the configuration line).
    const messages = r.stderr.split('\n').filter((line) => !/^\s*\d+:\s/.test(line)).join('\n');
    expect(messages).toContain('Scalingo refuses this password');
    expect(messages).not.toContain('Sh0rt');
    expect(messages).not.toContain("it's-a-long-password");
    expect(userWrites(await world.requests())).toEqual({});
  });

  it('never creates a user twice when the answer to its creation is lost; a lost generated password is reset', async () => {
    const lose = (when: 'before' | 'after') => world.admin('PUT', '/_sim/faults', { faults: [{ route: 'POST /api/databases/{addon_id}/users', reset: true, when, count: 1 }] });
    const ws = world.workspace();
    const config = (extra: string) => HEADER + userBlock('lost', '  name = "e2e_lost"\n') + extra;

    // Created, then the connection drops: the provider finds the user and resets its password.
    await lose('after');
    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config(''));
    let r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(userWrites(await world.requests())).toEqual({
      'POST /api/databases/{addon_id}/users': 1,
      'POST /api/databases/{addon_id}/users/{username}/reset_password': 1,
    });
    const generated = resource(ws.state(), 'scalingo_database_user.lost')!.values['password'] as string;
    expect(generated).toMatch(/^[A-Za-z0-9_]{64}$/);

    // With a chosen password, it is set again; dropped before reaching Scalingo, it is created.
    await lose('after');
    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config(userBlock('lost_given', '  name     = "e2e_lost_given"\n  password = "lost-Password-1"\n')));
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(userWrites(await world.requests())).toEqual({ 'POST /api/databases/{addon_id}/users': 1, 'PATCH /api/databases/{addon_id}/users/{username}': 1 });
    await lose('before');
    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config(userBlock('lost_given', '  name     = "e2e_lost_given"\n  password = "lost-Password-1"\n') + userBlock('lost_before', '  name     = "e2e_lost_before"\n  password = "lost-Password-2"\n')));
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(userWrites(await world.requests())).toEqual({ 'POST /api/databases/{addon_id}/users': 2 });
    await world.admin('PUT', '/_sim/faults', { faults: [] });

    const users = ((await db('GET', '/users')).body['database-users'] as { name: string }[]).map((u) => u.name);
    expect(users.filter((n) => n.startsWith('e2e_lost')).sort()).toEqual(['e2e_lost', 'e2e_lost_before', 'e2e_lost_given']);
    if (skipSql('log in after lost answers')) return;
    expect(await canLogIn('e2e_lost', generated)).toBe(true);
    expect(await canLogIn('e2e_lost_given', 'lost-Password-1')).toBe(true);
    expect(await canLogIn('e2e_lost_before', 'lost-Password-2')).toBe(true);
  });

  it('imports the protected user, then refuses to change its password or replace it, and forgets it when it leaves the configuration', async () => {
    const ws = world.workspace();
    const config = (extra: string) => HEADER + userBlock('owner', `  name = "${owner}"\n${extra}`);
    ws.write('main.tf', config(''));
    let r = await ws.run(['import', 'scalingo_database_user.owner', `${app}:${addonId}:${owner}`]);
    expect(r.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_database_user.owner')!.values).toMatchObject({ name: owner, protected: true, password: null, read_only: false });
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', config('  password = "a-new-password-1"\n'));
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain(`Error: Cannot change the password of protected user ${owner}`);
    expect(flat(r.stderr)).toContain('Scalingo created it with the database and manages its password');

    ws.write('main.tf', config('  read_only = true\n'));
    r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain(`Error: Cannot replace protected user ${owner}`);

    // Removed from the configuration: forgotten, with a warning, never deleted.
    ws.write('main.tf', HEADER);
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain(`Warning: Protected user ${owner} will be removed from the state, not deleted`);
    expect(userWrites(await world.requests())).toEqual({});
    expect(resource(ws.state(), 'scalingo_database_user.owner')).toBeUndefined();
    // Still in the database.
    expect(((await db('GET', '/users')).body['database-users'] as { name: string }[]).map((u) => u.name)).toContain(owner);
    expect(realPostgres() ? await canLogIn(owner, decodeURIComponent(new URL(url).password)) : true).toBe(true);
  });

  it('imports an ordinary user, re-creates one deleted outside Terraform, and suggests import for a name that exists', async () => {
    const made = await db('POST', '/users', { database_user: { name: 'e2e_outside', read_only: true, password: 'outside-Password1', password_confirmation: 'outside-Password1' } });
    expect(made.status).toBe(201);
    const ws = world.workspace();
    ws.write('main.tf', HEADER + userBlock('u', '  name      = "e2e_outside"\n  read_only = true\n'));

    // Not in state: creating it is refused with a pointer to import.
    let r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Database user e2e_outside already exists');
    expect(flat(r.stderr)).toContain(`terraform import <address> "${app}:${addonId}:e2e_outside"`);

    r = await ws.run(['import', 'scalingo_database_user.u', `${app}:${addonId}`]);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Expected "<app>:<addon_id>:<name>"');
    r = await ws.run(['import', 'scalingo_database_user.u', `${app}:${addonId}:e2e_outside`]);
    expect(r.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_database_user.u')!.values).toMatchObject({ name: 'e2e_outside', read_only: true, protected: false, password: null });
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    // Deleted behind Terraform's back: drift, and the next apply re-creates it.
    expect((await db('DELETE', '/users/e2e_outside')).status).toBe(204);
    r = await ws.run(['plan']);
    expect(r.stdout).toContain('# scalingo_database_user.u will be created');
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    const recreated = resource(ws.state(), 'scalingo_database_user.u')!.values;
    expect(recreated['password']).toMatch(/^[A-Za-z0-9_]{64}$/);
    if (!skipSql('re-created user logs in')) expect(await canLogIn('e2e_outside', recreated['password'] as string)).toBe(true);

    // And destroying an ordinary user deletes it.
    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(0);
    const users = (await db('GET', '/users')).body['database-users'] as { name: string }[];
    expect(users.map((u) => u.name)).not.toContain('e2e_outside');
  });
});
