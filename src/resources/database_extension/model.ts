// The scalingo_database_extension schema and its state model.

import { requiresReplace, useStateForUnknown } from '../../framework/planmodifiers.js';
import { attr, type Schema } from '../../framework/schema.js';
import { stringLengthBetween } from '../../framework/validators.js';
import { appValidator } from '../shared/app.js';
import { availableExtensionValidator } from './available.js';

export type DatabaseExtensionModel = {
  id: string | null;
  app: string;
  addon_id: string;
  name: string;
  schema: string | null;
  version: string | null;
};

export const databaseExtensionSchema: Schema = {
  version: 0,
  block: {
    description:
      'A PostgreSQL extension enabled in a Scalingo database addon. Scalingo enables extensions only through SQL: the provider reads the app\'s `SCALINGO_POSTGRESQL_URL` through the API (never logged nor stored) and runs `CREATE EXTENSION IF NOT EXISTS` / `DROP EXTENSION` over a short-lived connection.',
    attributes: {
      id: attr.string({ computed: true, description: '`<app>:<addon_id>:<name>`, the import ID.', planModifiers: [useStateForUnknown()] }),
      app: attr.string({
        required: true,
        description: 'ID (or name) of the app the addon belongs to. Changing it to another app replaces the extension; the same app by name instead of ID (or the reverse) changes nothing.',
        validators: [appValidator()],
      }),
      addon_id: attr.string({ required: true, description: 'ID of the PostgreSQL addon (`ad-…`). Changing it replaces the extension.', planModifiers: [requiresReplace()] }),
      name: attr.string({
        required: true,
        description: 'Extension name, one of those Scalingo offers (e.g. `pg_trgm`, `uuid-ossp`, `postgis`). Changing it replaces the extension.',
        validators: [availableExtensionValidator()],
        planModifiers: [requiresReplace()],
      }),
      schema: attr.string({
        optional: true,
        computed: true,
        description: 'Schema to install the extension\'s objects in; it must exist. When not set, PostgreSQL picks one (usually `public`) and it is recorded here. Changing it replaces the extension.',
        validators: [stringLengthBetween(1, 63)],
        planModifiers: [useStateForUnknown(), requiresReplace()],
      }),
      version: attr.string({ computed: true, description: 'Installed version of the extension, from `pg_extension`.', planModifiers: [useStateForUnknown()] }),
    },
  },
};
