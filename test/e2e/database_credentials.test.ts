// ephemeral "scalingo_database_credentials" end to end: the real terraform opens it during plan
// and apply, its values reach a write-only attribute (and a precondition), and no secret reaches
// the state file, a saved plan file or a TF_LOG=trace log. The simulator is backed by a real
// PostgreSQL when its binaries exist, so the passwords are checked by logging in.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canLogIn } from './support/postgres.js';
import { leakedSecrets, planFileText } from './support/secrets.js';
import { appVariables, HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('scalingo_database_credentials end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let world: ScalingoWorld;
let app = '';

type SimUser = { name: string; password: string };
type SimAddon = { id: string; resourceId: string; password: string; database: { users: SimUser[] } };

async function simAddon(id: string): Promise<SimAddon> {
  const state = (await world.admin('GET', '/_sim/state')) as { addons: SimAddon[] };
  return state.addons.find((a) => a.id === id)!;
}

/** The app's SCALINGO_POSTGRESQL_URL, as the platform shows it. */
async function appUrl(): Promise<string> {
  return (await appVariables(world, app))['SCALINGO_POSTGRESQL_URL']!;
}

const config = (version: number) =>
  HEADER +
  `resource "scalingo_addon" "db" {
  app         = "${app}"
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

ephemeral "scalingo_database_credentials" "db" {
  app      = scalingo_addon.db.app
  addon_id = scalingo_addon.db.id
}

resource "scalingo_database_user" "app" {
  app                 = scalingo_addon.db.app
  addon_id            = scalingo_addon.db.id
  name                = "e2e_app_user"
  password_wo         = "\${ephemeral.scalingo_database_credentials.db.password}_app"
  password_wo_version = ${version}

  lifecycle {
    precondition {
      condition = (
        ephemeral.scalingo_database_credentials.db.username == scalingo_addon.db.resource_id &&
        ephemeral.scalingo_database_credentials.db.database == scalingo_addon.db.resource_id &&
        ephemeral.scalingo_database_credentials.db.url == "postgresql://\${ephemeral.scalingo_database_credentials.db.username}:\${ephemeral.scalingo_database_credentials.db.password}@\${ephemeral.scalingo_database_credentials.db.host}:\${ephemeral.scalingo_database_credentials.db.port}/\${ephemeral.scalingo_database_credentials.db.database}?sslmode=prefer"
      )
      error_message = "The credentials do not match the addon."
    }
  }
}
`;

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000, postgres: process.env['E2E_PG'] === 'off' ? 'off' : 'auto' });
  app = world.sim.apps[0]!.id;
}, 30_000);

afterAll(async () => {
  await world?.close();
});

maybe('ephemeral scalingo_database_credentials', () => {
  let ws: Workspace;
  let addonId = '';

  it('hands the default user\'s credentials to a write-only password, and no secret reaches the state, the plan file or the trace log', async () => {
    ws = world.workspace();
    ws.write('main.tf', config(1));
    const log = join(ws.dir, 'apply.log');
    // Planned with the addon still to be created: the credentials are unknown until apply.
    const r = await ws.run(['apply', '-auto-approve'], { TF_LOG: 'trace', TF_LOG_PATH: log });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    addonId = resource(ws.state(), 'scalingo_addon.db')!.values['id'] as string;

    const sim = await simAddon(addonId);
    const owner = sim.password;
    const derived = `${owner}_app`;
    expect(sim.database.users.find((u) => u.name === 'e2e_app_user')?.password).toBe(derived);
    const url = await appUrl();
    if (world.sim.postgres === 'real') expect(await canLogIn(url, 'e2e_app_user', derived)).toBe(true);

    // A second plan, saved: the ephemeral resource is opened again (its inputs are known now).
    ws.write('main.tf', config(2));
    const planLog = join(ws.dir, 'plan.log');
    const plan = await ws.run(['plan', '-out=tfplan'], { TF_LOG: 'trace', TF_LOG_PATH: planLog });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('password_wo_version');
    const applied = await ws.run(['apply', 'tfplan']);
    expect(applied.code).toBe(0);

    const secrets = { owner_password: owner, url, derived_password: derived, api_token: world.sim.apiToken, admin_token: world.sim.adminToken };
    const trace = readFileSync(log, 'utf8') + readFileSync(planLog, 'utf8');
    expect(trace).toContain('OpenEphemeralResource'); // the trace does cover the calls
    expect(leakedSecrets(trace, secrets)).toEqual([]);
    expect(leakedSecrets(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8'), secrets)).toEqual([]);
    const planFile = planFileText(join(ws.dir, 'tfplan'));
    expect(planFile).toContain('e2e_app_user'); // the plan's content was read
    expect(leakedSecrets(planFile, secrets)).toEqual([]);
    expect(leakedSecrets(r.stdout + plan.stdout + applied.stdout, secrets)).toEqual([]);
  });

  it('reads the credentials afresh on each run: a password rotated on the platform reaches the consumer', async () => {
    await world.admin('POST', `/_sim/databases/${addonId}/rotate_password`);
    const rotated = (await simAddon(addonId)).password;
    ws.write('main.tf', config(3));
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect((await simAddon(addonId)).database.users.find((u) => u.name === 'e2e_app_user')?.password).toBe(`${rotated}_app`);
    if (world.sim.postgres === 'real') expect(await canLogIn(await appUrl(), 'e2e_app_user', `${rotated}_app`)).toBe(true);
  });

  it('reports an addon that does not exist on addon_id, at plan', async () => {
    const other = world.workspace();
    other.write('main.tf', HEADER + `ephemeral "scalingo_database_credentials" "x" {\n  app      = "${app}"\n  addon_id = "ad-00000000-0000-0000-0000-000000000000"\n}\n`);
    const r = await other.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Database addon not found');
    expect(r.stderr).toContain('addon_id');
  });
});
