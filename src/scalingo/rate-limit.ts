// Client-side rate limiting: a FIFO token bucket, shared by every client of the process that uses
// the same API token (Scalingo's limit is per account, 60 requests/minute).
//
// The bucket holds `burst` tokens and refills at (requestsPerMinute - burst) per minute, so that
// no 60-second window ever sees more than `requestsPerMinute` requests: whatever the server's
// window (fixed or sliding), a single process stays under the limit. Every HTTP attempt takes one
// token: retries, token exchanges and DB-token requests included. A 429 with `Retry-After` pauses
// the whole bucket.

import { createHash } from 'node:crypto';
import { RequestAbortedError } from './errors.js';
import type { RequestContext } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed in any 60-second window (default 60, Scalingo's documented limit). */
  readonly requestsPerMinute?: number;
  /** Requests that may be sent back to back before throttling starts (default rpm/12, at least 1). */
  readonly burst?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  context: RequestContext | undefined;
}

function validated(options: RateLimitOptions): { rpm: number; burst: number } {
  const rpm = options.requestsPerMinute ?? 60;
  if (!(rpm > 1)) throw new RangeError('requestsPerMinute must be greater than 1');
  const burst = options.burst ?? Math.max(1, Math.floor(rpm / 12));
  if (!(burst >= 1 && burst < rpm)) throw new RangeError('burst must be at least 1 and below requestsPerMinute');
  return { rpm, burst };
}

export class TokenBucket {
  private rpm: number;
  private capacity: number;
  private refillPerMs: number;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(options: RateLimitOptions = {}) {
    const { rpm, burst } = validated(options);
    this.rpm = rpm;
    this.capacity = burst;
    this.refillPerMs = (rpm - burst) / 60_000;
    this.tokens = burst;
    this.last = performance.now();
  }

  get requestsPerMinute(): number {
    return this.rpm;
  }

  get burst(): number {
    return this.capacity;
  }

  /** Applies the stricter of the current limits and `options` (clients sharing a token). */
  restrict(options: RateLimitOptions): void {
    const { rpm, burst } = validated(options);
    const newRpm = Math.min(this.rpm, rpm);
    const newBurst = Math.min(this.capacity, burst, newRpm - 1);
    if (newRpm === this.rpm && newBurst === this.capacity) return;
    this.refill(performance.now());
    this.rpm = newRpm;
    this.capacity = newBurst;
    this.refillPerMs = (newRpm - newBurst) / 60_000;
    this.tokens = Math.min(this.tokens, newBurst);
    this.schedule();
  }

  /** Resolves when a request may be sent; rejects promptly with `RequestAbortedError` on abort. */
  acquire(signal?: AbortSignal, context?: RequestContext): Promise<void> {
    if (signal?.aborted) return Promise.reject(new RequestAbortedError(signal.reason, context, false));
    if (this.queue.length === 0 && this.take()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, context };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new RequestAbortedError(signal.reason, context, false));
          this.schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.schedule();
    });
  }

  /** Holds every request until `ms` from now (a server `Retry-After`). */
  pause(ms: number): void {
    const until = performance.now() + ms;
    if (until > this.pausedUntil) this.pausedUntil = until;
    this.tokens = Math.min(this.tokens, 0);
    this.schedule();
  }

  /** Requests currently waiting for a token. */
  get waiting(): number {
    return this.queue.length;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerMs);
    this.last = now;
  }

  private take(): boolean {
    const now = performance.now();
    this.refill(now);
    if (now < this.pausedUntil || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0 && this.take()) {
      const waiter = this.queue.shift() as Waiter;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (this.queue.length === 0) return;
    const now = performance.now();
    const untilToken = (1 - this.tokens) / this.refillPerMs;
    const wait = Math.max(untilToken, this.pausedUntil - now, 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, Math.ceil(wait));
  }
}

const buckets = new Map<string, TokenBucket>();

/**
 * The process-wide bucket of an API token (kept only as a SHA-256 digest). Every client using
 * that token shares it, since Scalingo's limit is per account: when clients ask for different
 * limits, the strictest applies to all of them.
 */
export function sharedBucket(apiToken: string, options: RateLimitOptions = {}): TokenBucket {
  const key = identityOf(apiToken);
  const existing = buckets.get(key);
  if (existing) {
    existing.restrict(options);
    return existing;
  }
  const bucket = new TokenBucket(options);
  buckets.set(key, bucket);
  return bucket;
}

/** A non-reversible identity for an API token (used as a map key, never logged). */
export function identityOf(apiToken: string): string {
  return createHash('sha256').update(apiToken).digest('hex').slice(0, 32);
}
