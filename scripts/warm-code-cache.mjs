// Run a built provider once as Terraform would (handshake, GetProviderSchema, Shutdown) with
// TF_PROVIDER_WRITE_CODE_CACHE=1, so that its launcher writes V8 code caches of the functions
// a real start-up compiles.
import { generateServerCertificate } from '../dist/plugin/certificate.js';
import { dial, parseHandshake, startPlugin } from './plugin-client.mjs';

export async function warmCodeCache(executable, extraEnv = {}) {
  const clientCert = generateServerCertificate();
  const plugin = startPlugin(executable, { clientCert, env: { TF_PROVIDER_WRITE_CODE_CACHE: '1', ...extraEnv } });
  const { line } = await plugin.handshake;
  const conn = dial(parseHandshake(line), clientCert);
  try {
    await conn.call('/tfplugin6.Provider/GetProviderSchema');
    await conn.call('/tfplugin6.Provider/GetMetadata');
    await conn.call('/plugin.GRPCController/Shutdown');
  } finally {
    conn.close();
  }
  const { code } = await plugin.exited;
  if (code !== 0) throw new Error(`warm-up run exited with ${code}: ${plugin.stderr()}`);
}

if (process.argv[2]) await warmCodeCache(process.argv[2]);
