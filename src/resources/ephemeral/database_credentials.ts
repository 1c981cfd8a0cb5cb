// Ephemeral resource scalingo_database_credentials: the connection URL of a database addon and
// its parts, for this Terraform command only (Terraform never writes ephemeral values to a plan
// or state file). It is the URL of the addon's default user, as Scalingo injects it into the
// app's environment (SCALINGO_POSTGRESQL_URL and the like).

import type { CtyNumber } from '../../cty/value.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { EphemeralResourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import { parseConnectionUrl, pickConnectionVariable, urlVariablePrefix } from '../shared/connection_url.js';
import type { ScalingoContext } from '../shared/context.js';
import { appValidator } from '../shared/app.js';

export type DatabaseCredentialsModel = {
  app: string;
  addon_id: string;
  url: string | null;
  host: string | null;
  port: CtyNumber | number | null;
  database: string | null;
  username: string | null;
  password: string | null;
};

export const databaseCredentialsEphemeralResource: EphemeralResourceDefinition<DatabaseCredentialsModel, ScalingoContext> = {
  typeName: 'scalingo_database_credentials',
  schema: {
    version: 0,
    block: {
      description:
        'Connection credentials of a database addon\'s default user, read from the app\'s `SCALINGO_<TECH>_URL` variable (e.g. `SCALINGO_POSTGRESQL_URL`) each time Terraform runs. Being ephemeral (Terraform 1.10+), the values never reach the state or a plan file: pass them to write-only attributes (such as `password_wo` of `scalingo_database_user`), provider blocks (such as a `postgresql` provider) or other ephemeral contexts.',
      attributes: {
        app: attr.string({ required: true, description: 'ID (or name) of the app the addon belongs to.', validators: [appValidator()] }),
        addon_id: attr.string({ required: true, description: 'ID of the database addon (`ad-…`).' }),
        url: attr.string({ computed: true, sensitive: true, description: 'The whole connection URL, e.g. `postgresql://<user>:<password>@<host>:<port>/<database>?sslmode=prefer`.' }),
        host: attr.string({ computed: true, description: 'Host name of the database (without brackets for an IPv6 address).' }),
        port: attr.number({ computed: true, description: 'TCP port (the scheme\'s default, e.g. 5432, when the URL gives none).' }),
        database: attr.string({ computed: true, description: 'Database name; null when the URL names none (Redis).' }),
        username: attr.string({ computed: true, description: 'User name of the addon\'s default user; null when the URL has none (Redis).' }),
        password: attr.string({ computed: true, sensitive: true, description: 'Password of the addon\'s default user.' }),
      },
    },
  },

  async open({ config }, ctx) {
    const { app, addon_id: addonId } = config;
    const addon = await ctx.provider.findAddon(app, addonId, ctx.signal);
    if (!addon) throw new DiagnosticError('Database addon not found', `App ${app} has no addon ${addonId} (or this token cannot see it).`, ['addon_id']);
    if (!urlVariablePrefix(addon.addon_provider.id)) {
      throw new DiagnosticError('Not a database addon', `Addon ${addonId} is a ${addon.addon_provider.id} addon, which has no connection URL.`, ['addon_id']);
    }
    const variables = await ctx.provider.variablesOf(app, ctx.signal);
    const chosen = variables ? pickConnectionVariable(variables, addon) : undefined;
    if (!chosen) {
      throw new DiagnosticError('No database URL', `App ${app} has no ${urlVariablePrefix(addon.addon_provider.id)}_URL variable, which Scalingo sets when the addon is provisioned.`, ['addon_id']);
    }
    ctx.log.debug('database credentials read', { app, addon_id: addonId, variable: chosen.name });
    return { result: { app, addon_id: addonId, ...parseConnectionUrl(chosen.value, chosen.name) } };
  },
};
