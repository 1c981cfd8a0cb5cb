// scalingo_addon: an addon of a Scalingo app. Wiring only: the schema is in model.ts,
// plan-time checks and warnings in plan.ts, create/update/delete in apply.ts, read and import
// in read.ts (database_url.ts adds the connection URL to both); features.ts, private.ts,
// version.ts and upgrade.ts hold what they are named for.

import type { ResourceDefinition } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import { createAddon, deleteAddon, updateAddon } from './apply.js';
import { planDatabaseUrl, withDatabaseUrl } from './database_url.js';
import { addonSchema, type AddonModel } from './model.js';
import { planAddon, validateAddonConfig } from './plan.js';
import { addonIdentity } from './identity.js';
import { importAddon, readAddon } from './read.js';

export const addonResource: ResourceDefinition<AddonModel, ScalingoContext> = {
  typeName: 'scalingo_addon',
  schema: addonSchema,
  stateUpgraders: {
    // The official provider's state: same attributes, database_features stored as a list
    // (the same JSON as our set); status, database_version and timeouts start null.
    0: (state) => state,
  },

  validateConfig({ config, diags }) {
    validateAddonConfig(config, diags);
  },

  async modifyPlan(request, ctx) {
    await planAddon(request, ctx);
    planDatabaseUrl(request);
  },

  async create({ config, planned }, ctx) {
    const created = await createAddon(config, planned, ctx);
    // Provisioning added the addon's variables: read them afresh.
    ctx.provider.invalidate(created.app);
    return withDatabaseUrl(created, config, planned, ctx);
  },

  async update({ prior, config, planned, privateState }, ctx) {
    return withDatabaseUrl(await updateAddon(prior, config, planned, privateState, ctx), config, planned, ctx);
  },

  delete({ prior }, ctx) {
    return deleteAddon(prior, ctx);
  },

  read({ state, privateState }, ctx) {
    return readAddon(state, privateState, ctx);
  },

  importState(id, ctx) {
    return importAddon(id, ctx);
  },

  identity: addonIdentity,
};
