// Test helpers: an in-process simulator, its admin API, and clients whose log lines are kept.
import { startSimulator } from '../../src/simulator/server.js';
import { ScalingoClient } from '../../src/scalingo/client.js';
import type { LogLevel, ScalingoClientConfig } from '../../src/scalingo/index.js';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface LogLine {
  level: LogLevel;
  message: string;
  fields: Record<string, unknown> | undefined;
}

export async function startSim(options: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  // A generous server limit by default: tests about rate limiting set their own.
  return startSimulator({ port: 0, host: '127.0.0.1', speed: 50, rateLimitPerMinute: 100_000, postgres: 'off', ...options });
}

export async function admin(sim: Simulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(sim.url + path, {
    method,
    headers: { authorization: `Bearer ${sim.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`admin ${method} ${path} → ${res.status}: ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export type Fault = {
  route: string;
  status?: number;
  body?: string | Record<string, unknown>;
  retry_after?: number;
  latency_ms?: number;
  reset?: boolean;
  hang?: boolean;
  when?: 'before' | 'after';
  rate?: number;
  count?: number;
};

export const setFaults = (sim: Simulator, faults: Fault[]): Promise<unknown> => admin(sim, 'PUT', '/_sim/faults', { faults });
export const clearFaults = (sim: Simulator): Promise<unknown> => setFaults(sim, []);

export async function requestCounts(sim: Simulator): Promise<Record<string, number>> {
  return (await admin(sim, 'GET', '/_sim/requests')) as Record<string, number>;
}
export async function resetCounts(sim: Simulator): Promise<void> {
  await admin(sim, 'DELETE', '/_sim/requests');
}

/** A client on the simulator with fast retries, no client-side rate limit, and kept logs. */
export function makeClient(
  sim: Simulator,
  overrides: Partial<ScalingoClientConfig> = {},
): { client: ScalingoClient; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const client = new ScalingoClient({
    apiToken: sim.apiToken,
    version: '0.1.0-test',
    authUrl: sim.url,
    apiUrl: sim.url,
    dbApiUrl: sim.url,
    retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 4 },
    rateLimit: false,
    timeoutMs: 5_000,
    logger: (level, message, fields) => logs.push({ level, message, fields }),
    ...overrides,
  });
  return { client, logs };
}

export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Provisions a PostgreSQL Starter 512 addon and waits until it and its database run. */
export async function provisionPostgres(client: ScalingoClient, app: string, planName = 'postgresql-starter-512') {
  const plans = await client.addonProviders.plans('postgresql');
  const plan = plans.find((p) => p.name === planName);
  if (!plan) throw new Error(`no plan ${planName}`);
  const { addon } = await client.addons.provision(app, { providerId: 'postgresql', planId: plan.id });
  await waitFor(() => client.addons.get(app, addon.id), (a) => a.status === 'running');
  await waitFor(() => client.databases.get(app, addon.id), (d) => d.status === 'running');
  return addon;
}

let appCounter = 0;
/** A fresh app on the simulator (one PostgreSQL addon per app is allowed). */
export async function createApp(sim: Simulator, prefix = 'app'): Promise<{ id: string; name: string }> {
  appCounter += 1;
  const name = `${prefix}-${process.pid}-${appCounter}-${Math.floor(Math.random() * 1e6)}`;
  const res = (await admin(sim, 'POST', '/_sim/apps', { name })) as { app: { id: string; name: string } };
  return res.app;
}
