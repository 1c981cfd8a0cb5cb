// What every Scalingo resource receives as `ctx.provider`: the API client and the per-process
// lookups that Terraform's many parallel calls share (addon lists, plan catalogues).

import type { Addon, AddonProvider, Database, FirewallRule, Plan, ScalingoClient, Variable } from '../../scalingo/index.js';
import { isNotFound, normalizeAddonProviderId } from '../../scalingo/index.js';

// Parallel refreshes of addons of one app share one list request within this window.
const ADDON_LIST_TTL_MS = 3000;

/** Reads shared by concurrent callers for a short window, by key (an app, a database); null when it is gone. */
class SharedReads<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T | null> }>();

  get(key: string, load: () => Promise<T>): Promise<T | null> {
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < ADDON_LIST_TTL_MS) return cached.value;
    const value = load().catch((err: unknown) => {
      if (isNotFound(err)) return null;
      this.entries.delete(key);
      throw err;
    });
    this.entries.set(key, { at: Date.now(), value });
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

export class ScalingoContext {
  private readonly addonLists = new SharedReads<Addon[]>();
  private readonly variableLists = new SharedReads<Variable[]>();
  private readonly appIds = new Map<string, Promise<string | null>>();
  private readonly firewallRuleLists = new SharedReads<FirewallRule[]>();
  private readonly databases = new SharedReads<Database>();

  private readonly inState = new Set<string>();

  constructor(readonly client: ScalingoClient) {}

  /**
   * Note an object id met in Terraform's state during this run (refreshed, or planned from a
   * prior state). A tainted object or a forced replacement is planned as a create with no prior
   * state: this is how its plan knows the existing object is the one the run replaces.
   */
  rememberInState(id: string): void {
    this.inState.add(id);
  }

  wasInState(id: string): boolean {
    return this.inState.has(id);
  }

  /** The addons of an app (null when the app does not exist), shared by concurrent reads. */
  addonsOf(app: string, signal: AbortSignal): Promise<Addon[] | null> {
    return this.addonLists.get(app, () => this.client.addons.list(app, { signal }));
  }

  /** One addon, or null when it (or its app) no longer exists. Costs at most one list per app. */
  async findAddon(app: string, addonId: string, signal: AbortSignal): Promise<Addon | null> {
    const list = await this.addonsOf(app, signal);
    return list?.find((a) => a.id === addonId) ?? null;
  }

  /**
   * The app's environment variables (null when the app does not exist), shared by concurrent
   * reads of its addons: one request per app, however many addons read their URL. Values are
   * secrets (connection URLs): never log them.
   */
  variablesOf(app: string, signal: AbortSignal): Promise<Variable[] | null> {
    return this.variableLists.get(app, () => this.client.apps.variables(app, { signal }));
  }

  /** The ID of the app named or identified by `app`, null when there is none; once per process. */
  appId(app: string, signal: AbortSignal): Promise<string | null> {
    let id = this.appIds.get(app);
    if (!id) {
      id = this.client.apps.get(app, { signal }).then(
        (found) => found.id,
        (err: unknown) => {
          this.appIds.delete(app);
          if (isNotFound(err)) return null;
          throw err;
        },
      );
      this.appIds.set(app, id);
    }
    return id;
  }

  /** Whether two spellings (ID or name) designate one existing app. */
  async sameApp(a: string, b: string, signal: AbortSignal): Promise<boolean> {
    if (a === b) return true;
    const [idA, idB] = await Promise.all([this.appId(a, signal), this.appId(b, signal)]);
    return idA !== null && idA === idB;
  }

  /**
   * The firewall rules of a database (null when it no longer exists), one list for all the
   * rules Terraform refreshes at once.
   */
  firewallRulesOf(app: string, addonId: string, signal: AbortSignal): Promise<FirewallRule[] | null> {
    return this.firewallRuleLists.get(`${app}/${addonId}`, () => this.client.firewallRules.list(app, addonId, { signal }));
  }

  /** Forget the rules read of a database, after writing one. */
  forgetFirewallRules(app: string, addonId: string): void {
    this.firewallRuleLists.forget(`${app}/${addonId}`);
  }

  /** A database as plan-time checks see it (null when it does not exist), shared by concurrent plans. */
  databaseOf(app: string, addonId: string, signal: AbortSignal): Promise<Database | null> {
    return this.databases.get(`${app}/${addonId}`, () => this.client.databases.get(app, addonId, { signal }));
  }

  /** Forget what was read of an app, after writing to it. */
  invalidate(app: string): void {
    this.addonLists.forget(app);
    this.variableLists.forget(app);
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
