// ImportResourceState: turn the user's import ID into a partial state; Terraform then calls
// ReadResource to fill it in (a null there means "cannot import non-existent object").

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import { conformToSchema } from '../plan.js';
import { guarded, type ProviderServer } from './server.js';

export async function importResourceState(
  server: ProviderServer,
  typeName: string,
  id: string,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<ValueObject | null> {
  const resource = server.resource(typeName, diags);
  if (!resource) return null;
  if (!resource.importState) {
    diags.error('Import not supported', `The ${typeName} resource cannot be imported.`);
    return null;
  }
  const ctx = server.context(diags, signal, { tf_rpc: 'ImportResourceState', tf_resource_type: typeName });
  if (!ctx) return null;
  const partial = await guarded(diags, 'Importing the resource', () => resource.importState!(id, ctx), ctx.log, ctx.signal);
  if (partial === undefined || diags.hasErrors()) return null;
  return conformToSchema(resource.schema.block, partial as ValueObject);
}
