// Version upgrades against the API: walking Scalingo's upgrade path (plan time) and running
// it (apply time), one upgrade operation per step, recording the version reached after each,
// so a failed, timed-out or cancelled step loses nothing and the next apply resumes. Every
// request and wait runs on the operation's one signal.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { formatVersion, TERMINAL_OPERATION_STATUSES, type Database } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { reconciledWrite } from '../shared/reconcile.js';
import { waitUntil } from '../shared/wait.js';
import { isDowngrade, parseVersion, satisfies, type UpgradeStep, type VersionTarget } from './version.js';

type Ctx = OperationContext<ScalingoContext>;

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

/**
 * Run the upgrade steps one operation at a time, on `signal` (the operation's budget).
 * `onVersion` records each version reached, so the state is right even if a later step fails.
 */
export async function runUpgrades(
  ctx: Ctx,
  signal: AbortSignal,
  where: { app: string; addonId: string },
  target: VersionTarget,
  targetText: string,
  onVersion: (readable: string) => void,
): Promise<Database> {
  const { client } = ctx.provider;
  const { app, addonId } = where;
  const log = ctx.log.with({ addon_id: addonId });
  let database = await client.databases.get(app, addonId, { signal });
  for (let step = 0; !satisfies(database.readable_version, target); step++) {
    if (isDowngrade(database.readable_version, target)) {
      throw new DiagnosticError('Downgrade impossible', `The database runs ${database.readable_version}; no downgrade is possible once a database has been upgraded.`, ['database_version']);
    }
    if (!database.next_version_id || step > 30) {
      throw new DiagnosticError('Version not reachable', `The database runs ${database.readable_version} and Scalingo offers no further upgrade towards ${targetText}.`, ['database_version']);
    }
    const from = database.readable_version;
    const operationId = await startUpgrade(ctx, signal, app, addonId);
    log.info('database upgrade started', { from, operation_id: operationId });
    const operation = await waitUntil({
      poll: (s) => client.databases.operation(app, addonId, operationId, { signal: s }),
      status: (op) => op.status,
      until: { what: `upgrade of database ${addonId} from ${from}`, met: (op) => TERMINAL_OPERATION_STATUSES.has(op.status) },
      signal,
      log,
    });
    database = await waitUntil({
      poll: (s) => client.databases.get(app, addonId, { signal: s }),
      status: (d) => `${d.status} (${d.readable_version})`,
      until: { what: `database ${addonId} to be running after its upgrade`, met: (d) => d.status === 'running' },
      signal,
      log,
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
async function startUpgrade(ctx: Ctx, signal: AbortSignal, app: string, addonId: string): Promise<string> {
  const { client } = ctx.provider;
  const started = await reconciledWrite({
    what: `the upgrade of database ${addonId}`,
    send: (s) => client.databases.upgrade(app, addonId, { signal: s }),
    readBack: async (s) => (await client.databases.get(app, addonId, { signal: s })).current_operation_id ?? undefined,
    signal,
    log: ctx.log,
    // Never sent twice: if no operation runs, the error stands and the next apply resumes
    // from the version recorded.
    attempts: 1,
  });
  return started.answered ? started.value.operation_id : started.found;
}
