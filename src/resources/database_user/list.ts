// `list "scalingo_database_user"` (`terraform query`, Terraform 1.14): the users of one
// database addon. Costs three requests: the app (for its name and ID), the addon's DB-API
// token, the users.

import { StringType } from '../../cty/types.js';
import type { ValueObject } from '../../cty/value.js';
import type { ListResourceDefinition, ListResult, OperationContext } from '../../framework/resource.js';
import type { Schema } from '../../framework/schema.js';
import type { ScalingoContext } from '../shared/context.js';
import { listUsers, stateFromUser } from './read.js';

type Ctx = OperationContext<ScalingoContext>;
type UserListConfig = { app: string; addon_id: string };

const schema: Schema = {
  version: 0,
  block: {
    description: 'Users of one database addon.',
    attributes: {
      app: { type: StringType, required: true, description: 'ID or name of the app the database addon belongs to.' },
      addon_id: { type: StringType, required: true, description: 'ID of the database addon (`ad-…`).' },
    },
  },
};

async function* listDatabaseUsers(config: UserListConfig, ctx: Ctx): AsyncGenerator<ListResult<ValueObject>> {
  const app = await ctx.provider.client.apps.get(config.app, { signal: ctx.signal });
  const users = await listUsers(ctx, app.id, config.addon_id);
  for (const user of users) {
    const flags = [user.read_only ? 'read-only' : '', user.protected ? 'protected' : ''].filter(Boolean);
    yield {
      state: stateFromUser({ app: app.id, addon_id: config.addon_id, name: user.name }, user, { password: null, password_wo_version: null }) as unknown as ValueObject,
      displayName: `${app.name} / ${user.name}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`,
    };
  }
}

export const databaseUserListResource: ListResourceDefinition<UserListConfig, ScalingoContext> = {
  typeName: 'scalingo_database_user',
  schema,
  list({ config }, ctx) {
    return listDatabaseUsers(config, ctx);
  },
};
