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

export interface ImportByIdentityRequest {
  readonly typeName: string;
  /** `import { identity = {...} }`: the identity schema's attributes, those not given null. */
  readonly identity: ValueObject;
}

/** Import by identity (Terraform 1.12+): the same partial state as an ID import. */
export async function importResourceStateByIdentity(server: ProviderServer, req: ImportByIdentityRequest, diags: Diagnostics, signal?: AbortSignal): Promise<ValueObject | null> {
  const resource = server.resource(req.typeName, diags);
  if (!resource) return null;
  const identity = resource.identity;
  if (!identity) {
    diags.error('Import by identity not supported', `The ${req.typeName} resource has no identity; import it by ID.`);
    return null;
  }
  for (const [name, attribute] of Object.entries(identity.schema.attributes)) {
    if (attribute.requiredForImport && (req.identity[name] ?? null) === null) {
      diags.error('Missing identity attribute', `Importing ${req.typeName} by identity needs "${name}": ${attribute.description}`, [name]);
    }
  }
  if (diags.hasErrors()) return null;
  const ctx = server.context(diags, signal, { tf_rpc: 'ImportResourceState', tf_resource_type: req.typeName, tf_import: 'identity' });
  if (!ctx) return null;
  const partial = await guarded(diags, 'Importing the resource', () => identity.importState(req.identity, ctx), ctx.log, ctx.signal);
  if (partial === undefined || diags.hasErrors()) return null;
  return conformToSchema(resource.schema.block, partial as ValueObject);
}
