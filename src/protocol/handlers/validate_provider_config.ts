import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateProviderConfig as validate } from '../../framework/server/validate.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateProviderConfig(server: ProviderServer, req: tfplugin6.ValidateProviderConfig.Request): tfplugin6.ValidateProviderConfig.Response.$Properties {
  const diags = new Diagnostics();
  const config = decodeObject(req.config, impliedType(server.provider.schema.block)) ?? {};
  validate(server, config, diags);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
