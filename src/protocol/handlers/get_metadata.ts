// GetMetadata: resource and data source names without building schemas.

import type { ProviderServer } from '../../framework/server/server.js';
import type { tfplugin6 } from '../wire.js';

export function getMetadata(server: ProviderServer): tfplugin6.GetMetadata.Response.$Properties {
  return {
    serverCapabilities: {
      planDestroy: server.capabilities.planDestroy,
      getProviderSchemaOptional: server.capabilities.getProviderSchemaOptional,
    },
    resources: [...server.resourceSchemas().keys()].map((typeName) => ({ typeName })),
    dataSources: [...server.dataSourceSchemas().keys()].map((typeName) => ({ typeName })),
    ephemeralResources: [...server.ephemeralResourceSchemas().keys()].map((typeName) => ({ typeName })),
    diagnostics: [],
  };
}
