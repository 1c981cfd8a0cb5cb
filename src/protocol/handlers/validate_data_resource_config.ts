import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateDataSourceConfig } from '../../framework/server/validate.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateDataResourceConfig(server: ProviderServer, req: tfplugin6.ValidateDataResourceConfig.Request): tfplugin6.ValidateDataResourceConfig.Response.$Properties {
  const diags = new Diagnostics();
  const dataSource = server.dataSource(req.typeName, diags);
  if (dataSource) validateDataSourceConfig(server, req.typeName, decodeObject(req.config, impliedType(dataSource.schema.block)) ?? {}, diags);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
