// Database API: database users (reference §4.5; list root `database-users`, hyphenated).
import type { Simulator } from './core.js';
import { requireDatabase } from './databases.js';
import { badRequest, empty, forbidden, json, notFound, rootObject, unprocessable } from './http.js';
import { generatePassword } from './ids.js';
import type { Route } from './router.js';
import type { AddonRecord, UserRecord } from './state.js';
import { passwordPairErrors, usernameErrors } from './userrules.js';
import { userView } from './views.js';

function requireUserDatabase(sim: Simulator, addonId: string | undefined): AddonRecord {
  const addon = requireDatabase(sim, addonId);
  if (addon.database.type !== 'postgresql') throw badRequest(`user management is not available for ${addon.database.type} databases`);
  return addon;
}

function requireUser(addon: AddonRecord, name: string | undefined): UserRecord {
  const user = addon.database.users.find((u) => u.name === name);
  if (!user) throw notFound('database_user');
  return user;
}

function refuseProtected(user: UserRecord, what: string): void {
  if (user.protected) throw forbidden(`user '${user.name}' is protected: it is managed by the platform and ${what}`, 'protected_user');
}

async function createUser(sim: Simulator, addon: AddonRecord, body: unknown): Promise<{ user: UserRecord; generated: boolean }> {
  const input = rootObject(body, 'database_user');
  const errors: Record<string, string[]> = {};
  const nameErrors = usernameErrors(input.name);
  if (nameErrors.length > 0) errors.name = nameErrors;
  if (input.read_only !== undefined && input.read_only !== null && typeof input.read_only !== 'boolean') errors.read_only = ['must be a boolean'];
  Object.assign(errors, passwordPairErrors(input.password, input.password_confirmation, false));
  const name = input.name as string;
  if (!errors.name && addon.database.users.some((u) => u.name === name)) errors.name = ['has already been taken'];
  // Roles are cluster-wide in the private PostgreSQL: a name used by another database is taken.
  if (!errors.name && sim.backend.mode === 'real' && (await sim.backend.roleExists(name))) {
    errors.name = ['has already been taken (by another database of this simulator: PostgreSQL roles are cluster-wide)'];
  }
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
  const generated = typeof input.password !== 'string' || input.password === '';
  const user: UserRecord = {
    name,
    password: generated ? generatePassword(64) : (input.password as string),
    readOnly: input.read_only === true,
    protected: false,
    createdAt: new Date().toISOString(),
  };
  await sim.backend.createUser(addon.resourceId, addon.resourceId, { name: user.name, password: user.password, readOnly: user.readOnly });
  addon.database.users.push(user);
  sim.touch();
  return { user, generated };
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/users',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireUserDatabase(sim, ctx.params.addon_id);
      return json(200, { 'database-users': addon.database.users.map((u) => userView(u, false, addon.database.type)) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/users',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireUserDatabase(sim, ctx.params.addon_id);
      const { user, generated } = await createUser(sim, addon, ctx.body);
      // The password is only returned when the platform generated it.
      return json(201, { database_user: userView(user, generated, addon.database.type) });
    },
  },
  {
    method: 'PATCH',
    pattern: '/api/databases/{addon_id}/users/{username}',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireUserDatabase(sim, ctx.params.addon_id);
      const user = requireUser(addon, ctx.params.username);
      refuseProtected(user, 'its password cannot be changed');
      const input = rootObject(ctx.body, 'database_user');
      const errors = passwordPairErrors(input.password, input.password_confirmation, true);
      if (Object.keys(errors).length > 0) throw unprocessable(errors);
      await sim.backend.setPassword(user.name, input.password as string);
      user.password = input.password as string;
      sim.touch();
      return json(200, { database_user: userView(user, false, addon.database.type) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/users/{username}/reset_password',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireUserDatabase(sim, ctx.params.addon_id);
      const user = requireUser(addon, ctx.params.username);
      refuseProtected(user, 'its password cannot be reset');
      const password = generatePassword(64);
      await sim.backend.setPassword(user.name, password);
      user.password = password;
      sim.touch();
      return json(200, { database_user: userView(user, true, addon.database.type) });
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/databases/{addon_id}/users/{username}',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireUserDatabase(sim, ctx.params.addon_id);
      const user = requireUser(addon, ctx.params.username);
      refuseProtected(user, 'cannot be deleted');
      await sim.backend.dropUser(addon.resourceId, addon.resourceId, user.name);
      addon.database.users = addon.database.users.filter((u) => u !== user);
      sim.touch();
      return empty(204);
    },
  },
];
