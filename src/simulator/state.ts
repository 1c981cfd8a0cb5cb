// The simulator's persisted state. Times used for scheduling are virtual ms (see clock.ts);
// lifecycle statuses are derived from them at read time (see lifecycle.ts).
import type { ExtensionRecord } from './backend.js';
import type { ClockState } from './clock.js';
import { adminToken, apiToken, randomHex24 } from './ids.js';

export type FeatureStatus = 'PENDING_TO_ACTIVATE' | 'ACTIVATED' | 'PENDING_TO_REMOVE' | 'FAILED';

export interface FeatureRecord {
  name: string;
  status: FeatureStatus;
  /** Virtual ms at which a pending status settles. */
  settlesAtV: number | null;
  /** Set from /_sim (fail_next_feature): activation ends in FAILED. */
  willFail?: boolean;
}

export interface UserRecord {
  name: string;
  /** Kept so a restarted simulator can recreate the real role with the same password. */
  password: string;
  readOnly: boolean;
  protected: boolean;
  createdAt: string;
}

export type DowntimeKind = 'unavailable' | 'failover';

export interface PlanChangeRecord {
  fromPlanId: string;
  toPlanId: string;
  startV: number;
  endV: number;
}

export interface BackupRecord {
  id: string;
  name: string;
  method: 'periodic' | 'manual';
  createdAt: string;
  /** Virtual ms: created (scheduled) at startV, running from runningAtV, finished at doneAtV. */
  startV: number;
  runningAtV: number;
  doneAtV: number;
  /** Bytes; the dump's size in real mode, an estimate from the data size otherwise. */
  size: number;
  /** Set from /_sim (fail_next_backup): the backup ends in `error`. */
  willFail: boolean;
  /** Real mode: the pg_dump run; `pending` until it ends (the backup stays `running`). */
  dump: 'none' | 'pending' | 'ok' | 'failed';
  /** Path of the dump file (real mode), used by PITR restores. */
  file: string | null;
  /** Wall-clock ISO instant the backup reached `done` or `error` (the later of time and dump). */
  finishedAt: string | null;
  error: string | null;
}

export type MaintenanceStatus = 'scheduled' | 'notified' | 'queued' | 'cancelled' | 'running' | 'failed' | 'done';

export interface MaintenanceRecord {
  id: string;
  type: string;
  status: MaintenanceStatus;
  /** Planned start: the next occurrence of the window when it was scheduled. */
  startedAt: string;
  endedAt: string | null;
}

export interface FirewallRuleRecord {
  id: string;
  type: 'custom_range' | 'managed_range';
  cidr: string | null;
  rangeId: string | null;
  label: string;
  createdAt: string;
}

export interface DatabaseRecord {
  id: string;
  type: 'postgresql' | 'redis';
  versionId: string;
  /** The plan the database currently runs on (the addon's plan may be ahead during a change). */
  planId: string;
  createdAt: string;
  /** Virtual ms at which creation finishes. */
  readyAtV: number;
  planChange: PlanChangeRecord | null;
  currentOperationId: string | null;
  features: FeatureRecord[];
  users: UserRecord[];
  /** Absent in state files written before firewall rules existed: no rules. */
  firewallRules?: FirewallRuleRecord[];
  /** Data size forced through /_sim; null means "measure it" (real mode) or the default. */
  dataSizeOverride: number | null;
  failNextOperation: boolean;
  /**
   * Extensions seen in the real cluster at the last snapshot (stop, or `list-extensions`), so a
   * restart recreates them; absent in memory mode and in older state files.
   */
  extensions?: ExtensionRecord[];
  periodicBackupsEnabled: boolean;
  periodicBackupsScheduledAt: number[];
  maintenanceWindow: { weekdayUtc: number; startingHourUtc: number; durationInHour: number };
  backups: BackupRecord[];
  /** Virtual ms up to which periodic backups have been generated. */
  periodicBackupsUntilV: number;
  failNextBackup: boolean;
  /** The next feature enabled ends in FAILED (set from /_sim). */
  failNextFeature?: boolean;
  maintenances: MaintenanceRecord[];
}

export interface AddonRecord {
  id: string;
  appId: string;
  providerId: string;
  planId: string;
  resourceId: string;
  provisionedAt: string;
  updatedAt: string;
  /** Virtual ms at which provisioning finishes. */
  readyAtV: number;
  /** Host label used in non-connectable URLs, e.g. `my-app-4553`. */
  hostLabel: string;
  /** Password of the protected user (postgresql) or of the redis URL. */
  password: string;
  database: DatabaseRecord;
}

export interface AppRecord {
  id: string;
  name: string;
  createdAt: string;
}

export type OperationStatus = 'pending' | 'running' | 'finished' | 'error';

export interface OperationRecord {
  id: string;
  addonId: string;
  type: 'upgrade' | 'pitr_restore';
  fromVersionId: string;
  toVersionId: string;
  createdAt: string;
  startV: number;
  /** Virtual ms at which the operation leaves `pending` for `running`. */
  runningAtV: number;
  endV: number;
  willFail: boolean;
  /** Terminal status, set once settled. */
  outcome: 'finished' | 'error' | null;
  error: string | null;
}

export interface DowntimeRecord {
  addonId: string;
  cause: 'plan_change' | 'upgrade';
  kind: DowntimeKind;
  startV: number;
  endV: number;
  detail: string;
}

export interface RateLimitConfig {
  perMinute: number;
  body: 'json' | 'text';
}

export interface SimState {
  formatVersion: 1;
  clock: ClockState;
  apiToken: string;
  /** Bearer token of the /_sim admin API (not Scalingo's): printed on the first stdout line. */
  adminToken: string;
  userId: string;
  /** Lifetime of bearer tokens issued from now on. */
  bearerTtlSeconds: number;
  /** Incremented by /_sim/tokens/revoke: tokens carrying an older epoch are refused. */
  tokenEpoch: number;
  rateLimit: RateLimitConfig;
  apps: AppRecord[];
  addons: AddonRecord[];
  operations: OperationRecord[];
  downtimes: DowntimeRecord[];
}

export const DEFAULT_RATE_LIMIT = 60;

export function seedState(clock: ClockState): SimState {
  const now = new Date().toISOString();
  return {
    formatVersion: 1,
    clock,
    apiToken: apiToken(),
    adminToken: adminToken(),
    userId: `us-${randomHex24()}`,
    bearerTtlSeconds: 3600,
    tokenEpoch: 0,
    rateLimit: { perMinute: DEFAULT_RATE_LIMIT, body: 'json' },
    apps: [
      { id: randomHex24(), name: 'sim-app-1', createdAt: now },
      { id: randomHex24(), name: 'sim-app-2', createdAt: now },
    ],
    addons: [],
    operations: [],
    downtimes: [],
  };
}

/** `{app}` in paths accepts the app id or its name. */
export function findApp(state: SimState, idOrName: string): AppRecord | undefined {
  return state.apps.find((a) => a.id === idOrName) ?? state.apps.find((a) => a.name === idOrName);
}

export function findAddon(state: SimState, addonId: string): AddonRecord | undefined {
  return state.addons.find((a) => a.id === addonId);
}
