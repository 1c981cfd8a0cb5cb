// Read and import of scalingo_database_extension (what pg_extension lists), and the state
// shaping apply shares with them.

import type pg from 'pg';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { addonObjectId, parseAddonObjectId } from '../database_user/rules.js';
import { canonicalApp } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';
import { AddonGoneError, connectionUrl, PostgresError, withPostgres } from '../shared/postgres_connection.js';
import { unavailableExtensionMessage } from './available.js';
import type { DatabaseExtensionModel } from './model.js';
import { READ_EXTENSION_SQL } from './sql.js';

type Ctx = OperationContext<ScalingoContext>;
export type Installed = { version: string; schema: string };

export async function installed(client: pg.Client, name: string): Promise<Installed | undefined> {
  const result = await client.query<Installed>(READ_EXTENSION_SQL, [name]);
  return result.rows[0];
}

export function stateOf(base: Pick<DatabaseExtensionModel, 'app' | 'addon_id' | 'name'>, found: Installed): DatabaseExtensionModel {
  return { id: addonObjectId(base.app, base.addon_id, base.name), app: base.app, addon_id: base.addon_id, name: base.name, schema: found.schema, version: found.version };
}

/** The connection URL, or null when the addon (or app) is gone. */
export async function urlOrGone(ctx: Ctx, app: string, addonId: string): Promise<string | null> {
  try {
    return await connectionUrl(ctx, app, addonId);
  } catch (err) {
    if (err instanceof AddonGoneError) return null;
    throw err;
  }
}

export async function readExtension(state: DatabaseExtensionModel, ctx: Ctx): Promise<DatabaseExtensionModel | null> {
  const url = await urlOrGone(ctx, state.app, state.addon_id);
  if (url === null) return null;
  const found = await withPostgres(url, ctx.signal, (client) => installed(client, state.name)).catch(rethrowAsDiagnostic(`Cannot read extension ${state.name}`));
  return found ? stateOf(state, found) : null;
}

export async function importExtension(id: string, ctx: Ctx): Promise<Partial<DatabaseExtensionModel>> {
  const parsed = parseAddonObjectId(id);
  if (!parsed) throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>:<name>", e.g. "my-app:ad-9f0c2a8e-…:pg_trgm"; got ${JSON.stringify(id)}.`);
  return importExtensionOf(parsed.app, parsed.addonId, parsed.name, ctx);
}

/** What read needs to find extension `name` of a database addon (by ID or by identity). */
export async function importExtensionOf(app: string, addonId: string, name: string, ctx: Ctx): Promise<Partial<DatabaseExtensionModel>> {
  const unavailable = unavailableExtensionMessage(name);
  if (unavailable) throw new DiagnosticError('Unavailable PostgreSQL extension', unavailable);
  // Recorded by ID whichever way it was given: the configuration may use either.
  return { id: addonObjectId(app, addonId, name), app: await canonicalApp(app, ctx), addon_id: addonId, name, schema: null, version: null };
}

function rethrowAsDiagnostic(summary: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof PostgresError) throw new DiagnosticError(summary, `The database answered: ${err.message}`);
    throw err;
  };
}
