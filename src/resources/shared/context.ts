// What every Scalingo resource receives as `ctx.provider`: the API client and the per-process
// lookups that Terraform's many parallel calls share (addon lists, plan catalogues).

import type { Addon, AddonProvider, Plan, ScalingoClient } from '../../scalingo/index.js';
import { isNotFound, normalizeAddonProviderId } from '../../scalingo/index.js';

// Parallel refreshes of addons of one app share one list request within this window.
const ADDON_LIST_TTL_MS = 3000;

export class ScalingoContext {
  private readonly addonLists = new Map<string, { at: number; list: Promise<Addon[] | null> }>();

  constructor(readonly client: ScalingoClient) {}

  /** The addons of an app (null when the app does not exist), shared by concurrent reads. */
  addonsOf(app: string, signal: AbortSignal): Promise<Addon[] | null> {
    const cached = this.addonLists.get(app);
    if (cached && Date.now() - cached.at < ADDON_LIST_TTL_MS) return cached.list;
    const list = this.client.addons.list(app, { signal }).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      this.addonLists.delete(app);
      throw err;
    });
    this.addonLists.set(app, { at: Date.now(), list });
    return list;
  }

  /** One addon, or null when it (or its app) no longer exists. Costs at most one list per app. */
  async findAddon(app: string, addonId: string, signal: AbortSignal): Promise<Addon | null> {
    const list = await this.addonsOf(app, signal);
    return list?.find((a) => a.id === addonId) ?? null;
  }

  /** Forget what was read of an app, after writing to it. */
  invalidate(app: string): void {
    this.addonLists.delete(app);
  }

  /** Every plan of a provider, available or not, cached for the process. */
  plans(providerId: string, signal: AbortSignal): Promise<Plan[]> {
    return this.client.addonProviders.plans(normalizeAddonProviderId(providerId), { showAll: true, cache: true, signal });
  }

  async provider(providerId: string, signal: AbortSignal): Promise<AddonProvider | undefined> {
    const providers = await this.client.addonProviders.list({ cache: true, signal });
    const id = normalizeAddonProviderId(providerId);
    return providers.find((p) => p.id === id);
  }

  /**
   * Whether addons of this provider are databases (they have a database API). Scalingo's
   * category is named "Databases" (staging has used "Database"): match on the prefix.
   */
  async isDatabase(providerId: string, signal: AbortSignal): Promise<boolean> {
    const id = normalizeAddonProviderId(providerId);
    if (KNOWN_DATABASES.has(id)) return true;
    const provider = await this.provider(id, signal);
    return (provider?.category?.name ?? '').toLowerCase().startsWith('database');
  }
}

const KNOWN_DATABASES = new Set(['postgresql', 'mysql', 'mongodb', 'redis', 'influxdb', 'elasticsearch', 'opensearch']);
