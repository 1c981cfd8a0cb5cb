// `list "scalingo_addon"` (`terraform query`, Terraform 1.14): the addons the token can see, in
// one app or across every app, optionally of one provider, each named the way a person
// recognises it (`my-app / postgresql-business-1024`).
//
// Cost: one request for the apps (or one for the app given), then one addons list per app;
// with include_resource (and -generate-config-out), two more per database addon (its DB-API
// token, its database) for its features and version. The client's rate limiter paces them
// (60 a minute by default), and apps are visited one at a time, only as far as Terraform's
// `limit` needs.

import { StringType } from '../../cty/types.js';
import type { ValueObject } from '../../cty/value.js';
import type { ListResourceDefinition, ListResult, OperationContext } from '../../framework/resource.js';
import type { Schema } from '../../framework/schema.js';
import { stringMatches } from '../../framework/validators.js';
import { ForbiddenError, isNotFound, normalizeAddonProviderId, type Addon, type App } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { existingAddonState, stateFromAddon } from './read.js';

type Ctx = OperationContext<ScalingoContext>;
type AddonListConfig = { app: string | null; provider_id: string | null };

const schema: Schema = {
  version: 0,
  block: {
    description: 'Addons the API token can see: of one app, or of every app when `app` is not set.',
    attributes: {
      app: { type: StringType, optional: true, description: 'ID or name of one app to list the addons of. When not set, every app the token can see is listed.' },
      provider_id: {
        type: StringType,
        optional: true,
        description: 'Only addons of this provider, e.g. `postgresql` (legacy aliases such as `scalingo-postgresql` are accepted).',
        validators: [stringMatches(/^[a-z0-9][a-z0-9-]*$/, 'An addon provider ID is made of lowercase letters, digits and hyphens, such as "postgresql"')],
      },
    },
  },
};

async function appsToList(config: AddonListConfig, ctx: Ctx): Promise<App[]> {
  const { client } = ctx.provider;
  if (config.app === null) return client.apps.list({ signal: ctx.signal });
  try {
    return [await client.apps.get(config.app, { signal: ctx.signal })];
  } catch (err) {
    if (isNotFound(err)) {
      ctx.diags.warning('App not found', `No app ${JSON.stringify(config.app)} is visible with this API token: nothing to list.`, ['app']);
      return [];
    }
    throw err;
  }
}

/** The addons of an app; an app that vanished or that this token may not read is skipped. */
async function addonsOf(app: App, ctx: Ctx): Promise<Addon[]> {
  try {
    return (await ctx.provider.addonsOf(app.id, ctx.signal)) ?? [];
  } catch (err) {
    if (err instanceof ForbiddenError) {
      ctx.diags.warning(`Addons of ${app.name} skipped`, `This API token may not list the addons of app ${app.name} (${app.id}).`);
      return [];
    }
    throw err;
  }
}

function displayName(app: App, addon: Addon, addons: readonly Addon[]): string {
  const name = `${app.name} / ${addon.plan.name}`;
  // Two addons of one app on the same plan: tell them apart.
  return addons.filter((a) => a.plan.name === addon.plan.name).length > 1 ? `${name} (${addon.id})` : name;
}

async function* listAddons(config: AddonListConfig, includeResource: boolean, ctx: Ctx): AsyncGenerator<ListResult<ValueObject>> {
  const provider = config.provider_id === null ? null : normalizeAddonProviderId(config.provider_id);
  for (const app of await appsToList(config, ctx)) {
    const addons = (await addonsOf(app, ctx)).filter((a) => provider === null || a.addon_provider.id === provider);
    for (const addon of addons) {
      // Identities and generated configuration name apps by ID.
      const state = includeResource ? await existingAddonState(app.id, addon, ctx) : stateFromAddon(addon, { app: app.id, provider_id: addon.addon_provider.id, timeouts: null });
      yield { state: state as unknown as ValueObject, displayName: displayName(app, addon, addons) };
    }
  }
}

export const addonListResource: ListResourceDefinition<AddonListConfig, ScalingoContext> = {
  typeName: 'scalingo_addon',
  schema,
  list({ config, includeResource }, ctx) {
    return listAddons(config, includeResource, ctx);
  },
};
