// The rules of Scalingo's "Managing users" page, checked before any API call, and the
// `<app>:<addon_id>:<name>` import IDs shared with scalingo_database_extension.

import type { AttributeValidator } from '../../framework/validators.js';

export const USERNAME_MIN = 6;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

/**
 * Role names PostgreSQL keeps for itself: `pg_*` (its predefined roles), the bootstrap superuser
 * and the names CREATE ROLE refuses. Compared without case, in case the platform lowercases.
 */
const RESERVED_NAMES = new Set(['postgres', 'public', 'current_user', 'current_role', 'session_user']);

export function isReservedUsername(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_NAMES.has(lower) || lower.startsWith('pg_');
}

/** What is wrong with a user name, one sentence per broken rule; empty when it is valid. */
export function usernameProblems(name: string): string[] {
  const problems: string[] = [];
  const length = [...name].length;
  if (length < USERNAME_MIN || length > USERNAME_MAX) problems.push(`It must be between ${USERNAME_MIN} and ${USERNAME_MAX} characters long; it has ${length}.`);
  const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9_]/.test(c)))];
  if (bad.length > 0) problems.push(`It can only contain letters, digits and underscores; it contains ${bad.map((c) => JSON.stringify(c)).join(', ')}.`);
  if (name.length > 0 && !/^[A-Za-z]/.test(name)) problems.push('It must start with a letter.');
  if (isReservedUsername(name)) {
    problems.push(`PostgreSQL reserves it: names starting with "pg_" and ${[...RESERVED_NAMES].map((n) => `"${n}"`).join(', ')} belong to the server itself.`);
  }
  return problems;
}

/**
 * What is wrong with a password. The messages never quote the password, not even in part:
 * they end up in Terraform's output.
 */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) problems.push(`It must be between ${PASSWORD_MIN} and ${PASSWORD_MAX} characters long; it has ${length}.`);
  if (/["']/.test(password)) problems.push('It must not contain the characters " or \'.');
  return problems;
}

export function usernameValidator(): AttributeValidator {
  return {
    description: `${USERNAME_MIN}–${USERNAME_MAX} characters: letters, digits and underscores, starting with a letter`,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const problems = usernameProblems(value);
      if (problems.length > 0) diags.error('Invalid database user name', `Scalingo refuses the user name ${JSON.stringify(value)}. ${problems.join(' ')}`, path);
    },
  };
}

export function passwordValidator(): AttributeValidator {
  return {
    description: `${PASSWORD_MIN}–${PASSWORD_MAX} characters, without \`"\` or \`'\``,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const problems = passwordProblems(value);
      if (problems.length > 0) diags.error('Invalid database user password', `Scalingo refuses this password. ${problems.join(' ')}`, path);
    },
  };
}

// `<app>:<addon_id>:<name>`: the form every object inside an addon is imported by.
export { addonObjectId, parseAddonObjectId, type AddonObjectId } from '../shared/object_id.js';
