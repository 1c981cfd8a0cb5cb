// ListResource (`terraform query`, Terraform 1.14): stream the existing objects of a resource
// type, each with its identity (derived from its state exactly as read derives it), a display
// name, and its full state when Terraform asks for it. Stops at Terraform's limit; a failure
// ends the stream with an error event, after the results already sent.

import type { ValueObject } from '../../cty/value.js';
import { Diagnostics, formatPath, type Diagnostic } from '../diagnostics.js';
import { conformToSchema, nullWriteOnly, unknownPaths } from '../plan.js';
import { derive } from './identity.js';
import { reportError, type ProviderServer } from './server.js';

export interface ListResourceRequest {
  readonly typeName: string;
  readonly config: ValueObject;
  readonly includeResource: boolean;
  /** Terraform's `limit`; 0 or less means no limit. */
  readonly limit: number;
}

export interface ListEvent {
  /** Absent on an event that only carries diagnostics. */
  readonly result?: { readonly identity: ValueObject; readonly displayName: string; readonly state: ValueObject | null };
  readonly diagnostics: readonly Diagnostic[];
}

export async function* listResource(server: ProviderServer, req: ListResourceRequest, signal?: AbortSignal): AsyncGenerator<ListEvent> {
  const diags = new Diagnostics();
  const list = server.listResource(req.typeName, diags);
  const resource = list ? server.resource(req.typeName, diags) : undefined;
  const identity = resource?.identity;
  if (resource && !identity) diags.error('No identity', `The ${req.typeName} resource has no identity schema, which listing needs; this is a bug in the provider.`);
  const ctx = list && identity ? server.context(diags, signal, { tf_rpc: 'ListResource', tf_resource_type: req.typeName }) : undefined;
  if (!list || !resource || !identity || !ctx) {
    yield { diagnostics: diags.items };
    return;
  }
  const limit = req.limit > 0 ? req.limit : Number.POSITIVE_INFINITY;
  const flush = () => {
    const items = [...diags.items];
    diags.items.length = 0;
    return items;
  };
  let sent = 0;
  try {
    for await (const result of list.list({ config: req.config, includeResource: req.includeResource, limit: req.limit }, ctx)) {
      const state = nullWriteOnly(resource.schema.block, conformToSchema(resource.schema.block, result.state));
      for (const p of unknownPaths(state)) diags.error('Provider returned an unknown value', `A listed object has ${formatPath(p)} unknown; this is a bug in the provider.`);
      const id = diags.hasErrors() ? undefined : await derive(identity, state, ctx);
      if (id === undefined) {
        yield { diagnostics: flush() };
        return;
      }
      yield { result: { identity: id, displayName: result.displayName, state: req.includeResource ? state : null }, diagnostics: flush() };
      if (++sent >= limit || ctx.signal.aborted) break;
    }
  } catch (err) {
    reportError(diags, 'Listing', err, ctx.log, ctx.signal);
  }
  const rest = flush();
  if (rest.length > 0) yield { diagnostics: rest };
  ctx.log.debug('list finished', { results: sent });
}
