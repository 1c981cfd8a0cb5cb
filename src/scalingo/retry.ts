// Retry policy: how many attempts and how long to wait (which failures are retried is the
// table in classify.ts).
//
// Delays use exponential backoff with full jitter: a uniform draw in
// [0, min(maxDelayMs, baseDelayMs * 2^(retry-1))]. A 429's or 503's `Retry-After` (seconds or
// HTTP date) replaces the draw when present.

export interface RetryOptions {
  /** Total attempts per call, the first one included (default 5; 1 disables retries). */
  readonly maxAttempts?: number;
  /** Backoff base (default 500 ms). */
  readonly baseDelayMs?: number;
  /** Backoff cap (default 20 s). */
  readonly maxDelayMs?: number;
  /** A 429 asking to wait longer than this fails at once with `RateLimitError` (default 120 s). */
  readonly maxRetryAfterMs?: number;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 20_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError('retry.maxAttempts must be an integer >= 1');
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0) || !(policy.maxRetryAfterMs >= 0)) {
    throw new RangeError('retry delays must be >= 0');
  }
  return policy;
}

/** Full-jitter delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` in milliseconds (delta-seconds or HTTP date), or undefined when absent/invalid. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Connection errors raised before the request could be written: retrying is always safe. */
export const NOT_SENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Failures that are never retried (a wrong host name or a closed client will not fix itself). */
export const FATAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'ERR_INVALID_URL',
  'UND_ERR_INVALID_ARG',
  'ERR_CLIENT_CLOSED',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);
