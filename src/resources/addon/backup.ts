// backup_before_change on scalingo_addon: a manual backup taken, and waited on until `done`,
// before a change Scalingo warns about (a smaller plan, a major upgrade). A lost answer to the
// creation is reconciled from the backup list, never by creating a second backup blindly.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { isTransient, type Backup } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { reconciledWrite } from '../shared/reconcile.js';
import { waitUntil, WaitFailedError, type Condition } from '../shared/wait.js';

type Ctx = OperationContext<ScalingoContext>;

function backupDone(id: string, backupId: string): Condition<Backup | undefined> {
  return {
    what: `backup ${backupId} of database ${id} to be done`,
    met: (b) => b?.status === 'done',
    failed: (b) => (b === undefined ? `the backup ${backupId} disappeared` : b.status === 'error' ? `Scalingo reported the backup ${backupId} as failed` : undefined),
  };
}

/**
 * Takes a manual backup and returns it once `done`, within the operation's budget; throws,
 * saying that nothing was changed, when it cannot be taken.
 */
export async function backupBeforeChange(ctx: Ctx, signal: AbortSignal, app: string, id: string, why: string, onCreated: (backup: Backup) => void): Promise<Backup> {
  const { backups } = ctx.provider.client;
  let created: Backup;
  try {
    const before = new Set((await backups.list(app, id, { signal })).map((b) => b.id));
    const write = await reconciledWrite({
      what: `the backup of database ${id}`,
      send: (s) => backups.create(app, id, { signal: s }),
      readBack: async (s) => (await backups.list(app, id, { signal: s })).find((b) => !before.has(b.id) && b.method === 'manual'),
      signal,
      log: ctx.log,
    });
    created = write.answered ? write.value : write.found;
  } catch (err) {
    if (signal.aborted) throw err;
    throw nothingChanged(why, err instanceof Error ? err.message : String(err));
  }
  onCreated(created);
  ctx.log.info('backup before change started', { addon_id: id, backup_id: created.id, reason: why });
  try {
    return (await waitUntil({
      poll: (s) => backups.get(app, id, created.id, { signal: s }),
      status: (b) => b?.status ?? 'missing',
      until: backupDone(id, created.id),
      signal,
      log: ctx.log.with({ addon_id: id }),
      retryable: isTransient,
    }))!;
  } catch (err) {
    if (err instanceof WaitFailedError) throw nothingChanged(why, err.message);
    throw err;
  }
}

function nothingChanged(why: string, cause: string): DiagnosticError {
  return new DiagnosticError(
    'Backup before change failed: nothing was changed',
    `backup_before_change asks for a backup before ${why}, and it could not be taken (${cause}). The addon was left as it was; apply again to retry, or set backup_before_change = false to change it without a backup.`,
  );
}
