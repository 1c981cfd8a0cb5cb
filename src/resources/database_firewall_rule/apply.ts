// Apply-time logic of scalingo_database_firewall_rule: create (never twice, even when the answer
// to the request was lost), change the label in place, delete.

import { DiagnosticError, type AttributePath } from '../../framework/diagnostics.js';
import type { ApplyContext, OperationContext } from '../../framework/resource.js';
import { isNotFound, isOutcomeUnknown, ValidationError, type CreateFirewallRuleInput, type FirewallRule } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import type { FirewallRuleModel } from './model.js';
import { listRules, stateFromRule } from './read.js';

type Ctx = OperationContext<ScalingoContext>;

const FIELD_PATHS: Readonly<Record<string, AttributePath>> = { cidr: ['custom_range'], range_id: ['managed_range'], label: ['label'] };

function sameRange(rule: FirewallRule, input: CreateFirewallRuleInput): boolean {
  return input.type === 'custom_range' ? rule.type === 'custom_range' && rule.cidr === input.cidr : rule.type === 'managed_range' && rule.range_id === input.rangeId;
}

/** Scalingo's 422 on the attribute it is about. */
function ruleApiError(err: unknown): unknown {
  if (!(err instanceof ValidationError) || !err.fieldErrors) return err;
  const [field, messages] = Object.entries(err.fieldErrors)[0] ?? [];
  if (!field) return err;
  return new DiagnosticError('Scalingo refused the firewall rule', `${field} ${(messages ?? []).join(', ')}.`, FIELD_PATHS[field] ?? []);
}

async function createOnce(ctx: Ctx, app: string, addonId: string, input: CreateFirewallRuleInput): Promise<FirewallRule> {
  ctx.provider.forgetFirewallRules(app, addonId);
  try {
    return await ctx.provider.client.firewallRules.create(app, addonId, input, { signal: ctx.signal });
  } catch (err) {
    throw ruleApiError(err);
  }
}

export async function createRule(config: FirewallRuleModel, ctx: ApplyContext<ScalingoContext, FirewallRuleModel>): Promise<FirewallRuleModel> {
  const { app, addon_id: addonId } = config;
  const label = config.label ?? undefined;
  const input: CreateFirewallRuleInput =
    config.custom_range !== null ? { type: 'custom_range', cidr: config.custom_range, ...(label !== undefined ? { label } : {}) } : { type: 'managed_range', rangeId: config.managed_range!, ...(label !== undefined ? { label } : {}) };
  let rule: FirewallRule;
  try {
    rule = await createOnce(ctx, app, addonId, input);
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    // The request may or may not have reached Scalingo: look before doing anything else.
    ctx.log.warn('firewall rule creation outcome unknown; reconciling with the rule list');
    ctx.provider.forgetFirewallRules(app, addonId);
    const found = (await listRules(ctx, app, addonId))?.find((r) => sameRange(r, input));
    rule = found ?? (await createOnce(ctx, app, addonId, input));
  }
  ctx.log.info('firewall rule created', { app, addon_id: addonId, rule_id: rule.id, type: rule.type });
  let state = stateFromRule(app, addonId, rule);
  ctx.recordState(state);
  if (label !== undefined && rule.label !== label) state = stateFromRule(app, addonId, await setLabel(ctx, state, label));
  return state;
}

async function setLabel(ctx: Ctx, prior: FirewallRuleModel, label: string): Promise<FirewallRule> {
  ctx.provider.forgetFirewallRules(prior.app, prior.addon_id);
  try {
    return await ctx.provider.client.firewallRules.updateLabel(prior.app, prior.addon_id, prior.rule_id!, label, { signal: ctx.signal });
  } catch (err) {
    throw ruleApiError(err);
  }
}

/** Only the label changes in place (anything else replaces the rule). */
export async function updateRule(prior: FirewallRuleModel, config: FirewallRuleModel, ctx: Ctx): Promise<FirewallRuleModel> {
  if (config.label === null || config.label === prior.label) return { ...prior };
  return stateFromRule(prior.app, prior.addon_id, await setLabel(ctx, prior, config.label));
}

export async function deleteRule(prior: FirewallRuleModel, ctx: Ctx): Promise<void> {
  ctx.provider.forgetFirewallRules(prior.app, prior.addon_id);
  try {
    await ctx.provider.client.firewallRules.delete(prior.app, prior.addon_id, prior.rule_id!, { signal: ctx.signal });
    ctx.log.info('firewall rule deleted', { app: prior.app, addon_id: prior.addon_id, rule_id: prior.rule_id });
  } catch (err) {
    if (!isNotFound(err)) throw err; // already gone: what delete wants
  }
}
