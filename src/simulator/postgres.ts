// A private PostgreSQL cluster backing the simulator's postgresql databases: initdb in a
// fresh temp dir, loopback only, password (SCRAM) auth for everyone except the simulator's own
// superuser, which connects through the unix socket in that dir.
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';
import type { BackendUser, DatabaseBackend, ExtensionInfo, ExtensionRecord } from './backend.js';

const SUPERUSER = 'sim_admin';

/** Clusters still running: stopped synchronously if the process exits without closing them. */
const liveBackends = new Set<PostgresBackend>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const backend of liveBackends) backend.stopSync();
  });
}

interface Binaries {
  dir: string;
  initdb: string;
  pgCtl: string;
}

/** Where manual backups' dumps are written, inside the cluster's directory. */
const BACKUPS_DIR = 'backups';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a directory holding initdb, pg_ctl and postgres: PATH first, then Debian's layout. */
export function findPostgresBinaries(): Binaries | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) dirs.push(join(debianRoot, v, 'bin'));
  }
  for (const dir of dirs) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (isExecutable(initdb) && isExecutable(pgCtl) && isExecutable(join(dir, 'postgres'))) return { dir, initdb, pgCtl };
  }
  return null;
}

/**
 * A client tool (pg_dump, pg_restore) of the server's own version: beside the real pg_ctl
 * first (the one found may be a symbolic link), then on the PATH.
 */
function clientTool(bins: Binaries, name: string): string {
  const dirs = [dirname(realpathSync(bins.pgCtl)), bins.dir, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) if (isExecutable(join(dir, name))) return join(dir, name);
  throw new Error(`${name} not found beside ${bins.pgCtl} nor on the PATH`);
}

interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: pick `postgres`, else `nobody`. */
function unprivilegedUser(): OsUser | null {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
  const users = new Map<string, OsUser>();
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name && uid && gid) users.set(name, { name, uid: Number(uid), gid: Number(gid) });
  }
  return users.get('postgres') ?? users.get('nobody') ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A self-signed certificate, so the cluster speaks TLS like Scalingo's (whose CA is not a
 * public one either): `sslmode=prefer` clients get TLS, and clients must not verify the chain.
 * Returns false when openssl is unavailable (the cluster then runs without TLS).
 */
function writeSelfSignedCertificate(data: string, runAs: OsUser | null): boolean {
  const key = join(data, 'server.key');
  const crt = join(data, 'server.crt');
  const res = spawnSync(
    'openssl',
    ['req', '-new', '-x509', '-days', '30', '-nodes', '-subj', '/CN=127.0.0.1', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-keyout', key, '-out', crt],
    { stdio: 'ignore', timeout: 10_000 },
  );
  if (res.status !== 0) return false;
  chmodSync(key, 0o600);
  if (runAs) {
    chownSync(key, runAs.uid, runAs.gid);
    chownSync(crt, runAs.uid, runAs.gid);
  }
  return true;
}

function run(cmd: string, args: string[], runAs: OsUser | null): Promise<void> {
  const [file, argv] = runAs ? ['runuser', ['-u', runAs.name, '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: 60_000 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${String(stderr).trim() || err.message}`));
      else resolve();
    });
  });
}

const ident = (name: string): string => pg.escapeIdentifier(name);
const literal = (value: string): string => pg.escapeLiteral(value);

export class PostgresBackend implements DatabaseBackend {
  readonly mode = 'real' as const;
  private readonly admin: pg.Pool;
  private readonly pools = new Map<string, pg.Pool>();
  private stopped = false;

  private constructor(
    private readonly bins: Binaries,
    private readonly dir: string,
    private readonly runAs: OsUser | null,
    readonly endpoint: { host: string; port: number },
    /** Milliseconds the cluster took to start (initdb + pg_ctl start). */
    readonly startupMs: number,
  ) {
    this.admin = this.poolFor('postgres');
  }

