// The identity of a scalingo_addon (Terraform 1.12+): the app's ID and the addon's ID.
// `import { to = scalingo_addon.db; identity = { app = "my-app", id = "ad-…" } }` accepts the
// app's name too; the stored identity always holds the ID.

import { StringType } from '../../cty/types.js';
import type { IdentityDefinition } from '../../framework/resource.js';
import { APP_IDENTITY_DESCRIPTION, identityApp } from '../shared/identity.js';
import type { ScalingoContext } from '../shared/context.js';
import { importAddonOf } from './read.js';
import type { AddonModel } from './model.js';

type AddonIdentity = { app: string; id: string };

export const addonIdentity: IdentityDefinition<AddonModel, ScalingoContext, AddonIdentity> = {
  schema: {
    version: 0,
    attributes: {
      app: { type: StringType, requiredForImport: true, description: APP_IDENTITY_DESCRIPTION },
      id: { type: StringType, requiredForImport: true, description: 'Addon ID (`ad-…`).' },
    },
  },
  async fromState(state, ctx) {
    return { app: await identityApp(state.app, ctx), id: state.id ?? '' };
  },
  importState(identity, ctx) {
    return importAddonOf(identity.app, identity.id, ctx);
  },
};
