// Apply-time logic of scalingo_database_user: create (never twice, even when a request's outcome
// is unknown), set a new password in place, delete (read and import are in read.ts). Passwords travel in request bodies
// only: never in logs, never in diagnostics.

import { DiagnosticError, type AttributePath } from '../../framework/diagnostics.js';
import type { ApplyContext, OperationContext } from '../../framework/resource.js';
import { ForbiddenError, isNotFound, isOutcomeUnknown, ValidationError, type DatabaseUser } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import type { DatabaseUserModel } from './model.js';
import { passwordChange, passwordMode } from './plan.js';
import { reconciledWrite } from '../shared/reconcile.js';
import { listUsers, stateFromUser, usersOrGone } from './read.js';
import { addonObjectId } from './rules.js';

type Ctx = OperationContext<ScalingoContext>;
type ApplyCtx = ApplyContext<ScalingoContext, DatabaseUserModel>;

export async function createUser(config: DatabaseUserModel, ctx: ApplyCtx): Promise<DatabaseUserModel> {
  const { client } = ctx.provider;
  const { app, addon_id: addonId, name } = config;
  if (config.password !== null && config.password_wo !== null) {
    throw new DiagnosticError('Conflicting password attributes', '"password" and "password_wo" cannot both be set.', ['password_wo']);
  }
  const mode = passwordMode(config);
  const password = mode === 'given' ? config.password! : mode === 'write_only' ? config.password_wo! : undefined;
  const passwordPath: AttributePath = mode === 'write_only' ? ['password_wo'] : ['password'];
  const readOnly = config.read_only === true; // null: the default, false
  const log = ctx.log.with({ app, addon_id: addonId, user: name });

  const before = await listUsers(ctx, app, addonId);
  if (before.some((u) => u.name === name)) throw alreadyExists(app, addonId, name);

  let user: DatabaseUser;
  try {
    user = await client.databaseUsers.create(app, addonId, { name, readOnly, ...(password !== undefined ? { password } : {}) }, { signal: ctx.signal });
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw userApiError(err, name, passwordPath, password);
    // The request may or may not have reached Scalingo: look before doing anything else.
    log.warn('user creation outcome unknown; reconciling with the user list');
    const found = (await listUsers(ctx, app, addonId)).find((u) => u.name === name);
    if (!found) {
      log.info('no user was created; creating it again');
      user = await createOnce(ctx, app, addonId, name, readOnly, password, passwordPath);
    } else {
      log.info('found the user created by the interrupted request');
      user = await recoverPassword(ctx, config, found, password);
    }
  }
  log.info('database user created', { read_only: user.read_only, mode });

  let statePassword: string | null = null;
  if (mode === 'given') statePassword = config.password;
  else if (mode === 'generated') {
    statePassword = user.password ?? null;
    if (statePassword === null) {
      ctx.diags.warning('No generated password returned', `Scalingo created user ${name} without returning the password it generated; "password" stays null. Set "password" or "password_wo" to choose one.`, ['password']);
    }
  }
  return stateFromUser(config, user, { password: statePassword, password_wo_version: config.password_wo_version });
}

async function createOnce(ctx: Ctx, app: string, addonId: string, name: string, readOnly: boolean, password: string | undefined, passwordPath: AttributePath): Promise<DatabaseUser> {
  try {
    return await ctx.provider.client.databaseUsers.create(app, addonId, { name, readOnly, ...(password !== undefined ? { password } : {}) }, { signal: ctx.signal });
  } catch (err) {
    throw userApiError(err, name, passwordPath, password);
  }
}

/**
 * The user exists after a request whose answer was lost. A chosen password is set again (PATCH is
 * idempotent); a generated one was in the lost answer, so a new one is generated (reset).
 */
async function recoverPassword(ctx: ApplyCtx, config: DatabaseUserModel, found: DatabaseUser, password: string | undefined): Promise<DatabaseUser> {
  const { client } = ctx.provider;
  const { app, addon_id: addonId, name } = config;
  if (password !== undefined) return client.databaseUsers.updatePassword(app, addonId, name, password, { signal: ctx.signal });
  // Recorded without a password: if the reset fails, Terraform keeps the user (tainted), and
  // the next apply replaces it, generating a password again.
  ctx.recordState(stateFromUser(config, found, { password: null, password_wo_version: config.password_wo_version }));
  try {
    return await client.databaseUsers.resetPassword(app, addonId, name, { signal: ctx.signal });
  } catch (err) {
    throw new DiagnosticError(
      `User ${name} was created, but its generated password was lost`,
      `The answer to the creation request was lost, and with it the password Scalingo generated. Resetting the password failed too (${err instanceof Error ? err.message : String(err)}). The user is kept in state as tainted: the next apply replaces it and generates a new password. Alternatively run \`scalingo --app ${app} --addon ${addonId} database-users-update-password ${name}\`, or set "password".`,
      ['password'],
    );
  }
}

