// Shared helpers for the simulator's tests: a started simulator and a tiny HTTP client.
import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator, SimulatorOptions } from '../../src/simulator/server.js';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, the raw text otherwise ('' when empty). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests navigate replies freely
  body: any;
  text: string;
}

export async function call(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Reply> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json') && text) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body, text };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value (returned), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 5000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await sleep(intervalMs);
  }
}

/** A started simulator plus helpers bound to it. */
export class TestSim {
  private bearer: string | null = null;
  private readonly dbTokens = new Map<string, string>();
  /** App of each addon provisioned through `provision`, for DB tokens. */
  private readonly addonApps = new Map<string, string>();

  private constructor(readonly sim: RunningSimulator) {}

  static async start(options: SimulatorOptions = {}): Promise<TestSim> {
    return new TestSim(await startSimulator({ postgres: 'off', rateLimitPerMinute: 100_000, ...options }));
  }

  get url(): string {
    return this.sim.url;
  }

  get app(): { id: string; name: string } {
    return this.sim.apps[0]!;
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  basic(token = this.sim.apiToken): string {
    return `Basic ${Buffer.from(`:${token}`).toString('base64')}`;
  }

  async token(): Promise<string> {
    if (!this.bearer) {
      const r = await call(this.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: this.basic() } });
      if (r.status !== 200) throw new Error(`exchange failed: ${r.status}`);
      this.bearer = r.body.token as string;
    }
    return this.bearer;
  }

  async api(method: string, path: string, body?: unknown): Promise<Reply> {
    return call(this.url, method, path, { token: await this.token(), body });
  }

  /** Records the app of an addon provisioned without `provision`. */
  track(addonId: string, appId: string): void {
    this.addonApps.set(addonId, appId);
  }

  async dbToken(addonId: string, appId = this.addonApps.get(addonId) ?? this.app.id): Promise<string> {
    let t = this.dbTokens.get(addonId);
    if (!t) {
      const r = await this.api('POST', `/v1/apps/${appId}/addons/${addonId}/token`);
      if (r.status !== 200) throw new Error(`addon token failed: ${r.status}`);
      t = r.body.addon.token as string;
      this.dbTokens.set(addonId, t);
    }
    return t;
  }

  async db(method: string, addonId: string, subpath = '', body?: unknown): Promise<Reply> {
    return call(this.url, method, `/api/databases/${addonId}${subpath}`, { token: await this.dbToken(addonId), body });
  }

  admin(method: string, path: string, body?: unknown): Promise<Reply> {
    return call(this.url, method, `/_sim${path}`, { token: this.sim.adminToken, body });
  }

  async planId(name: string, provider = name.split('-')[0]!): Promise<string> {
    const r = await call(this.url, 'GET', `/v1/addon_providers/${provider}/plans?show_all=true`);
    const plan = (r.body.plans as { id: string; name: string }[]).find((p) => p.name === name);
    if (!plan) throw new Error(`no plan ${name}`);
    return plan.id;
  }

  /** Provisions an addon and returns its JSON. */
  async provision(planName = 'postgresql-starter-512', appId = this.app.id): Promise<{ id: string; [k: string]: unknown }> {
    const provider = planName.split('-')[0]!;
    const r = await this.api('POST', `/v1/apps/${appId}/addons`, { addon: { addon_provider_id: provider, plan_id: await this.planId(planName), options: null } });
    if (r.status !== 201) throw new Error(`provision failed: ${r.status} ${r.text}`);
    this.addonApps.set(r.body.addon.id, appId);
    return r.body.addon;
  }

  async waitRunning(addonId: string, timeoutMs = 5000): Promise<void> {
    await waitFor(async () => (await this.db('GET', addonId)).body.database.status === 'running', timeoutMs);
  }

  /** A new app, so tests can provision one addon per provider each. */
  async newApp(name: string): Promise<{ id: string; name: string }> {
    const r = await this.admin('POST', '/apps', { name });
    if (r.status !== 201) throw new Error(`app creation failed: ${r.status} ${r.text}`);
    return r.body.app;
  }
}
