// Main API: apps and their environment variables.
import { json, notFound } from './http.js';
import type { Simulator } from './core.js';
import type { Route } from './router.js';
import { findAddon, findApp } from './state.js';
import type { AddonRecord, AppRecord } from './state.js';
import { appView } from './views.js';

export function requireApp(sim: Simulator, idOrName: string | undefined): AppRecord {
  const app = idOrName === undefined ? undefined : findApp(sim.state, idOrName);
  if (!app) throw notFound('app');
  return app;
}

/** An addon of that app; another app's addon is "not found" too. */
export function requireAddon(sim: Simulator, app: AppRecord, addonId: string | undefined): AddonRecord {
  const addon = addonId === undefined ? undefined : findAddon(sim.state, addonId);
  if (!addon || addon.appId !== app.id) throw notFound('addon');
  return addon;
}

export const appRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/apps',
    auth: 'bearer',
    handler: (sim) => json(200, { apps: sim.state.apps.map((a) => appView(sim, a)) }),
  },
  {
    method: 'GET',
    pattern: '/v1/apps/{app}',
    auth: 'bearer',
    handler: (sim, ctx) => json(200, { app: appView(sim, requireApp(sim, ctx.params.app)) }),
  },
  {
    method: 'GET',
    pattern: '/v1/apps/{app}/variables',
    auth: 'bearer',
    // Aliases (DATABASE_URL) are always returned resolved, whatever `aliases` says.
    handler: (sim, ctx) => json(200, { variables: sim.variablesOf(requireApp(sim, ctx.params.app)) }),
  },
];
