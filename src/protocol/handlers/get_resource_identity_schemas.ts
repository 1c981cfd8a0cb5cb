// GetResourceIdentitySchemas (Terraform 1.12+): the identity schema of each resource that has
// one. Terraform 1.11 never calls it.

import type { IdentitySchema } from '../../framework/schema.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { identitySchemaToProto } from '../convert/schema.js';
import type { tfplugin6 } from '../wire.js';

export function getResourceIdentitySchemas(server: ProviderServer): tfplugin6.GetResourceIdentitySchemas.Response.$Properties {
  const schemas: [string, IdentitySchema][] = [...server.identitySchemas()];
  return { identitySchemas: Object.fromEntries(schemas.map(([k, s]) => [k, identitySchemaToProto(s)])), diagnostics: [] };
}
