// Regions of the auth API (`GET {auth}/v1/regions`, bearer). Cacheable (opt-in).

import type { CachePolicy } from './cache-policy.js';
import type { CachedReadOptions, Requester } from './requester.js';
import type { Region } from './schemas.js';

export class RegionsApi {
  private readonly r: Requester;
  private readonly cache: CachePolicy;
  private readonly defaultTimeoutMs: number;
  constructor(requester: Requester, cache: CachePolicy, defaultTimeoutMs: number) {
    this.r = requester;
    this.cache = cache;
    this.defaultTimeoutMs = defaultTimeoutMs;
  }

  async list(opts: CachedReadOptions = {}): Promise<Region[]> {
    return this.r.fetchRegions(opts.signal, opts.timeoutMs ?? this.defaultTimeoutMs, this.cache.ttl('regions', opts.cache));
  }
}
