// action "scalingo_database_backup" (Terraform 1.14): take a manual backup of a database now
// and wait until it is done, reporting its progress. Usable with `terraform apply -invoke`
// and from `lifecycle { action_trigger { … } }` (e.g. before any update of the addon).
//
// Plan time: the addon must exist, be a database, and its plan must keep manual backups
// (Sandbox plans do not). Apply: one POST; if its answer is lost, the backups are listed
// to find the one it created rather than asking for a second.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { ActionContext, ActionDefinition } from '../../framework/resource.js';
import { isOutcomeUnknown, type Backup } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import { waitUntil, WaitFailedError } from '../shared/wait.js';
import { databaseAddon, known, label, targetAttributes, took, withActionBudget, type Ctx, type TargetConfig } from './target.js';

const DEFAULT_TIMEOUT_MS = 60 * 60_000;

async function checkBackupsAvailable(app: string, addonId: string, ctx: Ctx): Promise<void> {
  await databaseAddon(app, addonId, ctx);
  const plan = await ctx.provider.client.databases.plan(app, addonId, { signal: ctx.signal });
  if (plan.manual_backups_count === 0) {
    throw new DiagnosticError('Manual backups not available', `The plan of database ${addonId} (${plan.name ?? 'unknown'}) keeps no manual backups; choose a Starter or Business plan.`, ['addon_id']);
  }
}

/** The manual backup a POST whose answer was lost created: the newest one since it was sent. */
async function findCreated(app: string, addonId: string, since: number, ctx: Ctx): Promise<Backup | undefined> {
  const backups = await ctx.provider.client.backups.list(app, addonId, { signal: ctx.signal });
  // A minute of tolerance for clock skew between us and Scalingo.
  return backups.find((b) => b.method === 'manual' && Date.parse(b.created_at ?? '') >= since - 60_000);
}

function size(bytes: number | null | undefined): string {
  if (!bytes) return '';
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? ` (${mb.toFixed(1)} MB)` : ` (${Math.max(1, Math.round(bytes / 1024))} kB)`;
}

async function takeBackup(config: TargetConfig, ctx: ActionContext<ScalingoContext>): Promise<void> {
  const { app, addon_id: addonId } = config;
  const addon = await databaseAddon(app, addonId, ctx);
  const { backups } = ctx.provider.client;
  ctx.progress(`Starting a manual backup of ${label(addon)}`);
  const sent = Date.now();
  let backup: Backup;
  try {
    backup = await backups.create(app, addonId, { signal: ctx.signal });
  } catch (err) {
    if (!isOutcomeUnknown(err)) throw err;
    const found = await findCreated(app, addonId, sent, ctx);
    if (!found) throw new DiagnosticError('Backup request lost', `The backup request's answer was lost and no new manual backup of ${addonId} is listed; invoke the action again.`);
    backup = found;
  }
  ctx.log.info('manual backup requested', { app, addon_id: addonId, backup_id: backup.id });
  let last = '';
  const done = await waitUntil<Backup>({
    poll: async (signal) => (await backups.get(app, addonId, backup.id, { signal })) ?? { ...backup, status: 'missing' },
    status: (b) => b.status,
    until: {
      what: `backup ${backup.name ?? backup.id} to be done`,
      met: (b) => b.status === 'done',
      failed: (b) =>
        b.status === 'error'
          ? `Scalingo reports the backup ${b.name ?? b.id} of ${label(addon)} as failed. The database itself is untouched; invoke the action again, and contact Scalingo support if backups keep failing.`
          : b.status === 'missing'
            ? `The backup ${b.name ?? b.id} is no longer listed (pruned or deleted).`
            : undefined,
    },
    onPoll: (b) => {
      if (b.status === last) return;
      last = b.status;
      if (b.status !== 'done' && b.status !== 'error') ctx.progress(`Backup ${b.name ?? b.id}: ${b.status}`);
    },
    signal: ctx.signal,
    log: ctx.log,
  }).catch((err: unknown) => {
    if (err instanceof WaitFailedError) throw new DiagnosticError('Backup failed', err.message);
    throw err;
  });
  ctx.progress(`Backup ${done.name ?? done.id} done${size(done.size)} in ${took(Date.now() - sent)}`);
}

export const databaseBackupAction: ActionDefinition<TargetConfig, ScalingoContext> = {
  typeName: 'scalingo_database_backup',
  schema: {
    version: 0,
    block: {
      description:
        'Takes a manual backup of a database addon now and waits until it is `done`, reporting its progress; fails with the reason when Scalingo reports the backup as failed. Terraform 1.14+: `terraform apply -invoke=action.scalingo_database_backup.<name>`, or from a resource\'s `lifecycle { action_trigger { … } }`.',
      attributes: targetAttributes(DEFAULT_TIMEOUT_MS, 'the backup'),
    },
  },
  async plan({ config }, ctx) {
    if (known(config)) await checkBackupsAvailable(config.app, config.addon_id, ctx);
  },
  invoke({ config }, ctx) {
    return withActionBudget(config, ctx, DEFAULT_TIMEOUT_MS, takeBackup);
  },
};
