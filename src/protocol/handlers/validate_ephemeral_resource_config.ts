import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateEphemeralResourceConfig as validate } from '../../framework/server/validate_ephemeral_resource_config.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateEphemeralResourceConfig(
  server: ProviderServer,
  req: tfplugin6.ValidateEphemeralResourceConfig.Request,
): tfplugin6.ValidateEphemeralResourceConfig.Response.$Properties {
  const diags = new Diagnostics();
  const ephemeral = server.ephemeralResource(req.typeName, diags);
  if (ephemeral) validate({ ephemeral, config: decodeObject(req.config, impliedType(ephemeral.schema.block)) ?? {}, diags });
  return { diagnostics: diagnosticsToProto(diags.items) };
}
