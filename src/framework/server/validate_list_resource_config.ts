// ValidateListResourceConfig: a list block's `config { ... }`, before anything is listed.

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Planned } from '../resource.js';
import type { ProviderServer } from './server.js';
import { validateBlock } from './validate.js';

export interface ValidateListConfigRequest {
  readonly typeName: string;
  readonly config: ValueObject;
}

export function validateListResourceConfig(server: ProviderServer, req: ValidateListConfigRequest, diags: Diagnostics): void {
  const list = server.listResource(req.typeName, diags);
  if (!list) return;
  validateBlock(list.schema.block, req.config, diags);
  list.validateConfig?.({ config: req.config as Planned<ValueObject>, diags });
}
