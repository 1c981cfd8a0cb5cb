// Maintenances of a database (DB API, reference §4.8): the paginated list, and one by id. The
// maintenance window itself is a database setting (`databases.update`).

import type { CallOptions, Requester } from './requester.js';
import { MaintenancesResponseSchema } from './schemas.js';
import type { Maintenance } from './schemas.js';

// A safety net against a server whose pagination never ends.
const MAX_PAGES = 50;

export class MaintenanceApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /api/databases/{addon_id}/maintenance`, every page. */
  async list(app: string, addonId: string, opts: CallOptions = {}): Promise<Maintenance[]> {
    const all: Maintenance[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.r.send(
        {
          api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/maintenance',
          params: { addon_id: addonId }, query: page > 1 ? { page } : undefined, expect: [200], schema: MaintenancesResponseSchema,
          operation: `list the maintenances of database ${addonId}`,
        },
        opts,
      );
      all.push(...res.data.maintenance);
      const pagination = res.data.meta?.pagination;
      const next = pagination?.next_page;
      if (typeof next !== 'number' || next <= page || res.data.maintenance.length === 0) break;
    }
    return all;
  }
}
