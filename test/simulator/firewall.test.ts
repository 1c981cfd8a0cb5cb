// The simulator's firewall rules and managed ranges: shapes, Scalingo-style 422s, both body forms.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { call, TestSim } from './helpers.js';

describe('firewall rules API', () => {
  let t: TestSim;
  let addon: { id: string };
  beforeAll(async () => {
    t = await TestSim.start({ speed: 100 });
    addon = await t.provision('postgresql-starter-512');
    await t.waitRunning(addon.id);
  });
  afterAll(() => t.close());

  test('managed ranges: {"ranges":[{id,name}]}', async () => {
    const r = await call(t.sim.url, 'GET', '/api/firewall/managed_ranges', { token: await t.dbToken(addon.id) });
    expect(r.status).toBe(200);
    expect(r.body.ranges.length).toBeGreaterThan(0);
    expect(Object.keys(r.body.ranges[0]).sort()).toEqual(['id', 'name']);
  });

  test('create (wrapped or not), list, relabel, delete', async () => {
    const a = await t.db('POST', addon.id, '/firewall_rules', { firewall_rule: { type: 'custom_range', cidr: '203.0.113.0/24', label: 'office' } });
    expect(a.status).toBe(201);
    expect(a.body.rule).toMatchObject({ type: 'custom_range', cidr: '203.0.113.0/24', label: 'office', range_id: null, database_id: addon.id });
    const ranges = (await call(t.sim.url, 'GET', '/api/firewall/managed_ranges', { token: await t.dbToken(addon.id) })).body.ranges;
    const b = await t.db('POST', addon.id, '/firewall_rules', { type: 'managed_range', range_id: ranges[0].id });
    expect(b.status).toBe(201);
    expect(b.body.rule).toMatchObject({ type: 'managed_range', cidr: null, range_id: ranges[0].id, label: ranges[0].name });
    expect((await t.db('GET', addon.id, '/firewall_rules')).body.rules).toHaveLength(2);
    const patched = await t.db('PATCH', addon.id, `/firewall_rules/${a.body.rule.id}`, { firewall_rule: { label: 'office (Lyon)' } });
    expect(patched.body.rule.label).toBe('office (Lyon)');
    expect((await t.db('DELETE', addon.id, `/firewall_rules/${b.body.rule.id}`)).status).toBe(204);
    expect((await t.db('DELETE', addon.id, `/firewall_rules/${b.body.rule.id}`)).status).toBe(404);
  });

  test.each([
    [{ type: 'custom_range', cidr: '203.0.113.0/33' }, { cidr: ['is invalid'] }],
    [{ type: 'custom_range', cidr: 'example.com/24' }, { cidr: ['is invalid'] }],
    [{ type: 'custom_range' }, { cidr: ["can't be blank"] }],
    [{ type: 'custom_range', cidr: '203.0.113.0/24' }, { cidr: ['has already been taken'] }],
    [{ type: 'managed_range', range_id: 'nope' }, { range_id: ['is invalid'] }],
    [{ type: 'other', cidr: '10.0.0.0/8' }, { type: ['is not included in the list'] }],
    [{ type: 'custom_range', cidr: '10.0.0.0/8', label: 'x'.repeat(256) }, { label: ['is too long (maximum is 255 characters)'] }],
  ])('422 for %p', async (rule, errors) => {
    const r = await t.db('POST', addon.id, '/firewall_rules', { firewall_rule: rule });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ errors });
  });
});
