import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { validateActionConfig as validate } from '../../framework/server/validate_action_config.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export function validateActionConfig(server: ProviderServer, req: tfplugin6.ValidateActionConfig.Request): tfplugin6.ValidateActionConfig.Response.$Properties {
  const diags = new Diagnostics();
  const action = server.action(req.typeName, diags);
  if (action) validate(server, { typeName: req.typeName, config: decodeObject(req.config, impliedType(action.schema.block)) ?? {} }, diags);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
