// Database API: firewall rules and managed ranges (reference §4: `GET|POST|DELETE
// /api/databases/{addon_id}/firewall_rules[/{id}]`, `PATCH` of the label, `{"rule"}` / `{"rules"}`,
// `GET /api/firewall/managed_ranges` → `{"ranges":[{id,name}]}`). Bodies are accepted wrapped in
// `firewall_rule` (the JS client) or not (the Go client).
import { isIP } from 'node:net';
import type { Simulator } from './core.js';
import { requireDatabase } from './databases.js';
import { empty, isRecord, json, notFound, unprocessable } from './http.js';
import { randomHex24, stableHex24 } from './ids.js';
import type { Handler, Route } from './router.js';
import type { AddonRecord, FirewallRuleRecord } from './state.js';

/** The networks Scalingo maintains (its regions' outbound addresses); names and ids are the simulator's. */
export const MANAGED_RANGES: readonly { id: string; name: string; cidrs: readonly string[] }[] = [
  { id: stableHex24('managed-range-osc-fr1'), name: 'Scalingo osc-fr1 applications', cidrs: ['198.51.100.0/26'] },
  { id: stableHex24('managed-range-osc-secnum-fr1'), name: 'Scalingo osc-secnum-fr1 applications', cidrs: ['198.51.100.64/26'] },
];

const LABEL_MAX = 255;

function rulesOf(addon: AddonRecord): FirewallRuleRecord[] {
  addon.database.firewallRules ??= [];
  return addon.database.firewallRules;
}

function ruleView(addon: AddonRecord, rule: FirewallRuleRecord): Record<string, unknown> {
  return { id: rule.id, type: rule.type, cidr: rule.cidr, label: rule.label, range_id: rule.rangeId, database_id: addon.id };
}

function ruleInput(body: unknown): Record<string, unknown> {
  if (isRecord(body) && isRecord(body['firewall_rule'])) return body['firewall_rule'];
  return isRecord(body) ? body : {};
}

/** A valid `address/prefix` of either family; the simulator keeps it as written. */
function validCidr(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  if (extra !== undefined || address === undefined || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const family = isIP(address);
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

function labelErrors(label: unknown): string[] {
  if (label === undefined || label === null) return [];
  if (typeof label !== 'string') return ['must be a string'];
  return label.length > LABEL_MAX ? [`is too long (maximum is ${LABEL_MAX} characters)`] : [];
}

function createRule(addon: AddonRecord, body: unknown): FirewallRuleRecord {
  const input = ruleInput(body);
  const errors: Record<string, string[]> = {};
  const rules = rulesOf(addon);
  const type = input['type'];
  let cidr: string | null = null;
  let rangeId: string | null = null;
  if (type === 'custom_range') {
    if (typeof input['cidr'] !== 'string' || input['cidr'] === '') errors['cidr'] = ["can't be blank"];
    else if (!validCidr(input['cidr'])) errors['cidr'] = ['is invalid'];
    else if (rules.some((r) => r.cidr === input['cidr'])) errors['cidr'] = ['has already been taken'];
    else cidr = input['cidr'];
  } else if (type === 'managed_range') {
    const range = MANAGED_RANGES.find((m) => m.id === input['range_id']);
    if (typeof input['range_id'] !== 'string' || input['range_id'] === '') errors['range_id'] = ["can't be blank"];
    else if (!range) errors['range_id'] = ['is invalid'];
    else if (rules.some((r) => r.rangeId === range.id)) errors['range_id'] = ['has already been taken'];
    else rangeId = range.id;
  } else {
    errors['type'] = ['is not included in the list'];
  }
  const label = labelErrors(input['label']);
  if (label.length > 0) errors['label'] = label;
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
  const defaultLabel = type === 'managed_range' ? (MANAGED_RANGES.find((m) => m.id === rangeId)?.name ?? '') : '';
  const rule: FirewallRuleRecord = {
    id: randomHex24(),
    type: type as FirewallRuleRecord['type'],
    cidr,
    rangeId,
    label: typeof input['label'] === 'string' ? input['label'] : defaultLabel,
    createdAt: new Date().toISOString(),
  };
  rules.push(rule);
  return rule;
}

function requireRule(addon: AddonRecord, id: string | undefined): FirewallRuleRecord {
  const rule = rulesOf(addon).find((r) => r.id === id);
  if (!rule) throw notFound('firewall_rule');
  return rule;
}

/** A new label (API and /_sim); 422 like Scalingo for a bad one. */
function relabel(addon: AddonRecord, rule: FirewallRuleRecord, body: unknown): void {
  const input = ruleInput(body);
  const errors = typeof input['label'] === 'string' ? labelErrors(input['label']) : ["can't be blank"];
  if (errors.length > 0) throw unprocessable({ label: errors });
  rule.label = input['label'] as string;
}

function removeRule(addon: AddonRecord, rule: FirewallRuleRecord): void {
  addon.database.firewallRules = rulesOf(addon).filter((r) => r !== rule);
}

/** PATCH of the label; /_sim uses it too, for drift behind the client's back. */
export const relabelHandler: Handler = (sim, ctx) => {
  const addon = requireDatabase(sim, ctx.params.addon_id);
  const rule = requireRule(addon, ctx.params.rule_id);
  relabel(addon, rule, ctx.body);
  sim.touch();
  return json(200, { rule: ruleView(addon, rule) });
};

/** DELETE of a rule; /_sim uses it too. */
export const deleteHandler: Handler = (sim, ctx) => {
  const addon = requireDatabase(sim, ctx.params.addon_id);
  removeRule(addon, requireRule(addon, ctx.params.rule_id));
  sim.touch();
  return empty(204);
};

export const firewallRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/firewall_rules',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      return json(200, { rules: rulesOf(addon).map((r) => ruleView(addon, r)) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/firewall_rules',
    auth: 'db',
    handler: (sim: Simulator, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      const rule = createRule(addon, ctx.body);
      sim.touch();
      return json(201, { rule: ruleView(addon, rule) });
    },
  },
  { method: 'PATCH', pattern: '/api/databases/{addon_id}/firewall_rules/{rule_id}', auth: 'db', handler: relabelHandler },
  { method: 'DELETE', pattern: '/api/databases/{addon_id}/firewall_rules/{rule_id}', auth: 'db', handler: deleteHandler },
  {
    method: 'GET',
    pattern: '/api/firewall/managed_ranges',
    auth: 'db',
    handler: () => json(200, { ranges: MANAGED_RANGES.map((m) => ({ id: m.id, name: m.name })) }),
  },
];
