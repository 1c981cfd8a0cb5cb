import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { importResourceState as importState } from '../../framework/server/import_resource_state.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { encodeDynamic } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function importResourceState(server: ProviderServer, req: tfplugin6.ImportResourceState.Request, signal: AbortSignal): Promise<tfplugin6.ImportResourceState.Response.$Properties> {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  const state = resource ? await importState(server, req.typeName, req.id, diags, signal) : null;
  return {
    importedResources: state !== null && resource ? [{ typeName: req.typeName, state: encodeDynamic(state, impliedType(resource.schema.block)) }] : [],
    diagnostics: diagnosticsToProto(diags.items),
  };
}
