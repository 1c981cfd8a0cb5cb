// Database version upgrades, as Scalingo's page describes them: first the latest minor of the
// current major, then one major at a time, never down. The path is computed and explained at
// plan time; apply runs one upgrade operation per step and records the version reached after
// each, so a failed step loses nothing and the next apply resumes.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { formatVersion, isOutcomeUnknown, TERMINAL_OPERATION_STATUSES, type Database } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { waitUntil } from '../shared/wait.js';
import { formatBytes, planClass } from './plans.js';

type Ctx = OperationContext<ScalingoContext>;

/** A version as users write it: a major ("16") or a full version ("16.15.0-1"). */
export type VersionTarget = { kind: 'major'; major: number } | { kind: 'exact'; parts: [number, number, number, number] };

export function parseTarget(text: string): VersionTarget | undefined {
  if (/^\d+$/.test(text)) return { kind: 'major', major: Number(text) };
  const parts = parseVersion(text);
  return parts ? { kind: 'exact', parts } : undefined;
}

export function parseVersion(text: string): [number, number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)-(\d+)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether the database's version (readable form) meets the target. */
export function satisfies(readable: string, target: VersionTarget): boolean {
  const v = parseVersion(readable);
  if (!v) return false;
  return target.kind === 'major' ? v[0] === target.major : compare(v, target.parts) === 0;
}

/** Whether reaching the target would need going down. */
export function isDowngrade(readable: string, target: VersionTarget): boolean {
  const v = parseVersion(readable);
  if (!v) return false;
  return target.kind === 'major' ? target.major < v[0] : compare(target.parts, v) < 0;
}

/**
 * The state value for a remote version: the user's form when it still describes the database
 * (normalisation), the remote version otherwise (drift).
 */
export function versionForState(previous: string | null, readable: string): string {
  if (previous !== null) {
    const target = parseTarget(previous);
    if (target && satisfies(readable, target)) return previous;
  }
  return readable;
}

export interface UpgradeStep {
  readonly from: string;
  readonly to: string;
  readonly major: boolean;
}

/** Follow next_version_id until the target is met. Throws a DiagnosticError if it cannot be. */
export async function upgradePath(ctx: Ctx, app: string, addonId: string, database: Database, target: VersionTarget, targetText: string): Promise<UpgradeStep[]> {
  const { client } = ctx.provider;
  const steps: UpgradeStep[] = [];
  let current = database.readable_version;
  let nextId = database.next_version_id ?? null;
  const reachable: string[] = [];
  while (!satisfies(current, target)) {
    if (!nextId || steps.length > 30) {
      throw new DiagnosticError(
        'Version not reachable',
        `The database runs ${database.readable_version}; Scalingo offers no upgrade path to ${targetText}.${
          reachable.length > 0 ? ` Reachable versions: ${reachable.join(', ')}.` : ' It is already on the newest version available.'
        }`,
        ['database_version'],
      );
    }
    const next = await client.databases.typeVersion(app, addonId, nextId, { signal: ctx.signal, cache: true });
    const to = formatVersion(next);
    const fromMajor = parseVersion(current)?.[0];
    steps.push({ from: current, to, major: fromMajor !== next.major });
    reachable.push(to);
    current = to;
    const following = next.next_upgrade;
    nextId = typeof following === 'string' ? following : (following?.id ?? null);
  }
  return steps;
}

/** What each step costs in downtime, per the page: Starter stops the node, Business only for majors. */
export function describeUpgrade(steps: readonly UpgradeStep[], planName: string, dataSize: number | undefined): string {
  const cls = planClass(planName);
  const highlyAvailable = cls === 'business' || cls === 'enterprise';
  const lines = [`Upgrade path (latest minor of the current major first, then one major at a time): ${[steps[0]!.from, ...steps.map((s) => s.to)].join(' -> ')}.`];
  const majors = steps.filter((s) => s.major).length;
  if (highlyAvailable) {
    lines.push('On a Business plan, minor upgrades happen without downtime.');
    if (majors > 0) lines.push(`Each of the ${majors} major upgrade(s) stops the whole cluster: the database is unreachable during pg_upgrade.`);
  } else {
    lines.push(`On ${planName} (not highly available) every step stops the node: expect downtime at each of the ${steps.length} step(s).`);
  }
  if (majors > 0) {
    const estimate = dataSize !== undefined ? ` With ${formatBytes(dataSize)} of data, expect about ${Math.max(1, Math.ceil(dataSize / (10 * 1024 ** 3)))} minute(s) per major upgrade.` : '';
    lines.push(`Scalingo's pessimistic estimate for pg_upgrade is 1 minute per 10 GiB of data.${estimate}`);
  }
  lines.push('The application is restarted after each upgrade. No downgrade is possible once the database has been upgraded.');
  return lines.join(' ');
}

/**
 * Run the upgrade steps one operation at a time. `onVersion` records each version reached, so
 * the state is right even if a later step fails.
 */
export async function runUpgrades(
  ctx: Ctx,
  app: string,
  addonId: string,
  target: VersionTarget,
  targetText: string,
  timeoutMs: number,
  onVersion: (readable: string) => void,
): Promise<Database> {
  const { client } = ctx.provider;
  const deadline = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);
  let database = await client.databases.get(app, addonId, { signal: ctx.signal });
  for (let step = 0; !satisfies(database.readable_version, target); step++) {
    if (isDowngrade(database.readable_version, target)) {
      throw new DiagnosticError('Downgrade impossible', `The database runs ${database.readable_version}; no downgrade is possible once a database has been upgraded.`, ['database_version']);
    }
    if (!database.next_version_id || step > 30) {
      throw new DiagnosticError('Version not reachable', `The database runs ${database.readable_version} and Scalingo offers no further upgrade towards ${targetText}.`, ['database_version']);
    }
    const from = database.readable_version;
    const operationId = await startUpgrade(ctx, app, addonId);
    ctx.log.info('database upgrade started', { addon_id: addonId, from, operation_id: operationId });
    const operation = await waitUntil({
      what: `upgrade of database ${addonId} from ${from}`,
      poll: (signal) => client.databases.operation(app, addonId, operationId, { signal }),
      status: (op) => op.status,
      done: (op) => TERMINAL_OPERATION_STATUSES.has(op.status),
      timeoutMs,
      signal: deadline,
      log: ctx.log.with({ addon_id: addonId }),
    });
    database = await waitUntil({
      what: `database ${addonId} to be running after its upgrade`,
      poll: (signal) => client.databases.get(app, addonId, { signal }),
      status: (d) => `${d.status} (${d.readable_version})`,
      done: (d) => d.status === 'running',
      timeoutMs,
      signal: deadline,
      log: ctx.log.with({ addon_id: addonId }),
    });
    onVersion(database.readable_version);
    if (operation.status !== 'finished') {
      throw new DiagnosticError(
        'Database upgrade failed',
        `The upgrade from ${from} ended with status "${operation.status}"${operation.error ? `: ${operation.error}` : ''}. The database runs ${database.readable_version}, which is recorded in state; run terraform apply again to resume the upgrade.`,
        ['database_version'],
      );
    }
  }
  return database;
}

/** Start one upgrade; if the answer was lost, find the operation the database is running. */
async function startUpgrade(ctx: Ctx, app: string, addonId: string): Promise<string> {
  const { client } = ctx.provider;
  try {
    return (await client.databases.upgrade(app, addonId, { signal: ctx.signal })).operation_id;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    const database = await client.databases.get(app, addonId, { signal: ctx.signal });
    if (database.current_operation_id) return database.current_operation_id;
    throw err;
  }
}
