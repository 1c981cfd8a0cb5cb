// Terraform 1.12–1.14 features end to end, driven by tfcore (protocol 6.10) against the built
// provider and the simulator: resource identity and import by identity, `terraform query`
// over several apps, and -generate-config-out whose configuration imports with no change.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScalingoClient } from '../../src/scalingo/client.js';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { tfcoreOrSkip, tfcoreWorkspace, type TfcoreWorkspace } from './support/tfcore.js';

jest.setTimeout(180_000);

const tfcore = tfcoreOrSkip('identity and query end-to-end tests (tfcore)');
const maybe = tfcore ? describe : describe.skip;

let world: ScalingoWorld;
let client: ScalingoClient;

beforeAll(async () => {
  if (!tfcore) return;
  world = await scalingoWorld(tfcore, { speed: 50, rateLimitPerMinute: 100_000 });
  client = new ScalingoClient({ apiToken: world.sim.apiToken, authUrl: world.sim.url, version: 'e2e', rateLimit: { requestsPerMinute: 100_000 } });
});
afterAll(async () => {
  await world?.close();
});

const ws = (): TfcoreWorkspace => tfcoreWorkspace(tfcore!, world.providerEnv);

async function newApp(): Promise<{ id: string; name: string }> {
  return world.newApp('tfc');
}

/** An addon created outside Terraform ("by hand"), running. */
async function handMadeAddon(app: string, providerId: string, plan: string): Promise<string> {
  const plans = await client.addonProviders.plans(providerId);
  const { addon } = await client.addons.provision(app, { providerId, planId: plans.find((p) => p.name === plan)!.id });
  for (let i = 0; i < 200 && (await client.addons.get(app, addon.id)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 100));
  return addon.id;
}

const addonBlock = (app: string, plan = 'postgresql-starter-512') => `resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n}\n`;

