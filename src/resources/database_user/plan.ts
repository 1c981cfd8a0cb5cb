// Plan-time logic of scalingo_database_user: which password mode the configuration uses, what a
// plan changes about the password, and the refusals that protect the platform's own user.

import { isUnknown, valueEquals, type Value } from '../../cty/value.js';
import type { AttributePath, Diagnostics } from '../../framework/diagnostics.js';
import type { OperationContext, PlanRequest, Planned } from '../../framework/resource.js';
import { replaceIfAnotherApp } from '../shared/app.js';
import type { ScalingoContext } from '../shared/context.js';
import type { DatabaseUserModel } from './model.js';

type Ctx = OperationContext<ScalingoContext>;

/** given: `password`; write_only: `password_wo`; generated: neither, the platform picks one. */
export type PasswordMode = 'given' | 'write_only' | 'generated';

export function passwordMode(config: Pick<Planned<DatabaseUserModel>, 'password' | 'password_wo'>): PasswordMode {
  if ((config.password_wo ?? null) !== null) return 'write_only';
  if ((config.password ?? null) !== null) return 'given';
  return 'generated';
}

export type PasswordChange = { change: false } | { change: true; path: AttributePath; why: string };

/**
 * Whether going from `prior` to this configuration sets a new password (in place). A generated
 * password is only made at creation: later plans keep it, and a null one (after an import or
 * a write-only password) stays null.
 */
export function passwordChange(
  prior: Pick<DatabaseUserModel, 'password' | 'password_wo_version'>,
  config: Pick<Planned<DatabaseUserModel>, 'password' | 'password_wo' | 'password_wo_version'>,
): PasswordChange {
  switch (passwordMode(config)) {
    case 'given':
      if (isUnknown(config.password) || config.password !== prior.password) return { change: true, path: ['password'], why: 'password changes' };
      return { change: false };
    case 'write_only':
      if (prior.password !== null) return { change: true, path: ['password_wo'], why: 'the password becomes write-only' };
      if (!valueEquals((config.password_wo_version ?? null) as Value, prior.password_wo_version as Value)) {
        return { change: true, path: ['password_wo_version'], why: 'password_wo_version changes' };
      }
      return { change: false };
    case 'generated':
      return { change: false };
  }
}

/** Checks on the configuration alone (ValidateResourceConfig). */
export function validateUserConfig(config: Planned<DatabaseUserModel>, diags: Diagnostics): void {
  if ((config.password ?? null) !== null && (config.password_wo ?? null) !== null) {
    diags.error(
      'Conflicting password attributes',
      '"password" and "password_wo" cannot both be set: use "password" to keep the password in state, or "password_wo" (with "password_wo_version") to never store it.',
      ['password_wo'],
    );
  }
  if ((config.password_wo_version ?? null) !== null && (config.password_wo ?? null) === null) {
    diags.error('password_wo_version needs password_wo', '"password_wo_version" tells when to set the write-only password "password_wo" again; set "password_wo" too, or remove "password_wo_version".', ['password_wo_version']);
  }
}

const REPLACING = ['addon_id', 'name', 'read_only'] as const;

export async function planUser(request: PlanRequest<DatabaseUserModel>, ctx: Ctx): Promise<void> {
  const { prior, planned, config } = request;

  if (planned === null || config === null) {
    if (prior?.protected === true) {
      // Destroyed with its addon in this run, or only removed from the configuration: either way
      // Scalingo cannot delete it alone, and there is nothing to delete. Terraform forgets it.
      ctx.diags.warning(
        `Protected user ${prior.name} will be removed from the state, not deleted`,
        `User ${prior.name} is protected: Scalingo created it with database addon ${prior.addon_id} and deletes it only with the addon. Terraform stops managing it; the user stays in the database as long as the addon exists.`,
      );
    }
    return;
  }

  // Never store a password in write-only mode, even one generated before.
  if (passwordMode(config) === 'write_only') planned.password = null;

  if (prior === null) return;

  // The same app by name or by ID is no change; another app replaces the user.
  const anotherApp = await replaceIfAnotherApp(request, ctx);

  if (prior.protected === true) {
    const replaced = [...(anotherApp ? (['app'] as const) : []), ...REPLACING].filter(
      (name) => name === 'app' || isUnknown(planned[name]) || !valueEquals(planned[name] as Value, prior[name] as Value),
    );
    if (replaced.length > 0) {
      ctx.diags.error(
        `Cannot replace protected user ${prior.name}`,
        `Changing ${replaced.map((n) => `"${n}"`).join(', ')} would delete user ${prior.name} and create another, but it is protected: Scalingo created it with the database and manages it. Keep the values it has (${replaced.map((n) => `${n} = ${JSON.stringify(prior[n])}`).join(', ')}).`,
        [replaced[0]!],
      );
    }
    const change = passwordChange(prior, config);
    if (change.change) {
      ctx.diags.error(
        `Cannot change the password of protected user ${prior.name}`,
        `The plan sets a new password (${change.why}), but ${prior.name} is protected: Scalingo created it with the database and manages its password. Remove "password", "password_wo" and "password_wo_version" from this resource's configuration.`,
        change.path,
      );
    }
  }
}
