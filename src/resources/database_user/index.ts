// scalingo_database_user: a user of a database addon. Wiring only: the schema is in model.ts,
// the page's rules and import IDs in rules.ts, plan-time checks in plan.ts, create/update/delete
// in apply.ts, read and import in read.ts.

import type { ResourceDefinition } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import { createUser, deleteUser, updateUser } from './apply.js';
import { databaseUserSchema, type DatabaseUserModel } from './model.js';
import { planUser, validateUserConfig } from './plan.js';
import { addonObjectIdentity } from '../shared/identity.js';
import { importUser, importUserOf, readUser } from './read.js';

export const databaseUserResource: ResourceDefinition<DatabaseUserModel, ScalingoContext> = {
  typeName: 'scalingo_database_user',
  schema: databaseUserSchema,

  validateConfig({ config, diags }) {
    validateUserConfig(config, diags);
  },

  modifyPlan(request, ctx) {
    return planUser(request, ctx);
  },

  create({ config }, ctx) {
    return createUser(config, ctx);
  },

  update({ prior, config }, ctx) {
    return updateUser(prior, config, ctx);
  },

  read({ state }, ctx) {
    return readUser(state, ctx);
  },

  delete({ prior }, ctx) {
    return deleteUser(prior, ctx);
  },

  importState(id, ctx) {
    return importUser(id, ctx);
  },

  identity: addonObjectIdentity<DatabaseUserModel>('User name.', importUserOf),
};
