// What is knowable at plan is refused at plan, before any write; an app by name and by ID is one
// app; a protected user never blocks the destruction of its stack. The real terraform, the built
// provider, the simulator (memory mode: nothing here needs SQL).

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { resource, resources, terraformOrSkip } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('plan-time refusal end-to-end tests');
const maybe = terraform ? describe : describe.skip;
/** Terraform wraps diagnostics at 78 columns: compare texts with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let bearer = '';

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 100, rateLimitPerMinute: 100_000, postgres: 'off' });
  const basic = Buffer.from(`:${world.sim.apiToken}`).toString('base64');
  const exchange = await fetch(`${world.sim.url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  bearer = ((await exchange.json()) as { token: string }).token;
});
afterAll(async () => {
  await world?.close();
});

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${world.sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A PostgreSQL addon made outside Terraform, running. */
async function outsideAddon(app: string): Promise<{ id: string; resource_id: string }> {
  const plans = (await api('GET', '/v1/addon_providers/postgresql/plans')).plans as { id: string; name: string }[];
  const planId = plans.find((p) => p.name === 'postgresql-starter-512')!.id;
  const addon = (await api('POST', `/v1/apps/${app}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: planId } })).addon as { id: string; resource_id: string };
  for (let i = 0; i < 200; i++) {
    if (((await api('GET', `/v1/apps/${app}/addons/${addon.id}`)).addon as { status: string }).status === 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return addon;
}

async function newApp(name: string): Promise<{ id: string; name: string }> {
  return ((await world.admin('POST', '/_sim/apps', { name })) as { app: { id: string; name: string } }).app;
}

const addonBlock = (label: string, app: string) => `resource "scalingo_addon" "${label}" {\n  app         = ${JSON.stringify(app)}\n  provider_id = "postgresql"\n  plan        = "postgresql-starter-512"\n}\n`;

maybe('refused at plan, before any write', () => {
  it('app IDs and names Scalingo cannot have, and reserved user names, each on its attribute', async () => {
    const app = world.sim.apps[0]!;
    const ws = world.workspace();
    ws.write(
      'main.tf',
      HEADER +
        addonBlock('slash', 'a/b') +
        addonBlock('dots', '..') +
        addonBlock('empty', '') +
        addonBlock('long', 'a'.repeat(3000)) +
        `resource "scalingo_database_user" "superuser" {\n  app      = "${app.id}"\n  addon_id = "ad-0000"\n  name     = "postgres"\n}\n` +
        `resource "scalingo_database_user" "predefined" {\n  app      = "${app.name}"\n  addon_id = "ad-0000"\n  name     = "pg_monitor"\n}\n`,
    );
    await world.admin('DELETE', '/_sim/requests');
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err.match(/Error: Invalid app/g)).toHaveLength(4);
    for (const [label, shown] of [
      ['slash', '"a/b" is neither a Scalingo app ID'],
      ['dots', '".." is neither'],
      ['empty', '"" is neither'],
      ['long', '(3000 characters) is neither'],
    ] as const) {
      expect(err).toContain(`with scalingo_addon.${label}, on main.tf line`);
      expect(err).toContain(shown);
    }
    expect(err).toContain('An app name has at most 48 characters; this one has 3000.');
    expect(err.match(/Error: Invalid database user name/g)).toHaveLength(2);
    expect(err).toMatch(/with scalingo_database_user\.superuser, on main\.tf line \d+, in resource "scalingo_database_user" "superuser": \d+: name = "postgres" Scalingo refuses the user name "postgres"\. PostgreSQL reserves it/);
    expect(err).toMatch(/Scalingo refuses the user name "pg_monitor"\. PostgreSQL reserves it: names starting with "pg_"/);
    expect(writes(await world.requests())).toEqual({});
  });

  it('a second PostgreSQL addon on an app: names the existing one and the import that adopts it; the import is an empty plan', async () => {
    const app = await newApp('second-addon-app');
    const existing = await outsideAddon(app.id);
    const ws = world.workspace();
    ws.write('main.tf', HEADER + addonBlock('db', app.id));
    await world.admin('DELETE', '/_sim/requests');
    let r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err).toContain(`Error: App ${app.id} already has a postgresql addon: ${existing.id}`);
    expect(err).toContain('Scalingo allows one postgresql addon per app');
    const command = `terraform import scalingo_addon.db "${app.id}:${existing.id}"`;
    expect(err).toContain(command);
    expect(err).toMatch(/with scalingo_addon\.db, on main\.tf line \d+, in resource "scalingo_addon" "db": \d+: provider_id = "postgresql"/);
    expect(writes(await world.requests())).toEqual({});

    // The command, as printed, adopts it.
    r = await ws.run(['import', 'scalingo_addon.db', `${app.id}:${existing.id}`]);
    expect(r.code).toBe(0);
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

maybe('an app by name and by ID is one app', () => {
  it('imports by "<app name>:<addon id>" against app = "<app id>" (and the reverse): no replacement, no diff, no write', async () => {
    const app = await newApp('named-import-app');
    const existing = await outsideAddon(app.id);
    const user = (owner: string, appRef: string) =>
      `resource "scalingo_database_user" "owner" {\n  app      = ${JSON.stringify(appRef)}\n  addon_id = scalingo_addon.db.id\n  name     = "${owner}"\n}\n`;
    const ws = world.workspace();
    ws.write('main.tf', HEADER + addonBlock('db', app.id) + user(existing.resource_id, app.id));
    let r = await ws.run(['import', 'scalingo_addon.db', `${app.name}:${existing.id}`]);
    expect(r.code).toBe(0);
    r = await ws.run(['import', 'scalingo_database_user.owner', `${app.name}:${existing.id}:${existing.resource_id}`]);
    expect(r.code).toBe(0);
    // Recorded by ID, whichever way the import named it.
    expect(resource(ws.state(), 'scalingo_addon.db')!.values['app']).toBe(app.id);
    expect(resource(ws.state(), 'scalingo_database_user.owner')!.values['app']).toBe(app.id);

    await world.admin('DELETE', '/_sim/requests');
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/must be replaced|forces replacement/);
    expect(r.code).toBe(0);

    // The configuration now names the app: still the same app, still nothing to do.
    ws.write('main.tf', HEADER + addonBlock('db', app.name) + user(existing.resource_id, app.name));
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 added, 0 changed, 0 destroyed');
    expect(writes(await world.requests())).toEqual({});

    // Another app is another app: that one is a replacement.
    const other = await newApp('other-import-app');
    ws.write('main.tf', HEADER + addonBlock('db', other.id));
    r = await ws.run(['plan']);
    expect(flat(r.stdout)).toContain('# scalingo_addon.db must be replaced');
    expect(flat(r.stdout)).toMatch(/~ app = "[0-9a-f]{24}" -> "[0-9a-f]{24}" # forces replacement/);
  });
});

maybe('a protected user never blocks a destroy', () => {
  it('destroys a stack holding the imported owner: the user is forgotten with a warning, the addon deleted', async () => {
    const app = await newApp('protected-stack-app');
    const existing = await outsideAddon(app.id);
    const ws = world.workspace();
    ws.write(
      'main.tf',
      HEADER +
        addonBlock('db', app.id) +
        `resource "scalingo_database_user" "owner" {\n  app      = "${app.id}"\n  addon_id = scalingo_addon.db.id\n  name     = "${existing.resource_id}"\n}\n` +
        `resource "scalingo_database_user" "reader" {\n  app       = "${app.id}"\n  addon_id  = scalingo_addon.db.id\n  name      = "stack_reader"\n  read_only = true\n}\n`,
    );
    expect((await ws.run(['import', 'scalingo_addon.db', `${app.id}:${existing.id}`])).code).toBe(0);
    expect((await ws.run(['import', 'scalingo_database_user.owner', `${app.id}:${existing.id}:${existing.resource_id}`])).code).toBe(0);
    let r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(resources(ws.state())).toHaveLength(3);

    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = flat(r.stdout);
    expect(out).toContain(`Warning: Protected user ${existing.resource_id} will be removed from the state, not deleted`);
    expect(out).toContain('Destroy complete! Resources: 3 destroyed.');
    expect(resources(ws.state())).toEqual([]);
    const left = (await world.admin('GET', '/_sim/state')) as { addons: { id: string }[] };
    expect(left.addons.map((a) => a.id)).not.toContain(existing.id);
  });
});
