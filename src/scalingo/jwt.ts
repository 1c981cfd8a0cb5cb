// Reads the `exp` claim of a JWT without verifying it (as the official Go client does): the
// client only needs to know when to refresh; the server remains the judge of validity.

/** `exp` in epoch milliseconds, or undefined when the token is not a JWT or has no numeric `exp`. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length < 2 || parts[1] === undefined) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof payload === 'object' && payload !== null && 'exp' in payload) {
      const exp = (payload as { exp: unknown }).exp;
      if (typeof exp === 'number' && Number.isFinite(exp)) return exp * 1000;
    }
  } catch {
    // Not a JWT: the caller falls back to the documented lifetime.
  }
  return undefined;
}
