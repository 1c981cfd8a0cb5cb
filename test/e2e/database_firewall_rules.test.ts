// scalingo_database_firewall_rule and scalingo_database_firewall_managed_ranges end to end: bad
// CIDR blocks refused at plan with nothing written, custom (IPv4, IPv6) and managed ranges,
// labels changed in place, drift from /_sim, import, and the plan warning for a database that
// is not reachable from the internet.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HEADER, scalingoWorld, writes, type ScalingoWorld } from './support/scalingo.js';
import { resource, terraformOrSkip, type Workspace } from './support/terraform.js';

jest.setTimeout(120_000);

const terraform = terraformOrSkip('scalingo_database_firewall_rule end-to-end tests');
const maybe = terraform ? describe : describe.skip;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let world: ScalingoWorld;
let app = '';
let addonId = '';
let addonWs: Workspace;
const addonConfig = (features: string) =>
  HEADER + `resource "scalingo_addon" "db" {\n  app         = "${app}"\n  provider_id = "postgresql"\n  plan        = "postgresql-starter-512"\n${features}}\n`;

type SimRule = { id: string; type: string; cidr: string | null; rangeId: string | null; label: string };

async function simRules(): Promise<SimRule[]> {
  const state = (await world.admin('GET', '/_sim/state')) as { addons: { id: string; database: { firewallRules?: SimRule[] } }[] };
  return state.addons.find((a) => a.id === addonId)?.database.firewallRules ?? [];
}

const rule = (name: string, body: string) => `resource "scalingo_database_firewall_rule" "${name}" {\n  app      = "${app}"\n  addon_id = "${addonId}"\n${body}}\n`;

const rules = (officeLabel: string) =>
  HEADER +
  `data "scalingo_database_firewall_managed_ranges" "fr1" {\n  app      = "${app}"\n  addon_id = "${addonId}"\n  name     = "Scalingo osc-fr1 applications"\n}\n` +
  rule('office', `  custom_range = "203.0.113.0/24"\n  label        = "${officeLabel}"\n`) +
  rule('v6', `  custom_range = "2001:db8:42::/48"\n`) +
  rule('apps', `  managed_range = data.scalingo_database_firewall_managed_ranges.fr1.ranges[0].id\n`);

beforeAll(async () => {
  if (!terraform) return;
  world = await scalingoWorld(terraform, { speed: 50, rateLimitPerMinute: 100_000 });
  app = world.sim.apps[0]!.id;
  addonWs = world.workspace();
  addonWs.write('main.tf', addonConfig(''));
  const r = await addonWs.run(['apply', '-auto-approve']);
  if (r.code !== 0) throw new Error(r.stderr);
  addonId = resource(addonWs.state(), 'scalingo_addon.db')!.values['id'] as string;
}, 60_000);

afterAll(async () => {
  await world?.close();
});

