// Which reads may be cached, and for how long. Caching is opt-in: per method in the client
// configuration (`cache: { plans: true }`) or per call (`{ cache: true }`).
//
// Cached reads are those a Terraform run repeats and that no write of this client changes:
// - regions (default TTL 10 min),
// - addon providers list (10 min),
// - plans of a provider, per `show_all` (10 min),
// - DB-API plans by id, `GET /api/plans/{id}` (60 min),
// - database type versions, immutable once published (60 min).
// Per-database reads (database, its plan, metrics, users…) are never cached: they change with
// every write. `ScalingoClient.clearCache()` drops everything.

export type CacheableRead = 'regions' | 'addonProviders' | 'plans' | 'plansById' | 'databaseTypeVersions';

/** Per method: `true` for the default TTL, a TTL in ms, or `false`/absent for no cache. */
export type CacheConfig = Partial<Record<CacheableRead, boolean | number>>;

export const DEFAULT_CACHE_TTL_MS: Readonly<Record<CacheableRead, number>> = {
  regions: 10 * 60_000,
  addonProviders: 10 * 60_000,
  plans: 10 * 60_000,
  plansById: 60 * 60_000,
  databaseTypeVersions: 60 * 60_000,
};

export class CachePolicy {
  private readonly config: CacheConfig;
  constructor(config: CacheConfig = {}) {
    this.config = config;
  }

  /** TTL in ms for a read of `kind` (0: not cached). */
  ttl(kind: CacheableRead, perCall: boolean | number | undefined): number {
    const configured = this.config[kind];
    const defaultTtl = typeof configured === 'number' ? configured : DEFAULT_CACHE_TTL_MS[kind];
    if (perCall === false) return 0;
    if (typeof perCall === 'number') return Math.max(0, perCall);
    if (perCall === true) return defaultTtl;
    if (configured === true) return DEFAULT_CACHE_TTL_MS[kind];
    if (typeof configured === 'number') return Math.max(0, configured);
    return 0;
  }
}
