// scalingo_database_firewall_rule: a network allowed to reach a publicly available database.
// Schema in model.ts, plan-time checks in plan.ts, API calls in apply.ts and read.ts.

import type { ResourceDefinition } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import { createRule, deleteRule, updateRule } from './apply.js';
import { firewallRuleSchema, type FirewallRuleModel } from './model.js';
import { planFirewallRule, validateFirewallRuleConfig } from './plan.js';
import { importRule, readRule } from './read.js';

export const databaseFirewallRuleResource: ResourceDefinition<FirewallRuleModel, ScalingoContext> = {
  typeName: 'scalingo_database_firewall_rule',
  schema: firewallRuleSchema,

  validateConfig({ config, diags }) {
    validateFirewallRuleConfig(config, diags);
  },

  modifyPlan(request, ctx) {
    return planFirewallRule(request, ctx);
  },

  create({ config }, ctx) {
    return createRule(config, ctx);
  },

  update({ prior, config }, ctx) {
    return updateRule(prior, config, ctx);
  },

  read({ state }, ctx) {
    return readRule(state, ctx);
  },

  delete({ prior }, ctx) {
    return deleteRule(prior, ctx);
  },

  importState(id, ctx) {
    return importRule(id, ctx);
  },
};
