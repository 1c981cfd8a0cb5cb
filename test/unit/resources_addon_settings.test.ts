// The maintenance window and periodic backups of scalingo_addon between Terraform's shape and
// the database API's; and the deletion protection refusal.

import { describe, expect, it } from '@jest/globals';
import { CtyNumber } from '../../src/cty/value.js';
import { deleteAddon } from '../../src/resources/addon/apply.js';
import { protectionError } from '../../src/resources/addon/protection.js';
import { backupsFromDatabase, settingsUpdate, weekdayName, weekdayNumber, windowFromDatabase } from '../../src/resources/addon/settings.js';
import type { Database } from '../../src/scalingo/index.js';

const db = (over: Partial<Database> = {}) =>
  ({ maintenance_window: { weekday_utc: 2, starting_hour_utc: 21, duration_in_hour: 8 }, periodic_backups_enabled: true, periodic_backups_scheduled_at: [1], ...over }) as Database;

describe('maintenance window and periodic backups', () => {
  it('names weekdays with the API numbering, 0 = Sunday', () => {
    expect(weekdayName(0)).toBe('sunday');
    expect(weekdayName(6)).toBe('saturday');
    expect(weekdayNumber('sunday')).toBe(0);
    expect(weekdayNumber('tuesday')).toBe(2);
    expect(weekdayNumber('funday')).toBe(-1);
  });

  it('reads the database settings into the state shape', () => {
    expect(windowFromDatabase(db())).toEqual({ weekday: 'tuesday', starting_hour_utc: 21, duration_hours: 8 });
    expect(backupsFromDatabase(db())).toEqual({ enabled: true, hour_utc: 1 });
    expect(windowFromDatabase(db({ maintenance_window: undefined }))).toBeNull();
  });

  it('sends only what differs, and nothing when all matches', () => {
    const window = { weekday: 'tuesday', starting_hour_utc: CtyNumber.of(21), duration_hours: null };
    expect(settingsUpdate(db(), window, { enabled: true, hour_utc: null })).toBeUndefined();
    expect(settingsUpdate(db(), { ...window, weekday: 'sunday' }, null)).toEqual({ maintenanceWindow: { weekdayUtc: 0, startingHourUtc: 21 } });
    expect(settingsUpdate(db(), null, { enabled: false, hour_utc: CtyNumber.of(3) })).toEqual({ periodicBackupsEnabled: false, periodicBackupsScheduledAt: 3 });
    expect(settingsUpdate(db(), null, null)).toBeUndefined();
  });
});

describe('deletion protection', () => {
  it('refuses a delete from an old plan file before any request', async () => {
    const ctx = {} as Parameters<typeof deleteAddon>[1]; // never touched
    await expect(deleteAddon({ id: 'ad-1', app: 'a', deletion_protection: true } as Parameters<typeof deleteAddon>[0], ctx)).rejects.toThrow('Deletion protection is on');
  });

  it('says how to turn it off, on the attribute that forces a replacement', () => {
    const destroy = protectionError({ id: 'ad-1' });
    expect(destroy.detail).toContain('set deletion_protection = false, run terraform apply');
    expect(destroy.path).toBeUndefined();
    expect(protectionError({ id: 'ad-1' }, 'app').path).toEqual(['app']);
  });
});
