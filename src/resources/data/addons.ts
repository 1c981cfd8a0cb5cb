// Data source scalingo_addons: the addons of an app, as `scalingo --app my-app addons` lists them.

import { objectOf, StringType } from '../../cty/types.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import type { ScalingoContext } from '../shared/context.js';
import { appValidator } from '../shared/app.js';

type AddonEntry = { id: string; provider_id: string; provider_name: string | null; plan: string; plan_id: string; resource_id: string; status: string };
export type AddonsModel = { app: string; addons: AddonEntry[] | null };

export const addonsDataSource: DataSourceDefinition<AddonsModel, ScalingoContext> = {
  typeName: 'scalingo_addons',
  schema: {
    version: 0,
    block: {
      description: 'The addons of an app, as `scalingo --app my-app addons` lists them.',
      attributes: {
        app: attr.string({ required: true, description: 'App ID or name.', validators: [appValidator()] }),
        addons: attr.listOf(
          objectOf({ id: StringType, provider_id: StringType, provider_name: StringType, plan: StringType, plan_id: StringType, resource_id: StringType, status: StringType }),
          { computed: true, description: 'Addons: `id`, `provider_id`, `provider_name`, `plan` (name), `plan_id`, `resource_id`, `status`.' },
        ),
      },
    },
  },
  async read({ config }, ctx) {
    const list = await ctx.provider.addonsOf(config.app, ctx.signal);
    if (list === null) throw new DiagnosticError('Unknown app', `Scalingo has no app "${config.app}" (or this token cannot see it).`, ['app']);
    return {
      app: config.app,
      addons: list.map((a) => ({
        id: a.id,
        provider_id: a.addon_provider.id,
        provider_name: a.addon_provider.name ?? null,
        plan: a.plan.name,
        plan_id: a.plan.id,
        resource_id: a.resource_id,
        status: a.status,
      })),
    };
  },
};
