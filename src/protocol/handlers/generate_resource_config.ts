import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { generateResourceConfig as generate } from '../../framework/server/generate_resource_config.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject, encodeDynamic } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function generateResourceConfig(server: ProviderServer, req: tfplugin6.GenerateResourceConfig.Request): tfplugin6.GenerateResourceConfig.Response.$Properties {
  const diags = new Diagnostics();
  const resource = server.resource(req.typeName, diags);
  if (!resource) return { diagnostics: diagnosticsToProto(diags.items) };
  const type = impliedType(resource.schema.block);
  const config = generate(server, { typeName: req.typeName, state: decodeObject(req.state, type) }, diags);
  return { ...(config !== null ? { config: encodeDynamic(config, type) } : {}), diagnostics: diagnosticsToProto(diags.items) };
}
