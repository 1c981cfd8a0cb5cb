// Addon providers and their plans (main API). Both reads are cacheable (opt-in).

import type { CachePolicy } from './cache-policy.js';
import { normalizeAddonProviderId } from './provider-ids.js';
import type { CachedReadOptions, Requester } from './requester.js';
import { AddonProvidersResponseSchema, PlansResponseSchema } from './schemas.js';
import type { AddonProvider, Plan } from './schemas.js';

export interface ListPlansOptions extends CachedReadOptions {
  /** Also return the plans that are not available (`show_all=true`); default false. */
  readonly showAll?: boolean;
}

export interface ListProvidersOptions extends CachedReadOptions {
  readonly categoryId?: string;
}

export class AddonProvidersApi {
  private readonly r: Requester;
  private readonly cache: CachePolicy;
  constructor(requester: Requester, cache: CachePolicy) {
    this.r = requester;
    this.cache = cache;
  }

  /** `GET /v1/addon_providers`. */
  async list(opts: ListProvidersOptions = {}): Promise<AddonProvider[]> {
    const res = await this.r.send(
      {
        api: 'main', method: 'GET', route: '/addon_providers', query: { category_id: opts.categoryId },
        auth: 'bearer', expect: [200], schema: AddonProvidersResponseSchema, operation: 'list addon providers',
        cacheTtlMs: this.cache.ttl('addonProviders', opts.cache),
      },
      opts,
    );
    return res.data.addon_providers;
  }

  /**
   * `GET /v1/addon_providers/{provider_id}/plans?show_all=…` (`show_all` is always sent). The
   * provider id is normalised first (`scalingo-postgresql` → `postgresql`).
   */
  async plans(providerId: string, opts: ListPlansOptions = {}): Promise<Plan[]> {
    const id = normalizeAddonProviderId(providerId);
    const res = await this.r.send(
      {
        api: 'main', method: 'GET', route: '/addon_providers/{provider_id}/plans', params: { provider_id: id },
        query: { show_all: opts.showAll ?? false }, auth: 'bearer', expect: [200], schema: PlansResponseSchema,
        operation: `list the plans of addon provider ${id}`, cacheTtlMs: this.cache.ttl('plans', opts.cache),
      },
      opts,
    );
    return res.data.plans;
  }
}
