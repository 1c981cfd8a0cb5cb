// Read and import of scalingo_addon, and the state shaping apply shares with them: the state
// of an addon is its main-API record, plus database-level attributes (features, version) when
// the configuration manages them (features, version, maintenance window, periodic backups).

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import type { ValueObject } from '../../cty/value.js';
import { isNotFound, normalizeAddonProviderId, type Addon, type Database } from '../../scalingo/index.js';
import { canonicalApp } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';
import { readDatabaseUrl } from './database_url.js';
import { activeFeatures } from './features.js';
import type { AddonModel } from './model.js';
import { readAddonPrivate, readsDatabase } from './private.js';
import { backupsFromDatabase, windowFromDatabase } from './settings.js';
import { versionForState } from './version.js';

type Ctx = OperationContext<ScalingoContext>;

export function stateFromAddon(addon: Addon, base: Pick<AddonModel, 'app' | 'provider_id' | 'timeouts'> & Partial<AddonModel>): AddonModel {
  const providerId = normalizeAddonProviderId(base.provider_id) === addon.addon_provider.id ? base.provider_id : addon.addon_provider.id;
  return {
    id: addon.id,
    app: base.app,
    provider_id: providerId,
    plan: addon.plan.name,
    plan_id: addon.plan.id,
    resource_id: addon.resource_id,
    database_features: base.database_features ?? null,
    status: addon.status,
    database_version: base.database_version ?? null,
    expose_database_url: base.expose_database_url ?? false,
    database_url: base.database_url ?? null,
    maintenance_window: base.maintenance_window ?? null,
    periodic_backups: base.periodic_backups ?? null,
    // States written before these existed read as their defaults.
    deletion_protection: base.deletion_protection ?? false,
    backup_before_change: base.backup_before_change ?? false,
    last_backup_id: base.last_backup_id ?? null,
    timeouts: base.timeouts,
  };
}

/** The database-level attributes of a state, from the database API. */
export function withDatabase(state: AddonModel, database: Database): AddonModel {
  return {
    ...state,
    database_features: activeFeatures(database),
    database_version: versionForState(state.database_version, database.readable_version),
    maintenance_window: windowFromDatabase(database),
    periodic_backups: backupsFromDatabase(database),
  };
}

export async function readAddon(state: AddonModel, privateState: ValueObject | null, ctx: Ctx): Promise<AddonModel | null> {
  ctx.provider.rememberInState(state.id!);
  const addon = await ctx.provider.findAddon(state.app, state.id!, ctx.signal);
  if (!addon) return null;
  const next = stateFromAddon(addon, state);
  // States written before expose_database_url existed read as its default.
  next.expose_database_url = state.expose_database_url === true;
  next.database_url = next.expose_database_url ? await readDatabaseUrl(next, ctx) : null;
  // Refreshing database-level attributes costs two more requests per addon (DB token, then
  // database); spend them only where the configuration manages those attributes.
  const managed = readAddonPrivate(privateState);
  if (!readsDatabase(managed)) return next;
  const database = await databaseOrGone(ctx, state.app, addon.id);
  if (!database) return next;
  const failed = database.features.filter((f) => f.status === 'FAILED').map((f) => f.name);
  if (managed.featuresManaged && failed.length > 0) {
    ctx.diags.warning(
      'Database feature failed',
      `Scalingo reports ${failed.join(', ')} as FAILED on addon ${addon.id}: it is not active, so it is left out of the state and the next apply enables it again. If it keeps failing, contact Scalingo support.`,
      ['database_features'],
    );
  }
  const refreshed = withDatabase(next, database);
  return {
    ...refreshed,
    database_features: managed.featuresManaged ? refreshed.database_features : next.database_features,
    maintenance_window: managed.windowManaged ? refreshed.maintenance_window : next.maintenance_window,
    periodic_backups: managed.backupsManaged ? refreshed.periodic_backups : next.periodic_backups,
  };
}

export async function importAddon(id: string, ctx: Ctx): Promise<AddonModel> {
  const parts = id.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>", e.g. "6aad453a756f15040c87a2e9:ad-9f0c2a8e-…"; got "${id}".`);
  }
  const [app, addonId] = parts as [string, string];
  return importAddonOf(app, addonId, ctx);
}

/** Import of addon `addonId` of `app` (by ID or by identity). */
export async function importAddonOf(app: string, addonId: string, ctx: Ctx): Promise<AddonModel> {
  const addon = await ctx.provider.findAddon(app, addonId, ctx.signal);
  if (!addon) throw new DiagnosticError('Cannot import', `App ${app} has no addon ${addonId}.`);
  // Recorded by ID whichever way it was given: the configuration may use either (see plan.ts).
  return existingAddonState(await canonicalApp(app, ctx), addon, ctx);
}

/**
 * The whole state of an existing addon, as import records it: for a database, also its
 * enabled features and version (two more requests: the addon's DB-API token, the database).
 */
export async function existingAddonState(appId: string, addon: Addon, ctx: Ctx): Promise<AddonModel> {
  const imported = stateFromAddon(addon, { app: appId, provider_id: addon.addon_provider.id, timeouts: null });
  if (!(await ctx.provider.isDatabase(addon.addon_provider.id, ctx.signal).catch(() => false))) return imported;
  const database = await databaseOrGone(ctx, appId, addon.id);
  return database ? withDatabase(imported, database) : imported;
}

async function databaseOrGone(ctx: Ctx, app: string, addonId: string): Promise<Database | null> {
  try {
    return await ctx.provider.client.databases.get(app, addonId, { signal: ctx.signal });
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
