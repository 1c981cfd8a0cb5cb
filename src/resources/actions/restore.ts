// action "scalingo_database_restore" (Terraform 1.14): a point-in-time restore (PITR) of a
// database, in place, to an RFC 3339 instant, waiting until the restore operation finishes.
//
// Plan time: an instant in the future is refused without any request; otherwise the addon
// must be a database whose recovery window (read from Scalingo) contains the instant, so a
// restore that cannot happen is refused before anything is written. Apply: the window is
// checked again (time has passed), then one POST; if its answer is lost, the database's
// current operation tells whether the restore started, and it is never sent twice.

import { StringType } from '../../cty/types.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ActionContext, ActionDefinition, Planned } from '../../framework/resource.js';
import { stringMatches } from '../../framework/validators.js';
import { isOutcomeUnknown, type Operation } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { waitUntil, WaitFailedError } from '../shared/wait.js';
import { databaseAddon, known, label, targetAttributes, took, withActionBudget, type Ctx, type TargetConfig } from './target.js';

const DEFAULT_TIMEOUT_MS = 2 * 60 * 60_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const TERMINAL = new Set(['finished', 'error', 'user-error', 'cancelled']);

type RestoreConfig = TargetConfig & { restore_time: string };

/** The instant, or a diagnostic on `restore_time`. */
function instant(text: string): Date {
  const at = new Date(text);
  if (!RFC3339.test(text) || Number.isNaN(at.getTime())) {
    throw new DiagnosticError('Invalid restore time', `${JSON.stringify(text)} is not an RFC 3339 date-time such as "2026-03-01T10:30:00Z".`, ['restore_time']);
  }
  return at;
}

function refuseFuture(at: Date, text: string): void {
  if (at.getTime() > Date.now()) {
    throw new DiagnosticError('Restore time in the future', `${text} has not happened yet: a database can only be restored to an instant of its past, within its recovery window.`, ['restore_time']);
  }
}

/** Refuses an instant outside the database's recovery window (read from Scalingo). */
async function checkWindow(app: string, addonId: string, at: Date, text: string, ctx: Ctx): Promise<void> {
  const window = await ctx.provider.client.backups.recoveryWindow(app, addonId, { signal: ctx.signal });
  const earliest = window.earliest_recoverable_at ? new Date(window.earliest_recoverable_at) : null;
  const latest = window.latest_recoverable_at ? new Date(window.latest_recoverable_at) : null;
  if (!earliest || !latest) {
    throw new DiagnosticError('Point-in-time recovery not available', `Database ${addonId} has no recovery window (its plan has no point-in-time recovery).`, ['addon_id']);
  }
  if (at < earliest || at > latest) {
    throw new DiagnosticError(
      'Restore time outside the recovery window',
      `${text} is outside the recovery window of database ${addonId}: from ${earliest.toISOString()} to ${latest.toISOString()}. Nothing was restored.`,
      ['restore_time'],
    );
  }
}

async function planRestore(config: Planned<RestoreConfig>, ctx: Ctx): Promise<void> {
  if (typeof config.restore_time !== 'string') return;
  const at = instant(config.restore_time);
  refuseFuture(at, config.restore_time);
  if (!known(config)) return;
  await databaseAddon(config.app, config.addon_id, ctx);
  await checkWindow(config.app, config.addon_id, at, config.restore_time, ctx);
  ctx.diags.warning(
    'The database will be restored in place',
    `Database ${config.addon_id} goes back to ${at.toISOString()}: everything written after that instant is lost, and the database is unavailable while it is restored. Take a backup first (action scalingo_database_backup) if you may need it.`,
  );
}

/** The restore a POST whose answer was lost started, if any: the database's current operation. */
async function findStarted(app: string, addonId: string, ctx: Ctx): Promise<string | undefined> {
  const db = await ctx.provider.client.databases.get(app, addonId, { signal: ctx.signal });
  if (!db.current_operation_id) return undefined;
  const op = await ctx.provider.client.databases.operation(app, addonId, db.current_operation_id, { signal: ctx.signal });
  return op.type === 'pitr_restore' ? op.id : undefined;
}

async function runRestore(config: RestoreConfig, ctx: ActionContext<ScalingoContext>): Promise<void> {
  const { app, addon_id: addonId } = config;
  const at = instant(config.restore_time);
  refuseFuture(at, config.restore_time);
  const addon = await databaseAddon(app, addonId, ctx);
  await checkWindow(app, addonId, at, config.restore_time, ctx);
  ctx.progress(`Restoring ${label(addon)} to ${at.toISOString()}`);
  const sent = Date.now();
  let operationId: string | undefined;
  try {
    operationId = (await ctx.provider.client.backups.restore(app, addonId, at, { signal: ctx.signal })).operation_id;
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    operationId = await findStarted(app, addonId, ctx);
    if (!operationId) {
      throw new DiagnosticError('Restore request lost', `The restore request's answer was lost and database ${addonId} shows no restore in progress. Check the database before invoking the action again.`);
    }
  }
  if (!operationId) throw new DiagnosticError('Restore started without an operation', `Scalingo accepted the restore of ${addonId} but returned no operation to follow; check the database's status.`);
  ctx.log.info('restore requested', { app, addon_id: addonId, operation_id: operationId });
  let last = '';
  await waitUntil<Operation>({
    poll: (signal) => ctx.provider.client.databases.operation(app, addonId, operationId, { signal }),
    status: (op) => op.status,
    until: {
      what: `the restore of ${addonId} to finish`,
      met: (op) => op.status === 'finished',
      failed: (op) => (TERMINAL.has(op.status) && op.status !== 'finished' ? `The restore of ${label(addon)} ended ${op.status}${op.error ? `: ${op.error}` : ''}.` : undefined),
    },
    onPoll: (op) => {
      if (op.status === last) return;
      last = op.status;
      if (!TERMINAL.has(op.status)) ctx.progress(`Restore of ${label(addon)}: ${op.status}`);
    },
    signal: ctx.signal,
    log: ctx.log,
  }).catch((err: unknown) => {
    if (err instanceof WaitFailedError) throw new DiagnosticError('Restore failed', err.message);
    throw err;
  });
  ctx.progress(`Restore of ${label(addon)} to ${at.toISOString()} finished in ${took(Date.now() - sent)}`);
}

export const databaseRestoreAction: ActionDefinition<RestoreConfig, ScalingoContext> = {
  typeName: 'scalingo_database_restore',
  schema: {
    version: 0,
    block: {
      description:
        'Restores a database addon in place to an instant of its past (point-in-time recovery) and waits until the restore finishes, reporting its progress. The plan refuses an instant outside the database\'s recovery window before anything is written. Terraform 1.14+: `terraform apply -invoke=action.scalingo_database_restore.<name>`.',
      attributes: {
        ...targetAttributes(DEFAULT_TIMEOUT_MS, 'the restore'),
        restore_time: {
          type: StringType,
          required: true,
          description: 'The instant to restore to, RFC 3339 (e.g. `2026-03-01T10:30:00Z`); it must lie in the recovery window (7 days on Shared Resources plans).',
          validators: [stringMatches(RFC3339, 'Use an RFC 3339 date-time such as "2026-03-01T10:30:00Z"')],
        },
      },
    },
  },
  plan({ config }, ctx) {
    return planRestore(config, ctx);
  },
  invoke({ config }, ctx) {
    return withActionBudget(config, ctx, DEFAULT_TIMEOUT_MS, runRestore);
  },
};
