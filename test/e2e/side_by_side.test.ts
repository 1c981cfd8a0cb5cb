// Our address (scalingo-community/scalingo) alone and beside the official provider
// (Scalingo/scalingo, here a stand-in built from test/fixture/official that serves
// `scalingo_app`), the takeover of an addon whose state the official provider wrote, and
// data "scalingo_app". The real terraform, the built provider, the simulator.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOfficialStandIn } from './support/fixture_provider.js';
import { HEADER, PROVIDER_SOURCE, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('side-by-side end-to-end tests');
const maybe = terraform ? describe : describe.skip;

const OURS = `provider["registry.terraform.io/${PROVIDER_SOURCE}"]`;
const OFFICIAL = 'provider["registry.terraform.io/scalingo/scalingo"]';
const BOTH = `terraform {\n  required_providers {\n    scalingo = { source = "Scalingo/scalingo" }\n    scalingodb = { source = "${PROVIDER_SOURCE}" }\n  }\n}\nprovider "scalingo" {}\nprovider "scalingodb" {}\n`;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let standIn: string;

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
  standIn = await buildOfficialStandIn();
});
afterAll(async () => {
  await world?.close();
});

async function newApp(): Promise<{ id: string; name: string }> {
  return world.newApp('e2e-side');
}

/** Both providers: ours under its address, the stand-in under the official one. */
const bothWorkspace = (): Workspace => world.workspace({}, { 'Scalingo/scalingo': standIn });

/** The provider of each resource, as terraform wrote it in the state file. */
function providersInState(ws: Workspace): Record<string, string> {
  const state = JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8')) as { resources: { mode: string; type: string; name: string; provider: string }[] };
  return Object.fromEntries(state.resources.map((r) => [`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, r.provider]));
}

const addon = (app: string, provider = '') =>
  `resource "scalingo_addon" "db" {\n${provider ? `  provider = ${provider}\n` : ''}  app = ${app}\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n}\n`;

maybe('our address', () => {
  it('serves alone: data "scalingo_app" by name or ID feeds an addon', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write(
      'main.tf',
      `${HEADER}data "scalingo_app" "by_name" {\n  name = "${app.name}"\n}\ndata "scalingo_app" "by_id" {\n  id = "${app.id}"\n}\n` +
        addon('data.scalingo_app.by_name.id') +
        'output "by_id" {\n  value = data.scalingo_app.by_id\n}\n',
    );
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const state = ws.state();
    expect(resource(state, 'scalingo_addon.db')!.values['app']).toBe(app.id);
    const byName = resource(state, 'data.scalingo_app.by_name')!.values;
    expect(byName).toMatchObject({ id: app.id, name: app.name, region: 'osc-fr1', url: expect.stringContaining(app.name), git_url: expect.stringContaining(app.name) });
    expect(resource(state, 'data.scalingo_app.by_id')!.values).toEqual(byName);
    expect(providersInState(ws)).toEqual({ 'data.scalingo_app.by_name': OURS, 'data.scalingo_app.by_id': OURS, 'scalingo_addon.db': OURS });
  });

  it('says which lookup is wrong for data "scalingo_app"', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', `${HEADER}data "scalingo_app" "missing" {\n  name = "no-such-app-${process.pid}"\n}\ndata "scalingo_app" "id_as_name" {\n  name = "${app.id}"\n}\n`);
    let r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain(`Scalingo has no app with name "no-such-app-${process.pid}"`);
    expect(flat(r.stderr)).toContain(`Scalingo has no app with name "${app.id}"`);
    ws.write('main.tf', `${HEADER}data "scalingo_app" "both" {\n  name = "${app.name}"\n  id = "${app.id}"\n}\n`);
    r = await ws.run(['validate']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Set either `id` or `name`, not both.');
  });

  it('serves beside the official provider: apps there, the addon here', async () => {
    const app = await newApp();
    const ws = bothWorkspace();
    ws.write('main.tf', `${BOTH}resource "scalingo_app" "my_app" {\n  name = "${app.name}"\n}\n${addon('scalingo_app.my_app.id', 'scalingodb')}`);
    let r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(providersInState(ws)).toEqual({ 'scalingo_app.my_app': OFFICIAL, 'scalingo_addon.db': OURS });
    const addons = ((await world.admin('GET', '/_sim/state')) as { addons: { id: string; appId: string }[] }).addons.filter((a) => a.appId === app.id);
    expect(addons.map((a) => a.id)).toEqual([resource(ws.state(), 'scalingo_addon.db')!.values['id']]);
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
  });

  it('takes over an addon whose state the official provider wrote: No changes, then our address in the state', async () => {
    const app = await newApp();
    // The addon exists on Scalingo (created here with our provider, alone).
    const first = world.workspace();
    first.write('main.tf', HEADER + addon(`"${app.id}"`));
    expect((await first.run(['apply', '-auto-approve'])).code).toBe(0);
    const id = resource(first.state(), 'scalingo_addon.db')!.values['id'] as string;
    const remote = ((await world.admin('GET', '/_sim/state')) as { addons: { id: string; planId: string }[] }).addons.find((a) => a.id === id)!;

    // The state the official provider writes for it: schema version 0, its attribute layout.
    const ws = bothWorkspace();
    ws.write(
      'terraform.tfstate',
      JSON.stringify({
        version: 4,
        terraform_version: '1.11.4',
        serial: 3,
        lineage: 'a1b2c3d4-0000-4000-8000-00000000abcd',
        outputs: {},
        resources: [
          {
            mode: 'managed',
            type: 'scalingo_addon',
            name: 'db',
            provider: OFFICIAL,
            instances: [
              {
                schema_version: 0,
                attributes: { app: app.id, database_features: [], id, plan: 'postgresql-starter-512', plan_id: remote.planId, provider_id: 'postgresql', resource_id: 'whatever_1234' },
                sensitive_attributes: [],
                private: 'bnVsbA==',
              },
            ],
          },
        ],
      }),
    );
    // The only change to the configuration: `provider = scalingodb`.
    ws.write('main.tf', BOTH + addon(`"${app.id}"`, 'scalingodb'));
    let r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);

    await world.admin('DELETE', '/_sim/requests');
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(writes(await world.requests())).toEqual({});
    expect(providersInState(ws)).toEqual({ 'scalingo_addon.db': OURS });
    expect(resource(ws.state(), 'scalingo_addon.db')!.values).toMatchObject({ id, app: app.id, plan: 'postgresql-starter-512' });
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
  });
});
