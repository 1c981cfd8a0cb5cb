// Writing the maintenance window and periodic backups of scalingo_addon: one PATCH of the
// database, only when the configured values differ from the database's.

import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { isValidationError, type Database } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';
import type { AddonModel } from './model.js';
import { settingsUpdate } from './settings.js';

/** Brings the database to the configured settings; returns the database as it then is. */
export async function applySettings(
  ctx: OperationContext<ScalingoContext>,
  signal: AbortSignal,
  app: string,
  id: string,
  database: Database,
  config: Pick<AddonModel, 'maintenance_window' | 'periodic_backups'>,
): Promise<Database> {
  const input = settingsUpdate(database, config.maintenance_window, config.periodic_backups);
  if (!input) return database;
  try {
    const updated = await ctx.provider.client.databases.update(app, id, input, { signal });
    ctx.log.info('database settings updated', { addon_id: id, maintenance_window: input.maintenanceWindow !== undefined, periodic_backups: input.periodicBackupsEnabled !== undefined || input.periodicBackupsScheduledAt !== undefined });
    return updated;
  } catch (err) {
    if (!isValidationError(err)) throw err;
    const path = err.fieldErrors && Object.keys(err.fieldErrors).some((k) => k.startsWith('periodic')) ? 'periodic_backups' : 'maintenance_window';
    throw new DiagnosticError('Scalingo refused the database settings', `${err.scalingoMessage}.${path === 'maintenance_window' ? ' A window cannot be moved once Scalingo has notified a maintenance in it (see data "scalingo_database_maintenances"); try again once it is over.' : ''}`, [path]);
  }
}