maybe('scalingo_database_firewall_rule', () => {
  let ws: Workspace;

  it('refuses bad CIDR blocks and ambiguous rules at plan, on the attribute, before any write', async () => {
    const bad = world.workspace();
    bad.write(
      'main.tf',
      HEADER +
        rule('host_bits', '  custom_range = "203.0.113.7/24"\n') +
        rule('too_long', '  custom_range = "10.0.0.0/33"\n') +
        rule('v6_host_bits', '  custom_range = "2001:db8::1/64"\n') +
        rule('no_prefix', '  custom_range = "198.51.100.7"\n') +
        rule('not_ip', '  custom_range = "office.example.com/32"\n') +
        rule('both', '  custom_range  = "198.51.100.0/24"\n  managed_range = "x"\n'),
    );
    await world.admin('DELETE', '/_sim/requests');
    const r = await bad.run(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    const err = flat(r.stderr);
    expect(err).toContain('"203.0.113.7/24" has bits set after its /24 prefix: the network is "203.0.113.0/24".');
    expect(err).toContain('"10.0.0.0/33" has an invalid prefix length: an IPv4 prefix is 0 to 32.');
    expect(err).toContain('the network is "2001:db8::/64"');
    expect(err).toContain('"198.51.100.7" has no prefix length');
    expect(err).toContain('"office.example.com" is not an IPv4 or IPv6 address');
    expect(err).toContain('Conflicting ranges');
    expect((err.match(/with scalingo_database_firewall_rule\.\w+,/g) ?? []).length).toBe(6);
    expect(writes(await world.requests())).toEqual({});
    expect(await simRules()).toEqual([]);
  });

  it('creates custom (IPv4, IPv6) and managed rules, warning that the database is not reachable from the internet', async () => {
    ws = world.workspace();
    ws.write('main.tf', rules('office'));
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain(`Warning: Database ${addonId} is not reachable from the internet: this rule has no effect`);
    const state = ws.state();
    const office = resource(state, 'scalingo_database_firewall_rule.office')!.values;
    expect(office).toMatchObject({ app, addon_id: addonId, custom_range: '203.0.113.0/24', managed_range: null, label: 'office', type: 'custom_range' });
    expect(office['id']).toBe(`${app}:${addonId}:${office['rule_id'] as string}`);
    expect(resource(state, 'scalingo_database_firewall_rule.v6')!.values).toMatchObject({ custom_range: '2001:db8:42::/48', label: '', type: 'custom_range' });
    expect(resource(state, 'scalingo_database_firewall_rule.apps')!.values).toMatchObject({ custom_range: null, type: 'managed_range', label: 'Scalingo osc-fr1 applications' });
    expect((await simRules()).map((x) => x.cidr ?? x.rangeId).sort()).toHaveLength(3);
    await world.admin('DELETE', '/_sim/requests');
    expect((await ws.run(['plan', '-detailed-exitcode'])).code).toBe(0);
    // One list of rules and one database read per addon, however many rules it has.
    expect(await world.requests()).toMatchObject({ 'GET /api/databases/{addon_id}/firewall_rules': 1, 'GET /api/databases/{addon_id}': 1 });
  });

  it('changes a label in place', async () => {
    ws.write('main.tf', rules('office (Lyon)'));
    const r = await ws.run(['apply', '-auto-approve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 to add, 1 to change, 0 to destroy');
    expect((await simRules()).find((x) => x.cidr === '203.0.113.0/24')?.label).toBe('office (Lyon)');
  });

  it('sees drift from the platform: a label changed puts it back in place, a deleted rule is created again', async () => {
    const office = resource(ws.state(), 'scalingo_database_firewall_rule.office')!.values['rule_id'] as string;
    const v6 = resource(ws.state(), 'scalingo_database_firewall_rule.v6')!.values['rule_id'] as string;
    await world.admin('PATCH', `/_sim/databases/${addonId}/firewall_rules/${office}`, { label: 'changed in the dashboard' });
    await world.admin('DELETE', `/_sim/databases/${addonId}/firewall_rules/${v6}`);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    expect(plan.code).toBe(2);
    const out = flat(plan.stdout);
    expect(out).toContain('~ label = "changed in the dashboard" -> "office (Lyon)"');
    expect(out).toContain('# scalingo_database_firewall_rule.v6 will be created');
    expect(out).toContain('Plan: 1 to add, 1 to change, 0 to destroy');
    expect((await ws.run(['apply', '-auto-approve'])).code).toBe(0);
    expect((await simRules()).map((x) => x.label).sort()).toEqual(['', 'Scalingo osc-fr1 applications', 'office (Lyon)']);
  });

  it('imports a rule by <app>:<addon_id>:<rule_id>, the app by name or ID', async () => {
    const office = resource(ws.state(), 'scalingo_database_firewall_rule.office')!.values;
    const other = world.workspace();
    // By app name in the configuration and the import ID: recorded by ID, and the same app is no change.
    const name = world.sim.apps[0]!.name;
    other.write('main.tf', HEADER + rule('office', '  custom_range = "203.0.113.0/24"\n  label        = "office (Lyon)"\n').replace(`app      = "${app}"`, `app      = "${name}"`));
    const imported = await other.run(['import', 'scalingo_database_firewall_rule.office', `${name}:${addonId}:${office['rule_id'] as string}`]);
    expect(imported.code).toBe(0);
    expect(resource(other.state(), 'scalingo_database_firewall_rule.office')!.values).toEqual(office);
    expect((await other.run(['plan', '-detailed-exitcode'])).code).toBe(0);
    const third = world.workspace();
    third.write('main.tf', HEADER + rule('nope', '  custom_range = "198.51.100.0/24"\n'));
    const bad = await third.run(['import', 'scalingo_database_firewall_rule.nope', `${app}:${addonId}`]);
    expect(bad.code).toBe(1);
    expect(flat(bad.stderr)).toContain('Expected "<app>:<addon_id>:<rule_id>"');
  });

  it('stops warning once the database is reachable from the internet', async () => {
    addonWs.write('main.tf', addonConfig('  database_features = ["force-ssl", "publicly-available"]\n'));
    expect((await addonWs.run(['apply', '-auto-approve'])).code).toBe(0);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).not.toContain('not reachable from the internet');
  });

  it('reconciles a create whose answer was lost by reading back, never posting twice', async () => {
    const lost = world.workspace();
    lost.write('main.tf', HEADER + rule('lost', '  custom_range = "192.0.2.0/24"\n  label        = "lost answer"\n'));
    await world.admin('PUT', '/_sim/faults', { faults: [{ route: 'POST /api/databases/{addon_id}/firewall_rules', reset: true, when: 'after', count: 1 }] });
    await world.admin('DELETE', '/_sim/requests');
    try {
      const r = await lost.run(['apply', '-auto-approve']);
      expect(r.code).toBe(0);
    } finally {
      await world.admin('PUT', '/_sim/faults', { faults: [] });
    }
    expect((await world.requests())['POST /api/databases/{addon_id}/firewall_rules']).toBe(1);
    const created = (await simRules()).filter((x) => x.cidr === '192.0.2.0/24');
    expect(created).toHaveLength(1);
    expect(resource(lost.state(), 'scalingo_database_firewall_rule.lost')!.values).toMatchObject({ rule_id: created[0]!.id, label: 'lost answer' });
    expect((await lost.run(['destroy', '-auto-approve'])).code).toBe(0);
  });

  it('destroys the rules', async () => {
    expect((await ws.run(['destroy', '-auto-approve'])).code).toBe(0);
    expect(await simRules()).toEqual([]);
  });
});
