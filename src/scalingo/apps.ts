// App-level reads of the main API: the apps the token can see, one app, and its environment variables (where the
// connection URL lives).

import type { CallOptions, Requester } from './requester.js';
import { AppResponseSchema, AppsResponseSchema, VariablesResponseSchema } from './schemas.js';
import type { App, Variable } from './schemas.js';

export interface ListVariablesOptions extends CallOptions {
  /** `aliases=true|false` (whether `DATABASE_URL`-style aliases are resolved); omitted by default. */
  readonly aliases?: boolean;
}

export class AppsApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /v1/apps`: every app the token can see (one request, not paginated). */
  async list(opts: CallOptions = {}): Promise<App[]> {
    const res = await this.r.send(
      { api: 'main', method: 'GET', route: '/apps', params: {}, auth: 'bearer', expect: [200], schema: AppsResponseSchema, operation: 'list the apps' },
      opts,
    );
    return res.data.apps;
  }

  /** `GET /v1/apps/{app}`, by ID or name. */
  async get(app: string, opts: CallOptions = {}): Promise<App> {
    const res = await this.r.send(
      { api: 'main', method: 'GET', route: '/apps/{app}', params: { app }, auth: 'bearer', expect: [200], schema: AppResponseSchema, operation: `read app ${app}` },
      opts,
    );
    return res.data.app;
  }

  /** `GET /v1/apps/{app}/variables`. Values are secrets (connection URLs): never log them. */
  async variables(app: string, opts: ListVariablesOptions = {}): Promise<Variable[]> {
    const res = await this.r.send(
      {
        api: 'main', method: 'GET', route: '/apps/{app}/variables', params: { app }, query: { aliases: opts.aliases },
        auth: 'bearer', expect: [200], schema: VariablesResponseSchema, operation: `list the variables of app ${app}`,
      },
      opts,
    );
    return res.data.variables;
  }
}
