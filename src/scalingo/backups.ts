// Backups and point-in-time recovery of a database (DB API, reference §4.7): list, create a
// manual backup, find one, its download URL, the PITR recovery window, and a PITR restore.

import type { CallOptions, Requester } from './requester.js';
import {
  BackupArchiveResponseSchema,
  BackupResponseSchema,
  BackupsResponseSchema,
  RecoveryWindowResponseSchema,
  RestoreResponseSchema,
} from './schemas.js';
import type { Backup, Operation, RecoveryWindow } from './schemas.js';

export interface RestoreResult {
  /** The `pitr_restore` operation to poll with `databases.operation`. */
  readonly operation_id: string | undefined;
  readonly operation: Operation | undefined;
}

export class BackupsApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /api/databases/{addon_id}/backups` (root `database_backups`), newest first. */
  async list(app: string, addonId: string, opts: CallOptions = {}): Promise<Backup[]> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/backups',
        params: { addon_id: addonId }, expect: [200], schema: BackupsResponseSchema,
        operation: `list the backups of database ${addonId}`,
      },
      opts,
    );
    return [...res.data.database_backups].sort(newestFirst);
  }

  /**
   * One backup, or undefined when the database has none with this id. The reference documents
   * no single-backup endpoint, so this reads the list.
   */
  async get(app: string, addonId: string, backupId: string, opts: CallOptions = {}): Promise<Backup | undefined> {
    return (await this.list(app, addonId, opts)).find((b) => b.id === backupId);
  }

  /**
   * `POST /api/databases/{addon_id}/backups` (201, status `scheduled`): a manual backup, taken
   * asynchronously (poll `get` until `done` or `error`). Never retried once it may have been
   * sent: on `OutcomeUnknownError`, `list` and look for a manual backup created since.
   */
  async create(app: string, addonId: string, opts: CallOptions = {}): Promise<Backup> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'POST', route: '/databases/{addon_id}/backups',
        params: { addon_id: addonId }, expect: [201, 200], schema: BackupResponseSchema,
        operation: `back up database ${addonId}`,
      },
      opts,
    );
    return res.data.database_backup;
  }

  /** `GET /api/databases/{addon_id}/backups/{backup_id}/archive`: a short-lived download URL (a secret). */
  async archiveUrl(app: string, addonId: string, backupId: string, opts: CallOptions = {}): Promise<string> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/backups/{backup_id}/archive',
        params: { addon_id: addonId, backup_id: backupId }, expect: [200], schema: BackupArchiveResponseSchema,
        operation: `get the download URL of backup ${backupId} of database ${addonId}`,
      },
      opts,
    );
    return res.data.download_url;
  }

  /** `GET /api/databases/{addon_id}/pitr/recovery_window`: the instants a restore can reach. */
  async recoveryWindow(app: string, addonId: string, opts: CallOptions = {}): Promise<RecoveryWindow> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/databases/{addon_id}/pitr/recovery_window',
        params: { addon_id: addonId }, expect: [200], schema: RecoveryWindowResponseSchema,
        operation: `read the recovery window of database ${addonId}`,
      },
      opts,
    );
    return res.data.recovery_window;
  }

  /**
   * `POST /api/databases/{addon_id}/pitr/restore` with `{"restore_time"}` (201): restores the
   * database, in place, to that instant. Never retried; poll the returned operation.
   */
  async restore(app: string, addonId: string, restoreTime: Date, opts: CallOptions = {}): Promise<RestoreResult> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'POST', route: '/databases/{addon_id}/pitr/restore',
        params: { addon_id: addonId }, body: { restore_time: restoreTime.toISOString() }, expect: [201, 200, 202],
        schema: RestoreResponseSchema, operation: `restore database ${addonId} to ${restoreTime.toISOString()}`,
      },
      opts,
    );
    return res.data;
  }
}

/** Newest first, by creation date (ISO 8601 strings compare as dates only in one zone: parse). */
function newestFirst(a: Backup, b: Backup): number {
  return (Date.parse(b.created_at ?? '') || 0) - (Date.parse(a.created_at ?? '') || 0);
}
