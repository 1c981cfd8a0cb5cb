import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateResourceConfig as validate } from '../../framework/server/validate.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateResourceConfig(server: ProviderServer, req: tfplugin6.ValidateResourceConfig.Request): tfplugin6.ValidateResourceConfig.Response.$Properties {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (resource) validate(server, req.typeName, decodeObject(req.config, impliedType(resource.schema.block)) ?? {}, diags);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
