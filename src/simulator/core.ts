// The simulator's shared context: state, clock, database backend, and the runtime registries
// (faults, request counts, rate limiter) that handlers and the server use.
import { findProvider } from './catalog.js';
import type { DatabaseBackend } from './backend.js';
import type { SimClock } from './clock.js';
import { FaultRegistry } from './faults.js';
import { settleBackups } from './backups.js';
import { settle } from './lifecycle.js';
import { saveState } from './persistence.js';
import { RateLimiter } from './ratelimit.js';
import type { AddonRecord, AppRecord, SimState } from './state.js';

/** Data size of a database nobody wrote to: about what an empty PostgreSQL database takes. */
export const DEFAULT_DATA_SIZE = 7_700_000;

const REQUEST_LOG_MAX = 10_000;

export interface AppVariable {
  id: string;
  name: string;
  value: string;
}

export class Simulator {
  url = '';
  readonly faults = new FaultRegistry();
  readonly requestCounts = new Map<string, number>();
  readonly rateLimiter: RateLimiter;
  private dirty = false;
  /** Serialises mutating requests: no interleaving around backend awaits. */
  private mutationQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly state: SimState,
    readonly clock: SimClock,
    readonly backend: DatabaseBackend,
    private readonly stateFile: string | undefined,
  ) {
    this.rateLimiter = new RateLimiter(() => this.state.rateLimit);
  }

  nowV(): number {
    return this.clock.now();
  }

  /** Marks the state as changed: it is persisted once the request is done. */
  touch(): void {
    this.dirty = true;
  }

  /** Folds completed transitions into the state (see lifecycle.ts, backups.ts). */
  settle(): void {
    if (settle(this.state, this.nowV())) this.dirty = true;
    if (settleBackups(this)) this.dirty = true;
  }

  private readonly pending = new Set<Promise<void>>();

  /** Work that outlives its request (a pg_dump): the state is saved when it ends. */
  background(work: Promise<void>): void {
    const task = work
      .catch(() => undefined)
      .then(() => {
        this.touch();
        this.persistIfDirty();
      })
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  /** Waits for background work, before the database backend is stopped. */
  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Every API request, in arrival order (bounded): what tests check the order of writes with. */
  readonly requestLog: { seq: number; at: string; route: string; method: string; path: string }[] = [];
  private requestSeq = 0;

  logRequest(route: string, method: string, path: string): void {
    this.requestLog.push({ seq: ++this.requestSeq, at: new Date().toISOString(), route, method, path });
    if (this.requestLog.length > REQUEST_LOG_MAX) this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_MAX);
  }

  persistIfDirty(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.stateFile) saveState(this.stateFile, this.state);
  }

  persistNow(): void {
    this.dirty = false;
    if (this.stateFile) saveState(this.stateFile, this.state);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.mutationQueue.then(fn, fn);
    this.mutationQueue = run.catch(() => undefined);
    return run;
  }

  countRequest(route: string): void {
    this.requestCounts.set(route, (this.requestCounts.get(route) ?? 0) + 1);
  }

  /** Current data size of an addon's database, in bytes. */
  async dataSize(addon: AddonRecord): Promise<number> {
    const db = addon.database;
    if (db.dataSizeOverride !== null) return db.dataSizeOverride;
    if (db.type === 'postgresql' && this.backend.mode === 'real') {
      const measured = await this.backend.dataSize(addon.resourceId).catch(() => null);
      if (measured !== null) return measured;
    }
    return DEFAULT_DATA_SIZE;
  }

  /** Extensions are created over SQL, out of the simulator's sight: read them back to persist them. */
  async snapshotExtensions(addon: AddonRecord): Promise<void> {
    if (addon.database.type !== 'postgresql') return;
    const extensions = await this.backend.snapshotExtensions(addon.resourceId);
    if (extensions === null || JSON.stringify(extensions) === JSON.stringify(addon.database.extensions ?? [])) return;
    addon.database.extensions = extensions;
    this.touch();
  }

  /** Connection URL of an addon, as injected in the app's environment. */
  connectionUrl(addon: AddonRecord): string {
    const endpoint = this.backend.endpoint;
    if (addon.database.type === 'postgresql') {
      const hostPort = endpoint ? `${endpoint.host}:${endpoint.port}` : `${addon.hostLabel}.postgresql.a.osc-fr1.scalingo-dbs.invalid:31000`;
      return `postgresql://${addon.resourceId}:${addon.password}@${hostPort}/${addon.resourceId}?sslmode=prefer`;
    }
    return `redis://:${addon.password}@${addon.hostLabel}.redis.a.osc-fr1.scalingo-dbs.invalid:32000`;
  }

  /** Hostname field of the database ("FQDN:port"). */
  databaseHostname(addon: AddonRecord): string {
    const endpoint = this.backend.endpoint;
    if (addon.database.type === 'postgresql' && endpoint) return `${endpoint.host}:${endpoint.port}`;
    return `${addon.hostLabel}.${addon.database.type}.a.osc-fr1.scalingo-dbs.invalid:${addon.database.type === 'postgresql' ? 31000 : 32000}`;
  }

  variablesOf(app: AppRecord): AppVariable[] {
    const vars: AppVariable[] = [];
    for (const addon of this.state.addons.filter((a) => a.appId === app.id)) {
      const provider = findProvider(addon.providerId);
      if (!provider) continue;
      const url = this.connectionUrl(addon);
      vars.push({ id: `${addon.id}-url`, name: `${provider.variablePrefix}_URL`, value: url });
      if (provider.databaseType === 'postgresql') vars.push({ id: `${addon.id}-database-url`, name: 'DATABASE_URL', value: url });
    }
    return vars;
  }
}
