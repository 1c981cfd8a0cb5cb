// ValidateActionConfig: an action block's `config { ... }` (values may still be unknown).

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Planned } from '../resource.js';
import type { ProviderServer } from './server.js';
import { validateBlock } from './validate.js';

export interface ValidateActionConfigRequest {
  readonly typeName: string;
  readonly config: ValueObject;
}

export function validateActionConfig(server: ProviderServer, req: ValidateActionConfigRequest, diags: Diagnostics): void {
  const action = server.action(req.typeName, diags);
  if (!action) return;
  validateBlock(action.schema.block, req.config, diags);
  action.validateConfig?.({ config: req.config as Planned<ValueObject>, diags });
}
