// deletion_protection on scalingo_addon: the one refusal, shared by the plan (destroy and
// replacement refused before anything happens) and by delete (an old plan file).

import type { Diagnostic } from '../../framework/diagnostics.js';
import type { AddonModel } from './model.js';

/** The error for destroying (no path) or replacing (the attribute forcing it) a protected addon. */
export function protectionError(prior: Pick<AddonModel, 'id'>, path?: string): Diagnostic {
  const what = path === undefined ? 'destroyed' : `replaced (a change of "${path}" cannot be made in place)`;
  return {
    severity: 'error',
    summary: 'Deletion protection is on',
    detail: `Addon ${prior.id ?? ''} has deletion_protection = true, so it cannot be ${what}: that would delete the addon with its data and backups. To allow it, set deletion_protection = false, run terraform apply, then run this again.`,
    ...(path === undefined ? {} : { path: [path] }),
  };
}
