// Every example under examples/ runs against the simulator, so the examples the docs show
// cannot rot: the registry examples (examples/<kind>/<full name>/*.tf, shown in docs/) are
// planned, the addon's is applied and imported, each import.sh names a resource its example
// declares, and the scenario examples (examples/<scenario>/main.tf) are planned.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildOfficialStandIn, projectRoot } from './support/fixture_provider.js';
import { HEADER, PROVIDER_SOURCE, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('examples end-to-end tests');
const maybe = terraform ? describe : describe.skip;
const examples = join(projectRoot, 'examples');

/** Kinds whose examples terraform 1.11 can plan (actions and list resources need 1.14). */
const PLANNABLE = ['resources', 'data-sources', 'ephemeral-resources'];

/** Registry examples: [kind dir, full name, file]. */
function registryExamples(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const kind of PLANNABLE.filter((k) => existsSync(join(examples, k)))) {
    for (const name of readdirSync(join(examples, kind)).sort()) {
      if (!statSync(join(examples, kind, name)).isDirectory()) continue;
      for (const file of readdirSync(join(examples, kind, name)).sort()) if (file.endsWith('.tf')) out.push([kind, name, file]);
    }
  }
  return out;
}

/** Scenario examples: directories with a complete configuration (main.tf). */
const scenarios = readdirSync(examples)
  .filter((d) => existsSync(join(examples, d, 'main.tf')))
  .sort();

const read = (...path: string[]) => readFileSync(join(examples, ...path), 'utf8');

let world: ScalingoWorld;
/** The app of the addon the scalingo_addon example creates (examples that read an addon use it). */
let appId: string;
let addonId: string;
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
  appId = (await newApp()).id;
});
afterAll(async () => {
  await world?.close();
});

/** A fresh app: Scalingo allows one addon of a kind per app, and the examples each create one. */
async function newApp(): Promise<{ id: string; name: string }> {
  return world.newApp('examples');
}

/** A workspace with the variables the examples declare, on a fresh app (or `app`). */
async function exampleWorkspace(extraProviders: Record<string, string> = {}, app?: { id: string; name: string }): Promise<Workspace> {
  const { id, name } = app ?? (await newApp());
  const vars = { TF_VAR_app_id: id, TF_VAR_app_name: name, TF_VAR_addon_id: addonId ?? 'ad-none', TF_VAR_writer_password: 'example-password-42' };
  return world.workspace(vars, extraProviders);
}

maybe('examples', () => {
  it('has an example for every resource, data source and ephemeral resource the docs list', () => {
    const docs = (kind: string) => (existsSync(join(projectRoot, 'docs', kind)) ? readdirSync(join(projectRoot, 'docs', kind)).map((f) => f.replace(/\.md$/, '')) : []);
    for (const kind of PLANNABLE) {
      for (const short of docs(kind)) expect(readdirSync(join(examples, kind))).toContain(`scalingo_${short}`);
    }
  });

  it('applies the scalingo_addon example, and its import.sh imports the addon it created', async () => {
    const app = await newApp();
    appId = app.id;
    const ws = await exampleWorkspace({}, app);
    ws.write('main.tf', read('resources', 'scalingo_addon', 'resource.tf'));
    const apply = await ws.run(['apply', '-auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    const values = resource(ws.state(), 'scalingo_addon.db')!.values;
    expect(values).toMatchObject({ plan: 'postgresql-business-1024', status: 'running' });
    addonId = values['id'] as string;

    // The import command, with the example's placeholder IDs replaced by the real ones.
    const [, address, id] = /terraform import (\S+) (\S+)/.exec(read('resources', 'scalingo_addon', 'import.sh'))!;
    expect(id!.split(':')).toHaveLength(2);
    const fresh = await exampleWorkspace({}, app);
    fresh.write('main.tf', read('resources', 'scalingo_addon', 'resource.tf'));
    const imported = await fresh.run(['import', address!, `${appId}:${addonId}`]);
    expect(imported.stdout).toContain('Import successful!');
    expect(imported.code).toBe(0);
  });

  it.each(registryExamples())('examples/%s/%s/%s names the address and declares what its import.sh imports', (kind, name, file) => {
    const text = read(kind, name, file);
    expect(text).toContain(name);
    // Each example names the provider's address, as users copy it.
    expect(text).toContain(`source = "${PROVIDER_SOURCE}"`);
    const importSh = join(examples, kind, name, 'import.sh');
    if (existsSync(importSh)) {
      for (const [, address] of readFileSync(importSh, 'utf8').matchAll(/terraform import (\S+) \S+/g)) {
        const [type, label] = address!.split('.');
        expect(type).toBe(name);
        expect(text).toContain(`resource "${type}" "${label}"`);
      }
    }
  });

  it('plans every registry example, each as a module of one configuration', async () => {
    const ws = await exampleWorkspace();
    let root = HEADER;
    for (const [kind, name, file] of registryExamples()) {
      const text = read(kind, name, file);
      const module = `${kind}_${name}_${file}`.replace(/[^\w]/g, '_');
      ws.write(join('examples', module, 'main.tf'), text);
      const declared = [...text.matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]!);
      // An example reading an existing addon gets the one created above; any other its own app.
      const app = declared.includes('addon_id') ? { id: appId, name: '' } : await newApp();
      const values: Record<string, string> = { app_id: app.id, app_name: app.name, addon_id: addonId, writer_password: 'example-password-42' };
      const inputs = declared.map((v) => `  ${v} = ${JSON.stringify(values[v] ?? `no value for ${v}`)}\n`);
      root += `module "${module}" {\n  source = "./examples/${module}"\n${inputs.join('')}}\n`;
    }
    ws.write('main.tf', root);
    // Local modules only need `terraform get` (init would ask the registry for the provider).
    const get = await ws.run(['get']);
    expect(get.stderr).toBe('');
    expect(get.code).toBe(0);
    const plan = await ws.run(['plan', '-input=false']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
  });

  it('plans the provider example, which names the address in package.json', async () => {
    const text = read('provider', 'provider.tf');
    expect(/source\s*=\s*"([^"]+)"/.exec(text)![1]).toBe(PROVIDER_SOURCE);
    const ws = await exampleWorkspace();
    ws.write('main.tf', text);
    const plan = await ws.run(['plan', '-input=false']);
    expect(flat(plan.stdout)).toContain('No changes.');
    expect(plan.code).toBe(0);
  });

  it.each(scenarios)('plans the scenario example examples/%s', async (dir) => {
    const text = read(dir, 'main.tf');
    const sources = new Set([...text.matchAll(/source\s*=\s*"([^"]+)"/g)].map((m) => m[1]!));
    // Beside the official provider: its stand-in (test/fixture/official) under its address.
    const extra: Record<string, string> = sources.has('Scalingo/scalingo') ? { 'Scalingo/scalingo': await buildOfficialStandIn() } : {};
    for (const source of sources) expect([PROVIDER_SOURCE, 'Scalingo/scalingo']).toContain(source);
    const ws = await exampleWorkspace(extra);
    ws.write('main.tf', text);
    const plan = await ws.run(['plan', '-input=false']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
  });
});
