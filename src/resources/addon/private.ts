// The private state of scalingo_addon, written at plan and read at apply and refresh, in one
// place: which database-level attributes the configuration manages (refreshing them costs two
// more requests per addon, spent only where they are managed).

import type { ValueObject } from '../../cty/value.js';

export interface AddonPrivate {
  readonly featuresManaged: boolean;
  readonly versionManaged: boolean;
}

export function readAddonPrivate(privateState: ValueObject | null): AddonPrivate {
  return { featuresManaged: privateState?.['features_managed'] === true, versionManaged: privateState?.['version_managed'] === true };
}

export function writeAddonPrivate(flags: AddonPrivate): ValueObject {
  return { features_managed: flags.featuresManaged, version_managed: flags.versionManaged };
}