async function ok(w: TfcoreWorkspace, command: string, args: string[] = []): Promise<string> {
  const r = await w.run(command, args);
  if (r.code !== 0) throw new Error(`tfcore ${command} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

maybe('resource identity (Terraform 1.12+)', () => {
  it('records the identity of a created addon and keeps it across refreshes', async () => {
    const app = await newApp();
    const w = ws();
    w.write('main.tf', HEADER + addonBlock(app.id));
    await ok(w, 'apply');
    const created = w.object('scalingo_addon.db')!;
    expect(created.identity).toEqual({ app: app.id, id: created.attributes['id'] });
    await ok(w, 'refresh');
    await ok(w, 'refresh');
    expect(w.object('scalingo_addon.db')!.identity).toEqual(created.identity);
  });

  it('imports an addon by identity, the app given by name or by ID, and the plan after is empty', async () => {
    const app = await newApp();
    const id = await handMadeAddon(app.id, 'postgresql', 'postgresql-starter-512');
    for (const given of [app.name, app.id]) {
      const w = ws();
      w.write('main.tf', HEADER + addonBlock(given));
      const out = await ok(w, 'import', ['-to', 'scalingo_addon.db', '-identity', `app=${given}`, '-identity', `id=${id}`]);
      expect(out).toContain('Import successful!');
      // One remote object, one identity: the app is always named by its ID.
      expect(w.object('scalingo_addon.db')!.identity).toEqual({ app: app.id, id });
      const plan = await w.run('plan', ['-detailed-exitcode']);
      expect(plan.stdout).toContain('No changes.');
      expect(plan.code).toBe(0);
      await ok(w, 'refresh');
      expect(w.object('scalingo_addon.db')!.identity).toEqual({ app: app.id, id });
    }
  });

  it('refuses an identity import of an addon that does not exist', async () => {
    const app = await newApp();
    const w = ws();
    w.write('main.tf', HEADER + addonBlock(app.id));
    const r = await w.run('import', ['-to', 'scalingo_addon.db', '-identity', `app=${app.id}`, '-identity', 'id=ad-00000000-0000-0000-0000-000000000000']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`App ${app.id} has no addon ad-00000000-0000-0000-0000-000000000000`);
    expect(w.objects()).toEqual([]);
  });

  it('imports a database user by identity and plans no change', async () => {
    const app = await newApp();
    const addonId = await handMadeAddon(app.id, 'postgresql', 'postgresql-starter-512');
    await client.databaseUsers.create(app.id, addonId, { name: 'reporting', readOnly: true });
    const w = ws();
    w.write('main.tf', `${HEADER}resource "scalingo_database_user" "ro" {\n  app = "${app.name}"\n  addon_id = "${addonId}"\n  name = "reporting"\n  read_only = true\n}\n`);
    await ok(w, 'import', ['-to', 'scalingo_database_user.ro', '-identity', `app=${app.name}`, '-identity', `addon_id=${addonId}`, '-identity', 'name=reporting']);
    expect(w.object('scalingo_database_user.ro')!.identity).toEqual({ app: app.id, addon_id: addonId, name: 'reporting' });
    const plan = await w.run('plan', ['-detailed-exitcode']);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });
});

maybe('terraform query (Terraform 1.14)', () => {
  let apps: { id: string; name: string }[];
  const addons: { app: string; id: string; plan: string; provider: string }[] = [];

  beforeAll(async () => {
    apps = [await newApp(), await newApp(), await newApp()];
    const made: [number, string, string][] = [
      [0, 'postgresql', 'postgresql-business-1024'],
      [0, 'redis', 'redis-starter-256'],
      [1, 'postgresql', 'postgresql-starter-512'],
    ];
    for (const [i, provider, plan] of made) addons.push({ app: apps[i]!.id, id: await handMadeAddon(apps[i]!.id, provider, plan), plan, provider });
  });

  const lines = (out: string) => out.split('\n').filter((l) => l.startsWith('list.'));

  it('lists every addon the token can see across apps, with names a person recognises, one addons request per app', async () => {
    const w = ws();
    w.write('main.tf', HEADER);
    w.write('all.tfquery.hcl', 'list "scalingo_addon" "all" {\n  provider = scalingo\n}\n');
    await world.admin('DELETE', '/_sim/requests');
    const out = lines(await ok(w, 'query'));
    for (const a of addons) {
      const app = apps.find((x) => x.id === a.app)!;
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^list\\.scalingo_addon\\.all\\s+app=${a.app},id=${a.id}\\s+${app.name} / ${a.plan}$`)));
    }
    // The cost of a query of N apps: the apps list, then one addons list per app (plus the
    // token exchange); nothing is written.
    const counts = await world.requests();
    const appCount = ((await world.admin('GET', '/_sim/state')) as { apps: unknown[] }).apps.length;
    expect(counts['GET /v1/apps']).toBe(1);
    expect(counts['GET /v1/apps/{app}/addons']).toBe(appCount);
    expect(writes(counts)).toEqual({});
  });

  it('filters by app (given by name) and by provider, and gives the full object with include_resource', async () => {
    const w = ws();
    w.write('main.tf', HEADER);
    w.write(
      'q.tfquery.hcl',
      `list "scalingo_addon" "pg" {\n  provider = scalingo\n  include_resource = true\n  config {\n    app = "${apps[0]!.name}"\n    provider_id = "postgresql"\n  }\n}\n`,
    );
    const out = await ok(w, 'query');
    const pg = addons[0]!;
    expect(lines(out)).toEqual([expect.stringMatching(new RegExp(`^list\\.scalingo_addon\\.pg\\s+app=${pg.app},id=${pg.id}\\s+${apps[0]!.name} / ${pg.plan}$`))]);
    const resource = JSON.parse(/^ {4}resource: (.*)$/m.exec(out)![1]!) as Record<string, unknown>;
    expect(resource).toMatchObject({ id: pg.id, app: pg.app, provider_id: 'postgresql', plan: pg.plan, status: 'running', database_features: [] });
    expect(resource['database_version']).toMatch(/^\d+\.\d+\.\d+-\d+$/);
  });

  it('-generate-config-out writes resources and imports: the plan shows only imports, and after apply it is empty', async () => {
    const w = ws();
    w.write('main.tf', HEADER);
    w.write('q.tfquery.hcl', `list "scalingo_addon" "app0" {\n  provider = scalingo\n  config {\n    app = "${apps[0]!.id}"\n  }\n}\n`);
    await ok(w, 'query', ['-generate-config-out', join(w.dir, 'generated.tf')]);
    const generated = readFileSync(join(w.dir, 'generated.tf'), 'utf8');
    expect(generated).toContain('resource "scalingo_addon" "app0_0"');
    expect(generated).toContain(`plan        = "${addons[0]!.plan}"`);
    expect(generated).not.toMatch(/database_version|status|plan_id/);
    const plan = await ok(w, 'plan');
    expect(plan).toContain('Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.');
    await world.admin('DELETE', '/_sim/requests');
    expect(await ok(w, 'apply')).toContain('Apply complete! Resources: 2 imported, 0 added, 0 changed, 0 destroyed.');
    expect(writes(await world.requests())).toEqual({});
    const again = await w.run('plan', ['-detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });

  it('lists the users of one database addon, and generates configuration that imports them with no change', async () => {
    const pg = addons[2]!;
    await client.databaseUsers.create(pg.app, pg.id, { name: 'analyst_ro', readOnly: true });
    const w = ws();
    w.write('main.tf', HEADER);
    w.write('u.tfquery.hcl', `list "scalingo_database_user" "users" {\n  provider = scalingo\n  config {\n    app = "${pg.app}"\n    addon_id = "${pg.id}"\n  }\n}\n`);
    const out = await ok(w, 'query', ['-generate-config-out', join(w.dir, 'generated.tf')]);
    expect(lines(out)).toContainEqual(expect.stringMatching(new RegExp(`name=analyst_ro\\s+${apps[1]!.name} / analyst_ro \\(read-only\\)$`)));
    const plan = await ok(w, 'plan');
    expect(plan).toMatch(/Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\./);
    await ok(w, 'apply');
    const again = await w.run('plan', ['-detailed-exitcode']);
    expect(again.code).toBe(0);
  });
});
