// Plan-time checks of scalingo_database_firewall_rule: exactly one range, and a warning when
// the database is not reachable from the internet (the rule then changes nothing).

import { isUnknown } from '../../cty/value.js';
import type { Diagnostics } from '../../framework/diagnostics.js';
import type { OperationContext, Planned, PlanRequest } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import type { FirewallRuleModel } from './model.js';
import { replaceIfAnotherApp } from '../shared/app.js';

const PUBLIC = 'publicly-available';

export function validateFirewallRuleConfig(config: Planned<FirewallRuleModel>, diags: Diagnostics): void {
  const custom = config.custom_range;
  const managed = config.managed_range;
  if (custom !== null && managed !== null && !isUnknown(custom) && !isUnknown(managed)) {
    diags.error('Conflicting ranges', 'A firewall rule allows either a "custom_range" or a "managed_range", not both: write one rule for each.', ['managed_range']);
  } else if (custom === null && managed === null) {
    diags.error('Missing range', 'Set "custom_range" (a CIDR block such as "203.0.113.0/24") or "managed_range" (the ID of a range Scalingo maintains).', ['custom_range']);
  }
}

export async function planFirewallRule(request: PlanRequest<FirewallRuleModel>, ctx: OperationContext<ScalingoContext>): Promise<void> {
  const { planned } = request;
  if (planned === null) return;
  // The same app by name or by ID is no change; another app replaces the rule.
  await replaceIfAnotherApp(request, ctx);
  const { app, addon_id: addonId } = planned;
  if (isUnknown(app) || isUnknown(addonId)) return; // the database is created in this same apply
  const database = await ctx.provider.databaseOf(app, addonId, ctx.signal);
  if (database === null) {
    ctx.diags.error('Database addon not found', `App ${app} has no database addon ${addonId} (or this token cannot see it).`, ['addon_id']);
    return;
  }
  const reachable = database.features.some((f) => f.name === PUBLIC && (f.status === 'ACTIVATED' || f.status === 'PENDING_TO_ACTIVATE' || f.status === 'PENDING'));
  if (!reachable) {
    ctx.diags.warning(
      `Database ${addonId} is not reachable from the internet: this rule has no effect`,
      `Firewall rules filter connections from the internet, which the database only accepts with the "${PUBLIC}" feature (database_features of scalingo_addon, which needs "force-ssl" too). Without it, only the app's containers reach it, and the rule changes nothing until the feature is enabled.`,
      [planned.custom_range !== null ? 'custom_range' : 'managed_range'],
    );
  }
}
