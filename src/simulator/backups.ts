// Database API: backups and point-in-time recovery (reference §4.7). Manual backups run
// asynchronously (scheduled → running → done, or error); in real PostgreSQL mode each one is a
// real pg_dump, whose file size is the backup's size. Periodic backups are generated lazily at
// the database's scheduled UTC hours (virtual clock). Retention follows the plan's counts.
import { rmSync } from 'node:fs';
import { findPlanById, GiB } from './catalog.js';
import type { PlanSpec } from './catalog.js';
import { DEFAULT_DATA_SIZE, type Simulator } from './core.js';
import { requireDatabase } from './databases.js';
import { badRequest, isRecord, json, notFound, unprocessable } from './http.js';
import { uuid } from './ids.js';
import type { Route } from './router.js';
import type { AddonRecord, BackupRecord, DatabaseRecord, OperationRecord } from './state.js';

/** Virtual ms at speed 1. */
export const BACKUP_TIMINGS = {
  /** A manual backup waits this long in `scheduled`. */
  scheduled: 1000,
  running: 3000,
  runningPerGiB: 10_000,
  restorePending: 1000,
  restoreRunning: 4000,
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Periodic backups older than this are never generated (a long-stopped simulator). */
const PERIODIC_HORIZON = 400 * DAY;

export type BackupStatus = 'scheduled' | 'running' | 'done' | 'error';

export function backupStatus(b: BackupRecord, nowV: number): BackupStatus {
  if (nowV < b.runningAtV) return 'scheduled';
  if (nowV < b.doneAtV || b.dump === 'pending') return 'running';
  if (b.willFail || b.dump === 'failed') return 'error';
  return 'done';
}

/** What the plan keeps (reference §4.7): manual count, daily, weekly and monthly periodic. */
export function retentionOf(plan: PlanSpec | undefined): { manual: number; daily: number; weekly: number; monthly: number; pitrDays: number } {
  const cls = plan?.planClass ?? 'starter';
  if (cls === 'business') return { manual: 50, daily: 7, weekly: 8, monthly: 12, pitrDays: 7 };
  if (cls === 'sandbox') return { manual: 0, daily: 0, weekly: 0, monthly: 0, pitrDays: 0 };
  return { manual: 10, daily: 7, weekly: 4, monthly: 0, pitrDays: 7 };
}

/** Estimated dump size when there is no real database: about half the data beyond an empty one. */
function estimatedSize(dataSize: number): number {
  return Math.max(0, Math.round((dataSize - DEFAULT_DATA_SIZE) * 0.5)) + 1024;
}

function runningTime(dataSize: number): number {
  return BACKUP_TIMINGS.running + Math.round((BACKUP_TIMINGS.runningPerGiB * dataSize) / GiB);
}

/**
 * The periodic and manual backups each kept: the newest `manual` manual ones, and among the
 * periodic ones the newest `daily`, plus the newest of each of the last `weekly` weeks and
 * `monthly` months.
 */
export function retainedBackups(backups: BackupRecord[], keep: { manual: number; daily: number; weekly: number; monthly: number }, nowV: number): BackupRecord[] {
  const newest = [...backups].sort((a, b) => b.startV - a.startV);
  const kept = new Set<BackupRecord>();
  newest.filter((b) => b.method === 'manual').slice(0, keep.manual).forEach((b) => kept.add(b));
  const periodic = newest.filter((b) => b.method === 'periodic');
  periodic.slice(0, keep.daily).forEach((b) => kept.add(b));
  const byPeriod = (period: (v: number) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of periodic) {
      const key = period(b.startV);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(b);
    }
  };
  byPeriod((v) => String(Math.floor((v - 4 * DAY) / (7 * DAY))), keep.weekly); // weeks from Monday 1970-01-05
  byPeriod((v) => new Date(v).toISOString().slice(0, 7), keep.monthly);
  // Unfinished backups are never pruned.
  return backups.filter((b) => kept.has(b) || backupStatus(b, nowV) === 'scheduled' || backupStatus(b, nowV) === 'running');
}

function prune(sim: Simulator, db: DatabaseRecord): void {
  const kept = retainedBackups(db.backups, retentionOf(findPlanById(db.planId)), sim.nowV());
  for (const b of db.backups) if (!kept.includes(b) && b.file) rmSync(b.file, { force: true });
  db.backups = kept;
}

