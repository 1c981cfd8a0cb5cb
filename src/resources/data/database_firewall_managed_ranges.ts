// Data source scalingo_database_firewall_managed_ranges: the networks Scalingo maintains, which a
// firewall rule can allow by ID (`managed_range`). The database API needs a database's token to
// list them, hence the app and addon.

import { objectOf, StringType } from '../../cty/types.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import { isNotFound } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { appValidator } from '../shared/app.js';

export type ManagedRangesModel = { app: string; addon_id: string; name: string | null; ranges: { id: string; name: string }[] | null };

export const databaseFirewallManagedRangesDataSource: DataSourceDefinition<ManagedRangesModel, ScalingoContext> = {
  typeName: 'scalingo_database_firewall_managed_ranges',
  schema: {
    version: 0,
    block: {
      description: 'The networks Scalingo maintains (such as its regions\' application egress addresses), which `scalingo_database_firewall_rule` can allow by ID with `managed_range`.',
      attributes: {
        app: attr.string({ required: true, description: 'ID (or name) of an app with a database addon (the database API lists the ranges for a database\'s token).', validators: [appValidator()] }),
        addon_id: attr.string({ required: true, description: 'ID of one of its database addons (`ad-…`).' }),
        name: attr.string({ optional: true, description: 'Keep only the range of this exact name; an error when there is none.' }),
        ranges: attr.listOf(objectOf({ id: StringType, name: StringType }), { computed: true, description: 'The ranges, by name: `id` (for `managed_range`) and `name`.' }),
      },
    },
  },
  async read({ config }, ctx) {
    let ranges: { id: string; name: string }[];
    try {
      ranges = await ctx.provider.client.firewallRules.managedRanges(config.app, config.addon_id, { signal: ctx.signal });
    } catch (err) {
      if (isNotFound(err)) throw new DiagnosticError('Database addon not found', `App ${config.app} has no database addon ${config.addon_id} (or this token cannot see it).`, ['addon_id']);
      throw err;
    }
    const sorted = ranges.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
    if (config.name === null) return { ...config, ranges: sorted };
    const match = sorted.filter((r) => r.name === config.name);
    if (match.length === 0) throw new DiagnosticError('No such managed range', `No managed range is named ${JSON.stringify(config.name)}; there are: ${sorted.map((r) => JSON.stringify(r.name)).join(', ') || 'none'}.`, ['name']);
    return { ...config, ranges: match };
  },
};
