// Every route the simulator serves, by API area.
import { addonRoutes } from './addons.js';
import { adminRoutes } from './admin.js';
import { appRoutes } from './apps.js';
import { authRoutes } from './auth.js';
import { backupRoutes } from './backups.js';
import { databaseRoutes } from './databases.js';
import { firewallRoutes } from './firewall.js';
import { maintenanceRoutes } from './maintenance.js';
import { providerRoutes } from './providers.js';
import { Router } from './router.js';
import { upgradeRoutes } from './upgrades.js';
import { userRoutes } from './users.js';

export function buildRouter(): Router {
  let apiKeys: ReadonlySet<string> = new Set();
  const router = new Router([
    ...authRoutes,
    ...appRoutes,
    ...addonRoutes,
    ...providerRoutes,
    ...databaseRoutes,
    ...backupRoutes,
    ...maintenanceRoutes,
    ...userRoutes,
    ...firewallRoutes,
    ...upgradeRoutes,
    ...adminRoutes(() => apiKeys),
  ]);
  apiKeys = router.apiKeys();
  return router;
}
