// Database API: maintenances of a database (reference §4.8), and what locks the maintenance
// window (a notified maintenance, reference §4.3). Maintenances are created through /_sim:
// Scalingo schedules them itself, nothing in the public API does.
import type { Simulator } from './core.js';
import { requireDatabase } from './databases.js';
import { json, notFound } from './http.js';
import { uuid } from './ids.js';
import type { Route } from './router.js';
import type { DatabaseRecord, MaintenanceRecord, MaintenanceStatus } from './state.js';

const HOUR = 3_600_000;
const DEFAULT_PER_PAGE = 20;

/** Statuses under which the window cannot be moved any more: the maintenance has been announced. */
const LOCKING: ReadonlySet<MaintenanceStatus> = new Set(['notified', 'queued', 'running']);

export function lockingMaintenance(db: DatabaseRecord): MaintenanceRecord | undefined {
  return db.maintenances.find((m) => LOCKING.has(m.status));
}

/** The next start of the database's window strictly after `now` (wall clock, UTC). */
export function nextWindowStart(db: DatabaseRecord, now: number): Date {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  d.setUTCHours(db.maintenanceWindow.startingHourUtc);
  const days = (db.maintenanceWindow.weekdayUtc - d.getUTCDay() + 7) % 7;
  d.setUTCDate(d.getUTCDate() + days);
  if (d.getTime() <= now) d.setUTCDate(d.getUTCDate() + 7);
  return d;
}

/** A maintenance at the next occurrence of the window (what /_sim schedules). */
export function scheduleMaintenance(db: DatabaseRecord, type: string, status: MaintenanceStatus): MaintenanceRecord {
  const start = nextWindowStart(db, Date.now());
  const maintenance: MaintenanceRecord = {
    id: uuid(),
    type,
    status,
    startedAt: start.toISOString(),
    endedAt: ['done', 'failed', 'cancelled'].includes(status) ? new Date(start.getTime() + db.maintenanceWindow.durationInHour * HOUR).toISOString() : null,
  };
  db.maintenances.push(maintenance);
  return maintenance;
}

export function maintenanceView(db: DatabaseRecord, m: MaintenanceRecord): Record<string, unknown> {
  return { id: m.id, database_id: db.id, type: m.type, status: m.status, started_at: m.startedAt, ended_at: m.endedAt };
}

function positiveInt(raw: string | null, fallback: number): number {
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const maintenanceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/maintenance',
    auth: 'db',
    handler: (sim: Simulator, ctx) => {
      const db = requireDatabase(sim, ctx.params.addon_id).database;
      const all = [...db.maintenances].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
      const perPage = Math.min(100, positiveInt(ctx.query.get('per_page'), DEFAULT_PER_PAGE));
      const totalPages = Math.max(1, Math.ceil(all.length / perPage));
      const page = Math.min(positiveInt(ctx.query.get('page'), 1), totalPages);
      return json(200, {
        maintenance: all.slice((page - 1) * perPage, page * perPage).map((m) => maintenanceView(db, m)),
        meta: {
          pagination: {
            current_page: page,
            prev_page: page > 1 ? page - 1 : null,
            next_page: page < totalPages ? page + 1 : null,
            total_pages: totalPages,
            total_count: all.length,
          },
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/maintenance/{maintenance_id}',
    auth: 'db',
    handler: (sim: Simulator, ctx) => {
      const db = requireDatabase(sim, ctx.params.addon_id).database;
      const m = db.maintenances.find((x) => x.id === ctx.params.maintenance_id);
      if (!m) throw notFound('maintenance');
      return json(200, { maintenance: maintenanceView(db, m) });
    },
  },
];
