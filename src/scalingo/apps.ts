// App-level reads of the main API: environment variables (where the connection URL lives).

import type { CallOptions, Requester } from './requester.js';
import { VariablesResponseSchema } from './schemas.js';
import type { Variable } from './schemas.js';

export interface ListVariablesOptions extends CallOptions {
  /** `aliases=true|false` (whether `DATABASE_URL`-style aliases are resolved); omitted by default. */
  readonly aliases?: boolean;
}

export class AppsApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
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
