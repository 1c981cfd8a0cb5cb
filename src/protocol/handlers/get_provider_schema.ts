// GetProviderSchema: every schema, plus capabilities. With get_provider_schema_optional,
// Terraform asks once per command instead of once per provider process.

import type { ProviderServer } from '../../framework/server/server.js';
import { schemaToProto } from '../convert/schema.js';
import type { tfplugin6 } from '../wire.js';

export function getProviderSchema(server: ProviderServer): tfplugin6.GetProviderSchema.Response.$Properties {
  return {
    provider: schemaToProto(server.provider.schema),
    resourceSchemas: Object.fromEntries([...server.resourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    dataSourceSchemas: Object.fromEntries([...server.dataSourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    ephemeralResourceSchemas: Object.fromEntries([...server.ephemeralResourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    serverCapabilities: {
      planDestroy: server.capabilities.planDestroy,
      getProviderSchemaOptional: server.capabilities.getProviderSchemaOptional,
    },
    diagnostics: [],
  };
}
