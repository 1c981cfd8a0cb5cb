// scalingo_database_extension end to end: the real terraform, the built provider, the simulator
// backed by a real PostgreSQL, where CREATE/DROP EXTENSION really run.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlAt } from './support/postgres.js';
import { HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip } from './support/terraform.js';

jest.setTimeout(60_000);
// The simulator backs databases with a real PostgreSQL when its binaries exist; E2E_PG=off forces
// memory mode, where the SQL-level checks are skipped (never silently under CI=true).

const terraform = terraformOrSkip('scalingo_database_extension end-to-end tests');
const maybe = terraform ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let bearer = '';
let app = '';
let addonId = '';
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

/** The `list-extensions` action of the database API, as `scalingo` would call it. */
async function listExtensions(): Promise<{ name: string; version: string }[]> {
  const t = await api('POST', `/v1/apps/${app}/addons/${addonId}/token`);
  const res = await api('POST', `/api/databases/${addonId}/action`, { action_name: 'list-extensions' }, (t.body['addon'] as { token: string }).token);
  return res.body['result'] as { name: string; version: string }[];
}

/** SQL as the addon's owner, through the app's URL. */
function sql<R extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  return sqlAt<R>(url, text, params);
}

async function installed(): Promise<Record<string, { version: string; schema: string }>> {
  const rows = await sql<{ name: string; version: string; schema: string }>(
    "SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'",
  );
  return Object.fromEntries(rows.map((r) => [r.name, { version: r.version, schema: r.schema }]));
}

function extension(label: string, name: string, extra = ''): string {
  return `resource "scalingo_database_extension" "${label}" {\n  app      = "${app}"\n  addon_id = "${addonId}"\n  name     = "${name}"\n${extra}}\n`;
}

