// GenerateResourceConfig (`terraform query -generate-config-out`, Terraform 1.14): the
// configuration that manages an existing object, such that planning it after the import
// shows no change. The resource may say; otherwise: required attributes as they are,
// optional ones as they are unless they are computed too (then the object's value is
// recorded on import, and writing it would only pin it), except where the value differs
// from the attribute's default; never computed-only, write-only or nested blocks.

import { valueEquals, type ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import { conformToSchema, nullWriteOnly, unknownPaths } from '../plan.js';
import type { BlockSchema } from '../schema.js';
import type { ProviderServer } from './server.js';

export interface GenerateConfigRequest {
  readonly typeName: string;
  /** The object's state, as a list result's full object or an imported state. */
  readonly state: ValueObject | null;
}

export function generateResourceConfig(server: ProviderServer, req: GenerateConfigRequest, diags: Diagnostics): ValueObject | null {
  const resource = server.resource(req.typeName, diags);
  if (!resource) return null;
  if (req.state === null) {
    diags.error('No object to generate configuration for', `Terraform sent no state for ${req.typeName}.`);
    return null;
  }
  const block = resource.schema.block;
  const chosen = resource.generateConfig ? (resource.generateConfig(req.state) as ValueObject) : genericConfig(block, req.state);
  const config = nullWriteOnly(block, conformToSchema(block, chosen));
  for (const [name, attribute] of Object.entries(block.attributes)) if (attribute.computed && !attribute.optional) config[name] = null;
  if (unknownPaths(config).length > 0) {
    diags.error('Cannot generate configuration', `The ${req.typeName} state has unknown values.`);
    return null;
  }
  return config;
}

function genericConfig(block: BlockSchema, state: ValueObject): ValueObject {
  const out: ValueObject = {};
  for (const [name, attribute] of Object.entries(block.attributes)) {
    const value = state[name] ?? null;
    if (attribute.required || (attribute.optional && !attribute.computed)) out[name] = value;
    else if (attribute.optional && attribute.default !== undefined && value !== null && !valueEquals(value, attribute.default)) out[name] = value;
  }
  return out;
}
