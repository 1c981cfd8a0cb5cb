// Run a built provider once as Terraform would (handshake, GetProviderSchema, Shutdown) with
// TF_PROVIDER_WRITE_CODE_CACHE=1, so that its launcher writes V8 code caches of the functions
// a real start-up compiles.
import { generateServerCertificate } from '../dist/plugin/certificate.js';
import { fileURLToPath } from 'node:url';
import { dial, parseHandshake, startPlugin } from './plugin-client.mjs';

export async function warmCodeCache(executable, extraEnv = {}, timeoutMs = 10000) {
  const clientCert = generateServerCertificate();
  const plugin = startPlugin(executable, { clientCert, timeoutMs, env: { TF_PROVIDER_WRITE_CODE_CACHE: '1', ...extraEnv } });
  const { line } = await plugin.handshake;
  const conn = dial(parseHandshake(line), clientCert);
  try {
    await conn.call('/tfplugin6.Provider/GetProviderSchema', undefined, timeoutMs);
    await conn.call('/tfplugin6.Provider/GetMetadata', undefined, timeoutMs);
    await conn.call('/plugin.GRPCController/Shutdown', undefined, timeoutMs);
  } finally {
    conn.close();
  }
  const { code } = await plugin.exited;
  if (code !== 0) throw new Error(`warm-up run exited with ${code}: ${plugin.stderr()}`);
}

// As a command (`node scripts/warm-code-cache.mjs <executable>`), not when imported.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) await warmCodeCache(process.argv[2]);
