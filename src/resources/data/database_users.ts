// Data source scalingo_database_users: the users of a database addon, as
// `scalingo --app my-app --addon postgresql database-users-list` lists them. No passwords.

import { BoolType, objectOf, StringType } from '../../cty/types.js';
import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import type { ScalingoContext } from '../shared/context.js';
import { listUsers } from '../database_user/read.js';
import { appValidator } from '../shared/app.js';

type UserEntry = { name: string; read_only: boolean; protected: boolean; password_encryption: string | null };
export type DatabaseUsersModel = { app: string; addon_id: string; users: UserEntry[] | null };

export const databaseUsersDataSource: DataSourceDefinition<DatabaseUsersModel, ScalingoContext> = {
  typeName: 'scalingo_database_users',
  schema: {
    version: 0,
    block: {
      description: 'The users of a database addon, as `scalingo --app my-app --addon postgresql database-users-list` lists them.',
      attributes: {
        app: attr.string({ required: true, description: 'ID or name of the app.', validators: [appValidator()] }),
        addon_id: attr.string({ required: true, description: 'ID of the database addon (`ad-…`).' }),
        users: attr.listOf(objectOf({ name: StringType, read_only: BoolType, protected: BoolType, password_encryption: StringType }), {
          computed: true,
          description: 'Users, by name: `name`, `read_only`, `protected` (created with the database and managed by the platform), `password_encryption` (`SCRAM-SHA-256` or `MD5`; PostgreSQL only).',
        }),
      },
    },
  },
  async read({ config }, ctx) {
    const users = await listUsers(ctx, config.app, config.addon_id);
    return {
      app: config.app,
      addon_id: config.addon_id,
      users: users
        .map((u) => ({ name: u.name, read_only: u.read_only, protected: u.protected, password_encryption: u.dbms_attributes?.password_encryption ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  },
};
