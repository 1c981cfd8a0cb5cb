// GetProviderSchema: every schema, plus capabilities. With get_provider_schema_optional,
// Terraform asks once per command instead of once per provider process. Terraform 1.11
// skips the list and action schemas (fields it does not know).

import type { ProviderServer } from '../../framework/server/server.js';
import { schemaToProto } from '../convert/schema.js';
import type { tfplugin6 } from '../wire.js';

export function serverCapabilities(server: ProviderServer): tfplugin6.ServerCapabilities.$Properties {
  return {
    planDestroy: server.capabilities.planDestroy,
    getProviderSchemaOptional: server.capabilities.getProviderSchemaOptional,
    generateResourceConfig: server.capabilities.generateResourceConfig,
  };
}

export function getProviderSchema(server: ProviderServer): tfplugin6.GetProviderSchema.Response.$Properties {
  return {
    provider: schemaToProto(server.provider.schema),
    resourceSchemas: Object.fromEntries([...server.resourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    dataSourceSchemas: Object.fromEntries([...server.dataSourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    ephemeralResourceSchemas: Object.fromEntries([...server.ephemeralResourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    listResourceSchemas: Object.fromEntries([...server.listResourceSchemas()].map(([k, s]) => [k, schemaToProto(s)])),
    actionSchemas: Object.fromEntries([...server.actionSchemas()].map(([k, s]) => [k, { schema: schemaToProto(s) }])),
    serverCapabilities: serverCapabilities(server),
    diagnostics: [],
  };
}
