// Firewall rules: CIDR blocks checked at plan (both families, host bits, prefix range), exactly
// one range per rule, and the import ID.

import { describe, expect, it } from '@jest/globals';
import { UNKNOWN } from '../../src/cty/value.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { cidrProblem } from '../../src/framework/validators.js';
import { validateFirewallRuleConfig } from '../../src/resources/database_firewall_rule/plan.js';
import { stateFromRule } from '../../src/resources/database_firewall_rule/read.js';

describe('cidrProblem', () => {
  it('accepts IPv4 and IPv6 networks', () => {
    for (const ok of ['203.0.113.0/24', '203.0.113.7/32', '0.0.0.0/0', '10.0.0.0/8', '2001:db8::/32', '2001:db8::1/128', '::/0', 'fe80::/10', '::ffff:192.0.2.0/120']) expect([ok, cidrProblem(ok)]).toEqual([ok, undefined]);
  });

  it('refuses what is not a network, saying why', () => {
    expect(cidrProblem('203.0.113.7')).toMatch(/no prefix length/);
    expect(cidrProblem('203.0.113.0/33')).toMatch(/IPv4 prefix is 0 to 32/);
    expect(cidrProblem('2001:db8::/129')).toMatch(/IPv6 prefix is 0 to 128/);
    expect(cidrProblem('203.0.113.0/-1')).toMatch(/invalid prefix length/);
    expect(cidrProblem('256.0.0.0/8')).toMatch(/not an IPv4 or IPv6 address/);
    expect(cidrProblem('example.com/24')).toMatch(/not an IPv4 or IPv6 address/);
    expect(cidrProblem('fe80::1%eth0/64')).toMatch(/not an IPv4 or IPv6 address/);
    expect(cidrProblem('203.0.113.0/24/1')).toMatch(/invalid prefix length/);
  });

  it('refuses host bits past the prefix, giving the network', () => {
    expect(cidrProblem('203.0.113.7/24')).toBe('has bits set after its /24 prefix: the network is "203.0.113.0/24".');
    expect(cidrProblem('10.1.2.3/8')).toContain('"10.0.0.0/8"');
    expect(cidrProblem('2001:db8::1/64')).toContain('"2001:db8::/64"');
    expect(cidrProblem('2001:db8:1:2:3:4:5:6/48')).toContain('"2001:db8:1::/48"');
  });
});

describe('firewall rule configuration', () => {
  const base = { id: null, app: 'a', addon_id: 'ad-1', label: null, type: null, rule_id: null };
  it('needs exactly one range', () => {
    let diags = new Diagnostics();
    validateFirewallRuleConfig({ ...base, custom_range: '10.0.0.0/8', managed_range: 'm' }, diags);
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Conflicting ranges', path: ['managed_range'] })]);
    diags = new Diagnostics();
    validateFirewallRuleConfig({ ...base, custom_range: null, managed_range: null }, diags);
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Missing range', path: ['custom_range'] })]);
    diags = new Diagnostics();
    validateFirewallRuleConfig({ ...base, custom_range: UNKNOWN, managed_range: null }, diags);
    validateFirewallRuleConfig({ ...base, custom_range: null, managed_range: 'm' }, diags);
    expect(diags.items).toEqual([]);
  });

  it('states a rule with its import ID', () => {
    expect(stateFromRule('app', 'ad-1', { id: 'r1', type: 'managed_range', cidr: undefined, label: 'Scalingo', range_id: 'm1', database_id: 'ad-1' })).toEqual({
      id: 'app:ad-1:r1', app: 'app', addon_id: 'ad-1', custom_range: null, managed_range: 'm1', label: 'Scalingo', type: 'managed_range', rule_id: 'r1',
    });
  });
});
