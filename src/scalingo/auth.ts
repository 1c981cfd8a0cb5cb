// Token caches: the bearer JWT of the main and auth APIs, and one DB-API token per addon.
//
// A token is reused until `marginMs` (default 5 minutes) before its `exp` (read from the JWT
// payload without verification; the documented one-hour lifetime when it has none). Concurrent
// callers share one in-flight fetch, which no single caller's abort can cancel. `invalidate`
// after a 401 only drops the token that was refused, so N concurrent 401s trigger one refresh.

import { jwtExpiry } from './jwt.js';
import { raceSignal } from './signals.js';

/** Bearer and DB-API tokens both live one hour (reference §1.1, §2.1). */
export const DOCUMENTED_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface IssuedToken {
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export type TokenFetcher = () => Promise<string>;

export class TokenCache {
  private current: IssuedToken | undefined;
  private inflight: Promise<IssuedToken> | undefined;
  private readonly fetcher: TokenFetcher;
  private readonly marginMs: number;

  constructor(fetcher: TokenFetcher, marginMs: number = DEFAULT_REFRESH_MARGIN_MS) {
    this.fetcher = fetcher;
    this.marginMs = marginMs;
  }

  /** A token valid for at least `marginMs`, or a freshly issued one. */
  async get(signal?: AbortSignal): Promise<IssuedToken> {
    const current = this.current;
    if (current && Date.now() < current.expiresAt - this.marginMs) return current;
    return raceSignal(this.refresh(), signal);
  }

  /** Forgets `token` if it is still the cached one (call after a 401). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private refresh(): Promise<IssuedToken> {
    if (!this.inflight) {
      this.inflight = this.fetcher()
        .then((token) => {
          const issued: IssuedToken = {
            token,
            expiresAt: jwtExpiry(token) ?? Date.now() + DOCUMENTED_TOKEN_LIFETIME_MS,
          };
          this.current = issued;
          return issued;
        })
        .finally(() => {
          this.inflight = undefined;
        });
    }
    return this.inflight;
  }
}

/** One `TokenCache` per (app, addon) for DB-API tokens. */
export class DatabaseTokenCaches {
  private readonly caches = new Map<string, TokenCache>();
  private readonly fetch: (app: string, addonId: string) => Promise<string>;
  private readonly marginMs: number;

  constructor(fetch: (app: string, addonId: string) => Promise<string>, marginMs: number = DEFAULT_REFRESH_MARGIN_MS) {
    this.fetch = fetch;
    this.marginMs = marginMs;
  }

  for(app: string, addonId: string): TokenCache {
    const key = `${app}\u0000${addonId}`;
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new TokenCache(() => this.fetch(app, addonId), this.marginMs);
      this.caches.set(key, cache);
    }
    return cache;
  }

  /** Forgets every token of an addon (after it was destroyed). */
  forget(app: string, addonId: string): void {
    this.caches.delete(`${app}\u0000${addonId}`);
  }
}