/** Generates the periodic backups due since the last call, and records finish instants. */
export function settleBackups(sim: Simulator): boolean {
  const nowV = sim.nowV();
  let changed = false;
  for (const addon of sim.state.addons) {
    const db = addon.database;
    for (const b of db.backups) {
      if (b.finishedAt === null && (backupStatus(b, nowV) === 'done' || backupStatus(b, nowV) === 'error')) {
        b.finishedAt = new Date().toISOString();
        if (backupStatus(b, nowV) === 'error') b.error ??= 'the backup failed (simulated)';
        changed = true;
      }
    }
    if (nowV <= db.periodicBackupsUntilV) continue;
    const from = Math.max(db.periodicBackupsUntilV, nowV - PERIODIC_HORIZON);
    if (db.periodicBackupsEnabled && retentionOf(findPlanById(db.planId)).daily > 0 && nowV >= db.readyAtV) {
      const dataSize = db.dataSizeOverride ?? DEFAULT_DATA_SIZE;
      for (let day = Math.floor(from / DAY) * DAY; day <= nowV; day += DAY) {
        for (const hour of db.periodicBackupsScheduledAt) {
          const at = day + hour * HOUR;
          if (at <= from || at > nowV) continue;
          db.backups.push(newBackup(sim, addon, 'periodic', at, dataSize, false));
        }
      }
      prune(sim, db);
    }
    db.periodicBackupsUntilV = nowV;
    changed = true;
  }
  return changed;
}

function newBackup(sim: Simulator, addon: AddonRecord, method: 'periodic' | 'manual', startV: number, dataSize: number, willFail: boolean): BackupRecord {
  const runningAtV = method === 'manual' ? startV + BACKUP_TIMINGS.scheduled : startV;
  const createdAt = sim.clock.iso(startV);
  return {
    id: uuid(),
    name: `${addon.resourceId}-${createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${method}`,
    method,
    createdAt,
    startV,
    runningAtV,
    doneAtV: runningAtV + runningTime(dataSize),
    size: estimatedSize(dataSize),
    willFail,
    dump: 'none',
    file: null,
    finishedAt: null,
    error: willFail ? 'pg_dump failed: the backup could not be completed (simulated failure)' : null,
  };
}

