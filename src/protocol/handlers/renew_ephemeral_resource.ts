import { Diagnostics } from '../../framework/diagnostics.js';
import { renewEphemeralResource as renew } from '../../framework/server/renew_ephemeral_resource.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { timestampToProto } from '../convert/timestamp.js';
import type { tfplugin6 } from '../wire.js';

export async function renewEphemeralResource(server: ProviderServer, req: tfplugin6.RenewEphemeralResource.Request, signal: AbortSignal): Promise<tfplugin6.RenewEphemeralResource.Response.$Properties> {
  const diags = new Diagnostics();
  const ephemeral = server.ephemeralResource(req.typeName, diags);
  if (!ephemeral) return { diagnostics: diagnosticsToProto(diags.items) };
  const renewed = await renew(server, { ephemeral, privateState: req.private ?? undefined, diags, signal });
  return {
    ...(renewed.renewAt ? { renewAt: timestampToProto(renewed.renewAt) } : {}),
    ...(renewed.privateState.length > 0 ? { private: renewed.privateState } : {}),
    diagnostics: diagnosticsToProto(diags.items),
  };
}
