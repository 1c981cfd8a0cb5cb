import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType, impliedType } from '../../framework/schema.js';
import { applyResourceChange as apply } from '../../framework/server/apply_resource_change.js';
import { appliedIdentity } from '../../framework/server/identity.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeIdentity, decodeObject, encodeDynamic, encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function applyResourceChange(server: ProviderServer, req: tfplugin6.ApplyResourceChange.Request, signal: AbortSignal): Promise<tfplugin6.ApplyResourceChange.Response.$Properties> {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (!resource) return { newState: req.priorState ?? null, diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(resource.schema.block);
  const result = await apply(
    server,
    req.typeName,
    decodeObject(req.priorState, type),
    decodeObject(req.plannedState, type),
    decodeObject(req.config, type),
    req.plannedPrivate,
    diags,
    signal,
  );
  const idType = resource.identity ? identityType(resource.identity.schema) : undefined;
  const identity = idType
    ? await appliedIdentity(server, { typeName: req.typeName, state: result.state, plannedIdentity: decodeIdentity(req.plannedIdentity, idType) }, diags, signal)
    : null;
  return {
    newState: encodeDynamic(result.state, type),
    private: result.privateState,
    diagnostics: diagnosticsToProto(diags.items),
    ...(idType && identity !== null ? { newIdentity: encodeIdentity(identity, idType) } : {}),
  };
}
