// The plan/apply/read/import contracts, proven with the real terraform binary driving a fixture
// provider built from the same framework and process layer as the real provider.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixtureProvider } from './support/fixture_provider.js';
import { resource, resources, terraformOrSkip, workspace, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('fixture provider end-to-end tests');
const maybe = terraform ? describe : describe.skip;

let providerDir = '';
let storeRoot = '';

beforeAll(async () => {
  if (!terraform) return;
  providerDir = await buildFixtureProvider();
  storeRoot = mkdtempSync(join(tmpdir(), 'fixture-store-'));
});

afterAll(() => {
  if (storeRoot) rmSync(storeRoot, { recursive: true, force: true });
});

function newWorkspace(): { ws: Workspace; store: string } {
  const store = mkdtempSync(join(storeRoot, 's-'));
  const ws = workspace(terraform!, { 'test/fixture': providerDir }, { FIXTURE_STORE_DIR: store });
  return { ws, store };
}

const header = `terraform {\n  required_providers {\n    fixture = { source = "test/fixture" }\n  }\n}\n`;

function storedThings(store: string): Record<string, unknown>[] {
  return readdirSync(store)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(store, f), 'utf8')) as Record<string, unknown>);
}

maybe('fixture provider with the real terraform', () => {
  it('creates, updates in place, replaces and destroys', async () => {
    const { ws, store } = newWorkspace();
    ws.write('main.tf', `${header}resource "fixture_thing" "a" {\n  name = "alpha"\n  kind = "k1"\n}\n`);
    let r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    const created = resource(ws.state(), 'fixture_thing.a')!;
    expect(created.values['name']).toBe('alpha');
    expect(created.values['size']).toBe(1); // default
    expect(typeof created.values['id']).toBe('string');
    expect(storedThings(store)).toHaveLength(1);

    // A second plan is empty: the provider's plan is stable.
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);

    // In-place update keeps the id; computed attributes with useStateForUnknown stay known.
    ws.write('main.tf', `${header}resource "fixture_thing" "a" {\n  name = "alpha2"\n  kind = "k1"\n}\n`);
    r = await ws.run(['plan']);
    expect(r.stdout).toMatch(/~ name\s+= "alpha" -> "alpha2"/);
    expect(r.stdout).toContain('1 to change');
    expect(r.stdout).not.toMatch(/id\s+=.*known after apply/);
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    const updated = resource(ws.state(), 'fixture_thing.a')!;
    expect(updated.values['id']).toBe(created.values['id']);
    expect(updated.values['updated_count']).toBe(1);

    // Changing a requiresReplace attribute replaces the object.
    ws.write('main.tf', `${header}resource "fixture_thing" "a" {\n  name = "alpha2"\n  kind = "k2"\n}\n`);
    r = await ws.run(['plan']);
    expect(r.stdout).toMatch(/kind\s+= "k1" -> "k2" # forces replacement/);
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    const replaced = resource(ws.state(), 'fixture_thing.a')!;
    expect(replaced.values['id']).not.toBe(created.values['id']);
    expect(storedThings(store).map((t) => t['id'])).toEqual([replaced.values['id']]);

    r = await ws.run(['destroy', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(storedThings(store)).toHaveLength(0);
    expect(resources(ws.state())).toHaveLength(0);
  });

  it('shows drift on refresh, and re-creates an object deleted outside Terraform', async () => {
    const { ws, store } = newWorkspace();
    ws.write('main.tf', `${header}resource "fixture_thing" "a" {\n  name = "alpha"\n  kind = "k1"\n}\n`);
    expect((await ws.run(['apply', '-auto-approve'])).code).toBe(0);
    const id = resource(ws.state(), 'fixture_thing.a')!.values['id'] as string;
    const file = join(store, `${id}.json`);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), name: 'changed-behind' }));
    let r = await ws.run(['plan', '-refresh-only']);
    expect(r.stdout).toContain('Objects have changed outside of Terraform');
    expect(r.stdout).toMatch(/~ name\s+= "alpha" -> "changed-behind"/);
    r = await ws.run(['plan']);
    expect(r.stdout).toMatch(/~ name\s+= "changed-behind" -> "alpha"/);

    rmSync(file);
    r = await ws.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# fixture_thing.a will be created');
    expect(r.stdout).toContain('1 to add');
    r = await ws.run(['plan', '-refresh-only']);
    expect(r.stdout).toMatch(/fixture_thing\.a has been deleted/);
  });

  it('imports an existing object', async () => {
    const { ws, store } = newWorkspace();
    writeFileSync(
      join(store, 'abc.json'),
      JSON.stringify({ id: 'abc', name: 'imported', kind: 'k1', secret: null, size: 3, big: null, labels: null, tags: null, created_at: 'then', updated_count: 0, password_fingerprint: null }),
    );
    ws.write('main.tf', `${header}resource "fixture_thing" "i" {\n  name = "imported"\n  kind = "k1"\n  size = 3\n}\n`);
    let r = await ws.run(['import', 'fixture_thing.i', 'abc']);
    expect(r.code).toBe(0);
    expect(resource(ws.state(), 'fixture_thing.i')!.values['created_at']).toBe('then');
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
    r = await ws.run(['import', 'fixture_thing.j', 'missing']);
    expect(r.code).not.toBe(0);
  });

  it('reports validation errors on the attribute, before any write', async () => {
    const { ws, store } = newWorkspace();
    ws.write('main.tf', `${header}resource "fixture_thing" "bad" {\n  name = "Bad Name"\n  kind = "k1"\n  apply_delay = "ten minutes"\n}\n`);
    const r = await ws.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Invalid attribute value');
    expect(r.stderr).toMatch(/with fixture_thing\.bad,\s+on main\.tf line 7, in resource "fixture_thing" "bad":\s+7:\s+name = "Bad Name"/);
    expect(r.stderr).toContain('Invalid duration');
    expect(r.stderr).toMatch(/9:\s+apply_delay = "ten minutes"/);
    expect(storedThings(store)).toHaveLength(0);
  });

  it('passes unknown values from one resource into another, and keeps big and decimal numbers exact', async () => {
    const { ws } = newWorkspace();
    ws.write(
      'main.tf',
      `${header}resource "fixture_thing" "a" {\n  name = "alpha"\n  kind = "k1"\n  big = 12345678901234567\n}\n` +
        `resource "fixture_thing" "b" {\n  name = "b-\${fixture_thing.a.id}"\n  kind = "k1"\n  size = 0.1\n}\n`,
    );
    let r = await ws.run(['plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\+ name\s+= \(known after apply\)/);
    r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    const state = ws.state();
    const a = resource(state, 'fixture_thing.a')!;
    const b = resource(state, 'fixture_thing.b')!;
    expect(b.values['name']).toBe(`b-${a.values['id'] as string}`);
    const raw = readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8');
    expect(raw).toContain('12345678901234567');
    expect(raw).toMatch(/"size": 0\.1\b/);
    r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.code).toBe(0);
  });

  it('keeps sensitive values out of the output and never stores write-only values', async () => {
    const { ws, store } = newWorkspace();
    ws.write(
      'main.tf',
      `${header}variable "pw" {\n  type = string\n  sensitive = true\n  ephemeral = true\n}\n` +
        `resource "fixture_thing" "s" {\n  name = "secretive"\n  kind = "k1"\n  secret = "hunter2-visible"\n  password_wo = var.pw\n  password_wo_version = 1\n}\n`,
    );
    const r = await ws.run(['apply', '-auto-approve', '-var', 'pw=write-only-value-123']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('hunter2-visible');
    expect(r.stdout).toContain('(sensitive value)');
    const raw = readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8');
    expect(raw).not.toContain('write-only-value-123');
    const s = resource(ws.state(), 'fixture_thing.s')!;
    expect(s.values['password_wo']).toBeNull();
    // The write-only value did reach the provider during apply.
    expect(s.values['password_fingerprint']).toMatch(/^[0-9a-f]{12}$/);
    expect(storedThings(store)[0]!['password_fingerprint']).toBe(s.values['password_fingerprint']);
  });

  it('upgrades state written by an older schema version', async () => {
    const { ws, store } = newWorkspace();
    writeFileSync(
      join(store, 'old.json'),
      JSON.stringify({ id: 'old', name: 'legacy', kind: 'k1', secret: null, size: 1, big: null, labels: null, tags: null, created_at: 'then', updated_count: 0, password_fingerprint: null }),
    );
    const oldState = {
      version: 4,
      terraform_version: '1.11.4',
      serial: 1,
      lineage: 'b0b1b2b3-0000-4000-8000-000000000000',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'fixture_thing',
          name: 'o',
          provider: 'provider["registry.terraform.io/test/fixture"]',
          instances: [{ schema_version: 0, attributes: { id: 'old', title: 'legacy', kind: 'k1', size: 1, created_at: 'then', updated_count: 0 }, sensitive_attributes: [] }],
        },
      ],
    };
    ws.write('terraform.tfstate', JSON.stringify(oldState));
    ws.write('main.tf', `${header}resource "fixture_thing" "o" {\n  name = "legacy"\n  kind = "k1"\n}\n`);
    const r = await ws.run(['plan', '-detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('ends a Ctrl-C during a slow apply with the created object in state', async () => {
    const { ws, store } = newWorkspace();
    ws.write('main.tf', `${header}resource "fixture_thing" "slow" {\n  name = "slow"\n  kind = "k1"\n  apply_delay = "60s"\n}\n`);
    const child = ws.start(['apply', '-auto-approve', '-no-color']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const started = Date.now();
    while (storedThings(store).length === 0 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 100));
    expect(storedThings(store)).toHaveLength(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(Date.now() - started).toBeLessThan(30_000); // not the 60 s delay
    expect(code).not.toBe(0);
    expect(out).toMatch(/cancelled|Interrupt received/i);
    const stored = storedThings(store);
    const inState = resource(ws.state(), 'fixture_thing.slow');
    expect(inState?.values['id']).toBe(stored[0]!['id']);
  });

  it('leaves no plugin warning in TF_LOG=trace output', async () => {
    const { ws } = newWorkspace();
    ws.write('main.tf', `${header}resource "fixture_thing" "a" {\n  name = "alpha"\n  kind = "k1"\n}\n`);
    const logFile = join(ws.dir, 'trace.log');
    const r = await ws.run(['apply', '-auto-approve'], { TF_LOG: 'trace', TF_LOG_PATH: logFile });
    expect(r.code).toBe(0);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('provider.terraform-provider-fixture');
    expect(log).not.toMatch(/failed to exit gracefully/);
    expect(log).not.toMatch(/stdio service not available/i);
    expect(log).not.toMatch(/unexpected data/);
    expect(log).not.toMatch(/exited before we could connect|timeout while waiting for plugin/i);
    // Our structured log lines parse as hclog JSON (shown with their level, not as raw text).
    expect(log).toMatch(/\[INFO\]\s+provider\.terraform-provider-fixture: created thing/);
    expect(existsSync(logFile)).toBe(true);
  });
});
