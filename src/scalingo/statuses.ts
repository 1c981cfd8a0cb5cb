// Status values of Scalingo's objects and version formatting: plain constants, free of zod, so
// the provider can use them without loading the API client (see index.ts).

import type { DatabaseTypeVersion } from './schemas.js';

/** Known addon statuses (`status` is kept as a string so a new value does not break parsing). */
export const ADDON_STATUSES = ['running', 'provisioning', 'suspended'] as const;

export const DATABASE_STATUSES = ['creating', 'running', 'migrating', 'updating', 'upgrading', 'stopped'] as const;
export const FEATURE_STATUSES = ['ACTIVATED', 'PENDING', 'PENDING_TO_ACTIVATE', 'PENDING_TO_REMOVE', 'FAILED'] as const;

export const OPERATION_STATUSES = ['pending', 'running', 'finished', 'error', 'user-error', 'cancelling', 'cancelled'] as const;
export const TERMINAL_OPERATION_STATUSES: ReadonlySet<string> = new Set(['finished', 'error', 'user-error', 'cancelled']);

export const BACKUP_STATUSES = ['pending', 'scheduled', 'running', 'done', 'error'] as const;
export const BACKUP_METHODS = ['periodic', 'manual'] as const;

export const MAINTENANCE_STATUSES = ['scheduled', 'notified', 'queued', 'cancelled', 'running', 'failed', 'done'] as const;

/** `major.minor.patch-build`, as `readable_version` shows it. */
export function formatVersion(v: Pick<DatabaseTypeVersion, 'major' | 'minor' | 'patch' | 'build'>): string {
  return `${v.major}.${v.minor}.${v.patch}-${v.build}`;
}
