// scalingo_addon: an addon of a Scalingo app. Schema in model.ts, plan-time checks and
// warnings in plan.ts, provisioning/plan changes/deletion and their waits in apply.ts.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ResourceDefinition } from '../../framework/resource.js';
import { isNotFound } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { addonPrivate, createAddon, deleteAddon, stateFromAddon, updateAddon } from './apply.js';
import { planDatabaseUrl, readDatabaseUrl, withDatabaseUrl } from './database_url.js';
import { addonSchema, type AddonModel } from './model.js';
import { planAddon, validateAddonConfig } from './plan.js';
import { versionForState } from './version.js';

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

  async update({ prior, config, planned }, ctx) {
    return withDatabaseUrl(await updateAddon(prior, config, planned, ctx), config, planned, ctx);
  },

  delete({ prior }, ctx) {
    return deleteAddon(prior, ctx);
  },

  async read({ state, privateState }, ctx) {
    const addon = await ctx.provider.findAddon(state.app, state.id!, ctx.signal);
    if (!addon) return null;
    let next = stateFromAddon(addon, state);
    // States written before expose_database_url existed read as its default.
    next.expose_database_url = state.expose_database_url === true;
    next.database_url = next.expose_database_url ? await readDatabaseUrl(next, ctx) : null;
    // Refreshing database-level attributes costs two more requests per addon (DB token, then
    // database); spend them only where the configuration manages those attributes.
    const managed = addonPrivate(privateState);
    if (managed.featuresManaged || managed.versionManaged) {
      try {
        const db = await ctx.provider.client.databases.get(state.app, addon.id, { signal: ctx.signal });
        next = {
          ...next,
          database_features: managed.featuresManaged
            ? db.features.filter((f) => f.status !== 'PENDING_TO_REMOVE' && f.status !== 'FAILED').map((f) => f.name).sort()
            : next.database_features,
          database_version: versionForState(state.database_version, db.readable_version),
        };
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return next;
  },

  async importState(id, ctx) {
    const parts = id.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>", e.g. "6aad453a756f15040c87a2e9:ad-9f0c2a8e-…"; got "${id}".`);
    }
    const [app, addonId] = parts as [string, string];
    const addon = await ctx.provider.findAddon(app, addonId, ctx.signal);
    if (!addon) throw new DiagnosticError('Cannot import', `App ${app} has no addon ${addonId}.`);
    const imported = stateFromAddon(addon, { app, provider_id: addon.addon_provider.id, timeouts: null });
    if (await ctx.provider.isDatabase(addon.addon_provider.id, ctx.signal).catch(() => false)) {
      try {
        const db = await ctx.provider.client.databases.get(app, addonId, { signal: ctx.signal });
        imported.database_features = db.features.filter((f) => f.status === 'ACTIVATED').map((f) => f.name).sort();
        imported.database_version = db.readable_version;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return imported;
  },
};

