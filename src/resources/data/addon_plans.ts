// Data source scalingo_addon_plans: the plans of an addon provider, as `scalingo
// addons-plans <provider>` lists them, sorted by position.

import { BoolType, NumberType, objectOf, StringType } from '../../cty/types.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import { isNotFound, normalizeAddonProviderId } from '../../scalingo/index.js';
import { byPosition } from '../addon/plans.js';
import type { ScalingoContext } from '../shared/context.js';

type PlanEntry = {
  id: string;
  name: string;
  display_name: string | null;
  position: number | null;
  disabled: boolean;
  on_demand: boolean;
  to_be_discontinued: boolean;
};

export type AddonPlansModel = { provider_id: string; show_all: boolean | null; plans: PlanEntry[] | null };

const planType = objectOf({
  id: StringType,
  name: StringType,
  display_name: StringType,
  position: NumberType,
  disabled: BoolType,
  on_demand: BoolType,
  to_be_discontinued: BoolType,
});

export const addonPlansDataSource: DataSourceDefinition<AddonPlansModel, ScalingoContext> = {
  typeName: 'scalingo_addon_plans',
  schema: {
    version: 0,
    block: {
      description: 'The plans of an addon provider, sorted by position, as `scalingo addons-plans <provider>` shows them.',
      attributes: {
        provider_id: attr.string({ required: true, description: 'Addon provider, e.g. `postgresql`.' }),
        show_all: attr.bool({ optional: true, description: 'Also list plans that are not available (disabled). Default `false`.' }),
        plans: attr.listOf(planType, {
          computed: true,
          description: 'Plans: `id`, `name` (what `plan` takes), `display_name`, `position`, `disabled`, `on_demand` (needs Scalingo support), `to_be_discontinued`.',
        }),
      },
    },
  },
  async read({ config }, ctx) {
    let plans;
    try {
      plans = await ctx.provider.plans(config.provider_id, ctx.signal);
    } catch (err) {
      if (isNotFound(err)) throw new DiagnosticError('Unknown addon provider', `Scalingo has no addon provider "${normalizeAddonProviderId(config.provider_id)}".`, ['provider_id']);
      throw err;
    }
    const shown = config.show_all === true ? plans : plans.filter((p) => !p.disabled);
    return {
      ...config,
      plans: byPosition(shown).map((p) => ({
        id: p.id,
        name: p.name,
        display_name: p.display_name ?? null,
        position: p.position ?? null,
        disabled: p.disabled === true,
        on_demand: p.on_demand === true,
        to_be_discontinued: p.to_be_discontinued === true,
      })),
    };
  },
};
