import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType, impliedType } from '../../framework/schema.js';
import { readIdentity } from '../../framework/server/identity.js';
import { readResource as read } from '../../framework/server/read_resource.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeIdentity, decodeObject, encodeDynamic, encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function readResource(server: ProviderServer, req: tfplugin6.ReadResource.Request, signal: AbortSignal): Promise<tfplugin6.ReadResource.Response.$Properties> {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (!resource) return { newState: req.currentState ?? null, diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(resource.schema.block);
  const result = await read(server, req.typeName, decodeObject(req.currentState, type), req.private, diags, signal);
  const idType = resource.identity ? identityType(resource.identity.schema) : undefined;
  const identity = idType ? await readIdentity(server, { typeName: req.typeName, state: result.state, current: decodeIdentity(req.currentIdentity, idType) }, diags, signal) : null;
  return {
    newState: encodeDynamic(result.state, type),
    private: result.privateState,
    diagnostics: diagnosticsToProto(diags.items),
    ...(idType && identity !== null ? { newIdentity: encodeIdentity(identity, idType) } : {}),
  };
}
