// End-to-end setup for the real provider: the simulator (in this process, on loopback) and a
// terraform workspace whose CLI config points our address (scalingo-community/scalingo, from
// package.json) at the built executable.

import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src/simulator/server.js';
import { PROVIDER_SOURCE } from '../../../src/provider/version.js';
import { providerDir, requireBuiltProvider } from './built_provider.js';
import { workspace, type Workspace } from './terraform.js';

export interface ScalingoWorld {
  sim: RunningSimulator;
  /**
   * A fresh workspace talking to the simulator. extraProviders: more dev_overrides (source
   * address -> directory), e.g. a stand-in for the official provider under `Scalingo/scalingo`.
   */
  workspace(extraEnv?: NodeJS.ProcessEnv, extraProviders?: Record<string, string>): Workspace;
  /** The environment that points the provider at the simulator (for other Terraform cores). */
  providerEnv: NodeJS.ProcessEnv;
  /** Call the simulator's admin API (/_sim/...). */
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  requests(): Promise<Record<string, number>>;
  /** Every API request since the last reset, in arrival order. */
  requestLog(): Promise<{ seq: number; at: string; route: string; method: string; path: string }[]>;
  /** A new app on the simulator, named `<prefix>-<pid>-<n>` so no two tests share one. */
  newApp(prefix: string): Promise<{ id: string; name: string }>;
  close(): Promise<void>;
}

export { PROVIDER_SOURCE };

/** The provider alone, under the local name `scalingo`. */
export const HEADER = `terraform {\n  required_providers {\n    scalingo = { source = "${PROVIDER_SOURCE}" }\n  }\n}\nprovider "scalingo" {}\n`;

export async function scalingoWorld(terraform: string, options: SimulatorOptions = {}): Promise<ScalingoWorld> {
  requireBuiltProvider();
  const sim = await startSimulator({ port: 0, speed: 50, postgres: 'off', ...options });
  // The client paces itself to the simulator's limit, as it does to Scalingo's 60 a minute.
  const requestsPerMinute = String(options.rateLimitPerMinute ?? 60);
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.adminToken}` },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const providerEnv = { SCALINGO_AUTH_URL: sim.url, SCALINGO_API_TOKEN: sim.apiToken, SCALINGO_REQUESTS_PER_MINUTE: requestsPerMinute };
  let apps = 0;
  const newApp = async (prefix: string): Promise<{ id: string; name: string }> =>
    ((await admin('POST', '/_sim/apps', { name: `${prefix}-${process.pid}-${++apps}` })) as { app: { id: string; name: string } }).app;
  return {
    sim,
    providerEnv,
    newApp,
    workspace: (extraEnv = {}, extraProviders = {}) => workspace(terraform, { [PROVIDER_SOURCE]: providerDir, ...extraProviders }, { ...providerEnv, ...extraEnv }),
    admin,
    requests: async () => (await admin('GET', '/_sim/requests')) as Record<string, number>,
    requestLog: async () => ((await admin('GET', '/_sim/requests/log')) as { requests: { seq: number; at: string; route: string; method: string; path: string }[] }).requests,
    close: () => sim.close(),
  };
}

/** Requests that write (anything but GET), from a /_sim/requests snapshot. */
export function writes(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => !k.startsWith('GET ') && k !== 'POST /v1/tokens/exchange' && !k.endsWith('/token') && !k.endsWith('/action')));
}

/** The app's environment variables by name, as the platform shows them through its API. */
export async function appVariables(world: ScalingoWorld, app: string): Promise<Record<string, string>> {
  const basic = Buffer.from(`:${world.sim.apiToken}`).toString('base64');
  const exchange = await fetch(`${world.sim.url}/v1/tokens/exchange`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  const bearer = ((await exchange.json()) as { token: string }).token;
  const res = await fetch(`${world.sim.url}/v1/apps/${app}/variables`, { headers: { authorization: `Bearer ${bearer}` } });
  return Object.fromEntries(((await res.json()) as { variables: { name: string; value: string }[] }).variables.map((v) => [v.name, v.value]));
}
