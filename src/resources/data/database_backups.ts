// Data source scalingo_database_backups: the backups of a database addon, newest first, and
// its point-in-time recovery window (what `scalingo --addon … backups` and the dashboard show).

import type { DataSourceDefinition } from '../../framework/resource.js';
import { attr } from '../../framework/schema.js';
import type { ScalingoContext } from '../shared/context.js';

type BackupEntry = { id: string; name: string | null; method: string | null; status: string; size: number; created_at: string | null };
export type DatabaseBackupsModel = {
  app: string;
  addon_id: string;
  backups: BackupEntry[] | null;
  earliest_recoverable_at: string | null;
  latest_recoverable_at: string | null;
};

export const databaseBackupsDataSource: DataSourceDefinition<DatabaseBackupsModel, ScalingoContext> = {
  typeName: 'scalingo_database_backups',
  schema: {
    version: 0,
    block: {
      description:
        'The backups of a database addon, newest first, with its point-in-time recovery (PITR) window: the instants a restore can reach.',
      attributes: {
        app: attr.string({ required: true, description: 'ID or name of the app.' }),
        addon_id: attr.string({ required: true, description: 'ID of the database addon (`ad-…`).' }),
        backups: attr.listNested(
          {
            id: attr.string({ computed: true, description: 'Backup ID.' }),
            name: attr.string({ computed: true, description: 'Backup name.' }),
            method: attr.string({ computed: true, description: '`periodic` (scheduled by Scalingo) or `manual`.' }),
            status: attr.string({ computed: true, description: '`scheduled`, `running`, `done` or `error`.' }),
            size: attr.number({ computed: true, description: 'Size in bytes (0 until the backup is `done`).' }),
            created_at: attr.string({ computed: true, description: 'When the backup was created (RFC 3339).' }),
          },
          { computed: true, description: 'Backups, newest first.' },
        ),
        earliest_recoverable_at: attr.string({
          computed: true,
          description: 'Earliest instant a point-in-time restore can reach (RFC 3339); null when the plan has no PITR.',
        }),
        latest_recoverable_at: attr.string({
          computed: true,
          description: 'Latest instant a point-in-time restore can reach (RFC 3339); null when the plan has no PITR.',
        }),
      },
    },
  },
  async read({ config }, ctx) {
    const { backups } = ctx.provider.client;
    const [list, window] = await Promise.all([
      backups.list(config.app, config.addon_id, { signal: ctx.signal }),
      backups.recoveryWindow(config.app, config.addon_id, { signal: ctx.signal }),
    ]);
    return {
      app: config.app,
      addon_id: config.addon_id,
      backups: list.map((b) => ({ id: b.id, name: b.name ?? null, method: b.method ?? null, status: b.status, size: b.size ?? 0, created_at: b.created_at ?? null })),
      earliest_recoverable_at: window.earliest_recoverable_at ?? null,
      latest_recoverable_at: window.latest_recoverable_at ?? null,
    };
  },
};
