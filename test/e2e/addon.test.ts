// scalingo_addon end to end: the real terraform, the built provider, the simulator.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { resource, resources, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('scalingo_addon end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let world: ScalingoWorld;
/** Terraform wraps diagnostics at 78 columns: compare texts with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  if (terraform) world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await world?.close();
});

async function newApp(): Promise<string> {
  return (await world.newApp('e2e-app')).id;
}

function addonConfig(app: string, plan: string, extra = ''): string {
  return `${HEADER}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n${extra}}\n`;
}

interface SimAddon {
  id: string;
  appId: string;
  planId: string;
  status: string;
  database: { status: string };
}
async function simAddons(app?: string): Promise<SimAddon[]> {
  const state = (await world.admin('GET', '/_sim/state')) as { addons: SimAddon[] };
  return state.addons.filter((a) => !app || a.appId === app);
}

async function created(app: string, plan = 'postgresql-starter-512'): Promise<{ ws: Workspace; id: string }> {
  const ws = world.workspace();
  ws.write('main.tf', addonConfig(app, plan));
  const r = await ws.run(['apply', '-auto-approve']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { ws, id: resource(ws.state(), 'scalingo_addon.db')!.values['id'] as string };
}

maybe('scalingo_addon', () => {
  it('creates an addon and waits until it runs', async () => {
    const app = await newApp();
    const { ws, id } = await created(app);
    const values = resource(ws.state(), 'scalingo_addon.db')!.values;
    expect(id).toMatch(/^ad-/);
    expect(values).toMatchObject({ app, provider_id: 'postgresql', plan: 'postgresql-starter-512', status: 'running' });
    expect(values['plan_id']).toMatch(/^[0-9a-f]{24}$/);
    expect(values['database_version']).toMatch(/^17\.\d+\.\d+-\d+$/);
    const [remote] = await simAddons(app);
    expect(remote!.status).toBe('running');
    expect(remote!.database.status).toBe('running');
    const again = await ws.run(['plan', '-detailed-exitcode']);
    expect(again.code).toBe(0);
  });

  it('changes the plan in place, warning about what will happen, and returns once the database runs on it', async () => {
    const app = await newApp();
    const { ws, id } = await created(app);
    ws.write('main.tf', addonConfig(app, 'postgresql-business-1024'));
    const plan = await ws.run(['plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/~ plan\s+= "postgresql-starter-512" -> "postgresql-business-1024"/);
    expect(plan.stdout).toContain('1 to change, 0 to destroy');
    expect(plan.stdout).toContain('Warning: Plan change: postgresql-starter-512 -> postgresql-business-1024');
    expect(flat(plan.stdout)).toContain('not highly available: the database is stopped and restarted');
    expect(flat(plan.stdout)).toContain('Scalingo restarts the application');

    const apply = await ws.run(['apply', '-auto-approve']);
    expect(apply.code).toBe(0);
    // Shown once, by the plan apply made; not again by Terraform's re-plan before applying.
    expect(apply.stdout.split('Warning: Plan change: postgresql-starter-512 -> postgresql-business-1024')).toHaveLength(2);
    expect(apply.stdout).not.toContain('similar warning');
    const [remote] = await simAddons(app);
    expect(remote!.id).toBe(id);
    expect(remote!.database.status).toBe('running');
    const values = resource(ws.state(), 'scalingo_addon.db')!.values;
    expect(values['plan']).toBe('postgresql-business-1024');
    expect(values['plan_id']).toBe(remote!.planId);
    const state = (await world.admin('GET', '/_sim/state')) as { downtimes: { addon_id: string; kind: string }[] };
    expect(state.downtimes.filter((d) => d.addon_id === id).map((d) => d.kind)).toEqual(['unavailable']);

    // From a Business plan, the warning is about a failover.
    ws.write('main.tf', addonConfig(app, 'postgresql-business-2048'));
    const up = await ws.run(['plan']);
    expect(flat(up.stdout)).toContain('is highly available: the change only triggers a failover');
    expect(flat(up.stdout)).toContain('about 2-5 seconds');
  });

  it('warns on a downscale and refuses one whose data does not fit, before writing anything', async () => {
    const app = await newApp();
    const { ws, id } = await created(app, 'postgresql-starter-2048');
    ws.write('main.tf', addonConfig(app, 'postgresql-starter-1024'));
    let r = await ws.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Warning: Downscale: postgresql-starter-2048 -> postgresql-starter-1024');
    expect(flat(r.stdout)).toContain('make sure the new plan can handle all your data and fits your workload');

    await world.admin('PUT', `/_sim/databases/${id}`, { data_size: 25 * 1024 ** 3 });
    await world.admin('DELETE', '/_sim/requests');
    ws.write('main.tf', addonConfig(app, 'postgresql-starter-1024'));
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: Data does not fit the new plan');
    expect(flat(r.stderr)).toContain('holds 25 GiB of data, but postgresql-starter-1024 has 20 GiB of disk');
    expect(writes(await world.requests())).toEqual({});
  });

  it('fails at plan on an unknown plan name, suggesting the closest, with no write request', async () => {
    const app = await newApp();
    await world.admin('DELETE', '/_sim/requests');
    const ws = world.workspace();
    ws.write('main.tf', addonConfig(app, 'postgresql-busines-1024'));
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: Unknown plan');
    expect(flat(r.stderr)).toContain('Did you mean "postgresql-business-1024"?');
    expect(flat(r.stderr)).toContain('Available plans: postgresql-sandbox, postgresql-starter-512, postgresql-starter-1024');
    expect(flat(r.stderr)).not.toContain('postgresql-starter-8192'); // disabled plans are not offered
    expect(r.stderr).toMatch(/on main\.tf line \d+, in resource "scalingo_addon" "db":\s+\d+:\s+plan = "postgresql-busines-1024"/);
    expect(writes(await world.requests())).toEqual({});
    expect(await simAddons(app)).toEqual([]);
  });

  it('refuses a disabled plan naming its alternative, and warns on discontinued and on-demand plans', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', addonConfig(app, 'postgresql-starter-8192'));
    let r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: Plan no longer available');
    expect(flat(r.stderr)).toContain('Scalingo suggests "postgresql-business-8192" instead.');
    ws.write('main.tf', addonConfig(app, 'postgresql-starter-4096'));
    r = await ws.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Warning: Plan to be discontinued');
    ws.write('main.tf', addonConfig(app, 'postgresql-business-4096'));
    r = await ws.run(['plan']);
    expect(r.stdout).toContain('Warning: Plan available on demand only');
  });

  it('imports an addon with <app>:<addon_id>, with no diff afterwards', async () => {
    const app = await newApp();
    const { id } = await created(app, 'postgresql-business-512');
    const ws = world.workspace();
    ws.write('main.tf', addonConfig(app, 'postgresql-business-512'));
    let r = await ws.run(['import', 'scalingo_addon.db', `${app}:${id}`]);
    expect(r.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_addon.db')!.values).toMatchObject({ id, app, plan: 'postgresql-business-512', provider_id: 'postgresql' });
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
    const other = world.workspace();
    other.write('main.tf', addonConfig(app, 'postgresql-business-512'));
    r = await other.run(['import', 'scalingo_addon.db', 'not-an-import-id']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Expected "<app>:<addon_id>"');
  });

  it('detects a plan changed outside Terraform as drift, and re-creates an addon deleted outside Terraform', async () => {
    const app = await newApp();
    const { ws, id } = await created(app);
    await world.admin('PATCH', `/_sim/apps/${app}/addons/${id}`, { plan: 'postgresql-starter-1024' });
    let r = await ws.run(['plan']);
    expect(r.stdout).toMatch(/~ plan\s+= "postgresql-starter-1024" -> "postgresql-starter-512"/);
    r = await ws.run(['plan', '-refresh-only']);
    expect(r.stdout).toContain('Objects have changed outside of Terraform');

    await world.admin('DELETE', `/_sim/apps/${app}/addons/${id}`);
    r = await ws.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# scalingo_addon.db will be created');
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect((await simAddons(app)).map((a) => a.id)).toEqual([resource(ws.state(), 'scalingo_addon.db')!.values['id']]);
  });

  it('deletes the addon, warning that its data goes with it; a 404 counts as deleted', async () => {
    const app = await newApp();
    const { ws, id } = await created(app);
    let r = await ws.run(['plan', '-destroy']);
    expect(r.stdout).toContain(`Warning: Destroying postgresql addon ${id} deletes its data`);
    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(await simAddons(app)).toEqual([]);

    // Deleted by hand between refresh and delete: still a clean destroy.
    const second = await created(app);
    await world.admin('DELETE', `/_sim/apps/${app}/addons/${second.id}`);
    r = await second.ws.run(['destroy', '-auto-approve', '-refresh=false']);
    expect(r.code).toBe(0);
    expect(resources(second.ws.state())).toEqual([]);
    expect(id).not.toBe(second.id);
  });

  it('keeps a legacy provider alias without replacing the addon', async () => {
    const app = await newApp();
    const { ws } = await created(app);
    ws.write('main.tf', `${HEADER}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "scalingo-postgresql"\n  plan = "postgresql-starter-512"\n}\n`);
    const r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stdout).not.toContain('forces replacement');
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);
  });

  it('refreshes many addons for at most 1.5 API requests each', async () => {
    const apps = [await newApp(), await newApp()];
    const ws = world.workspace();
    ws.write(
      'main.tf',
      HEADER +
        apps
          .flatMap((app, i) => [
            `resource "scalingo_addon" "pg${i}" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n}\n`,
            `resource "scalingo_addon" "redis${i}" {\n  app = "${app}"\n  provider_id = "redis"\n  plan = "redis-starter-256"\n}\n`,
          ])
          .join(''),
    );
    expect((await ws.run(['apply', '-auto-approve'])).code).toBe(0);
    await world.admin('DELETE', '/_sim/requests');
    const r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
    const total = Object.values(await world.requests()).reduce((a, b) => a + b, 0);
    expect(total / 4).toBeLessThanOrEqual(1.5);
  });

  it('survives 429 and 5xx answers during apply without losing or duplicating the addon', async () => {
    const app = await newApp();
    const ws = world.workspace();
    ws.write('main.tf', addonConfig(app, 'postgresql-starter-512'));
    await world.admin('PUT', '/_sim/faults', {
      faults: [
        { route: 'POST /v1/apps/{app}/addons', status: 429, retry_after: 1, count: 1 },
        // Processed, but the answer is lost: the outcome is unknown to the provider.
        { route: 'POST /v1/apps/{app}/addons', status: 503, when: 'after', count: 1 },
        { route: 'GET /v1/apps/{app}/addons/{addon_id}', status: 502, count: 2 },
        { route: 'GET /api/databases/{addon_id}', status: 504, count: 1 },
      ],
    });
    try {
      const r = await ws.run(['apply', '-auto-approve']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      await world.admin('PUT', '/_sim/faults', { faults: [] });
    }
    const remote = await simAddons(app);
    expect(remote).toHaveLength(1);
    expect(resource(ws.state(), 'scalingo_addon.db')!.values['id']).toBe(remote[0]!.id);
  });

  it('ends a Ctrl-C during a plan change with consistent state', async () => {
    const app = await newApp();
    const { ws, id } = await created(app);
    // Slow the platform down so the change is still running when the user presses Ctrl-C.
    await world.admin('PUT', `/_sim/databases/${id}`, { data_size: 2 * 1024 ** 3 });
    await world.admin('PUT', '/_sim/speed', { speed: 0.5 });
    try {
      ws.write('main.tf', addonConfig(app, 'postgresql-starter-1024'));
      const child = ws.start(['apply', '-auto-approve', '-no-color']);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const started = Date.now();
      while (Date.now() - started < 30_000) {
        const [remote] = await simAddons(app);
        if (remote!.database.status === 'updating') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await simAddons(app))[0]!.database.status).toBe('updating');
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).not.toBe(0);
      expect(out).toMatch(/cancelled/i);
      // The change was accepted by Scalingo: the state says so, even though the wait was cut.
      const values = resource(ws.state(), 'scalingo_addon.db')!.values;
      expect(values['id']).toBe(id);
      expect(values['plan']).toBe('postgresql-starter-1024');
      expect(JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8')).resources[0].instances).toHaveLength(1);
    } finally {
      await world.admin('PUT', '/_sim/speed', { speed: 50 });
    }
    const r = await ws.run(['plan', '-detailed-exitcode']);
    if (r.code !== 0) process.stderr.write(r.stdout + r.stderr);
    expect(r.code).toBe(0);
  });
});
