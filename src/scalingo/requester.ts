// The request pipeline every typed method goes through:
//
//   cache (opt-in GETs) → coalescing (identical concurrent GETs) → attempts loop:
//     authorize (bearer JWT / DB-API token / Basic) → attempt (token bucket, one HTTP exchange,
//     described as an Outcome) → classify (classify.ts, the one retry table) → act on it:
//     return the zod-validated body, replay with a fresh credential, retry after a delay,
//     throw OutcomeUnknownError for the caller to reconcile, or throw the typed error.
//
// Reads: GET, and any request whose spec says `idempotent` (token requests, read-only actions,
// bodies setting absolute values that cannot be refused when replayed): retried on 5xx,
// timeouts and resets. Every other write (POST, PATCH, DELETE) is never re-sent blindly once
// it may have reached Scalingo: its caller reads back first.

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DatabaseTokenCaches, TokenCache } from './auth.js';
import { TtlCache } from './cache.js';
import { API_PREFIX, parseBaseUrl, pickRegion } from './endpoints.js';
import type { BaseUrl } from './endpoints.js';
import { classify, type Outcome, type RequestKind } from './classify.js';
import { httpErrorFor, isScalingoErrorBody } from './error-body.js';
import {
  ConfigurationError,
  InvalidResponseError,
  NetworkError,
  OutcomeUnknownError,
  RequestAbortedError,
  RequestTimeoutError,
  ScalingoError,
} from './errors.js';
import type { ApiKind, RequestContext } from './errors.js';
import type { Logger } from './logger.js';
import type { TokenBucket } from './rate-limit.js';
import { identityOf } from './rate-limit.js';
import { FATAL_ERROR_CODES, parseRetryAfter } from './retry.js';
import type { RetryPolicy } from './retry.js';
import { AddonTokenResponseSchema, RegionsResponseSchema, TokenExchangeSchema } from './schemas.js';
import type { Region } from './schemas.js';
import { raceSignal, sleep, throwIfAborted } from './signals.js';
import { Transport, TransportFailure } from './transport.js';
import type { HttpMethod, HttpResponse } from './transport.js';

export type AuthKind = 'basic' | 'bearer' | 'database' | 'none';

export type QueryValue = string | number | boolean | undefined;

export interface RequestSpec<T> {
  readonly api: ApiKind;
  readonly method: HttpMethod;
  /** Route after the API prefix, with `{name}` placeholders, e.g. `/apps/{app}/addons`. */
  readonly route: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** JSON-serialised into the request body. */
  readonly body?: unknown;
  readonly auth: AuthKind;
  /** Required when `auth` is `database`: whose DB-API token to use. */
  readonly addon?: { readonly app: string; readonly addonId: string };
  /** Success statuses. */
  readonly expect: readonly number[];
  /** Body schema; absent for empty bodies (the result is then `undefined`). */
  readonly schema?: z.ZodType<T>;
  /** Safe to send again whatever happened (default: GET only); see classify.ts. */
  readonly idempotent?: boolean;
  /** What is attempted, in words, for `OutcomeUnknownError` (no secrets). */
  readonly operation: string;
  /** Cache the parsed body of a GET for this long (ms); 0 or absent: no cache. */
  readonly cacheTtlMs?: number;
}

export interface Response<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: T;
  readonly requestId: string;
}

export interface CallOptions {
  /** Aborts the call (waiting, retrying or in flight); it rejects with `RequestAbortedError`. */
  readonly signal?: AbortSignal;
  /** Per-attempt timeout (default: the client's `timeoutMs`). */
  readonly timeoutMs?: number;
}

/** Options of the cacheable reads (regions, addon providers, plans, plans by id, type versions). */
export interface CachedReadOptions extends CallOptions {
  /**
   * `true` caches with the method's default TTL, a number with that TTL in ms, `false` bypasses a
   * cache enabled in the configuration.
   */
  readonly cache?: boolean | number;
}

