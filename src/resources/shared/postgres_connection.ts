// Short-lived SQL connections to a PostgreSQL addon, for what Scalingo only allows through SQL
// (extensions). The connection URL comes from the app's SCALINGO_POSTGRESQL_URL variable: it
// holds a password, so it is never logged, never stored, and kept out of every error message.

import type pg from 'pg';
import { DiagnosticError } from '../../framework/diagnostics.js';
import type { OperationContext } from '../../framework/resource.js';
import { normalizeAddonProviderId } from '../../scalingo/index.js';
import { pickConnectionVariable } from './connection_url.js';
import type { ScalingoContext } from './context.js';

type Ctx = OperationContext<ScalingoContext>;

export const CONNECT_TIMEOUT_MS = 15_000;
export const QUERY_TIMEOUT_MS = 120_000;

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export type PostgresTarget = {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  sslmode: SslMode;
};

const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** The parts of a `postgres(ql)://user:pw@host:port/db?sslmode=…` URL; errors never quote it. */
export function parsePostgresUrl(url: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DiagnosticError('Unusable database URL', 'SCALINGO_POSTGRESQL_URL is not a valid URL.');
  }
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') throw new DiagnosticError('Unusable database URL', `SCALINGO_POSTGRESQL_URL has scheme "${u.protocol}", not postgresql:.`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.hostname || !database || !u.username) throw new DiagnosticError('Unusable database URL', 'SCALINGO_POSTGRESQL_URL lacks a host, a user or a database name.');
  const requested = (u.searchParams.get('sslmode') ?? 'prefer') as SslMode;
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 5432,
    database,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    sslmode: SSL_MODES.includes(requested) ? requested : 'prefer',
  };
}

/** A PostgreSQL identifier, quoted: `"uuid-ossp"`, `"my ""odd"" schema"`. */
export function quoteIdent(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new DiagnosticError('Invalid identifier', 'A PostgreSQL identifier cannot be empty or contain a NUL character.');
  return `"${name.replace(/"/g, '""')}"`;
}

/** Removes every occurrence of the secrets from a text meant for a log or a diagnostic. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('(redacted)');
  return out.replace(/postgres(?:ql)?:\/\/[^\s"']*/gi, '(database URL)');
}

/** Thrown when the addon or its app no longer exists: reads turn it into "gone". */
export class AddonGoneError extends DiagnosticError {
  override name = 'AddonGoneError';
}

/**
 * The connection URL of a PostgreSQL addon: the app's SCALINGO_POSTGRESQL_URL (or a variant of
 * it whose database is this addon's), read through the API.
 */
export async function connectionUrl(ctx: Ctx, app: string, addonId: string): Promise<string> {
  const addon = await ctx.provider.findAddon(app, addonId, ctx.signal);
  if (!addon) throw new AddonGoneError('Database addon not found', `App ${app} has no addon ${addonId} (or this token cannot see it).`, ['addon_id']);
  if (normalizeAddonProviderId(addon.addon_provider.id) !== 'postgresql') {
    throw new DiagnosticError('Not a PostgreSQL addon', `Addon ${addonId} is a ${addon.addon_provider.id} addon; extensions exist only on PostgreSQL.`, ['addon_id']);
  }
  const variables = (await ctx.provider.variablesOf(app, ctx.signal)) ?? [];
  const chosen = pickConnectionVariable(variables, addon);
  if (!chosen) throw new DiagnosticError('No database URL', `App ${app} has no SCALINGO_POSTGRESQL_URL variable, which Scalingo sets when a PostgreSQL addon is provisioned.`, ['addon_id']);
  ctx.log.debug('database connection URL found', { app, addon_id: addonId, variable: chosen.name });
  return chosen.value;
}

/**
 * Connect, run, disconnect. TLS follows sslmode (for `prefer`/`allow`: TLS without certificate
 * checks, as Scalingo's CA is not public, then plaintext if the server refuses TLS). Aborting
 * the signal ends the connection, which fails the query in flight.
 */
export async function withPostgres<T>(url: string, signal: AbortSignal, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const target = parsePostgresUrl(url);
  const secrets = [url, target.password];
  // Loaded on first use: most launches never connect to a database.
  const { Client } = (await import('pg')).default;
  const attempts: (false | { rejectUnauthorized: boolean })[] =
    target.sslmode === 'disable'
      ? [false]
      : target.sslmode === 'verify-ca' || target.sslmode === 'verify-full'
        ? [{ rejectUnauthorized: true }]
        : target.sslmode === 'require'
          ? [{ rejectUnauthorized: false }]
          : [{ rejectUnauthorized: false }, false];
  for (let i = 0; ; i++) {
    signal.throwIfAborted();
    const client = new Client({
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      password: target.password,
      ssl: attempts[i]!,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      application_name: 'terraform-provider-scalingo',
    });
    // An 'error' event without a listener would crash the process (e.g. a dropped connection).
    client.on('error', () => {});
    // pg leaves connect() pending when the client is ended meanwhile: race it with the signal.
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        void endQuietly(client);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => {});
    try {
      try {
        await Promise.race([client.connect(), aborted]);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        const tlsRefused = err instanceof Error && /does not support SSL/i.test(err.message);
        if (tlsRefused && i + 1 < attempts.length) continue;
        throw new PostgresError('connect', err, secrets);
      }
      try {
        return await Promise.race([run(client), aborted]);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw err instanceof DiagnosticError ? err : new PostgresError('query', err, secrets);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      await endQuietly(client);
    }
  }
}

/** Ends the client, giving up waiting after a moment (the socket is closed either way). */
function endQuietly(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2000);
    timer.unref();
  });
  return Promise.race([client.end().catch(() => {}), gaveUp]).finally(() => clearTimeout(timer));
}

/** A failure of the database itself, with the server's words (and nothing secret). */
export class PostgresError extends Error {
  override name = 'PostgresError';
  /** SQLSTATE, e.g. `42704`, when the server sent one. */
  readonly code: string | undefined;
  constructor(
    readonly stage: 'connect' | 'query',
    cause: unknown,
    secrets: readonly string[],
  ) {
    const e = cause as { message?: unknown; code?: unknown; detail?: unknown; hint?: unknown } | null;
    const parts = [typeof e?.message === 'string' ? e.message : String(cause)];
    if (typeof e?.detail === 'string' && e.detail) parts.push(e.detail);
    if (typeof e?.hint === 'string' && e.hint) parts.push(`Hint: ${e.hint}`);
    super(redactSecrets(parts.join('. '), secrets));
    this.code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  }
}
