// `ScalingoClient`: the configuration, and the typed API groups built on one request pipeline.

import { DEFAULT_REFRESH_MARGIN_MS } from './auth.js';
import { AddonProvidersApi } from './addon-providers.js';
import { AddonsApi } from './addons.js';
import { AppsApi } from './apps.js';
import { BackupsApi } from './backups.js';
import { CachePolicy } from './cache-policy.js';
import type { CacheConfig } from './cache-policy.js';
import { DatabaseUsersApi } from './database-users.js';
import { FirewallRulesApi } from './firewall-rules.js';
import { DatabasesApi } from './databases.js';
import { DEFAULT_AUTH_URL } from './endpoints.js';
import { MaintenanceApi } from './maintenance.js';
import { ConfigurationError } from './errors.js';
import { safeLogger } from './logger.js';
import type { Logger } from './logger.js';
import { sharedBucket } from './rate-limit.js';
import type { RateLimitOptions, TokenBucket } from './rate-limit.js';
import { RegionsApi } from './regions.js';
import { Requester } from './requester.js';
import { retryPolicy } from './retry.js';
import type { RetryOptions, RetryPolicy } from './retry.js';

export interface ScalingoClientConfig {
  /** The account's API token (`tk-us-…`). Exchanged for bearer tokens; never sent elsewhere. */
  readonly apiToken: string;
  /** Provider version, sent as `User-Agent: terraform-provider-scalingo/<version>`. */
  readonly version: string;
  /** Auth API base URL, without `/v1` (default `https://auth.scalingo.com`). */
  readonly authUrl?: string;
  /** Main API base URL, without `/v1`. When set, it wins over the region's `api`. */
  readonly apiUrl?: string;
  /** Database API base URL, without `/api`. When set, it wins over the region's `database_api`. */
  readonly dbApiUrl?: string;
  /**
   * Region whose URLs are used for whichever of `apiUrl`/`dbApiUrl` is missing (default: the
   * region flagged `default`, else `osc-fr1`, else the only region listed).
   */
  readonly region?: string;
  /** Per-attempt timeout (default 30 s, as the Go client). */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /**
   * Client-side token bucket (default 60 requests/minute, burst 5), shared by every client of the
   * process with the same API token (the strictest limits apply), or `false` to disable it.
   */
  readonly rateLimit?: RateLimitOptions | false;
  /** Share one request among identical concurrent GETs (default true). */
  readonly coalesceGets?: boolean;
  /** Opt-in caching of read-mostly resources, per method (see cache-policy.ts). */
  readonly cache?: CacheConfig;
  /** Tokens are refreshed this long before their `exp` (default 5 minutes). */
  readonly tokenRefreshMarginMs?: number;
  /** Sockets per origin (default 16). */
  readonly connections?: number;
  readonly logger?: Logger;
}

export class ScalingoClient {
  readonly regions: RegionsApi;
  readonly addons: AddonsApi;
  readonly addonProviders: AddonProvidersApi;
  readonly apps: AppsApi;
  readonly databases: DatabasesApi;
  readonly databaseUsers: DatabaseUsersApi;
  readonly firewallRules: FirewallRulesApi;
  readonly backups: BackupsApi;
  readonly maintenance: MaintenanceApi;
  private readonly requester: Requester;

  constructor(config: ScalingoClientConfig) {
    if (typeof config.apiToken !== 'string' || config.apiToken.trim() === '') {
      throw new ConfigurationError('apiToken is required');
    }
    if (typeof config.version !== 'string' || config.version.trim() === '') {
      throw new ConfigurationError('version is required (it is sent in the User-Agent)');
    }
    const timeoutMs = config.timeoutMs ?? 30_000;
    if (!(timeoutMs > 0)) throw new ConfigurationError('timeoutMs must be positive');
    let retry: RetryPolicy;
    let bucket: TokenBucket | undefined;
    try {
      retry = retryPolicy(config.retry);
      bucket = config.rateLimit === false ? undefined : sharedBucket(config.apiToken, config.rateLimit ?? {});
    } catch (err) {
      throw new ConfigurationError(err instanceof Error ? err.message : 'invalid configuration');
    }
    const cache = new CachePolicy(config.cache);
    this.requester = new Requester({
      apiToken: config.apiToken,
      userAgent: `terraform-provider-scalingo/${config.version}`,
      authUrl: config.authUrl ?? DEFAULT_AUTH_URL,
      apiUrl: config.apiUrl,
      dbApiUrl: config.dbApiUrl,
      region: config.region,
      timeoutMs,
      retry,
      bucket,
      coalesceGets: config.coalesceGets ?? true,
      refreshMarginMs: config.tokenRefreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
      log: safeLogger(config.logger),
      connections: config.connections,
    });
    this.regions = new RegionsApi(this.requester, cache, timeoutMs);
    this.addons = new AddonsApi(this.requester);
    this.addonProviders = new AddonProvidersApi(this.requester, cache);
    this.apps = new AppsApi(this.requester);
    this.databases = new DatabasesApi(this.requester, cache);
    this.databaseUsers = new DatabaseUsersApi(this.requester);
    this.firewallRules = new FirewallRulesApi(this.requester);
    this.backups = new BackupsApi(this.requester);
    this.maintenance = new MaintenanceApi(this.requester);
  }

  /** Drops every cached read (regions, providers, plans, plans by id, type versions). */
  clearCache(): void {
    this.requester.cache.invalidate();
  }

  /** Closes the connection pools; in-flight calls are aborted after a short grace period. */
  close(): Promise<void> {
    return this.requester.close();
  }
}
