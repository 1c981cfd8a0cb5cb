// Database user rules from Scalingo's "Managing users" page. Messages follow Rails' style,
// the form the API's 422 `{"errors": {...}}` bodies use.

const RESERVED_NAMES = new Set(['postgres', 'sim_admin', 'public', 'current_user', 'current_role', 'session_user']);

export function usernameErrors(name: unknown): string[] {
  if (typeof name !== 'string' || name === '') return ["can't be blank"];
  const errors: string[] = [];
  if (name.length < 6) errors.push('is too short (minimum is 6 characters)');
  if (name.length > 32) errors.push('is too long (maximum is 32 characters)');
  if (!/^[A-Za-z0-9_]*$/.test(name)) errors.push('can only contain letters, digits and underscores');
  if (!/^[A-Za-z]/.test(name)) errors.push('must start with a letter');
  // PostgreSQL reserves these role names; the rule set above would otherwise accept them.
  if (errors.length === 0 && (RESERVED_NAMES.has(name.toLowerCase()) || /^pg_/i.test(name))) errors.push('is reserved');
  return errors;
}

export function passwordErrors(password: unknown): string[] {
  if (typeof password !== 'string' || password === '') return ["can't be blank"];
  const errors: string[] = [];
  if (password.length < 8) errors.push('is too short (minimum is 8 characters)');
  if (password.length > 64) errors.push('is too long (maximum is 64 characters)');
  if (/["']/.test(password)) errors.push('must not contain the characters " or \'');
  return errors;
}

/**
 * Field errors of a password and its optional confirmation. `required` is false on creation,
 * where an absent password means "generate one".
 */
export function passwordPairErrors(password: unknown, confirmation: unknown, required: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const given = password !== undefined && password !== null && password !== '';
  const confirmationGiven = confirmation !== undefined && confirmation !== null && confirmation !== '';
  if (!given) {
    if (required || confirmationGiven) errors.password = ["can't be blank"];
    return errors;
  }
  const pwErrors = passwordErrors(password);
  if (pwErrors.length > 0) errors.password = pwErrors;
  if (confirmationGiven && confirmation !== password) errors.password_confirmation = ["doesn't match password"];
  return errors;
}
