// Database API: version upgrades as operations, and database type versions (reference §4.6).
import { findVersionById } from './catalog.js';
import { requireDatabase } from './databases.js';
import { badRequest, json, notFound } from './http.js';
import { databaseStatus, nextVersionOf, startUpgrade } from './lifecycle.js';
import type { Route } from './router.js';
import { operationView, upgradeAcceptedView, versionView } from './views.js';

export const upgradeRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/upgrade',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      const status = databaseStatus(addon.database, sim.nowV());
      if (status === 'upgrading') throw badRequest('an upgrade operation is already running on this database');
      if (status !== 'running') throw badRequest(`the database is ${status}: an upgrade can only start on a running database`);
      const target = nextVersionOf(addon.database);
      if (!target) throw badRequest('the database is already on the latest version: no upgrade is available');
      const dataSize = await sim.dataSize(addon);
      const op = startUpgrade(sim.state, addon, target, dataSize, sim.nowV(), new Date().toISOString());
      sim.touch();
      const location = `${sim.url}/api/databases/${encodeURIComponent(addon.id)}/operations/${op.id}`;
      return json(202, upgradeAcceptedView(target, op), { Location: location });
    },
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/operations/{operation_id}',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      const op = sim.state.operations.find((o) => o.id === ctx.params.operation_id && o.addonId === addon.id);
      if (!op) throw notFound('operation');
      return json(200, { operation: operationView(sim, op) });
    },
  },
  {
    method: 'GET',
    pattern: '/api/database_type_versions/{version_id}',
    auth: 'db',
    handler: (_sim, ctx) => {
      const version = findVersionById(ctx.params.version_id ?? '');
      if (!version) throw notFound('database_type_version');
      return json(200, { database_type_version: versionView(version) });
    },
  },
];
