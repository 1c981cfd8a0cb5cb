// GetMetadata: resource and data source names without building schemas.

import type { ProviderServer } from '../../framework/server/server.js';
import { serverCapabilities } from './get_provider_schema.js';
import type { tfplugin6 } from '../wire.js';

export function getMetadata(server: ProviderServer): tfplugin6.GetMetadata.Response.$Properties {
  return {
    serverCapabilities: serverCapabilities(server),
    resources: [...server.resourceSchemas().keys()].map((typeName) => ({ typeName })),
    dataSources: [...server.dataSourceSchemas().keys()].map((typeName) => ({ typeName })),
    ephemeralResources: [...server.ephemeralResourceSchemas().keys()].map((typeName) => ({ typeName })),
    listResources: [...server.listResourceSchemas().keys()].map((typeName) => ({ typeName })),
    actions: [...server.actionSchemas().keys()].map((typeName) => ({ typeName })),
    diagnostics: [],
  };
}
