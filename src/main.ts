// Entry point of terraform-provider-scalingo: serve the provider as a Terraform plugin.
// Only the process layer loads before the handshake; the provider follows lazily.

import { runProviderProcess } from './plugin/run.js';
import { PROVIDER_ADDRESSES, PROVIDER_VERSION } from './provider/version.js';

runProviderProcess({
  name: 'terraform-provider-scalingo',
  version: PROVIDER_VERSION,
  providerAddresses: PROVIDER_ADDRESSES,
  loadDispatcher: async (log) => (await import('./provider/entry.js')).createDispatcher(log),
}).catch((err: unknown) => {
  process.stderr.write(`terraform-provider-scalingo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
