// Read and import of scalingo_database_user, and the state shaping apply shares with them.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { isNotFound, type DatabaseUser } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import type { DatabaseUserModel } from './model.js';
import { addonObjectId, parseAddonObjectId } from './rules.js';
import { canonicalApp } from '../shared/app.js';

type Ctx = OperationContext<ScalingoContext>;

type Where = Pick<DatabaseUserModel, 'app' | 'addon_id' | 'name'>;

export function stateFromUser(where: Where, user: DatabaseUser, rest: Pick<DatabaseUserModel, 'password' | 'password_wo_version'>): DatabaseUserModel {
  return {
    id: addonObjectId(where.app, where.addon_id, user.name),
    app: where.app,
    addon_id: where.addon_id,
    name: user.name,
    read_only: user.read_only,
    password: rest.password,
    password_wo: null,
    password_wo_version: rest.password_wo_version,
    protected: user.protected,
    password_encryption: user.dbms_attributes?.password_encryption ?? null,
  };
}

/** The users of the database, or a clear error when the addon (or app) does not exist. */
export async function listUsers(ctx: Ctx, app: string, addonId: string): Promise<DatabaseUser[]> {
  try {
    return await ctx.provider.client.databaseUsers.list(app, addonId, { signal: ctx.signal });
  } catch (err) {
    if (isNotFound(err)) throw new DiagnosticError('Database addon not found', `App ${app} has no database addon ${addonId} (or this token cannot see it).`, ['addon_id']);
    throw err;
  }
}

/** The users, or null when the addon or its app no longer exists. */
export async function usersOrGone(ctx: Ctx, app: string, addonId: string): Promise<DatabaseUser[] | null> {
  try {
    return await ctx.provider.client.databaseUsers.list(app, addonId, { signal: ctx.signal });
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export async function readUser(state: DatabaseUserModel, ctx: Ctx): Promise<DatabaseUserModel | null> {
  const users = await usersOrGone(ctx, state.app, state.addon_id);
  const user = users?.find((u) => u.name === state.name);
  if (!user) return null;
  return stateFromUser(state, user, { password: state.password, password_wo_version: state.password_wo_version });
}

/** `terraform import` with "<app>:<addon_id>:<name>". */
export async function importUser(id: string, ctx: Ctx): Promise<Partial<DatabaseUserModel>> {
  const parsed = parseAddonObjectId(id);
  if (!parsed) throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>:<name>", e.g. "my-app:ad-9f0c2a8e-…:my_app_ro"; got ${JSON.stringify(id)}.`);
  return importUserOf(parsed.app, parsed.addonId, parsed.name, ctx);
}

/** Import of user `name` of a database addon (by ID or by identity). */
export async function importUserOf(app: string, addonId: string, name: string, ctx: Ctx): Promise<Partial<DatabaseUserModel>> {
  const user = (await listUsers(ctx, app, addonId)).find((u) => u.name === name);
  if (!user) throw new DiagnosticError('Cannot import', `Database addon ${addonId} of app ${app} has no user ${JSON.stringify(name)}.`);
  // Recorded by ID whichever way it was given: the configuration may use either.
  return stateFromUser({ app: await canonicalApp(app, ctx), addon_id: addonId, name }, user, { password: null, password_wo_version: null });
}
