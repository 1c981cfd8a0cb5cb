import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateListResourceConfig as validate } from '../../framework/server/validate_list_resource_config.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateListResourceConfig(server: ProviderServer, req: tfplugin6.ValidateListResourceConfig.Request): tfplugin6.ValidateListResourceConfig.Response.$Properties {
  const diags = new Diagnostics();
  const list = server.listResource(req.typeName, diags);
  if (list) validate(server, { typeName: req.typeName, config: decodeObject(req.config, impliedType(list.schema.block)) ?? {} }, diags);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
