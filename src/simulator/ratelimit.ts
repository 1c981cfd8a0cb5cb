// Scalingo's limit: N requests per minute per API token (every bearer and DB token exchanged
// from it counts towards the same budget). A sliding one-minute window on the wall clock.
import { json, text } from './http.js';
import type { ApiResponse } from './http.js';
import type { RateLimitConfig } from './state.js';

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly config: () => RateLimitConfig) {}

  /** Counts a request for `key`; returns null when allowed, or the seconds to wait. */
  take(key: string, nowMs: number = Date.now()): number | null {
    const limit = this.config().perMinute;
    let stamps = this.windows.get(key);
    if (!stamps) {
      stamps = [];
      this.windows.set(key, stamps);
    }
    let expired = 0;
    while (expired < stamps.length && stamps[expired]! <= nowMs - WINDOW_MS) expired++;
    if (expired > 0) stamps.splice(0, expired);
    if (stamps.length >= limit) {
      const oldest = stamps[stamps.length - limit] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000));
    }
    stamps.push(nowMs);
    return null;
  }

  reset(): void {
    this.windows.clear();
  }

  rejection(retryAfterSeconds: number): ApiResponse {
    const headers = { 'Retry-After': String(retryAfterSeconds) };
    if (this.config().body === 'text') return text(429, 'Retry later', headers);
    return json(429, { error: 'Too many requests: the limit is ' + this.config().perMinute + ' requests per minute, retry later', code: 'rate_limited' }, headers);
  }
}
