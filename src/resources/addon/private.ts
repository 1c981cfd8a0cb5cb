// The private state of scalingo_addon, written at plan and read at apply and refresh, in one
// place: which database-level attributes the configuration manages (refreshing them costs two
// more requests per addon, spent only where they are managed), and whether the planned change
// must be preceded by a backup (backup_before_change).

import type { ValueObject } from '../../cty/value.js';

export interface AddonPrivate {
  readonly featuresManaged: boolean;
  readonly versionManaged: boolean;
  readonly windowManaged?: boolean;
  readonly backupsManaged?: boolean;
  /** Why the planned change needs a backup first ("the downscale to …"), when it does. */
  readonly backupFirst?: string;
}

export function readAddonPrivate(privateState: ValueObject | null): Required<Omit<AddonPrivate, 'backupFirst'>> & Pick<AddonPrivate, 'backupFirst'> {
  const reason = privateState?.['backup_first'];
  return {
    featuresManaged: privateState?.['features_managed'] === true,
    versionManaged: privateState?.['version_managed'] === true,
    windowManaged: privateState?.['window_managed'] === true,
    backupsManaged: privateState?.['backups_managed'] === true,
    ...(typeof reason === 'string' ? { backupFirst: reason } : {}),
  };
}

export function writeAddonPrivate(flags: AddonPrivate): ValueObject {
  return {
    features_managed: flags.featuresManaged,
    version_managed: flags.versionManaged,
    window_managed: flags.windowManaged === true,
    backups_managed: flags.backupsManaged === true,
    ...(flags.backupFirst !== undefined ? { backup_first: flags.backupFirst } : {}),
  };
}

/** Whether a refresh must read the database (some database-level attribute is managed). */
export function readsDatabase(flags: AddonPrivate): boolean {
  return flags.featuresManaged || flags.versionManaged || flags.windowManaged === true || flags.backupsManaged === true;
}
