// database_url on scalingo_addon end to end: opt-in with expose_database_url, one variables
// request per app per refresh (none without it), sensitive, and a password rotated on the
// platform is an update of the attribute at refresh, never a replacement.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leakedSecrets } from './support/secrets.js';
import { appVariables, HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('scalingo_addon database_url end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let world: ScalingoWorld;
let app = '';
let other = '';

const config = (expose: boolean) =>
  HEADER +
  `resource "scalingo_addon" "pg" {
  app                 = "${app}"
  provider_id         = "postgresql"
  plan                = "postgresql-starter-512"
  expose_database_url = ${expose}
}
resource "scalingo_addon" "redis" {
  app                 = "${app}"
  provider_id         = "redis"
  plan                = "redis-starter-256"
  expose_database_url = ${expose}
}
resource "scalingo_addon" "quiet" {
  app         = "${other}"
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}
`;

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
  app = world.sim.apps[0]!.id;
  other = ((await world.admin('POST', '/_sim/apps', { name: 'url-quiet-app' })) as { app: { id: string } }).app.id;
}, 30_000);

afterAll(async () => {
  await world?.close();
});

maybe('scalingo_addon database_url', () => {
  const ws = () => world.workspace();
  let w: ReturnType<typeof ws>;

  it('is read from the app\'s variables only where exposed, sensitive, one request per app per refresh', async () => {
    w = ws();
    w.write('main.tf', config(true));
    const r = await w.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const vars = await appVariables(world, app);
    const state = w.state();
    expect(resource(state, 'scalingo_addon.pg')!.values).toMatchObject({ expose_database_url: true, database_url: vars['SCALINGO_POSTGRESQL_URL'] });
    expect(resource(state, 'scalingo_addon.redis')!.values).toMatchObject({ expose_database_url: true, database_url: vars['SCALINGO_REDIS_URL'] });
    expect(resource(state, 'scalingo_addon.quiet')!.values).toMatchObject({ expose_database_url: false, database_url: null });
    expect(resource(state, 'scalingo_addon.pg')!.sensitive_values).toMatchObject({ database_url: true });
    expect(leakedSecrets(r.stdout, { pg: vars['SCALINGO_POSTGRESQL_URL']!, redis: vars['SCALINGO_REDIS_URL']! })).toEqual([]);

    await world.admin('DELETE', '/_sim/requests');
    const log = join(w.dir, 'trace.log');
    const plan = await w.run(['plan', '-detailed-exitcode'], { TF_LOG: 'trace', TF_LOG_PATH: log });
    expect(plan.code).toBe(0);
    // Read on this refresh, and still in no log line of Terraform or the provider.
    const trace = readFileSync(log, 'utf8');
    expect(trace).toContain('database URL read');
    expect(leakedSecrets(trace, { pg: vars['SCALINGO_POSTGRESQL_URL']!, redis: vars['SCALINGO_REDIS_URL']!, pg_password: decodeURIComponent(new URL(vars['SCALINGO_POSTGRESQL_URL']!).password) })).toEqual([]);
    const counts = await world.requests();
    expect(counts['GET /v1/apps/{app}/variables']).toBe(1); // the exposing app only, shared by its two addons
    expect(counts['GET /v1/apps/{app}/addons']).toBe(2);
  });

  it('shows a password rotated on the platform as an update of database_url, not a replacement', async () => {
    const pgId = resource(w.state(), 'scalingo_addon.pg')!.values['id'] as string;
    const before = (await appVariables(world, app))['SCALINGO_POSTGRESQL_URL']!;
    await world.admin('POST', `/_sim/databases/${pgId}/rotate_password`);
    const after = (await appVariables(world, app))['SCALINGO_POSTGRESQL_URL']!;
    expect(after).not.toBe(before);

    const refreshOnly = await w.run(['plan', '-refresh-only', '-detailed-exitcode']);
    expect(refreshOnly.code).toBe(2);
    expect(refreshOnly.stdout).toMatch(/~ database_url\s+= \(sensitive value\)/);
    expect(refreshOnly.stdout).not.toContain('must be replaced');
    const plan = await w.run(['plan', '-detailed-exitcode']);
    expect(plan.stdout).not.toContain('must be replaced');
    expect(plan.code).toBe(0);
    expect((await w.run(['apply', '-refresh-only', '-auto-approve'])).code).toBe(0);
    expect(resource(w.state(), 'scalingo_addon.pg')!.values['id']).toBe(pgId);
    expect(resource(w.state(), 'scalingo_addon.pg')!.values['database_url']).toBe(after);
  });

  it('turned off, clears the URL from the state in place and stops reading the variables', async () => {
    w.write('main.tf', config(false));
    const r = await w.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 to add, 2 to change, 0 to destroy');
    expect(resource(w.state(), 'scalingo_addon.pg')!.values).toMatchObject({ expose_database_url: false, database_url: null });
    await world.admin('DELETE', '/_sim/requests');
    expect((await w.run(['plan', '-detailed-exitcode'])).code).toBe(0);
    expect((await world.requests())['GET /v1/apps/{app}/variables']).toBeUndefined();
  });
});
