// Database users (DB API): list, create, set password, reset password, delete. Passwords are
// secrets: they travel in bodies only, which are never logged nor put in errors.

import type { CallOptions, Requester } from './requester.js';
import { DatabaseUserResponseSchema, DatabaseUsersResponseSchema } from './schemas.js';
import type { DatabaseUser } from './schemas.js';

export interface CreateDatabaseUserInput {
  readonly name: string;
  readonly readOnly?: boolean;
  /** Omitted: the server generates one and returns it once, in the result's `password`. */
  readonly password?: string;
}

export class DatabaseUsersApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /api/databases/{addon_id}/users` (root `database-users`). */
  async list(app: string, addonId: string, opts: CallOptions = {}): Promise<DatabaseUser[]> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/users',
        params: { addon_id: addonId }, expect: [200], schema: DatabaseUsersResponseSchema,
        operation: `list the users of database ${addonId}`,
      },
      opts,
    );
    return res.data['database-users'];
  }

  /**
   * `POST /api/databases/{addon_id}/users` (201, root `database_user`). Never retried once it may
   * have been sent: on `OutcomeUnknownError`, list the users to see whether it exists.
   */
  async create(app: string, addonId: string, input: CreateDatabaseUserInput, opts: CallOptions = {}): Promise<DatabaseUser> {
    const user: Record<string, unknown> = {
      database_id: addonId,
      name: input.name,
      read_only: input.readOnly ?? false,
    };
    if (input.password !== undefined) {
      user['password'] = input.password;
      user['password_confirmation'] = input.password;
    }
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'POST', route: '/databases/{addon_id}/users',
        params: { addon_id: addonId }, body: { database_user: user }, expect: [201, 200],
        schema: DatabaseUserResponseSchema, operation: `create user ${input.name} on database ${addonId}`,
      },
      opts,
    );
    return res.data.database_user;
  }

  /**
   * `PATCH /api/databases/{addon_id}/users/{username}` with `password` and
   * `password_confirmation`. Retried like an idempotent request (it sets an absolute value).
   */
  async updatePassword(app: string, addonId: string, username: string, password: string, opts: CallOptions = {}): Promise<DatabaseUser> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'PATCH',
        route: '/databases/{addon_id}/users/{username}', params: { addon_id: addonId, username },
        body: { database_user: { database_id: addonId, password, password_confirmation: password } },
        idempotent: true, expect: [200], schema: DatabaseUserResponseSchema,
        operation: `set the password of user ${username} on database ${addonId}`,
      },
      opts,
    );
    return res.data.database_user;
  }

  /**
   * `POST /api/databases/{addon_id}/users/{username}/reset_password`: the server generates a new
   * password, returned once in `password`. Never retried once it may have been sent.
   */
  async resetPassword(app: string, addonId: string, username: string, opts: CallOptions = {}): Promise<DatabaseUser> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'POST',
        route: '/databases/{addon_id}/users/{username}/reset_password', params: { addon_id: addonId, username },
        expect: [200, 201], schema: DatabaseUserResponseSchema,
        operation: `reset the password of user ${username} on database ${addonId}`,
      },
      opts,
    );
    return res.data.database_user;
  }

  /** `DELETE /api/databases/{addon_id}/users/{username}` (204). */
  async delete(app: string, addonId: string, username: string, opts: CallOptions = {}): Promise<void> {
    await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'DELETE',
        route: '/databases/{addon_id}/users/{username}', params: { addon_id: addonId, username },
        expect: [204, 200], operation: `delete user ${username} on database ${addonId}`,
      },
      opts,
    );
  }
}
