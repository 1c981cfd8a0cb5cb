import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { upgradeResourceIdentity as upgrade } from '../../framework/server/upgrade_resource_identity.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function upgradeResourceIdentity(server: ProviderServer, req: tfplugin6.UpgradeResourceIdentity.Request): tfplugin6.UpgradeResourceIdentity.Response.$Properties {
  const diags = new Diagnostics();
  const json = req.rawIdentity?.json && req.rawIdentity.json.length > 0 ? new TextDecoder().decode(req.rawIdentity.json) : undefined;
  const identity = upgrade(server, { typeName: req.typeName, version: Number(req.version), rawJson: json }, diags);
  const def = server.resourceIdentity(req.typeName);
  return {
    ...(identity !== null && def ? { upgradedIdentity: encodeIdentity(identity, identityType(def.schema)) } : {}),
    diagnostics: diagnosticsToProto(diags.items),
  };
}
