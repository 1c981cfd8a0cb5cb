// scalingo_database_user: a user of a database addon. Schema in model.ts, the page's rules and
// import IDs in rules.ts, plan-time checks in plan.ts, API calls in apply.ts.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ResourceDefinition } from '../../framework/resource.js';
import type { ScalingoContext } from '../shared/context.js';
import { createUser, deleteUser, importUser, readUser, updateUser } from './apply.js';
import { databaseUserSchema, type DatabaseUserModel } from './model.js';
import { planUser, validateUserConfig } from './plan.js';
import { parseAddonObjectId } from './rules.js';

export const databaseUserResource: ResourceDefinition<DatabaseUserModel, ScalingoContext> = {
  typeName: 'scalingo_database_user',
  schema: databaseUserSchema,

  validateConfig({ config, diags }) {
    validateUserConfig(config, diags);
  },

  modifyPlan(request, ctx) {
    planUser(request, ctx);
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
    const parsed = parseAddonObjectId(id);
    if (!parsed) throw new DiagnosticError('Invalid import ID', `Expected "<app>:<addon_id>:<name>", e.g. "my-app:ad-9f0c2a8e-…:my_app_ro"; got ${JSON.stringify(id)}.`);
    return importUser(parsed.app, parsed.addonId, parsed.name, ctx);
  },
};
