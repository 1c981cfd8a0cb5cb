// Data source scalingo_app: an existing app, by name or by ID, for configurations that do not
// manage their apps with Terraform (or manage them with the official provider).

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import { isNotFound } from '../../scalingo/index.js';
import { appValidator } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';

export type AppModel = {
  id: string | null;
  name: string | null;
  region: string | null;
  url: string | null;
  git_url: string | null;
  created_at: string | null;
};

export const appDataSource: DataSourceDefinition<AppModel, ScalingoContext> = {
  typeName: 'scalingo_app',
  schema: {
    version: 0,
    block: {
      description: 'An existing Scalingo app, looked up by `name` or by `id` (set exactly one).',
      attributes: {
        id: attr.string({ optional: true, computed: true, description: 'App ID (`5f…`). Set it, or `name`.', validators: [appValidator()] }),
        name: attr.string({ optional: true, computed: true, description: 'App name. Set it, or `id`.', validators: [appValidator()] }),
        region: attr.string({ computed: true, description: 'Region the app runs in (`osc-fr1`, `osc-secnum-fr1`).' }),
        url: attr.string({ computed: true, description: 'Public URL of the app (`https://my-app.osc-fr1.scalingo.io`).' }),
        git_url: attr.string({ computed: true, description: 'Git remote to deploy the app.' }),
        created_at: attr.string({ computed: true, description: 'Creation date (ISO 8601).' }),
      },
    },
  },
  validateConfig({ config, diags }) {
    const hasId = config.id !== null;
    const hasName = config.name !== null;
    if (hasId && hasName) diags.error('Conflicting app lookup', 'Set either `id` or `name`, not both.', ['name']);
    if (!hasId && !hasName) diags.error('Missing app lookup', 'Set `name` (or `id`) to the app to read.', ['name']);
    for (const key of ['id', 'name'] as const) {
      const v = config[key];
      if (typeof v === 'string' && v.trim() === '') diags.error('Empty app lookup', `\`${key}\` must not be empty.`, [key]);
    }
  },
  async read({ config }, ctx) {
    const key = config.id !== null ? 'id' : 'name';
    const wanted = config[key]!;
    let app;
    try {
      app = await ctx.provider.client.apps.get(wanted, { signal: ctx.signal });
    } catch (err) {
      if (isNotFound(err)) throw new DiagnosticError('Unknown app', `Scalingo has no app with ${key} "${wanted}" (or this token cannot see it).`, [key]);
      throw err;
    }
    // The API takes an ID or a name in the same place: a name that happens to be another
    // app's ID (or the reverse) must not be taken for it.
    if (app[key] !== wanted) throw new DiagnosticError('Unknown app', `Scalingo has no app with ${key} "${wanted}" (it found the app ${app.name}, ${app.id}).`, [key]);
    return {
      id: app.id,
      name: app.name,
      region: app.region ?? null,
      url: app.url ?? null,
      git_url: app.git_url ?? null,
      created_at: app.created_at ?? null,
    };
  },
};
