// ListResource (server streaming): one Event per listed object, then any closing diagnostics.

import { Diagnostics } from '../../framework/diagnostics.js';
import { identityType, impliedType } from '../../framework/schema.js';
import { listResource as list } from '../../framework/server/list_resource.js';
import type { ProviderServer } from '../../framework/server/server.js';
import { diagnosticsToProto } from '../convert/diagnostics.js';
import { decodeObject, encodeDynamic, encodeIdentity } from '../convert/values.js';
import type { tfplugin6 } from '../wire.js';

export async function* listResource(server: ProviderServer, req: tfplugin6.ListResource.Request, signal: AbortSignal): AsyncGenerator<tfplugin6.ListResource.Event.$Properties> {
  // Lookups only for the types; the framework reports what is missing, in the stream.
  const lookups = new Diagnostics();
  const definition = server.listResource(req.typeName, lookups);
  const resource = server.resource(req.typeName, lookups);
  const type = resource ? impliedType(resource.schema.block) : undefined;
  const idType = resource?.identity ? identityType(resource.identity.schema) : undefined;
  const config = definition ? (decodeObject(req.config, impliedType(definition.schema.block)) ?? {}) : {};
  for await (const event of list(server, { typeName: req.typeName, config, includeResource: req.includeResourceObject, limit: Number(req.limit) }, signal)) {
    yield {
      diagnostic: diagnosticsToProto(event.diagnostics),
      ...(event.result && type && idType
        ? {
            identity: encodeIdentity(event.result.identity, idType),
            displayName: event.result.displayName,
            ...(event.result.state !== null ? { resourceObject: encodeDynamic(event.result.state, type) } : {}),
          }
        : {}),
    };
  }
}
