// The request pipeline every typed method goes through:
//
//   cache (opt-in GETs) → coalescing (identical concurrent GETs) → attempts loop:
//     credentials (bearer JWT / DB-API token / Basic) → token bucket → HTTP attempt
//     → expected status: zod-validated body
//     → 401: refresh the credential once and replay
//     → 429: wait (Retry-After or backoff) and retry, whatever the method (nothing was processed)
//     → 502/503/504, reset, timeout: retry if idempotent, else OutcomeUnknownError
//     → other statuses: typed HttpError with Scalingo's message
//
// Idempotent: GET, PUT, DELETE, and any request whose spec says so (PATCH bodies that set
// absolute values, token requests, read-only actions). Plain POST and PATCH are not.

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DatabaseTokenCaches, TokenCache } from './auth.js';
import { TtlCache } from './cache.js';
import { API_PREFIX, parseBaseUrl, pickRegion } from './endpoints.js';
import type { BaseUrl } from './endpoints.js';
import { httpErrorFor } from './error-body.js';
import {
  ConfigurationError,
  InvalidResponseError,
  NetworkError,
  OutcomeUnknownError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
} from './errors.js';
import type { ApiKind, RequestContext } from './errors.js';
import type { Logger } from './logger.js';
import type { TokenBucket } from './rate-limit.js';
import { identityOf } from './rate-limit.js';
import { backoffDelay, FATAL_ERROR_CODES, parseRetryAfter, RETRYABLE_GATEWAY_STATUSES } from './retry.js';
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
  /** Overrides the method default (GET/PUT/DELETE idempotent, POST/PATCH not). */
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

interface SharedCall {
  promise: Promise<Response<unknown>>;
  controller: AbortController;
  waiters: number;
}

function defaultIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
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

  /** The attempts loop (no cache, no coalescing). */
  private async run<T>(
    spec: RequestSpec<T>,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    relPath: string = buildPath(API_PREFIX[spec.api] + spec.route, spec.params) + buildQuery(spec.query),
  ): Promise<Response<T>> {
    const { log, retry, bucket } = this.opts;
    const idempotent = spec.idempotent ?? defaultIdempotent(spec.method);
    const route = API_PREFIX[spec.api] + spec.route;
    const base = await this.baseUrl(spec.api, signal);
    const path = base.basePath + relPath;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    let attempt = 0;
    let retries = 0;
    let authReplayed = false;

    for (;;) {
      attempt += 1;
      let requestId: string = randomUUID();
      const baseContext = this.context(spec, relPath, requestId, attempt);

      const headers: Record<string, string> = {
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': this.opts.userAgent,
        'x-request-id': requestId,
      };
      let credential: string | undefined;
      let credentialCache: TokenCache | undefined;
      if (spec.auth === 'basic') {
        headers['authorization'] = this.basic;
      } else if (spec.auth === 'bearer') {
        credentialCache = this.bearer;
        credential = (await this.bearer.get(signal)).token;
        headers['authorization'] = `Bearer ${credential}`;
      } else if (spec.auth === 'database') {
        if (!spec.addon) throw new ConfigurationError('Database request without an addon');
        credentialCache = this.dbTokens.for(spec.addon.app, spec.addon.addonId);
        credential = (await credentialCache.get(signal)).token;
        headers['authorization'] = `Bearer ${credential}`;
      }

      if (bucket) await bucket.acquire(signal, baseContext);

      const started = performance.now();
      let res: HttpResponse;
      try {
        res = await this.transport.send({
          origin: base.origin,
          path,
          method: spec.method,
          headers,
          body,
          timeoutMs,
          signal,
        });
      } catch (err) {
        if (!(err instanceof TransportFailure)) throw err;
        const ctx = baseContext;
        const durationMs = Math.round(performance.now() - started);
        log('debug', 'scalingo request failed', {
          api: spec.api, method: spec.method, route, duration_ms: durationMs, attempt, request_id: requestId,
          error: err.kind === 'network' ? err.code : err.kind,
        });
        if (err.kind === 'aborted') throw new RequestAbortedError(err.reason, ctx, err.maybeSent && !idempotent);
        const failure = err.kind === 'timeout'
          ? new RequestTimeoutError(timeoutMs, ctx)
          : new NetworkError(`Connection to Scalingo failed (${err.message})`, err.code, ctx);
        if (err.code !== undefined && FATAL_ERROR_CODES.has(err.code)) throw failure;
        if (err.maybeSent && !idempotent) {
          throw new OutcomeUnknownError(
            spec.operation,
            err.kind === 'timeout' ? 'timeout' : 'reset',
            err.kind === 'timeout'
              ? `no response within ${timeoutMs} ms after the request was sent`
              : `the connection failed after the request was sent (${err.code ?? 'unknown error'})`,
            ctx,
            undefined,
            failure,
          );
        }
        if (retries + 1 >= retry.maxAttempts) throw failure;
        retries += 1;
        const delay = backoffDelay(retry, retries);
        log('warn', 'scalingo retry', {
          api: spec.api, method: spec.method, route, attempt, request_id: requestId, delay_ms: delay,
          reason: err.kind === 'timeout' ? 'timeout' : err.code,
        });
        await sleep(delay, signal, ctx);
        continue;
      }

      requestId = res.headers['x-request-id'] || requestId;
      const ctx = this.context(spec, relPath, requestId, attempt);
      log('debug', 'scalingo request', {
        api: spec.api, method: spec.method, route, status: res.status,
        duration_ms: Math.round(performance.now() - started), attempt, request_id: requestId,
      });

      if (spec.expect.includes(res.status)) return this.parse(spec, res, ctx);

      if (res.status === 401 && credentialCache && credential !== undefined && !authReplayed) {
        authReplayed = true;
        credentialCache.invalidate(credential);
        log('debug', 'scalingo credential refused, refreshing once', {
          api: spec.api, method: spec.method, route, request_id: requestId,
        });
        continue;
      }

      if (res.status === 429) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) {
          throw httpErrorFor(429, res.body, ctx, retryAfterMs) as RateLimitError;
        }
        if (retries + 1 >= retry.maxAttempts) throw httpErrorFor(429, res.body, ctx, retryAfterMs);
        retries += 1;
        const delay = retryAfterMs ?? backoffDelay(retry, retries);
        if (retryAfterMs !== undefined && bucket) bucket.pause(retryAfterMs);
        log('warn', 'scalingo retry', {
          api: spec.api, method: spec.method, route, attempt, request_id: requestId, delay_ms: delay,
          reason: 'HTTP 429', retry_after_ms: retryAfterMs,
        });
        await sleep(delay, signal, ctx);
        continue;
      }

      if (RETRYABLE_GATEWAY_STATUSES.has(res.status)) {
        const error = httpErrorFor(res.status, res.body, ctx) as ServerError;
        if (!idempotent) {
          throw new OutcomeUnknownError(
            spec.operation,
            'status',
            `a gateway answered HTTP ${res.status}, the request may or may not have been processed`,
            ctx,
            res.status,
            error,
          );
        }
        if (retries + 1 >= retry.maxAttempts) throw error;
        retries += 1;
        // A 503 may say when to come back; honour it within the same bound as for 429.
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        const delay = retryAfterMs !== undefined && retryAfterMs <= retry.maxRetryAfterMs
          ? retryAfterMs
          : backoffDelay(retry, retries);
        log('warn', 'scalingo retry', {
          api: spec.api, method: spec.method, route, attempt, request_id: requestId, delay_ms: delay,
          reason: `HTTP ${res.status}`,
        });
        await sleep(delay, signal, ctx);
        continue;
      }

      throw httpErrorFor(res.status, res.body, ctx);
    }
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
