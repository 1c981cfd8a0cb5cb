import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType, impliedType } from '../../framework/schema.js';
import { plannedIdentity } from '../../framework/server/identity.js';
import { planResourceChange as plan } from '../../framework/server/plan_resource_change.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto, pathToProto } from '../convert/diagnostics.js';
import { decodeIdentity, decodeObject, encodeDynamic, encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function planResourceChange(server: ProviderServer, req: tfplugin6.PlanResourceChange.Request, signal: AbortSignal): Promise<tfplugin6.PlanResourceChange.Response.$Properties> {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (!resource) return { plannedState: req.proposedNewState ?? null, diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(resource.schema.block);
  const prior = decodeObject(req.priorState, type);
  const result = await plan(
    server,
    req.typeName,
    prior,
    decodeObject(req.proposedNewState, type),
    decodeObject(req.config, type),
    req.priorPrivate,
    diags,
    signal,
  );
  const idType = resource.identity ? identityType(resource.identity.schema) : undefined;
  const identity = idType
    ? await plannedIdentity(
        server,
        { typeName: req.typeName, prior, planned: result.planned, priorIdentity: decodeIdentity(req.priorIdentity, idType), replacing: result.requiresReplace.length > 0 },
        diags,
        signal,
      )
    : null;
  return {
    plannedState: encodeDynamic(result.planned, type),
    requiresReplace: result.requiresReplace.map(pathToProto),
    plannedPrivate: result.plannedPrivate,
    diagnostics: diagnosticsToProto(diags.items),
    ...(idType && identity !== null ? { plannedIdentity: encodeIdentity(identity, idType) } : {}),
  };
}
