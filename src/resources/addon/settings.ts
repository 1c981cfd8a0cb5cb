// Database settings of scalingo_addon: the maintenance window and the periodic backups, between
// their Terraform shape (weekday names, one backup hour) and the database API's (0 = Sunday,
// an array of UTC hours). Pure functions: no API call here.

import { CtyNumber, isUnknown, type Value } from '../../cty/value.js';
import type { Database, UpdateDatabaseInput } from '../../scalingo/index.js';

/** Go's time.Weekday numbering, which the API uses: 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Numbers come from configuration as CtyNumber, from the API as numbers. */
type Num = number | CtyNumber;
export type MaintenanceWindowValue = { weekday: string; starting_hour_utc: Num; duration_hours: Num | null };
export type PeriodicBackupsValue = { enabled: boolean; hour_utc: Num | null };

export function weekdayName(n: number): string {
  return WEEKDAYS[((n % 7) + 7) % 7]!;
}

export function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name.toLowerCase() as (typeof WEEKDAYS)[number]);
}

export function windowFromDatabase(db: Database): MaintenanceWindowValue | null {
  const w = db.maintenance_window;
  return w ? { weekday: weekdayName(w.weekday_utc), starting_hour_utc: w.starting_hour_utc, duration_hours: w.duration_in_hour ?? null } : null;
}

export function backupsFromDatabase(db: Database): PeriodicBackupsValue | null {
  if (db.periodic_backups_enabled === undefined || db.periodic_backups_enabled === null) return null;
  return { enabled: db.periodic_backups_enabled, hour_utc: db.periodic_backups_scheduled_at?.[0] ?? null };
}

const num = (v: Value | number | null | undefined): number | null => (v instanceof CtyNumber ? v.toNumber() : typeof v === 'number' ? v : null);

/**
 * The PATCH that brings the database to the configured settings, or undefined when it already
 * has them (or nothing is configured). A backup hour left unset keeps the platform's.
 */
export function settingsUpdate(db: Database, window: MaintenanceWindowValue | null, backups: PeriodicBackupsValue | null): UpdateDatabaseInput | undefined {
  const input: { -readonly [K in keyof UpdateDatabaseInput]: UpdateDatabaseInput[K] } = {};
  if (window) {
    const weekdayUtc = weekdayNumber(window.weekday);
    const startingHourUtc = num(window.starting_hour_utc)!;
    const current = db.maintenance_window;
    if (!current || current.weekday_utc !== weekdayUtc || current.starting_hour_utc !== startingHourUtc) input.maintenanceWindow = { weekdayUtc, startingHourUtc };
  }
  if (backups) {
    if (db.periodic_backups_enabled !== backups.enabled) input.periodicBackupsEnabled = backups.enabled;
    const hour = num(backups.hour_utc);
    if (hour !== null && (db.periodic_backups_scheduled_at ?? [])[0] !== hour) input.periodicBackupsScheduledAt = hour;
  }
  return Object.keys(input).length > 0 ? input : undefined;
}

/** The configured window in the state's shape (the duration is the platform's). */
export function configuredWindow(config: unknown): MaintenanceWindowValue | null {
  if (config === null || typeof config !== 'object' || isUnknown(config)) return null;
  const c = config as Record<string, Value>;
  if (typeof c['weekday'] !== 'string') return null;
  return { weekday: c['weekday'].toLowerCase(), starting_hour_utc: num(c['starting_hour_utc']) ?? 0, duration_hours: num(c['duration_hours']) };
}