const realPostgres = () => world.sim.postgres === 'real';
const maybeSql = (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    if (!realPostgres()) {
      if (process.env['CI'] === 'true' && process.env['E2E_PG'] !== 'off') throw new Error(`no PostgreSQL binaries under CI: "${name}" cannot run`);
      process.stderr.write(`\n!!! simulator in memory mode (no PostgreSQL binaries): skipping "${name}", which needs a real database !!!\n\n`);
      return;
    }
    await fn();
  });

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000, postgres: process.env['E2E_PG'] === 'off' ? 'off' : 'auto' });
  const basic = Buffer.from(`:${world.sim.apiToken}`).toString('base64');
  const exchange = await fetch(`${world.sim.url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  bearer = ((await exchange.json()) as { token: string }).token;
  app = world.sim.apps[1]!.id;
  const plans = (await api('GET', '/v1/addon_providers/postgresql/plans')).body['plans'] as { id: string; name: string }[];
  const planId = plans.find((p) => p.name === 'postgresql-starter-512')!.id;
  const provisioned = await api('POST', `/v1/apps/${app}/addons`, { addon: { addon_provider_id: 'postgresql', plan_id: planId } });
  addonId = (provisioned.body['addon'] as { id: string }).id;
  for (let i = 0; i < 100; i++) {
    const got = await api('GET', `/v1/apps/${app}/addons/${addonId}`);
    if ((got.body['addon'] as { status: string }).status === 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const vars = (await api('GET', `/v1/apps/${app}/variables`)).body['variables'] as { name: string; value: string }[];
  url = vars.find((v) => v.name === 'SCALINGO_POSTGRESQL_URL')!.value;
  if (realPostgres()) await sql('CREATE SCHEMA extensions');
}, 30_000);

afterAll(async () => {
  await world?.close();
});

maybe('scalingo_database_extension', () => {
  it('refuses an extension Scalingo does not offer at plan, suggesting the closest, before any request', async () => {
    await world.admin('DELETE', '/_sim/requests');
    const ws = world.workspace();
    ws.write('main.tf', HEADER + extension('a', 'uuid_ossp') + extension('b', 'pg_trgrm') + extension('c', 'plv8'));
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err).toContain('Error: Unavailable PostgreSQL extension');
    expect(err).toContain('Scalingo does not offer the PostgreSQL extension "uuid_ossp". Did you mean "uuid-ossp"?');
    expect(err).toContain('"pg_trgrm". Did you mean "pg_trgm"?');
    expect(err).toMatch(/"plv8"\. Available extensions: anon, btree_gin, .*uuid-ossp, vector\./);
    expect(r.stderr).toMatch(/in resource "scalingo_database_extension" "a":\s+\d+:\s+name\s+= "uuid_ossp"/);
    expect(await world.requests()).toEqual({});
  });

  maybeSql('enables extensions over SQL (one needing quotes, one in a schema), sees them in pg_extension and list-extensions, and logs no secret', async () => {
    const ws = world.workspace();
    ws.write('main.tf', HEADER + extension('hstore', 'hstore') + extension('uuid', 'uuid-ossp') + extension('trgm', 'pg_trgm', '  schema   = "extensions"\n'));
    const log = join(ws.dir, 'trace.log');
    let r = await ws.run(['apply', '-auto-approve'], { TF_LOG: 'trace', TF_LOG_PATH: log });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const now = await installed();
    expect(Object.keys(now).sort()).toEqual(['hstore', 'pg_trgm', 'uuid-ossp']);
    expect(now['pg_trgm']!.schema).toBe('extensions');
    expect(now['hstore']!.schema).toBe('public');
    const state = ws.state();
    expect(resource(state, 'scalingo_database_extension.uuid')!.values).toEqual({
      id: `${app}:${addonId}:uuid-ossp`,
      app,
      addon_id: addonId,
      name: 'uuid-ossp',
      schema: 'public',
      version: now['uuid-ossp']!.version,
    });
    expect(resource(state, 'scalingo_database_extension.trgm')!.values).toMatchObject({ schema: 'extensions', version: now['pg_trgm']!.version });
    expect((await listExtensions()).map((e) => e.name).sort()).toEqual(['hstore', 'pg_trgm', 'uuid-ossp']);
    // They really work.
    expect(await sql<{ v: string }>("SELECT ('a=>1'::hstore -> 'a') AS v")).toEqual([{ v: '1' }]);

    const trace = readFileSync(log, 'utf8');
    expect(trace).toContain('extension enabled');
    for (const secret of [world.sim.apiToken, bearer, decodeURIComponent(new URL(url).password)]) expect(trace).not.toContain(secret);
    expect(trace).not.toContain('postgresql://');
    expect(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8')).not.toContain('postgresql://');

    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    // Dropped behind Terraform's back: drift, and the next apply enables it again.
    await sql('DROP EXTENSION hstore');
    r = await ws.run(['plan']);
    expect(r.stdout).toContain('# scalingo_database_extension.hstore will be created');
    expect(r.stdout).toContain('1 to add, 0 to change, 0 to destroy');
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(Object.keys(await installed())).toContain('hstore');

    // Removed from the configuration: disabled.
    ws.write('main.tf', HEADER + extension('uuid', 'uuid-ossp') + extension('trgm', 'pg_trgm', '  schema   = "extensions"\n'));
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 added, 0 changed, 1 destroyed');
    expect(Object.keys(await installed()).sort()).toEqual(['pg_trgm', 'uuid-ossp']);

    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(await installed()).toEqual({});
    expect(await listExtensions()).toEqual([]);
  });

  maybeSql('imports an extension enabled by hand, and refuses to drop one that objects depend on', async () => {
    await sql('CREATE EXTENSION citext');
    const ws = world.workspace();
    ws.write('main.tf', HEADER + extension('citext', 'citext'));
    let r = await ws.run(['import', 'scalingo_database_extension.citext', `${app}:${addonId}:citext`]);
    expect(r.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_database_extension.citext')!.values).toMatchObject({ name: 'citext', schema: 'public', version: (await installed())['citext']!.version });
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    // A column uses it: DROP EXTENSION (never CASCADE) fails with the server's reason.
    await sql('CREATE TABLE people (email citext)');
    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Cannot disable extension citext');
    expect(flat(r.stderr)).toContain('cannot drop extension citext because other objects depend on it');
    expect(flat(r.stderr)).toContain('never drops with CASCADE');
    expect(Object.keys(await installed())).toContain('citext');
    await sql('DROP TABLE people');
    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(Object.keys(await installed())).not.toContain('citext');

    r = await ws.run(['import', 'scalingo_database_extension.citext', `${app}:${addonId}:citext`]);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Cannot import non-existent remote object');
  });

  maybeSql('reports what the server says for an extension it cannot create', async () => {
    const ws = world.workspace();
    ws.write('main.tf', HEADER + extension('geo', 'postgis') + extension('earth', 'earthdistance'));
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    // postgis is on Scalingo's list but not installed on this PostgreSQL.
    expect(err).toMatch(/Error: Cannot enable extension postgis .*The database answered: .*(postgis\.control|is not available)/);
    // earthdistance needs cube.
    expect(err).toContain('Error: Extension earthdistance needs cube');
    expect(err).toContain('Declare cube as its own scalingo_database_extension');
    expect(err).not.toContain('postgresql://');
    expect(await installed()).toEqual({});
  });
});
