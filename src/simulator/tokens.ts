// Unsigned (`alg: none`) JWTs, like those in go-scalingo's own tests. They carry `exp` (clients
// read it to refresh), the issuing API token's id (for rate limiting) and a revocation epoch.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { forbidden, unauthorized } from './http.js';
import type { SimState } from './state.js';

export const DB_TOKEN_TTL_SECONDS = 3600;
const ISSUER = 'scalingo-simulator';

export interface TokenClaims {
  iss: string;
  sub: string;
  /** Id of the API token this JWT was exchanged from (never the token itself). */
  tid: string;
  kind: 'bearer' | 'db';
  addon_id?: string;
  rev: number;
  iat: number;
  exp: number;
  jti: string;
}

/** A non-reversible id of an API token, used as the rate-limit key. */
export function apiTokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function issueToken(state: SimState, kind: 'bearer' | 'db', addonId?: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const ttl = kind === 'bearer' ? state.bearerTtlSeconds : DB_TOKEN_TTL_SECONDS;
  const claims: TokenClaims = {
    iss: ISSUER,
    sub: state.userId,
    tid: apiTokenId(state.apiToken),
    kind,
    ...(addonId ? { addon_id: addonId } : {}),
    rev: state.tokenEpoch,
    iat,
    exp: iat + ttl,
    jti: randomBytes(8).toString('hex'),
  };
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

/** Decodes a JWT's claims without checking them; null when it is not one of ours. */
export function decodeToken(jwt: string): TokenClaims | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const c = claims as Partial<TokenClaims>;
    if (c.iss !== ISSUER || typeof c.exp !== 'number' || typeof c.tid !== 'string' || (c.kind !== 'bearer' && c.kind !== 'db')) return null;
    return c as TokenClaims;
  } catch {
    return null;
  }
}

export function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Basic credentials `user:password`, or null. */
export function basicOf(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Validates a token of the given kind; throws the 401 (or 403) Scalingo would answer. */
export function verifyToken(state: SimState, header: string | undefined, kind: 'bearer' | 'db', addonId?: string): TokenClaims {
  const jwt = bearerOf(header);
  if (!jwt) throw unauthorized('You are not authorized to do this operation: no bearer token given');
  const claims = decodeToken(jwt);
  if (!claims || claims.tid !== apiTokenId(state.apiToken)) throw unauthorized('You are not authorized to do this operation: invalid token');
  if (claims.rev !== state.tokenEpoch) throw unauthorized('You are not authorized to do this operation: token revoked');
  if (claims.exp <= Date.now() / 1000) throw unauthorized('You are not authorized to do this operation: token expired');
  if (claims.kind !== kind) {
    throw unauthorized(
      kind === 'db'
        ? 'You are not authorized to do this operation: the database API needs an addon token (POST /v1/apps/{app}/addons/{addon_id}/token)'
        : 'You are not authorized to do this operation: an addon token cannot be used on this API',
    );
  }
  if (kind === 'db' && addonId !== undefined && claims.addon_id !== addonId) {
    throw forbidden('this token gives access to another database');
  }
  return claims;
}

/** The /_sim admin API takes `Authorization: Bearer <admin token>`; anything else is 401. */
export function verifyAdmin(state: SimState, header: string | undefined): void {
  const given = Buffer.from(bearerOf(header) ?? '');
  const expected = Buffer.from(state.adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('the /_sim admin API needs Authorization: Bearer <admin_token>, the admin_token of the simulator\'s first stdout line');
  }
}
