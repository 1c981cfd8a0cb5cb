// ValidateEphemeralResourceConfig: attribute validators, then the ephemeral resource's own
// checks, on the configuration as written (values may still be unknown). No API call.

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import type { EphemeralResourceDefinition, Planned } from '../resource.js';
import { validateBlock } from './validate.js';

export interface ValidateEphemeralResourceConfigRequest {
  readonly ephemeral: EphemeralResourceDefinition;
  readonly config: ValueObject;
  readonly diags: Diagnostics;
}

export function validateEphemeralResourceConfig({ ephemeral, config, diags }: ValidateEphemeralResourceConfigRequest): void {
  validateBlock(ephemeral.schema.block, config, diags);
  ephemeral.validateConfig?.({ config: config as Planned<ValueObject>, diags });
}
