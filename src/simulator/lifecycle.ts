// Lazy state machines: records hold start instants and durations (virtual ms); statuses are
// computed when read, and `settle` folds finished transitions into the records. Nothing here
// needs a timer, so restarts and speed changes behave.
import { GiB, findPlanById, findVersionById, nextVersion } from './catalog.js';
import type { PlanClass, VersionSpec } from './catalog.js';
import { uuid } from './ids.js';
import type { AddonRecord, DatabaseRecord, DowntimeRecord, OperationRecord, OperationStatus, SimState } from './state.js';

/** Durations at speed 1, in ms. `--speed X` divides all of them. */
export const TIMINGS = {
  provision: 5000,
  featureActivation: 2000,
  featureRemoval: 1000,
  /** Starter and Sandbox plan change: the node is stopped for the whole change. */
  starterPlanChangeBase: 4000,
  starterPlanChangePerGiB: 2000,
  /** Business plan change: replicas are resized, then a brief failover at the end. */
  businessPlanChangeBase: 6000,
  businessPlanChangePerGiB: 500,
  businessFailover: 2000,
  upgradePending: 2000,
  minorUpgrade: 8000,
  majorUpgradeBase: 15_000,
  /** Scalingo's pessimistic estimate: 1 minute per 10 GiB for pg_upgrade. */
  majorUpgradePer10GiB: 60_000,
} as const;

export type AddonStatus = 'provisioning' | 'running';
export type DatabaseStatus = 'creating' | 'running' | 'updating' | 'upgrading';

export function addonStatus(addon: AddonRecord, nowV: number): AddonStatus {
  return nowV < addon.readyAtV ? 'provisioning' : 'running';
}

export function databaseStatus(db: DatabaseRecord, nowV: number): DatabaseStatus {
  if (nowV < db.readyAtV) return 'creating';
  if (db.planChange) return 'updating';
  if (db.currentOperationId) return 'upgrading';
  return 'running';
}

export function operationStatus(op: OperationRecord, nowV: number): OperationStatus {
  if (op.outcome) return op.outcome;
  return nowV < op.runningAtV ? 'pending' : 'running';
}

/** Applies every transition that has completed by `nowV`. Returns true when something changed. */
export function settle(state: SimState, nowV: number): boolean {
  let changed = false;
  for (const addon of state.addons) {
    const db = addon.database;
    if (db.planChange && nowV >= db.planChange.endV) {
      db.planId = db.planChange.toPlanId;
      db.planChange = null;
      changed = true;
    }
    const before = db.features.length;
    db.features = db.features.filter((f) => !(f.status === 'PENDING_TO_REMOVE' && f.settlesAtV !== null && nowV >= f.settlesAtV));
    if (db.features.length !== before) changed = true;
    for (const f of db.features) {
      if (f.status === 'PENDING_TO_ACTIVATE' && f.settlesAtV !== null && nowV >= f.settlesAtV) {
        f.status = f.willFail ? 'FAILED' : 'ACTIVATED';
        delete f.willFail;
        f.settlesAtV = null;
        changed = true;
      }
    }
  }
  for (const op of state.operations) {
    if (op.outcome || nowV < op.endV) continue;
    const addon = state.addons.find((a) => a.id === op.addonId);
    if (op.willFail) {
      op.outcome = 'error';
      op.error =
        op.type === 'pitr_restore'
          ? 'the restore failed: the database was left as it was (simulated failure)'
          : 'pg_upgrade failed: the database was left on its previous version (simulated failure)';
    } else {
      op.outcome = 'finished';
      if (addon) addon.database.versionId = op.toVersionId;
    }
    if (addon && addon.database.currentOperationId === op.id) addon.database.currentOperationId = null;
    changed = true;
  }
  return changed;
}

function planClassOf(planId: string): PlanClass {
  return findPlanById(planId)?.planClass ?? 'starter';
}

/** Starts a plan change on a running database and records its downtime window. */
export function startPlanChange(state: SimState, addon: AddonRecord, toPlanId: string, dataSize: number, nowV: number): void {
  const db = addon.database;
  const fromPlanId = db.planId;
  const dataGiB = dataSize / GiB;
  const business = planClassOf(fromPlanId) === 'business';
  const duration = Math.round(
    business
      ? TIMINGS.businessPlanChangeBase + TIMINGS.businessPlanChangePerGiB * dataGiB
      : TIMINGS.starterPlanChangeBase + TIMINGS.starterPlanChangePerGiB * dataGiB,
  );
  const endV = nowV + duration;
  db.planChange = { fromPlanId, toPlanId, startV: nowV, endV };
  const detail = `plan change ${findPlanById(fromPlanId)?.name ?? fromPlanId} -> ${findPlanById(toPlanId)?.name ?? toPlanId}`;
  const downtime: DowntimeRecord = business
    ? { addonId: addon.id, cause: 'plan_change', kind: 'failover', startV: endV - TIMINGS.businessFailover, endV, detail }
    : { addonId: addon.id, cause: 'plan_change', kind: 'unavailable', startV: nowV, endV, detail };
  state.downtimes.push(downtime);
}

/** Starts an upgrade operation towards the database's next version. */
export function startUpgrade(state: SimState, addon: AddonRecord, target: VersionSpec, dataSize: number, nowV: number, createdAt: string): OperationRecord {
  const db = addon.database;
  const from = findVersionById(db.versionId);
  const major = !from || from.major !== target.major;
  const running = major
    ? TIMINGS.majorUpgradeBase + Math.round((TIMINGS.majorUpgradePer10GiB * dataSize) / (10 * GiB))
    : TIMINGS.minorUpgrade;
  const runningAtV = nowV + TIMINGS.upgradePending;
  const op: OperationRecord = {
    id: uuid(),
    addonId: addon.id,
    type: 'upgrade',
    fromVersionId: db.versionId,
    toVersionId: target.id,
    createdAt,
    startV: nowV,
    runningAtV,
    endV: runningAtV + running,
    willFail: db.failNextOperation,
    outcome: null,
    error: null,
  };
  db.failNextOperation = false;
  db.currentOperationId = op.id;
  state.operations.push(op);
  // Business plans upgrade minors without downtime; everything else stops the node.
  const business = planClassOf(db.planId) === 'business';
  if (!business || major) {
    const detail = `upgrade ${from ? `${from.major}.${from.minor}.${from.patch}-${from.build}` : '?'} -> ${target.major}.${target.minor}.${target.patch}-${target.build}`;
    state.downtimes.push({ addonId: addon.id, cause: 'upgrade', kind: 'unavailable', startV: runningAtV, endV: op.endV, detail });
  }
  return op;
}

export function nextVersionOf(db: DatabaseRecord): VersionSpec | null {
  const current = findVersionById(db.versionId);
  return current ? nextVersion(current) : null;
}
