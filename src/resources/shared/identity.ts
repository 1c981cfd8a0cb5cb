// Resource identities shared by the resources that live inside a database addon (users,
// extensions): `app` (always the app's ID, whether the configuration gives its ID or its
// name), `addon_id` and `name`.

import { StringType } from '../../cty/types.js';
import type { IdentityDefinition, OperationContext } from '../../framework/resource.js';
import type { IdentitySchema } from '../../framework/schema.js';
import type { ScalingoContext } from './context.js';

type Ctx = OperationContext<ScalingoContext>;

/** Scalingo app IDs are 24 lowercase hex characters; anything else is taken as a name. */
const APP_ID = /^[0-9a-f]{24}$/;

/**
 * The app of an identity: always its ID, so that one object has one identity whichever way
 * the configuration names its app. An ID costs nothing; a name one request per process.
 */
export async function identityApp(app: string, ctx: Ctx): Promise<string> {
  return APP_ID.test(app) ? app : ((await ctx.provider.appId(app, ctx.signal)) ?? app);
}

export const APP_IDENTITY_DESCRIPTION = 'ID of the app (a name is accepted on import and resolved to the ID).';

type AddonObject = { app: string; addon_id: string; name: string };
type AddonObjectIdentity = { app: string; addon_id: string; name: string };

export function addonObjectIdentitySchema(nameDescription: string): IdentitySchema {
  return {
    version: 0,
    attributes: {
      app: { type: StringType, requiredForImport: true, description: APP_IDENTITY_DESCRIPTION },
      addon_id: { type: StringType, requiredForImport: true, description: 'ID of the database addon (`ad-…`).' },
      name: { type: StringType, requiredForImport: true, description: nameDescription },
    },
  };
}

/** The identity of an object inside an addon; `importState` is the resource's own import. */
export function addonObjectIdentity<M extends AddonObject>(
  nameDescription: string,
  importState: (app: string, addonId: string, name: string, ctx: Ctx) => Promise<Partial<M>>,
): IdentityDefinition<M, ScalingoContext, AddonObjectIdentity> {
  return {
    schema: addonObjectIdentitySchema(nameDescription),
    async fromState(state, ctx) {
      return { app: await identityApp(state.app, ctx), addon_id: state.addon_id, name: state.name };
    },
    importState(identity, ctx) {
      return importState(identity.app, identity.addon_id, identity.name, ctx);
    },
  };
}
