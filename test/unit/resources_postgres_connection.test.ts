// The SQL connection helper: URL parsing, identifier quoting, secrets kept out of messages, and,
// against a fake PostgreSQL server speaking just enough of the protocol, sslmode's TLS fallback
// and cancellation.

import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { DiagnosticError } from '../../src/framework/diagnostics.js';
import { parseConnectionUrl, pickConnectionVariable } from '../../src/resources/shared/connection_url.js';
import { parsePostgresUrl, PostgresError, quoteIdent, redactSecrets, withPostgres } from '../../src/resources/shared/postgres_connection.js';

describe('parsePostgresUrl', () => {
  it('reads the parts of a Scalingo URL, decoding user and password', () => {
    expect(parsePostgresUrl('postgresql://my_app_4553:p%40ss%2Fw0rd@my-app.postgresql.a.osc-fr1.scalingo-dbs.com:31000/my_app_4553?sslmode=prefer')).toEqual({
      host: 'my-app.postgresql.a.osc-fr1.scalingo-dbs.com',
      port: 31000,
      database: 'my_app_4553',
      user: 'my_app_4553',
      password: 'p@ss/w0rd',
      sslmode: 'prefer',
    });
    expect(parsePostgresUrl('postgres://u:p@[::1]/db')).toMatchObject({ host: '::1', port: 5432, sslmode: 'prefer' });
    expect(parsePostgresUrl('postgres://u:p@h/db?sslmode=verify-full').sslmode).toBe('verify-full');
    expect(parsePostgresUrl('postgres://u:p@h/db?sslmode=nonsense').sslmode).toBe('prefer');
  });

  it('refuses unusable URLs without quoting them', () => {
    for (const url of ['not a url s3cret', 'mysql://u:s3cret@h/db', 'postgresql://u:s3cret@h/']) {
      let caught: unknown;
      try {
        parsePostgresUrl(url);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DiagnosticError);
      expect(JSON.stringify({ ...(caught as DiagnosticError), message: (caught as Error).message })).not.toContain('s3cret');
    }
  });
});

describe('quoteIdent', () => {
  it('double-quotes, doubling inner quotes', () => {
    expect(quoteIdent('uuid-ossp')).toBe('"uuid-ossp"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('Mixed Case')).toBe('"Mixed Case"');
  });

  it('refuses empty names and NUL characters', () => {
    expect(() => quoteIdent('')).toThrow(DiagnosticError);
    expect(() => quoteIdent('a\0b')).toThrow(DiagnosticError);
  });
});

describe('redactSecrets', () => {
  it('removes the secrets and any postgres URL', () => {
    const text = 'failed for postgresql://u:pw-123456@h:5432/db?sslmode=prefer with pw-123456 (postgres://x@y)';
    const out = redactSecrets(text, ['pw-123456', '']);
    expect(out).not.toContain('pw-123456');
    expect(out).not.toMatch(/postgres(ql)?:\/\//);
    expect(out).toContain('(database URL)');
  });
});

// ---- a fake server: answers SSLRequest with 'N', StartupMessage with an ErrorResponse ----

type Seen = { kind: 'ssl' | 'startup' | 'other'; closed: boolean };
let server: Server | undefined;
const sockets = new Set<Socket>();

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0C${code}\0M${message}\0`), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

async function fakePostgres(behaviour: 'refuse-tls-then-error' | 'silent', errorMessage = 'password authentication failed for user "bob"'): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((socket) => {
    sockets.add(socket);
    const entry: Seen = { kind: 'other', closed: false };
    seen.push(entry);
    socket.on('close', () => {
      entry.closed = true;
      sockets.delete(socket);
    });
    socket.on('error', () => {});
    socket.once('data', (data) => {
      const code = data.length >= 8 ? data.readInt32BE(4) : 0;
      entry.kind = code === 80877103 ? 'ssl' : code === 196608 ? 'startup' : 'other';
      if (behaviour === 'silent') return;
      if (entry.kind === 'ssl') socket.write('N');
      else socket.end(errorResponse('28P01', errorMessage));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, seen };
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('withPostgres', () => {
  it('with sslmode=prefer, falls back to plaintext when the server refuses TLS, and reports the server error without secrets', async () => {
    const { port, seen } = await fakePostgres('refuse-tls-then-error');
    const url = `postgresql://bob:s3cret-pw@127.0.0.1:${port}/db?sslmode=prefer`;
    const error = await withPostgres(url, new AbortController().signal, async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresError);
    expect((error as PostgresError).stage).toBe('connect');
    expect((error as PostgresError).code).toBe('28P01');
    expect((error as Error).message).toContain('password authentication failed for user "bob"');
    expect(seen.map((s) => s.kind)).toEqual(['ssl', 'startup']);
  });

  it('with sslmode=require, does not fall back', async () => {
    const { port, seen } = await fakePostgres('refuse-tls-then-error');
    const error = await withPostgres(`postgresql://bob:pw@127.0.0.1:${port}/db?sslmode=require`, new AbortController().signal, async () => 'never').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/does not support SSL/);
    expect(seen.map((s) => s.kind)).toEqual(['ssl']);
  });

  it('with sslmode=disable, never asks for TLS', async () => {
    const { port, seen } = await fakePostgres('refuse-tls-then-error');
    await withPostgres(`postgresql://bob:pw@127.0.0.1:${port}/db?sslmode=disable`, new AbortController().signal, async () => 'never').catch(() => undefined);
    expect(seen.map((s) => s.kind)).toEqual(['startup']);
  });

  it('keeps the password and the URL out of what the server says', async () => {
    const { port } = await fakePostgres('refuse-tls-then-error', 'echo of s3cret-pw and postgresql://bob:s3cret-pw@h/db');
    const url = `postgresql://bob:s3cret-pw@127.0.0.1:${port}/db?sslmode=disable`;
    const error = (await withPostgres(url, new AbortController().signal, async () => 'never').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('echo of (redacted)');
    expect(error.message).not.toContain('s3cret-pw');
    expect(error.message).not.toContain('postgresql://');
  });

  it('ends the connection when the signal aborts, and rejects with its reason', async () => {
    const { port, seen } = await fakePostgres('silent');
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop requested')), 200);
    const error = await withPostgres(`postgresql://bob:pw@127.0.0.1:${port}/db?sslmode=disable`, controller.signal, async () => 'never').catch((e: unknown) => e);
    expect((error as Error).message).toBe('stop requested');
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.closed).toBe(true);
  });

  it('does not connect at all when the signal is already aborted', async () => {
    const { port, seen } = await fakePostgres('silent');
    const controller = new AbortController();
    controller.abort(new Error('already stopped'));
    await expect(withPostgres(`postgresql://bob:pw@127.0.0.1:${port}/db`, controller.signal, async () => 'never')).rejects.toThrow('already stopped');
    expect(seen).toHaveLength(0);
  });
});

