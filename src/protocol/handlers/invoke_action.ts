// InvokeAction (server streaming): progress events while the action runs, then one completed
// event carrying its diagnostics.

import { Diagnostics } from '../../framework/diagnostics.js';
import { impliedType } from '../../framework/schema.js';
import { invokeAction as invoke } from '../../framework/server/invoke_action.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function* invokeAction(server: ProviderServer, req: tfplugin6.InvokeAction.Request, signal: AbortSignal): AsyncGenerator<tfplugin6.InvokeAction.Event.$Properties> {
  const action = server.action(req.actionType, new Diagnostics());
  const config = action ? (decodeObject(req.config, impliedType(action.schema.block)) ?? {}) : {};
  for await (const event of invoke(server, { typeName: req.actionType, config }, signal)) {
    yield 'progress' in event ? { progress: { message: event.progress } } : { completed: { diagnostics: diagnosticsToProto(event.completed) } };
  }
}
