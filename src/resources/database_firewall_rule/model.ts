// The scalingo_database_firewall_rule schema and its state model.

import { requiresReplace, useStateForUnknown } from '../../framework/planmodifiers.js';
import { attr, type Schema } from '../../framework/schema.js';
import { cidrBlock, stringLengthBetween } from '../../framework/validators.js';
import { appValidator } from '../shared/app.js';

export type FirewallRuleModel = {
  id: string | null;
  app: string;
  addon_id: string;
  custom_range: string | null;
  managed_range: string | null;
  label: string | null;
  type: string | null;
  rule_id: string | null;
};

export const firewallRuleSchema: Schema = {
  version: 0,
  block: {
    description:
      'A firewall rule of a Scalingo database addon: a network allowed to reach the database while it is reachable from the internet (feature `publicly-available`). Either a `custom_range` (a CIDR block of your own) or a `managed_range` (a network Scalingo maintains, by ID; see the `scalingo_database_firewall_managed_ranges` data source). Only the label changes in place.',
    attributes: {
      id: attr.string({ computed: true, description: '`<app>:<addon_id>:<rule_id>`, the import ID.', planModifiers: [useStateForUnknown()] }),
      app: attr.string({
        required: true,
        description: 'ID (or name) of the app the database addon belongs to. Changing it to another app replaces the rule; the same app by name instead of ID (or the reverse) changes nothing.',
        validators: [appValidator()],
      }),
      addon_id: attr.string({ required: true, description: 'ID of the database addon (`ad-…`). Changing it replaces the rule.', planModifiers: [requiresReplace()] }),
      custom_range: attr.string({
        optional: true,
        description:
          'An IPv4 or IPv6 network in CIDR notation, such as `203.0.113.0/24` or `2001:db8::/32` (`/32` or `/128` for one address). Checked at plan time. Conflicts with `managed_range`. Changing it replaces the rule.',
        validators: [cidrBlock()],
        planModifiers: [requiresReplace()],
      }),
      managed_range: attr.string({
        optional: true,
        description: 'ID of a network Scalingo maintains (`scalingo_database_firewall_managed_ranges` lists them). Conflicts with `custom_range`. Changing it replaces the rule.',
        validators: [stringLengthBetween(1, 128)],
        planModifiers: [requiresReplace()],
      }),
      label: attr.string({
        optional: true,
        computed: true,
        description: 'A note shown next to the rule (at most 255 characters). Changed in place. When unset, Scalingo\'s own label is recorded (empty for a custom range, the range\'s name for a managed one).',
        validators: [stringLengthBetween(0, 255)],
        planModifiers: [useStateForUnknown()],
      }),
      type: attr.string({ computed: true, description: '`custom_range` or `managed_range`.', planModifiers: [useStateForUnknown()] }),
      rule_id: attr.string({ computed: true, description: 'ID of the rule at Scalingo.', planModifiers: [useStateForUnknown()] }),
    },
  },
};