  static async start(): Promise<PostgresBackend> {
    const bins = findPostgresBinaries();
    if (!bins) throw new Error('PostgreSQL binaries (initdb, pg_ctl, postgres) not found');
    const started = Date.now();
    const runAs = process.getuid?.() === 0 ? unprivilegedUser() : null;
    if (process.getuid?.() === 0 && !runAs) throw new Error('running as root and no postgres/nobody user to run PostgreSQL');
    const dir = mkdtempSync(join(tmpdir(), 'scalingo-sim-pg-'));
    try {
      if (runAs) chownSync(dir, runAs.uid, runAs.gid);
      mkdirSync(join(dir, BACKUPS_DIR), { mode: 0o700 });
      if (runAs) chownSync(join(dir, BACKUPS_DIR), runAs.uid, runAs.gid);
      const data = join(dir, 'data');
      await run(bins.initdb, ['-D', data, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], runAs);
      writeFileSync(
        join(data, 'pg_hba.conf'),
        [
          '# Written by the Scalingo simulator: only its own superuser is trusted (unix socket).',
          `local all ${SUPERUSER} trust`,
          'local all all scram-sha-256',
          'host all all 127.0.0.1/32 scram-sha-256',
          '',
        ].join('\n'),
      );
      const tls = writeSelfSignedCertificate(data, runAs);
      let lastError: unknown;
      for (let attempt = 0; attempt < 3; attempt++) {
        const port = await freePort();
        appendFileSync(
          join(data, 'postgresql.conf'),
          [
            '',
            '# Scalingo simulator: private, fast, disposable.',
            "listen_addresses = '127.0.0.1'",
            `port = ${port}`,
            `unix_socket_directories = '${dir}'`,
            "password_encryption = 'scram-sha-256'",
            'fsync = off',
            'synchronous_commit = off',
            'full_page_writes = off',
            'shared_buffers = 16MB',
            'max_connections = 100',
            `ssl = ${tls ? 'on' : 'off'}`,
            // Failed statements may carry passwords (CREATE ROLE … PASSWORD): keep them out of the log.
            "log_min_error_statement = 'panic'",
            '',
          ].join('\n'),
        );
        try {
          await run(bins.pgCtl, ['start', '-w', '-t', '30', '-s', '-D', data, '-l', join(dir, 'postgres.log')], runAs);
          const backend = new PostgresBackend(bins, dir, runAs, { host: '127.0.0.1', port }, Date.now() - started);
          liveBackends.add(backend);
          installExitHook();
          await backend.admin.query('SELECT 1');
          return backend;
        } catch (err) {
          lastError = err; // most likely the port was taken in between: try another one
        }
      }
      throw lastError instanceof Error ? lastError : new Error('could not start PostgreSQL');
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  private poolFor(database: string): pg.Pool {
    let pool = this.pools.get(database);
    if (!pool) {
      pool = new pg.Pool({ host: this.dir, port: this.endpoint.port, user: SUPERUSER, database, max: 3, idleTimeoutMillis: 2000 });
      pool.on('error', () => undefined); // a dropped database's idle connections end with an error
      this.pools.set(database, pool);
    }
    return pool;
  }

  private async endPool(database: string): Promise<void> {
    const pool = this.pools.get(database);
    if (pool && database !== 'postgres') {
      this.pools.delete(database);
      await pool.end().catch(() => undefined);
    }
  }

  async createDatabase(database: string, owner: BackendUser): Promise<void> {
    await this.admin.query(`CREATE ROLE ${ident(owner.name)} LOGIN PASSWORD ${literal(owner.password)}`);
    await this.admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner.name)}`);
    // Databases are private: only their own roles may connect.
    await this.admin.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await this.admin.query(`GRANT ALL PRIVILEGES ON DATABASE ${ident(database)} TO ${ident(owner.name)}`);
    const db = this.poolFor(database);
    await db.query(`GRANT CREATE ON SCHEMA public TO ${ident(owner.name)}`);
  }

  async dropDatabase(database: string, roles: string[]): Promise<void> {
    await this.endPool(database);
    await this.admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    for (const role of roles) await this.admin.query(`DROP ROLE IF EXISTS ${ident(role)}`);
  }

  async createUser(database: string, owner: string, user: BackendUser): Promise<void> {
    const u = ident(user.name);
    const o = ident(owner);
    const d = ident(database);
    await this.admin.query(`CREATE ROLE ${u} LOGIN PASSWORD ${literal(user.password)}`);
    const db = this.poolFor(database);
    try {
      if (user.readOnly) {
        await this.admin.query(`GRANT CONNECT ON DATABASE ${d} TO ${u}`);
        await db.query(`GRANT USAGE ON SCHEMA public TO ${u}`);
        await db.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${u}`);
        await db.query(`GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO ${u}`);
        await db.query(`ALTER DEFAULT PRIVILEGES FOR USER ${o} IN SCHEMA public GRANT SELECT ON TABLES TO ${u}`);
        await db.query(`ALTER DEFAULT PRIVILEGES FOR USER ${o} IN SCHEMA public GRANT SELECT ON SEQUENCES TO ${u}`);
      } else {
        // The grants Scalingo's page lists for read/write users.
        await this.admin.query(`GRANT ALL PRIVILEGES ON DATABASE ${d} TO ${u}`);
        await db.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${u}`);
        await db.query(`GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO ${u}`);
        await db.query(`GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA public TO ${u}`);
        await db.query(`ALTER DEFAULT PRIVILEGES FOR USER ${o} IN SCHEMA public GRANT ALL ON TABLES TO ${u}`);
        await db.query(`ALTER DEFAULT PRIVILEGES FOR USER ${o} IN SCHEMA public GRANT ALL ON SEQUENCES TO ${u}`);
      }
    } catch (err) {
      await this.dropUser(database, owner, user.name).catch(() => undefined);
      throw err;
    }
  }

  async setPassword(role: string, password: string): Promise<void> {
    await this.admin.query(`ALTER ROLE ${ident(role)} PASSWORD ${literal(password)}`);
  }

  async dropUser(database: string, owner: string, role: string): Promise<void> {
    await this.admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);
    const db = this.poolFor(database);
    await db.query(`REASSIGN OWNED BY ${ident(role)} TO ${ident(owner)}`);
    await db.query(`DROP OWNED BY ${ident(role)}`);
    await this.admin.query(`DROP ROLE IF EXISTS ${ident(role)}`);
  }

  async roleExists(role: string): Promise<boolean> {
    const res = await this.admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    return (res.rowCount ?? 0) > 0;
  }

  async listExtensions(database: string): Promise<ExtensionInfo[]> {
    const res = await this.poolFor(database).query<{ name: string; version: string }>(
      "SELECT extname AS name, extversion AS version FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname",
    );
    return res.rows.map((r) => ({ name: r.name, version: r.version }));
  }

  async snapshotExtensions(database: string): Promise<ExtensionRecord[]> {
    const res = await this.poolFor(database).query<ExtensionRecord>(
      "SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.extname",
    );
    return res.rows.map((r) => ({ name: r.name, schema: r.schema, version: r.version }));
  }

  async restoreExtension(database: string, owner: string, extension: ExtensionRecord): Promise<void> {
    const db = this.poolFor(database);
    if (extension.schema !== 'public') await db.query(`CREATE SCHEMA IF NOT EXISTS ${ident(extension.schema)} AUTHORIZATION ${ident(owner)}`);
    const create = `CREATE EXTENSION IF NOT EXISTS ${ident(extension.name)} SCHEMA ${ident(extension.schema)} VERSION ${literal(extension.version)} CASCADE`;
    // As the owner first (who created it through the URL, so that it may drop it again); an
    // untrusted extension needs the superuser, as on Scalingo where support installs those.
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL ROLE ${ident(owner)}`);
      await client.query(create);
      await client.query('COMMIT');
      return;
    } catch {
      await client.query('ROLLBACK').catch(() => undefined);
    } finally {
      client.release();
    }
    await db.query(create);
  }

  async dataSize(database: string): Promise<number | null> {
    const res = await this.admin.query<{ size: string }>('SELECT pg_database_size($1)::text AS size', [database]);
    return res.rows[0] ? Number(res.rows[0].size) : null;
  }

  async dump(database: string, name: string): Promise<{ file: string; size: number }> {
    const file = join(this.dir, BACKUPS_DIR, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.dump`);
    const pgDump = clientTool(this.bins, 'pg_dump');
    await run(pgDump, ['-h', this.dir, '-p', String(this.endpoint.port), '-U', SUPERUSER, '-Fc', '-f', file, database], this.runAs);
    return { file, size: statSync(file).size };
  }

  async restore(database: string, owner: string, file: string | null): Promise<void> {
    // Clients are disconnected (as by a restore on Scalingo), our own pool too.
    await this.admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    await this.endPool(database);
    const db = this.poolFor(database);
    // Everything the users created goes, then the dump brings back what existed at its time.
    const schemas = await db.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    for (const { name } of schemas.rows) await db.query(`DROP SCHEMA ${ident(name)} CASCADE`);
    await db.query('CREATE SCHEMA public AUTHORIZATION pg_database_owner');
    await db.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
    await db.query(`GRANT CREATE ON SCHEMA public TO ${ident(owner)}`);
    if (file === null) return;
    const pgRestore = clientTool(this.bins, 'pg_restore');
    await run(pgRestore, ['-h', this.dir, '-p', String(this.endpoint.port), '-U', SUPERUSER, '-d', database, file], this.runAs);
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    liveBackends.delete(this);
    await Promise.all([...this.pools.values()].map((p) => p.end().catch(() => undefined)));
    this.pools.clear();
    await run(this.bins.pgCtl, ['stop', '-m', 'fast', '-w', '-s', '-D', join(this.dir, 'data')], this.runAs).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Last-resort synchronous stop, for a process `exit` handler. */
  stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    liveBackends.delete(this);
    const args = ['stop', '-m', 'immediate', '-w', '-s', '-D', join(this.dir, 'data')];
    if (this.runAs) spawnSync('runuser', ['-u', this.runAs.name, '--', this.bins.pgCtl, ...args], { stdio: 'ignore' });
    else spawnSync(this.bins.pgCtl, args, { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
