// HTTP core on undici: one keep-alive `Pool` per origin, one attempt per `send` with its own
// timeout and the caller's AbortSignal. It knows nothing of Scalingo: statuses are returned as is,
// and failures are reported as `TransportFailure` with whether the request may have been sent.

import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { NOT_SENT_ERROR_CODES } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  /** `scheme://host[:port]`, never with credentials. */
  readonly origin: string;
  /** Path and query string. */
  readonly path: string;
  readonly method: HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type TransportFailureKind = 'timeout' | 'aborted' | 'network';

/** Internal: why an attempt produced no response. Mapped to public errors by the requester. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  readonly kind: TransportFailureKind;
  /** Node/undici error code for `network` failures. */
  readonly code: string | undefined;
  /** False only when the failure certainly happened before the request was written. */
  readonly maybeSent: boolean;
  /** The caller's abort reason for `aborted`. */
  readonly reason: unknown;

  constructor(kind: TransportFailureKind, message: string, code: string | undefined, maybeSent: boolean, reason?: unknown) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.maybeSent = maybeSent;
    this.reason = reason;
  }
}

export interface TransportOptions {
  /** Sockets per origin (default 16). */
  readonly connections?: number;
  /** Idle keep-alive time of a socket (default 4 s; undici also honours the server's hint). */
  readonly keepAliveTimeoutMs?: number;
}

const TIMEOUT = Symbol('scalingo.timeout');

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class Transport {
  private readonly pools = new Map<string, Pool>();
  private readonly options: TransportOptions;
  private closed = false;

  constructor(options: TransportOptions = {}) {
    this.options = options;
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      if (this.closed) throw new TransportFailure('network', 'Client is closed', 'ERR_CLIENT_CLOSED', false);
      pool = new Pool(origin, {
        connections: this.options.connections ?? 16,
        keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 4_000,
        pipelining: 1,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** One HTTP exchange. Resolves with any status; rejects only with `TransportFailure`. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    const callerSignal = req.signal;
    if (callerSignal?.aborted) {
      throw new TransportFailure('aborted', 'Request aborted', undefined, false, callerSignal.reason);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), req.timeoutMs);
    const onAbort = (): void => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    // undici's own timeouts stay above ours so that `timeoutMs` is the one that fires.
    const undiciTimeout = req.timeoutMs + 5_000;
    try {
      const res = await this.pool(req.origin).request({
        path: req.path,
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: controller.signal,
        headersTimeout: undiciTimeout,
        bodyTimeout: undiciTimeout,
      });
      const body = await res.body.text();
      return { status: res.statusCode, headers: flattenHeaders(res.headers), body };
    } catch (err) {
      if (err instanceof TransportFailure) throw err;
      if (callerSignal?.aborted) {
        throw new TransportFailure('aborted', 'Request aborted', undefined, true, callerSignal.reason);
      }
      if (controller.signal.aborted && controller.signal.reason === TIMEOUT) {
        throw new TransportFailure('timeout', `No response within ${req.timeoutMs} ms`, undefined, true);
      }
      const code = errorCode(err) ?? 'UNKNOWN';
      const text = err instanceof Error ? err.message : 'connection failed';
      throw new TransportFailure('network', `${code}: ${text}`, code, !NOT_SENT_ERROR_CODES.has(code));
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    }
  }

  /** Closes every pool (waiting for in-flight requests up to `graceMs`, then destroying them). */
  async close(graceMs = 1_000): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(
      pools.map(async (pool) => {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), graceMs);
        });
        const result = await Promise.race([pool.close().then(() => 'closed' as const), grace]);
        clearTimeout(timer);
        if (result === 'timeout') await pool.destroy();
      }),
    );
  }
}
