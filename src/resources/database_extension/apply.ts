// Apply-time logic of scalingo_database_extension: CREATE EXTENSION (taking over one already
// enabled), DROP EXTENSION (never CASCADE), over short-lived SQL connections.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import { connectionUrl, PostgresError, withPostgres } from '../shared/postgres_connection.js';
import type { DatabaseExtensionModel } from './model.js';
import { installed, readExtension, stateOf, urlOrGone, type Installed } from './read.js';
import { createExtensionSql, dropExtensionSql } from './sql.js';

type Ctx = OperationContext<ScalingoContext>;

export async function createExtension(config: DatabaseExtensionModel, ctx: Ctx): Promise<DatabaseExtensionModel> {
  const { app, addon_id: addonId, name } = config;
  const schema = typeof config.schema === 'string' ? config.schema : null;
  const url = await connectionUrl(ctx, app, addonId);
  const log = ctx.log.with({ app, addon_id: addonId, extension: name });
  let found: Installed;
  try {
    found = await withPostgres(url, ctx.signal, async (client) => {
      const before = await installed(client, name);
      if (before) {
        if (schema !== null && before.schema !== schema) {
          throw new DiagnosticError(
            `Extension ${name} is already enabled in schema ${before.schema}`,
            `The database already has ${name} ${before.version} in schema ${JSON.stringify(before.schema)}, not ${JSON.stringify(schema)}. Import it and set schema = ${JSON.stringify(before.schema)}, or move it first with ALTER EXTENSION ... SET SCHEMA.`,
            ['schema'],
          );
        }
        log.info('extension already enabled; taking it over', { version: before.version, schema: before.schema });
        return before;
      }
      await client.query(createExtensionSql(name, schema));
      const after = await installed(client, name);
      if (!after) throw new DiagnosticError(`Extension ${name} not found after creation`, 'CREATE EXTENSION succeeded but pg_extension does not list it.', ['name']);
      return after;
    });
  } catch (err) {
    throw createFailure(name, schema, err);
  }
  log.info('extension enabled', { version: found.version, schema: found.schema });
  return stateOf(config, found);
}

function createFailure(name: string, schema: string | null, err: unknown): unknown {
  if (!(err instanceof PostgresError)) return err;
  if (err.stage === 'connect') return new DiagnosticError(`Cannot connect to the database to enable ${name}`, `The database answered: ${err.message}`);
  const required = /required extension "([^"]+)" is not installed/.exec(err.message);
  if (required) {
    return new DiagnosticError(
      `Extension ${name} needs ${required[1]}`,
      `The database answered: ${err.message}\n\nDeclare ${required[1]} as its own scalingo_database_extension and make this one depend on it (depends_on).`,
      ['name'],
    );
  }
  // 3F000: invalid_schema_name.
  if (err.code === '3F000' && schema !== null) return new DiagnosticError(`Schema ${schema} does not exist`, `The database answered: ${err.message}`, ['schema']);
  return new DiagnosticError(`Cannot enable extension ${name}`, `The database answered: ${err.message}`, ['name']);
}

/** Every attribute replaces the extension: an update only refreshes what is installed. */
export async function updateExtension(prior: DatabaseExtensionModel, ctx: Ctx): Promise<DatabaseExtensionModel> {
  const current = await readExtension(prior, ctx);
  if (!current) throw new DiagnosticError(`Extension ${prior.name} is gone`, 'It was disabled outside Terraform while being updated; apply again to enable it.');
  return current;
}

export async function deleteExtension(prior: DatabaseExtensionModel, ctx: Ctx): Promise<void> {
  const url = await urlOrGone(ctx, prior.app, prior.addon_id);
  if (url === null) return; // the database went with its addon
  try {
    await withPostgres(url, ctx.signal, (client) => client.query(dropExtensionSql(prior.name)));
  } catch (err) {
    if (!(err instanceof PostgresError)) throw err;
    // 2BP01: dependent_objects_still_exist.
    const advice =
      err.code === '2BP01'
        ? '\n\nThe provider never drops with CASCADE, which would also drop the objects (columns, indexes, functions) built on the extension: drop or change them first.'
        : '';
    throw new DiagnosticError(`Cannot disable extension ${prior.name}`, `The database answered: ${err.message}${advice}`);
  }
  ctx.log.info('extension disabled', { app: prior.app, addon_id: prior.addon_id, extension: prior.name });
}
