import { Diagnostics } from '../../framework/diagnostics.js';
import { closeEphemeralResource as close } from '../../framework/server/close_ephemeral_resource.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import type { tfplugin6 } from '../wire.js';

export async function closeEphemeralResource(server: ProviderServer, req: tfplugin6.CloseEphemeralResource.Request, signal: AbortSignal): Promise<tfplugin6.CloseEphemeralResource.Response.$Properties> {
  const diags = new Diagnostics();
  const ephemeral = server.ephemeralResource(req.typeName, diags);
  if (ephemeral) await close(server, { ephemeral, privateState: req.private ?? undefined, diags, signal });
  return { diagnostics: diagnosticsToProto(diags.items) };
}
