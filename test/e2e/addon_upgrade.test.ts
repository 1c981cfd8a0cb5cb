// Version upgrades of a PostgreSQL addon through scalingo_addon.database_version, as Scalingo's
// page prescribes them: latest minor first, one major at a time, never down.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ScalingoClient } from '../../src/scalingo/client.js';
import { HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('database version upgrade end-to-end tests');
const maybe = terraform ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let counter = 0;

beforeAll(async () => {
  if (terraform) world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await world?.close();
});

function config(app: string, version?: string, plan = 'postgresql-starter-512'): string {
  return `${HEADER}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n${version ? `  database_version = "${version}"\n` : ''}}\n`;
}

async function remoteVersion(app: string, id: string): Promise<string> {
  const client = new ScalingoClient({ apiToken: world.sim.apiToken, version: 'e2e', authUrl: world.sim.url, rateLimit: false });
  try {
    return (await client.databases.get(app, id)).readable_version;
  } finally {
    await client.close();
  }
}

/** An addon created at `version` (set behind the scenes), managed by a fresh workspace. */
async function addonAt(version: string, plan = 'postgresql-starter-512', dataSize = 30 * 1024 ** 3): Promise<{ ws: Workspace; id: string; app: string }> {
  const r = (await world.admin('POST', '/_sim/apps', { name: `upgrade-${process.pid}-${++counter}` })) as { app: { id: string } };
  const app = r.app.id;
  const ws = world.workspace();
  ws.write('main.tf', config(app, undefined, plan));
  const applied = await ws.run(['apply', '-auto-approve']);
  expect(applied.code).toBe(0);
  const id = resource(ws.state(), 'scalingo_addon.db')!.values['id'] as string;
  await world.admin('PUT', `/_sim/databases/${id}`, { version, data_size: dataSize });
  expect((await ws.run(['apply', '-auto-approve', '-refresh-only'])).code).toBe(0);
  return { ws, id, app };
}

maybe('database version upgrades', () => {
  it('shows the path at plan time and upgrades across two majors, one step at a time', async () => {
    const { ws, id, app } = await addonAt('14.22.0-1');
    ws.write('main.tf', config(app, '16'));
    const plan = await ws.run(['plan']);
    expect(plan.code).toBe(0);
    const out = flat(plan.stdout);
    expect(out).toContain('Warning: Database upgrade: 14.22.0-1 -> 16.15.0-1');
    expect(out).toContain('14.22.0-1 -> 14.24.0-1 -> 15.19.0-1 -> 16.15.0-1');
    expect(out).toContain('every step stops the node');
    expect(out).toContain('1 minute per 10 GiB of data. With 30 GiB of data, expect about 3 minute(s) per major upgrade');

    const apply = await ws.run(['apply', '-auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(resource(ws.state(), 'scalingo_addon.db')!.values['database_version']).toBe('16');
    expect(await remoteVersion(app, id)).toBe('16.15.0-1');
    expect((await ws.run(['plan', '-detailed-exitcode'])).code).toBe(0);
  });

  it('refuses a downgrade at plan time', async () => {
    const { ws, app } = await addonAt('16.15.0-1');
    ws.write('main.tf', config(app, '15'));
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Downgrade impossible');
    expect(flat(r.stderr)).toContain('No downgrade is possible once a database has been upgraded');
    ws.write('main.tf', config(app, '16.14.0-1'));
    const exact = await ws.run(['plan']);
    expect(flat(exact.stderr)).toContain('Error: Downgrade impossible');
  });

  it('refuses a version Scalingo cannot reach', async () => {
    const { ws, app } = await addonAt('16.15.0-1');
    ws.write('main.tf', config(app, '19'));
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Version not reachable');
    expect(flat(r.stderr)).toContain('Reachable versions: 17.11.0-1');
  });

  it('records the version reached when a step fails, and resumes on the next apply', async () => {
    const { ws, id, app } = await addonAt('14.24.0-1', 'postgresql-business-512', 512 * 1024 ** 2);
    await world.admin('PUT', '/_sim/speed', { speed: 5 });
    try {
      ws.write('main.tf', config(app, '16', 'postgresql-business-512'));
      const child = ws.start(['apply', '-auto-approve', '-no-color']);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      // Once the first step (14 -> 15) is under way, make the next operation fail.
      const started = Date.now();
      for (;;) {
        const state = (await world.admin('GET', '/_sim/state')) as { operations?: { addonId?: string; addon_id?: string }[] };
        if ((state.operations ?? []).some((o) => (o.addonId ?? o.addon_id) === id)) break;
        if (Date.now() - started > 30_000) throw new Error(`no upgrade operation started: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await world.admin('PUT', `/_sim/databases/${id}`, { fail_next_operation: true });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(flat(out)).toContain('Error: Database upgrade failed');
      expect(flat(out)).toContain('The database runs 15.19.0-1, which is recorded in state');
      expect(resource(ws.state(), 'scalingo_addon.db')!.values['database_version']).toBe('15.19.0-1');
    } finally {
      await world.admin('PUT', '/_sim/speed', { speed: 50 });
    }
    const plan = await ws.run(['plan']);
    expect(flat(plan.stdout)).toContain('Warning: Database upgrade: 15.19.0-1 -> 16.15.0-1');
    // On a Business plan, the warning speaks of the major upgrade stopping the cluster only.
    expect(flat(plan.stdout)).toContain('minor upgrades happen without downtime');
    const resumed = await ws.run(['apply', '-auto-approve']);
    expect(resumed.code).toBe(0);
    expect(await remoteVersion(app, id)).toBe('16.15.0-1');
    expect(resource(ws.state(), 'scalingo_addon.db')!.values['database_version']).toBe('16');
  });
});
