import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { applyResourceChange as apply } from '../../framework/server/apply_resource_change.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject, encodeDynamic } from '../convert/values.js';
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
  return { newState: encodeDynamic(result.state, type), private: result.privateState, diagnostics: diagnosticsToProto(diags.items) };
}