export interface RequesterOptions {
  readonly apiToken: string;
  readonly userAgent: string;
  readonly authUrl: string;
  readonly apiUrl?: string | undefined;
  readonly dbApiUrl?: string | undefined;
  readonly region?: string | undefined;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly bucket: TokenBucket | undefined;
  readonly coalesceGets: boolean;
  readonly refreshMarginMs: number;
  readonly log: Logger;
  readonly connections?: number | undefined;
}

interface Credential {
  /** The Authorization header, when the request carries one. */
  readonly header?: string;
  /** The token and the cache that issued it, when a 401 may be answered by refreshing it. */
  readonly token?: string;
  readonly cache?: TokenCache;
}

interface Target {
  readonly origin: string;
  readonly path: string;
  /** Path and query after the base URL, for messages. */
  readonly relPath: string;
  readonly body: string | undefined;
}

interface AttemptResult {
  readonly outcome: Outcome;
  readonly context: RequestContext;
  readonly response?: HttpResponse;
  readonly failure?: TransportFailure;
}

interface SharedCall {
  promise: Promise<Response<unknown>>;
  controller: AbortController;
  waiters: number;
}

function buildPath(route: string, params: Readonly<Record<string, string>> | undefined): string {
  return route.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new ConfigurationError(`Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

function buildQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.append(key, String(value));
  }
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
}

function zodIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
}

export class Requester {
  readonly identity: string;
  private readonly opts: RequesterOptions;
  private readonly transport: Transport;
  private readonly bearer: TokenCache;
  private readonly dbTokens: DatabaseTokenCaches;
  readonly cache = new TtlCache();
  private readonly inflight = new Map<string, SharedCall>();
  private readonly authBase: BaseUrl;
  private readonly explicit: { main?: BaseUrl; db?: BaseUrl };
  private resolved: Promise<{ main: BaseUrl; db: BaseUrl }> | undefined;
  private readonly basic: string;

  constructor(opts: RequesterOptions) {
    this.opts = opts;
    this.identity = identityOf(opts.apiToken);
    this.transport = new Transport({ connections: opts.connections });
    this.authBase = parseBaseUrl(opts.authUrl, 'authUrl');
    this.explicit = {
      ...(opts.apiUrl !== undefined ? { main: parseBaseUrl(opts.apiUrl, 'apiUrl') } : {}),
      ...(opts.dbApiUrl !== undefined ? { db: parseBaseUrl(opts.dbApiUrl, 'dbApiUrl') } : {}),
    };
    this.basic = `Basic ${Buffer.from(`:${opts.apiToken}`).toString('base64')}`;
    this.bearer = new TokenCache(() => this.exchangeToken(), opts.refreshMarginMs);
    this.dbTokens = new DatabaseTokenCaches((app, addonId) => this.fetchDatabaseToken(app, addonId), opts.refreshMarginMs);
  }

  // -------------------------------------------------------------------------------------------
  // Credentials

  private async exchangeToken(): Promise<string> {
    this.opts.log('debug', 'scalingo token exchange', { api: 'auth' });
    const res = await this.run(
      {
        api: 'auth',
        method: 'POST',
        route: '/tokens/exchange',
        auth: 'basic',
        expect: [200, 201],
        schema: TokenExchangeSchema,
        // Minting a bearer token changes nothing server-side: safe to retry.
        idempotent: true,
        operation: 'exchange the API token for a bearer token',
      },
      undefined,
      this.opts.timeoutMs,
    );
    return res.data.token;
  }

  private async fetchDatabaseToken(app: string, addonId: string): Promise<string> {
    this.opts.log('debug', 'scalingo database token', { api: 'main', app, addon_id: addonId });
    const res = await this.run(
      {
        api: 'main',
        method: 'POST',
        route: '/apps/{app}/addons/{addon_id}/token',
        params: { app, addon_id: addonId },
        auth: 'bearer',
        expect: [200, 201],
        schema: AddonTokenResponseSchema,
        // Issuing a DB-API token changes nothing server-side: safe to retry.
        idempotent: true,
        operation: `get a database API token for addon ${addonId} of app ${app}`,
      },
      undefined,
      this.opts.timeoutMs,
    );
    return res.data.addon.token;
  }

  /** The DB-API token of an addon (cached until 5 minutes before its expiry). */
  async databaseToken(app: string, addonId: string, signal?: AbortSignal): Promise<{ token: string; expiresAt: number }> {
    const issued = await this.dbTokens.for(app, addonId).get(signal);
    return { token: issued.token, expiresAt: issued.expiresAt };
  }

  /** Drops the cached DB-API token of an addon (after it was destroyed). */
  forgetDatabaseToken(app: string, addonId: string): void {
    this.dbTokens.forget(app, addonId);
  }

  // -------------------------------------------------------------------------------------------
  // Endpoints

  /** Regions from the auth API (not cached here; see `ScalingoClient.regions`). */
  async fetchRegions(signal: AbortSignal | undefined, timeoutMs: number, cacheTtlMs = 0): Promise<Region[]> {
    const res = await this.send(
      {
        api: 'auth',
        method: 'GET',
        route: '/regions',
        auth: 'bearer',
        expect: [200],
        schema: RegionsResponseSchema,
        operation: 'list regions',
        cacheTtlMs,
      },
      { ...(signal ? { signal } : {}), timeoutMs },
    );
    return res.data.regions;
  }

  private endpoints(signal: AbortSignal | undefined): Promise<{ main: BaseUrl; db: BaseUrl }> {
    const { main, db } = this.explicit;
    if (main && db) return Promise.resolve({ main, db });
    if (!this.resolved) {
      this.resolved = this.fetchRegions(undefined, this.opts.timeoutMs).then(
        (regions) => {
          const region = pickRegion(regions, this.opts.region);
          this.opts.log('debug', 'scalingo region resolved', { region: region.name });
          return {
            main: main ?? parseBaseUrl(region.api, `api of region ${region.name}`),
            db: db ?? parseBaseUrl(region.database_api, `database_api of region ${region.name}`),
          };
        },
        (err: unknown) => {
          this.resolved = undefined;
          throw err;
        },
      );
    }
    return raceSignal(this.resolved, signal);
  }

  private async baseUrl(api: ApiKind, signal: AbortSignal | undefined): Promise<BaseUrl> {
    if (api === 'auth') return this.authBase;
    const endpoints = await this.endpoints(signal);
    return api === 'main' ? endpoints.main : endpoints.db;
  }

  // -------------------------------------------------------------------------------------------
  // Pipeline

  /** Sends a request through cache, coalescing, credentials, rate limiting and retries. */
  async send<T>(spec: RequestSpec<T>, call: CallOptions = {}): Promise<Response<T>> {
    const timeoutMs = call.timeoutMs ?? this.opts.timeoutMs;
    const signal = call.signal;
    throwIfAborted(signal);
    const relPath = buildPath(API_PREFIX[spec.api] + spec.route, spec.params) + buildQuery(spec.query);
    const key = `${this.identity} ${spec.api} ${relPath}`;
    const ttl = spec.method === 'GET' ? spec.cacheTtlMs ?? 0 : 0;

    if (ttl > 0) {
      const hit = this.cache.get<Response<T>>(key);
      if (hit) {
        this.opts.log('debug', 'scalingo cache hit', { api: spec.api, method: spec.method, route: spec.route });
        return hit;
      }
    }
    let res: Response<T>;
    if (spec.method === 'GET' && this.opts.coalesceGets) res = await this.coalesced(key, relPath, spec, signal, timeoutMs);
    else res = await this.run(spec, signal, timeoutMs, relPath);
    if (ttl > 0) this.cache.set(key, res, ttl);
    return res;
  }

  /** Identical concurrent GETs share one execution; it is aborted only when every waiter aborts. */
  private coalesced<T>(
    key: string,
    relPath: string,
    spec: RequestSpec<T>,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<Response<T>> {
    let shared = this.inflight.get(key);
    let leader = false;
    if (!shared) {
      leader = true;
      const controller = new AbortController();
      const entry: SharedCall = {
        controller,
        waiters: 0,
        promise: this.run(spec, controller.signal, timeoutMs, relPath).finally(() => {
          if (this.inflight.get(key) === entry) this.inflight.delete(key);
        }) as Promise<Response<unknown>>,
      };
      shared = entry;
      this.inflight.set(key, shared);
    } else {
      this.opts.log('trace', 'scalingo request coalesced', { api: spec.api, method: spec.method, route: spec.route });
    }
    const entry = shared;
    entry.waiters += 1;
    const mine = (entry.promise as Promise<Response<T>>).then((res) => (leader ? res : structuredClone(res)));
    if (!signal) return mine;
    const onAbort = (): void => {
      entry.waiters -= 1;
      if (entry.waiters === 0) {
        if (this.inflight.get(key) === entry) this.inflight.delete(key);
        entry.controller.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const cleanup = (): void => signal.removeEventListener('abort', onAbort);
    mine.then(cleanup, cleanup);
    return raceSignal(mine, signal);
  }

  private context(spec: RequestSpec<unknown>, path: string, requestId?: string, attempts?: number): RequestContext {
    return { api: spec.api, method: spec.method, path, requestId, attempts };
  }

  /** The attempts loop (no cache, no coalescing): authorize, attempt, classify, act on it. */
  private async run<T>(
    spec: RequestSpec<T>,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    relPath: string = buildPath(API_PREFIX[spec.api] + spec.route, spec.params) + buildQuery(spec.query),
  ): Promise<Response<T>> {
    const kind: RequestKind = (spec.idempotent ?? spec.method === 'GET') ? 'read' : 'write';
    const base = await this.baseUrl(spec.api, signal);
    const target: Target = { origin: base.origin, path: base.basePath + relPath, relPath, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) };
    let retries = 0;
    let authReplayed = false;
    for (let attempt = 1; ; attempt++) {
      const credential = await this.authorize(spec, signal);
      const result = await this.attempt(spec, target, credential, attempt, signal, timeoutMs);
      const decision = classify(result.outcome, kind, { retries, authReplayed, refreshable: credential.cache !== undefined }, this.opts.retry);
      const fields = { api: spec.api, method: spec.method, route: API_PREFIX[spec.api] + spec.route, attempt, request_id: result.context.requestId };
      switch (decision.action) {
        case 'return':
          return this.parse(spec, result.response!, result.context);
        case 'replay':
          authReplayed = true;
          credential.cache!.invalidate(credential.token!);
          this.opts.log('debug', 'scalingo credential refused, refreshing once', fields);
          continue;
        case 'retry': {
          retries += 1;
          const retryAfterMs = result.outcome.type === 'status' ? result.outcome.retryAfterMs : undefined;
          if (result.outcome.type === 'status' && result.outcome.status === 429 && retryAfterMs !== undefined) this.opts.bucket?.pause(retryAfterMs);
          this.opts.log('warn', 'scalingo retry', { ...fields, delay_ms: decision.delayMs, reason: decision.reason, ...(retryAfterMs !== undefined ? { retry_after_ms: retryAfterMs } : {}) });
          await sleep(decision.delayMs, signal, result.context);
          continue;
        }
        case 'reconcile':
          throw this.outcomeUnknown(spec, result, decision.why, timeoutMs);
        case 'throw':
          throw this.failure(result, kind, timeoutMs);
      }
    }
  }

  /** The credential of a request, as a header, with the cache that can refresh it. */
  private async authorize(spec: RequestSpec<unknown>, signal: AbortSignal | undefined): Promise<Credential> {
    if (spec.auth === 'basic') return { header: this.basic };
    if (spec.auth === 'none') return {};
    let cache: TokenCache;
    if (spec.auth === 'bearer') cache = this.bearer;
    else {
      if (!spec.addon) throw new ConfigurationError('Database request without an addon');
      cache = this.dbTokens.for(spec.addon.app, spec.addon.addonId);
    }
    const token = (await cache.get(signal)).token;
    return { header: `Bearer ${token}`, token, cache };
  }

  /** One HTTP exchange through the token bucket, described as an Outcome for classify. */
  private async attempt(
    spec: RequestSpec<unknown>,
    target: Target,
    credential: Credential,
    attempt: number,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<AttemptResult> {
    const sentId = randomUUID();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': this.opts.userAgent,
      'x-request-id': sentId,
      ...(credential.header !== undefined ? { authorization: credential.header } : {}),
    };
    const before = this.context(spec, target.relPath, sentId, attempt);
    if (this.opts.bucket) await this.opts.bucket.acquire(signal, before);
    const started = performance.now();
    const logFields = { api: spec.api, method: spec.method, route: API_PREFIX[spec.api] + spec.route, attempt };
    try {
      const response = await this.transport.send({ origin: target.origin, path: target.path, method: spec.method, headers, body: target.body, timeoutMs, signal });
      const context = this.context(spec, target.relPath, response.headers['x-request-id'] || sentId, attempt);
      this.opts.log('debug', 'scalingo request', { ...logFields, status: response.status, duration_ms: Math.round(performance.now() - started), request_id: context.requestId });
      const outcome: Outcome = {
        type: 'status',
        status: response.status,
        expected: spec.expect.includes(response.status),
        scalingoBody: isScalingoErrorBody(response.body),
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
      };
      return { outcome, context, response };
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      this.opts.log('debug', 'scalingo request failed', {
        ...logFields,
        duration_ms: Math.round(performance.now() - started),
        request_id: sentId,
        error: err.kind === 'network' ? err.code : err.kind,
      });
      const outcome: Outcome =
        err.kind === 'aborted'
          ? { type: 'aborted', sent: err.maybeSent }
          : { type: 'transport', failure: err.kind, sent: err.maybeSent, fatal: err.code !== undefined && FATAL_ERROR_CODES.has(err.code) };
      return { outcome, context: before, failure: err };
    }
  }

  /** The error for an attempt that ends the call. */
  private failure(result: AttemptResult, kind: RequestKind, timeoutMs: number): ScalingoError {
    const { outcome, context } = result;
    if (outcome.type === 'aborted') return new RequestAbortedError(result.failure?.reason, context, outcome.sent && kind === 'write');
    if (outcome.type === 'transport') {
      return outcome.failure === 'timeout'
        ? new RequestTimeoutError(timeoutMs, context)
        : new NetworkError(`Connection to Scalingo failed (${result.failure?.message ?? 'unknown error'})`, result.failure?.code, context);
    }
    return httpErrorFor(outcome.status, result.response?.body ?? '', context, outcome.retryAfterMs);
  }

  /** A write whose outcome is unknown: the caller must read back before anything else. */
  private outcomeUnknown(spec: RequestSpec<unknown>, result: AttemptResult, why: 'reset' | 'timeout' | 'status', timeoutMs: number): OutcomeUnknownError {
    const status = result.outcome.type === 'status' ? result.outcome.status : undefined;
    const detail =
      why === 'status'
        ? `Scalingo answered HTTP ${status}, the request may or may not have been processed`
        : why === 'timeout'
          ? `no response within ${timeoutMs} ms after the request was sent`
          : `the connection failed after the request was sent (${result.failure?.code ?? 'unknown error'})`;
    return new OutcomeUnknownError(spec.operation, why, detail, result.context, status, this.failure(result, 'write', timeoutMs));
  }

  private parse<T>(spec: RequestSpec<T>, res: HttpResponse, ctx: RequestContext): Response<T> {
    const requestId = ctx.requestId ?? '';
    if (!spec.schema) {
      return { status: res.status, headers: res.headers, data: undefined as T, requestId };
    }
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      throw new InvalidResponseError(res.status, ['body is not JSON'], ctx);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) throw new InvalidResponseError(res.status, zodIssues(parsed.error), ctx);
    return { status: res.status, headers: res.headers, data: parsed.data, requestId };
  }

  async close(): Promise<void> {
    for (const entry of this.inflight.values()) entry.controller.abort(new Error('client closed'));
    this.inflight.clear();
    await this.transport.close();
  }
}
