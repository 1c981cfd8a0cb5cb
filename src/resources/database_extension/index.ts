// scalingo_database_extension: a PostgreSQL extension enabled in a database addon, over SQL
// (Scalingo's API cannot enable extensions). Wiring only: the schema is in model.ts, the
// available list in available.ts, the statements in sql.ts, create/update/delete in apply.ts,
// read and import in read.ts; connections in ../shared/postgres_connection.ts.

import type { ResourceDefinition } from '../../framework/resource.js';
import { replaceIfAnotherApp } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';
import { createExtension, deleteExtension, updateExtension } from './apply.js';
import { databaseExtensionSchema, type DatabaseExtensionModel } from './model.js';
import { addonObjectIdentity } from '../shared/identity.js';
import { importExtension, importExtensionOf, readExtension } from './read.js';

export const databaseExtensionResource: ResourceDefinition<DatabaseExtensionModel, ScalingoContext> = {
  typeName: 'scalingo_database_extension',
  schema: databaseExtensionSchema,

  create({ config }, ctx) {
    return createExtension(config, ctx);
  },

  update({ prior }, ctx) {
    return updateExtension(prior, ctx);
  },

  read({ state }, ctx) {
    return readExtension(state, ctx);
  },

  delete({ prior }, ctx) {
    return deleteExtension(prior, ctx);
  },

  modifyPlan(request, ctx) {
    return replaceIfAnotherApp(request, ctx).then(() => undefined);
  },

  importState(id, ctx) {
    return importExtension(id, ctx);
  },

  identity: addonObjectIdentity<DatabaseExtensionModel>('Extension name, e.g. `pg_trgm`.', importExtensionOf),
};