async function createManualBackup(sim: Simulator, addon: AddonRecord): Promise<BackupRecord> {
  const db = addon.database;
  const keep = retentionOf(findPlanById(db.planId));
  if (keep.manual === 0) throw badRequest('backups are not available on this plan');
  const nowV = sim.nowV();
  if (nowV < db.readyAtV) throw badRequest('the database is not running yet');
  if (db.backups.some((b) => b.method === 'manual' && ['scheduled', 'running'].includes(backupStatus(b, nowV)))) {
    throw badRequest('a backup is already in progress for this database');
  }
  const backup = newBackup(sim, addon, 'manual', nowV, await sim.dataSize(addon), db.failNextBackup);
  db.failNextBackup = false;
  db.backups.push(backup);
  if (db.type === 'postgresql' && sim.backend.mode === 'real' && !backup.willFail) {
    backup.dump = 'pending';
    // The dump runs in the background; the backup stays `running` until it ends.
    sim.background(
      sim.backend.dump(addon.resourceId, backup.name).then(
        (result) => {
          backup.dump = result ? 'ok' : 'none';
          if (result) {
            backup.size = result.size;
            backup.file = result.file;
          }
        },
        (err: unknown) => {
          backup.dump = 'failed';
          backup.error = `pg_dump failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
        },
      ),
    );
  }
  prune(sim, db);
  sim.touch();
  return backup;
}

export function backupView(sim: Simulator, addon: AddonRecord, b: BackupRecord): Record<string, unknown> {
  const status = backupStatus(b, sim.nowV());
  return {
    id: b.id,
    name: b.name,
    created_at: b.createdAt,
    started_at: status === 'scheduled' ? null : sim.clock.iso(b.runningAtV),
    status,
    method: b.method,
    size: status === 'done' ? b.size : 0,
    database_id: addon.database.id,
  };
}

/** PITR window (wall clock): from creation, or `pitrDays` ago, to now; null on plans without PITR. */
export function recoveryWindow(sim: Simulator, addon: AddonRecord): { earliest: Date; latest: Date } | null {
  const days = retentionOf(findPlanById(addon.database.planId)).pitrDays;
  if (days === 0 || sim.nowV() < addon.database.readyAtV) return null;
  const now = Date.now();
  const created = Date.parse(addon.database.createdAt);
  return { earliest: new Date(Math.max(created, now - days * DAY)), latest: new Date(now) };
}

/**
 * A PITR restore: the simulator restores the newest manual backup taken at or before the
 * requested time (an empty database when there is none), right away; the operation then goes
 * pending → running → finished on the virtual clock.
 */
async function restore(sim: Simulator, addon: AddonRecord, body: unknown): Promise<OperationRecord> {
  const raw = isRecord(body) ? body.restore_time : undefined;
  const at = typeof raw === 'string' ? Date.parse(raw) : NaN;
  if (Number.isNaN(at)) throw unprocessable({ restore_time: ['must be an RFC 3339 date'] });
  const window = recoveryWindow(sim, addon);
  if (!window) throw badRequest('point-in-time recovery is not available on this plan');
  if (at < window.earliest.getTime() || at > window.latest.getTime()) {
    throw unprocessable({ restore_time: [`must be between ${window.earliest.toISOString()} and ${window.latest.toISOString()}`] });
  }
  const db = addon.database;
  const nowV = sim.nowV();
  if (db.currentOperationId || db.planChange) throw badRequest('another operation is in progress on this database');
  const source = db.backups
    .filter((b) => b.file !== null && backupStatus(b, nowV) === 'done' && Date.parse(b.createdAt) <= at)
    .sort((a, b) => b.startV - a.startV)[0];
  const willFail = db.failNextOperation;
  db.failNextOperation = false;
  if (!willFail && db.type === 'postgresql') await sim.backend.restore(addon.resourceId, addon.resourceId, source?.file ?? null);
  const runningAtV = nowV + BACKUP_TIMINGS.restorePending;
  const op: OperationRecord = {
    id: uuid(),
    addonId: addon.id,
    type: 'pitr_restore',
    fromVersionId: db.versionId,
    toVersionId: db.versionId,
    createdAt: new Date().toISOString(),
    startV: nowV,
    runningAtV,
    endV: runningAtV + BACKUP_TIMINGS.restoreRunning,
    willFail,
    outcome: null,
    error: null,
  };
  sim.state.operations.push(op);
  sim.touch();
  return op;
}

export const backupRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/backups',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      const list = [...addon.database.backups].sort((a, b) => b.startV - a.startV);
      return json(200, { database_backups: list.map((b) => backupView(sim, addon, b)) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/backups',
    auth: 'db',
    handler: async (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      return json(201, { database_backup: backupView(sim, addon, await createManualBackup(sim, addon)) });
    },
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/backups/{backup_id}/archive',
    auth: 'db',
    handler: (sim, ctx) => {
      const addon = requireDatabase(sim, ctx.params.addon_id);
      const backup = addon.database.backups.find((b) => b.id === ctx.params.backup_id);
      if (!backup) throw notFound('backup');
      if (backupStatus(backup, sim.nowV()) !== 'done') throw badRequest('the backup is not done');
      return json(200, { download_url: `${sim.url}/_sim/archives/${encodeURIComponent(backup.id)}?expires=${Date.now() + HOUR}` });
    },
  },
  {
    method: 'GET',
    pattern: '/api/databases/{addon_id}/pitr/recovery_window',
    auth: 'db',
    handler: (sim, ctx) => {
      const window = recoveryWindow(sim, requireDatabase(sim, ctx.params.addon_id));
      return json(200, {
        recovery_window: { earliest_recoverable_at: window?.earliest.toISOString() ?? null, latest_recoverable_at: window?.latest.toISOString() ?? null },
      });
    },
  },
  {
    method: 'POST',
    pattern: '/api/databases/{addon_id}/pitr/restore',
    auth: 'db',
    handler: async (sim, ctx) => {
      const op = await restore(sim, requireDatabase(sim, ctx.params.addon_id), ctx.body);
      // Both shapes the sources disagree on (reference Appendix A.6).
      return json(201, { operation_id: op.id, operation: { id: op.id, type: op.type, status: 'pending', created_at: op.createdAt, finished_at: null, error: null } });
    },
  },
];
