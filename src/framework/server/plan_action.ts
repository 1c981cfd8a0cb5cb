// PlanAction: before an action runs (`terraform plan`/`apply -invoke`, or a plan whose
// resources trigger it), validate its configuration and let it refuse with diagnostics.
// Nothing is written.

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Planned } from '../resource.js';
import { guarded, type ProviderServer } from './server.js';
import { validateBlock } from './validate.js';

export interface PlanActionRequest {
  readonly typeName: string;
  readonly config: ValueObject;
}

export async function planAction(server: ProviderServer, req: PlanActionRequest, diags: Diagnostics, signal?: AbortSignal): Promise<void> {
  const action = server.action(req.typeName, diags);
  if (!action) return;
  validateBlock(action.schema.block, req.config, diags);
  action.validateConfig?.({ config: req.config as Planned<ValueObject>, diags });
  if (diags.hasErrors() || !action.plan) return;
  const ctx = server.context(diags, signal, { tf_rpc: 'PlanAction', tf_action_type: req.typeName });
  if (!ctx) return;
  await guarded(diags, 'Planning the action', () => action.plan!({ config: req.config as Planned<ValueObject> }, ctx), ctx.log, ctx.signal);
}
