// The used-by flow through CDK for Terraform: the example app (examples/cdktf) synthesized with
// the generated bindings, the real terraform run in the synthesized directory against the
// simulator, the plan changed in the TypeScript code. And the same app with CDK Terrain
// (cdktn), its bindings generated from the same schema by @cdktn/provider-generator.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import { cdktfApp, cdktfOrSkip, cdktfPackageDir, filesystemMirror } from './support/cdktf.js';
import { projectRoot } from './support/fixture_provider.js';
import { scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { terraformOrSkip, type RunResult, type Workspace } from './support/terraform.js';

jest.setTimeout(180_000);

const terraform = terraformOrSkip('CDKTF end-to-end tests');
const maybe = terraform && cdktfOrSkip('CDKTF end-to-end tests') ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let cliConfig: string;
beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
  cliConfig = (await filesystemMirror()).cliConfig;
});

/** A workspace talking to the simulator, installing the provider from the mirror. */
function mirrorWorkspace(): Workspace {
  const ws = world.workspace();
  ws.write('.terraformrc', cliConfig);
  return ws;
}
afterAll(async () => {
  await world?.close();
});

async function newApp(name: string): Promise<string> {
  return (await world.newApp(name)).id;
}

interface SimState {
  addons: { id: string; appId: string; planId: string; status: string; database: { status: string } }[];
  downtimes: { addon_id: string; kind: string }[];
}

/** terraform in a synthesized stack directory, with the workspace's CLI config and environment. */
function inStack(ws: Workspace, stackDir: string) {
  return (command: string, ...args: string[]): Promise<RunResult> => ws.run([`-chdir=${stackDir}`, command, '-no-color', ...args]);
}

function ok(r: RunResult): RunResult {
  if (r.code !== 0) throw new Error(`terraform exited with ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

maybe('CDKTF', () => {
  it('synthesizes a stack that terraform applies, then a plan change made in TypeScript shows its warning and is waited for', async () => {
    const appId = await newApp('cdktf');
    const ws = mirrorWorkspace();
    const app = cdktfApp(join(ws.dir, 'app'));
    const env = { SCALINGO_APP_ID: appId };
    await app.synth(env);
    const tf = inStack(ws, app.stackDir('database'));

    ok(await tf('init', '-input=false'));
    ok(await tf('apply', '-auto-approve', '-input=false'));
    const show = JSON.parse(ok(await tf('show', '-json')).stdout) as { values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } } };
    const db = show.values.root_module.resources.find((r) => r.address === 'scalingo_addon.db')!;
    expect(db.values).toMatchObject({ app: appId, provider_id: 'postgresql', plan: 'postgresql-starter-512', status: 'running' });
    const id = db.values['id'] as string;

    app.edit((src) => src.replace("const plan = 'postgresql-starter-512';", "const plan = 'postgresql-business-1024';"));
    await app.synth(env);
    const plan = ok(await tf('plan', '-input=false'));
    expect(plan.stdout).toMatch(/~ plan\s+= "postgresql-starter-512" -> "postgresql-business-1024"/);
    expect(plan.stdout).toContain('0 to add, 1 to change, 0 to destroy');
    expect(plan.stdout).toContain('Warning: Plan change: postgresql-starter-512 -> postgresql-business-1024');
    expect(flat(plan.stdout)).toContain('not highly available: the database is stopped and restarted');

    ok(await tf('apply', '-auto-approve', '-input=false'));
    const state = (await world.admin('GET', '/_sim/state')) as SimState;
    const remote = state.addons.find((a) => a.id === id)!;
    // apply returned once the database ran on the new plan, after its downtime.
    expect(remote.database.status).toBe('running');
    expect(state.downtimes.filter((d) => d.addon_id === id).map((d) => d.kind)).toEqual(['unavailable']);
    const after = JSON.parse(ok(await tf('show', '-json')).stdout) as typeof show;
    expect(after.values.root_module.resources.find((r) => r.address === 'scalingo_addon.db')!.values).toMatchObject({ id, plan: 'postgresql-business-1024', plan_id: remote.planId });

    const again = await tf('plan', '-detailed-exitcode', '-input=false');
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });
});

const maybeCdktn = terraform && cdktfOrSkip('CDK Terrain end-to-end test', ['cdktn', '@cdktn/provider-generator', 'constructs', 'typescript']) ? describe : describe.skip;

maybeCdktn('CDK Terrain (cdktn)', () => {
  it('generates bindings with @cdktn/provider-generator from the same schema; the same app, importing cdktn, applies and then plans no change', async () => {
    const appId = await newApp('cdktn');
    const ws = mirrorWorkspace();
    const { generateBindings } = (await import(join(projectRoot, 'scripts', 'cdktf.mjs'))) as {
      generateBindings: (schema: unknown, outDir: string, flavour: 'cdktf' | 'cdktn') => Promise<void>;
    };
    const { terraformSchema } = (await import(join(projectRoot, 'scripts', 'schema.mjs'))) as { terraformSchema: (tf?: string) => unknown };
    const dir = join(ws.dir, 'app');
    const modules = join(cdktfPackageDir, 'node_modules');
    const app = cdktfApp(dir, { cdktn: join(modules, 'cdktn'), constructs: join(modules, 'constructs') });
    await generateBindings(terraformSchema(terraform), join(dir, '.gen', 'scalingo'), 'cdktn');
    // What the README tells a CDK Terrain user to change: the imports.
    app.edit((src) => src.replace("from 'cdktf'", "from 'cdktn'").replace("from '@scalingo-community/cdktf-provider-scalingo'", "from './.gen/scalingo'"));
    await app.synth({ SCALINGO_APP_ID: appId });
    const tf = inStack(ws, app.stackDir('database'));
    ok(await tf('init', '-input=false'));
    ok(await tf('apply', '-auto-approve', '-input=false'));
    const again = await tf('plan', '-detailed-exitcode', '-input=false');
    expect(again.code).toBe(0);
    const state = (await world.admin('GET', '/_sim/state')) as SimState;
    expect(state.addons.filter((a) => a.appId === appId).map((a) => a.status)).toEqual(['running']);
  });
});
