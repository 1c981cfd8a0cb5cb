// Auth API: token exchange and regions.
import { json, unauthorized } from './http.js';
import type { Route } from './router.js';
import { basicOf, issueToken } from './tokens.js';

export const authRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/tokens/exchange',
    auth: 'basic',
    handler: (sim, ctx) => {
      const creds = basicOf(ctx.headers.authorization);
      if (!creds) throw unauthorized('You are not authorized to do this operation: Basic auth with the API token as password is required');
      if (creds.password !== sim.state.apiToken) throw unauthorized('You are not authorized to do this operation: invalid API token');
      return json(200, { token: issueToken(sim.state, 'bearer') });
    },
  },
  {
    method: 'GET',
    pattern: '/v1/regions',
    auth: 'bearer',
    // Both regions point back at the simulator, so setting only the auth URL works.
    handler: (sim) =>
      json(200, {
        regions: [
          { name: 'osc-fr1', display_name: 'Paris - Outscale', api: sim.url, database_api: sim.url, dashboard: sim.url, ssh: 'ssh.osc-fr1.scalingo.com:22', default: true },
          { name: 'osc-secnum-fr1', display_name: 'Paris - SecNumCloud - Outscale', api: sim.url, database_api: sim.url, dashboard: sim.url, ssh: 'ssh.osc-secnum-fr1.scalingo.com:22', default: false },
        ],
      }),
  },
];
