import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { planAction as plan } from '../../framework/server/plan_action.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function planAction(server: ProviderServer, req: tfplugin6.PlanAction.Request, signal: AbortSignal): Promise<tfplugin6.PlanAction.Response.$Properties> {
  const diags = new Diagnostics();
  const action = server.action(req.actionType, diags);
  if (action) await plan(server, { typeName: req.actionType, config: decodeObject(req.config, impliedType(action.schema.block)) ?? {} }, diags, signal);
  return { diagnostics: diagnosticsToProto(diags.items) };
}
