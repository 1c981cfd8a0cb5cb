import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { upgradeResourceState as upgrade } from '../../framework/server/upgrade_resource_state.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { encodeDynamic } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function upgradeResourceState(server: ProviderServer, req: tfplugin6.UpgradeResourceState.Request): tfplugin6.UpgradeResourceState.Response.$Properties {
  const diags = new Diagnostics();
  const json = req.rawState?.json && req.rawState.json.length > 0 ? new TextDecoder().decode(req.rawState.json) : undefined;
  const state = upgrade(server, req.typeName, Number(req.version), json, diags);
  const resource = server.resource(req.typeName, new Diagnostics());
  return {
    ...(state !== null && resource ? { upgradedState: encodeDynamic(state, impliedType(resource.schema.block)) } : {}),
    diagnostics: diagnosticsToProto(diags.items),
  };
}
