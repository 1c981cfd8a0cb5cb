import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { openEphemeralResource as open } from '../../framework/server/open_ephemeral_resource.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { timestampToProto } from '../convert/timestamp.js';
import { decodeObject, encodeDynamic } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function openEphemeralResource(server: ProviderServer, req: tfplugin6.OpenEphemeralResource.Request, signal: AbortSignal): Promise<tfplugin6.OpenEphemeralResource.Response.$Properties> {
  const diags = new Diagnostics();
  const ephemeral = server.ephemeralResource(req.typeName, diags);
  if (!ephemeral) return { diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(ephemeral.schema.block);
  const opened = await open(server, { ephemeral, config: decodeObject(req.config, type) ?? {}, diags, signal });
  return {
    ...(opened.result !== null ? { result: encodeDynamic(opened.result, type) } : {}),
    ...(opened.renewAt ? { renewAt: timestampToProto(opened.renewAt) } : {}),
    ...(opened.privateState.length > 0 ? { private: opened.privateState } : {}),
    diagnostics: diagnosticsToProto(diags.items),
  };
}
