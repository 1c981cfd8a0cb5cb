// The provider executable built by `make build` (dist/bundle), and a go-plugin host to drive it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './fixture_provider.js';

export const providerDir = join(projectRoot, 'dist', 'bundle');
export const providerExecutable = join(providerDir, 'terraform-provider-scalingo');

export function requireBuiltProvider(): void {
  if (!existsSync(providerExecutable)) throw new Error(`${providerExecutable} is missing: run \`make build\` first`);
}

interface PluginClientModule {
  MAGIC_COOKIE: string;
  startPlugin: (
    executable: string,
    o?: { env?: Record<string, string>; clientCert?: { certPem: string; keyPem: string }; timeoutMs?: number },
  ) => {
    child: import('node:child_process').ChildProcess;
    handshake: Promise<{ line: string; elapsedMs: number }>;
    exited: Promise<{ code: number | null; signal: string | null }>;
    stderr: () => string;
  };
  derToPem: (der: Buffer) => string;
  parseHandshake: (line: string) => { core: number; app: number; network: string; address: string; protocol: string; cert: string };
  dial: (
    handshake: { network: string; address: string; cert: string },
    clientCert?: { certPem: string; keyPem: string },
  ) => { call: (path: string, request?: Uint8Array, timeoutMs?: number) => Promise<Buffer>; close: () => void };
}

export async function pluginClient(): Promise<PluginClientModule> {
  return (await import(join(projectRoot, 'scripts', 'plugin-client.mjs'))) as PluginClientModule;
}
