import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType, impliedType } from '../../framework/schema.js';
import { importedIdentity } from '../../framework/server/identity.js';
import { importResourceState as importState, importResourceStateByIdentity } from '../../framework/server/import_resource_state.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeIdentity, encodeDynamic, encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function importResourceState(server: ProviderServer, req: tfplugin6.ImportResourceState.Request, signal: AbortSignal): Promise<tfplugin6.ImportResourceState.Response.$Properties> {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (!resource) return { importedResources: [], diagnostics: diagnosticsToProto(diags.items) };
  const idType = resource.identity ? identityType(resource.identity.schema) : undefined;
  // Terraform 1.12+ sends an identity instead of an ID for `import { identity = {...} }`.
  const given = idType ? decodeIdentity(req.identity, idType) : null;
  const state =
    given !== null
      ? await importResourceStateByIdentity(server, { typeName: req.typeName, identity: given }, diags, signal)
      : await importState(server, req.typeName, req.id, diags, signal);
  const identity = idType ? await importedIdentity(server, req.typeName, state, diags, signal) : null;
  return {
    importedResources:
      state !== null
        ? [
            {
              typeName: req.typeName,
              state: encodeDynamic(state, impliedType(resource.schema.block)),
              ...(idType && identity !== null ? { identity: encodeIdentity(identity, idType) } : {}),
            },
          ]
        : [],
    diagnostics: diagnosticsToProto(diags.items),
  };
}