export async function updateUser(prior: DatabaseUserModel, config: DatabaseUserModel, ctx: ApplyCtx): Promise<DatabaseUserModel> {
  const mode = passwordMode(config);
  const change = passwordChange(prior, config);
  let user: DatabaseUser | undefined;
  if (change.change) {
    if (prior.protected === true) throw protectedError(prior.name, 'its password cannot be changed');
    const password = mode === 'given' ? config.password : config.password_wo;
    if (password === null) throw new DiagnosticError('Missing password', `A new password is planned (${change.why}) but "password_wo" is not set.`, ['password_wo']);
    try {
      user = await ctx.provider.client.databaseUsers.updatePassword(prior.app, prior.addon_id, prior.name, password, { signal: ctx.signal });
    } catch (err) {
      throw userApiError(err, prior.name, mode === 'write_only' ? ['password_wo'] : ['password'], password);
    }
    ctx.log.info('database user password changed', { app: prior.app, addon_id: prior.addon_id, user: prior.name, reason: change.why });
  }
  const password = mode === 'given' ? config.password : mode === 'write_only' ? null : prior.password;
  const rest = { password, password_wo_version: config.password_wo_version };
  if (user) return stateFromUser(prior, user, rest);
  return { ...prior, ...rest, password_wo: null };
}

export async function deleteUser(prior: DatabaseUserModel, ctx: Ctx): Promise<void> {
  // Planned as "forget" (see plan.ts): Scalingo deletes it with its database, never alone.
  if (prior.protected === true) {
    ctx.log.info('protected database user removed from state, not deleted', { app: prior.app, addon_id: prior.addon_id, user: prior.name });
    return;
  }
  try {
    await reconciledWrite({
      what: `the deletion of user ${prior.name}`,
      send: (s) => ctx.provider.client.databaseUsers.delete(prior.app, prior.addon_id, prior.name, { signal: s }),
      readBack: async (s) => ((await usersOrGone({ ...ctx, signal: s }, prior.app, prior.addon_id))?.some((u) => u.name === prior.name) ? undefined : true),
      signal: ctx.signal,
      log: ctx.log,
    });
  } catch (err) {
    // Already gone (deleted by hand, or with its addon): done.
    if (isNotFound(err)) {
      ctx.log.info('database user already deleted', { app: prior.app, addon_id: prior.addon_id, user: prior.name });
      return;
    }
    throw userApiError(err, prior.name, ['password'], undefined);
  }
}

function alreadyExists(app: string, addonId: string, name: string): DiagnosticError {
  const id = addonObjectId(app, addonId, name);
  return new DiagnosticError(
    `Database user ${name} already exists`,
    `Database addon ${addonId} already has a user named ${JSON.stringify(name)}. To manage it with Terraform, import it: \`terraform import <address> ${JSON.stringify(id)}\` (or an \`import\` block with id = ${JSON.stringify(id)}); or choose another name.`,
    ['name'],
  );
}

function protectedError(name: string, what: string): DiagnosticError {
  return new DiagnosticError(`User ${name} is protected`, `Scalingo created user ${name} with the database and manages it: ${what}.`);
}

/** A Scalingo refusal as a diagnostic on the right attribute, without the password in it. */
function userApiError(err: unknown, name: string, passwordPath: AttributePath, password: string | undefined): unknown {
  const hide = (text: string) => (password ? text.split(password).join('(password)') : text);
  if (err instanceof ValidationError) {
    const fields = Object.entries(err.fieldErrors ?? {});
    if (fields.length === 0) return new DiagnosticError(`Scalingo refused user ${name}`, hide(err.scalingoMessage));
    const [field] = fields[0]!;
    const path: AttributePath = field === 'name' ? ['name'] : field.startsWith('password') ? passwordPath : [];
    const detail = fields.map(([f, messages]) => `${f} ${messages.join(', ')}`).join('; ');
    if (field === 'name' && fields.every(([, m]) => m.some((x) => x.includes('taken')))) {
      return new DiagnosticError(`Database user name ${name} is taken`, `Scalingo refused the name: ${hide(detail)}. If this user already exists in the database, import it; otherwise choose another name.`, ['name']);
    }
    return new DiagnosticError(`Scalingo refused user ${name}`, hide(detail), path);
  }
  if (err instanceof ForbiddenError) return new DiagnosticError(`Scalingo refused to change user ${name}`, hide(err.scalingoMessage));
  if (isNotFound(err)) return new DiagnosticError('Database addon or user not found', hide(err.scalingoMessage), ['addon_id']);
  return err;
}
