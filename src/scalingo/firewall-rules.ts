// Firewall rules of a database (DB API): which networks may reach a database that is publicly
// available. A rule is a `custom_range` (a CIDR) or a `managed_range` (a network Scalingo
// maintains, by id). The Go client sends bodies unwrapped, the JS client (the dashboard's) wraps
// them in `firewall_rule` (reference, appendix A): this client wraps them.

import type { CallOptions, Requester } from './requester.js';
import { FirewallRuleResponseSchema, FirewallRulesResponseSchema, ManagedRangesResponseSchema } from './schemas.js';
import type { FirewallRule, ManagedRange } from './schemas.js';

export type CreateFirewallRuleInput =
  | { readonly type: 'custom_range'; readonly cidr: string; readonly label?: string }
  | { readonly type: 'managed_range'; readonly rangeId: string; readonly label?: string };

export class FirewallRulesApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /api/databases/{addon_id}/firewall_rules` (root `rules`). */
  async list(app: string, addonId: string, opts: CallOptions = {}): Promise<FirewallRule[]> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/firewall_rules',
        params: { addon_id: addonId }, expect: [200], schema: FirewallRulesResponseSchema, operation: `list the firewall rules of database ${addonId}`,
      },
      opts,
    );
    return res.data.rules;
  }

  /**
   * `POST /api/databases/{addon_id}/firewall_rules` (201, root `rule`). Never retried once it may
   * have been sent: on `OutcomeUnknownError`, list the rules to see whether it exists.
   */
  async create(app: string, addonId: string, input: CreateFirewallRuleInput, opts: CallOptions = {}): Promise<FirewallRule> {
    const rule: Record<string, unknown> = input.type === 'custom_range' ? { type: input.type, cidr: input.cidr } : { type: input.type, range_id: input.rangeId };
    if (input.label !== undefined) rule['label'] = input.label;
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'POST', route: '/databases/{addon_id}/firewall_rules',
        params: { addon_id: addonId }, body: { firewall_rule: rule }, expect: [201, 200], schema: FirewallRuleResponseSchema,
        operation: `add a firewall rule to database ${addonId}`,
      },
      opts,
    );
    return res.data.rule;
  }

  /** `PATCH /api/databases/{addon_id}/firewall_rules/{id}`: a new label (an absolute value, so retried). */
  async updateLabel(app: string, addonId: string, ruleId: string, label: string, opts: CallOptions = {}): Promise<FirewallRule> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'PATCH', route: '/databases/{addon_id}/firewall_rules/{rule_id}',
        params: { addon_id: addonId, rule_id: ruleId }, body: { firewall_rule: { label } }, idempotent: true, expect: [200],
        schema: FirewallRuleResponseSchema, operation: `change the label of firewall rule ${ruleId} of database ${addonId}`,
      },
      opts,
    );
    return res.data.rule;
  }

  /** `DELETE /api/databases/{addon_id}/firewall_rules/{id}` (204). */
  async delete(app: string, addonId: string, ruleId: string, opts: CallOptions = {}): Promise<void> {
    await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'DELETE', route: '/databases/{addon_id}/firewall_rules/{rule_id}',
        params: { addon_id: addonId, rule_id: ruleId }, expect: [204, 200], operation: `delete firewall rule ${ruleId} of database ${addonId}`,
      },
      opts,
    );
  }

  /** `GET /api/firewall/managed_ranges` (root `ranges`), with the token of one of the account's databases. */
  async managedRanges(app: string, addonId: string, opts: CallOptions = {}): Promise<ManagedRange[]> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/firewall/managed_ranges',
        params: {}, expect: [200], schema: ManagedRangesResponseSchema, operation: 'list the managed firewall ranges',
      },
      opts,
    );
    return res.data.ranges;
  }
}
