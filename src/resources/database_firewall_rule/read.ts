// Read and import of scalingo_database_firewall_rule.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import type { FirewallRule } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { addonObjectId, parseAddonObjectId } from '../shared/object_id.js';
import type { FirewallRuleModel } from './model.js';
import { canonicalApp } from '../shared/app.js';

type Ctx = OperationContext<ScalingoContext>;

export function stateFromRule(app: string, addonId: string, rule: FirewallRule): FirewallRuleModel {
  const managed = rule.type === 'managed_range';
  return {
    id: addonObjectId(app, addonId, rule.id),
    app,
    addon_id: addonId,
    custom_range: managed ? null : (rule.cidr ?? null),
    managed_range: managed ? (rule.range_id ?? null) : null,
    label: rule.label ?? '',
    type: rule.type,
    rule_id: rule.id,
  };
}

/** The database's rules, or null when the database (or its app) no longer exists. */
export function listRules(ctx: Ctx, app: string, addonId: string): Promise<FirewallRule[] | null> {
  return ctx.provider.firewallRulesOf(app, addonId, ctx.signal);
}

export async function readRule(state: FirewallRuleModel, ctx: Ctx): Promise<FirewallRuleModel | null> {
  const rule = (await listRules(ctx, state.app, state.addon_id))?.find((r) => r.id === state.rule_id);
  return rule ? stateFromRule(state.app, state.addon_id, rule) : null;
}

export async function importRule(id: string, ctx: Ctx): Promise<FirewallRuleModel> {
  const parsed = parseAddonObjectId(id);
  if (!parsed) throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>:<rule_id>", e.g. "my-app:ad-9f0c2a8e-…:5f…"; got ${JSON.stringify(id)}.`);
  const rules = await listRules(ctx, parsed.app, parsed.addonId);
  if (rules === null) throw new DiagnosticError('Cannot import', `App ${parsed.app} has no database addon ${parsed.addonId} (or this token cannot see it).`);
  const rule = rules.find((r) => r.id === parsed.name);
  if (!rule) throw new DiagnosticError('Cannot import', `Database ${parsed.addonId} has no firewall rule ${parsed.name}.`);
  // Recorded by ID whichever way it was given: the configuration may use either.
  return stateFromRule(await canonicalApp(parsed.app, ctx), parsed.addonId, rule);
}
