// Data source scalingo_database_maintenances: the maintenances Scalingo scheduled or announced
// for a database addon, newest first, and the window they happen in.

import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import type { ScalingoContext } from '../shared/context.js';
import { weekdayName } from '../addon/settings.js';

type MaintenanceEntry = { id: string; type: string | null; status: string; started_at: string | null; ended_at: string | null };
type WindowValue = { weekday: string; starting_hour_utc: number; duration_hours: number | null };
export type DatabaseMaintenancesModel = { app: string; addon_id: string; maintenances: MaintenanceEntry[] | null; maintenance_window: WindowValue | null };

export const databaseMaintenancesDataSource: DataSourceDefinition<DatabaseMaintenancesModel, ScalingoContext> = {
  typeName: 'scalingo_database_maintenances',
  schema: {
    version: 0,
    block: {
      description:
        'The maintenances of a database addon (scheduled, notified, running, done…), newest first, and its maintenance window. Once a maintenance is notified, the window cannot be moved until it is over.',
      attributes: {
        app: attr.string({ required: true, description: 'ID or name of the app.' }),
        addon_id: attr.string({ required: true, description: 'ID of the database addon (`ad-…`).' }),
        maintenances: attr.listNested(
          {
            id: attr.string({ computed: true, description: 'Maintenance ID.' }),
            type: attr.string({ computed: true, description: 'What the maintenance does, as Scalingo names it.' }),
            status: attr.string({ computed: true, description: '`scheduled`, `notified`, `queued`, `cancelled`, `running`, `failed` or `done`.' }),
            started_at: attr.string({ computed: true, description: 'When it starts or started (RFC 3339).' }),
            ended_at: attr.string({ computed: true, description: 'When it ended (RFC 3339); null until then.' }),
          },
          { computed: true, description: 'Maintenances, newest first.' },
        ),
        maintenance_window: attr.single(
          {
            weekday: attr.string({ computed: true, description: 'Day of the week (UTC), e.g. `tuesday`.' }),
            starting_hour_utc: attr.number({ computed: true, description: 'Hour the window starts at (UTC, 0–23).' }),
            duration_hours: attr.number({ computed: true, description: 'Length of the window in hours.' }),
          },
          { computed: true, description: 'The weekly window maintenances happen in.' },
        ),
      },
    },
  },
  async read({ config }, ctx) {
    const { client } = ctx.provider;
    const [list, database] = await Promise.all([
      client.maintenance.list(config.app, config.addon_id, { signal: ctx.signal }),
      client.databases.get(config.app, config.addon_id, { signal: ctx.signal }),
    ]);
    const window = database.maintenance_window;
    return {
      app: config.app,
      addon_id: config.addon_id,
      maintenances: [...list]
        .sort((a, b) => (Date.parse(b.started_at ?? '') || 0) - (Date.parse(a.started_at ?? '') || 0))
        .map((m) => ({ id: m.id, type: m.type ?? null, status: m.status, started_at: m.started_at ?? null, ended_at: m.ended_at ?? null })),
      maintenance_window: window ? { weekday: weekdayName(window.weekday_utc), starting_hour_utc: window.starting_hour_utc, duration_hours: window.duration_in_hour ?? null } : null,
    };
  },
};
