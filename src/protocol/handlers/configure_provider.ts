import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { configureProvider as configure } from '../../framework/server/configure_provider.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function configureProvider(server: ProviderServer, req: tfplugin6.ConfigureProvider.Request, signal: AbortSignal): Promise<tfplugin6.ConfigureProvider.Response.$Properties> {
  const diags = new Diagnostics();
  const config = decodeObject(req.config, impliedType(server.provider.schema.block)) ?? {};
  await configure(server, config, req.terraformVersion, diags, signal);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
