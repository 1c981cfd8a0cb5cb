// StopProvider: Terraform's Ctrl-C. Cancel in-flight work (their AbortSignals fire); it does
// not mean exit: Shutdown on the controller service does that.

import type { ProviderServer } from '../../framework/server/server.js';
import type { tfplugin6 } from '../wire.js';

export function stopProvider(server: ProviderServer): tfplugin6.StopProvider.Response.$Properties {
  server.stop();
  return { Error: '' };
}