describe('connection variables of an addon', () => {
  const pg = { id: 'ad-1', resource_id: 'my_app_4553', addon_provider: { id: 'postgresql' } };
  const vars = (...pairs: [string, string][]) => pairs.map(([name, value], i) => ({ id: String(i), name, value }));

  it('picks the variable whose database is the addon, else SCALINGO_<TECH>_URL', () => {
    const list = vars(
      ['DATABASE_URL', 'postgresql://a:x@h:1/my_app_4553'],
      ['SCALINGO_POSTGRESQL_URL', 'postgresql://o:x@h:1/other_db'],
      ['SCALINGO_POSTGRESQL_2_URL', 'postgresql://m:x@h:2/my_app_4553'],
    );
    expect(pickConnectionVariable(list, pg)?.name).toBe('SCALINGO_POSTGRESQL_2_URL');
    expect(pickConnectionVariable(list.slice(0, 2), pg)?.name).toBe('SCALINGO_POSTGRESQL_URL');
    expect(pickConnectionVariable(vars(['SCALINGO_REDIS_URL', 'redis://:x@h:3']), { ...pg, addon_provider: { id: 'redis' } })?.name).toBe('SCALINGO_REDIS_URL');
    expect(pickConnectionVariable(list, { ...pg, addon_provider: { id: 'scalingo-postgresql' } })?.name).toBe('SCALINGO_POSTGRESQL_2_URL');
    expect(pickConnectionVariable(list, { ...pg, addon_provider: { id: 'papertrail' } })).toBeUndefined();
    expect(pickConnectionVariable(vars(['DATABASE_URL', 'postgresql://a:x@h:1/my_app_4553']), pg)).toBeUndefined();
  });

  it('splits a URL with the WHATWG parser: decoded user and password, IPv6 host, default ports', () => {
    expect(parseConnectionUrl('postgresql://my_app:p%40ss%2Fw0rd@my-app.postgresql.a.osc-fr1.scalingo-dbs.com:31000/my_db?sslmode=prefer', 'V')).toEqual({
      url: 'postgresql://my_app:p%40ss%2Fw0rd@my-app.postgresql.a.osc-fr1.scalingo-dbs.com:31000/my_db?sslmode=prefer',
      host: 'my-app.postgresql.a.osc-fr1.scalingo-dbs.com',
      port: 31000,
      database: 'my_db',
      username: 'my_app',
      password: 'p@ss/w0rd',
    });
    expect(parseConnectionUrl('postgres://u:p@[::1]/db', 'V')).toMatchObject({ host: '::1', port: 5432 });
    expect(parseConnectionUrl('redis://:s3cret@r.example:32000', 'V')).toMatchObject({ host: 'r.example', port: 32000, database: null, username: null, password: 's3cret' });
    expect(parseConnectionUrl('mysql://u:p@h/db', 'V').port).toBe(3306);
  });

  it('refuses unusable URLs naming the variable, never quoting the URL', () => {
    for (const url of ['not a url s3cret', 'mongodb://u:s3cret@h1:1,h2:2/db', 'weird://u:s3cret@h/db']) {
      let caught: unknown;
      try {
        parseConnectionUrl(url, 'SCALINGO_X_URL');
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DiagnosticError);
      expect((caught as DiagnosticError).detail).toContain('SCALINGO_X_URL');
      expect(JSON.stringify({ ...(caught as DiagnosticError), message: (caught as Error).message })).not.toContain('s3cret');
    }
  });
});
