// RenewEphemeralResource: Terraform still needs a value whose renew_at has passed. Ephemeral
// resources that never expire have no renew hook, and the call is a no-op.

import type { Diagnostics } from '../diagnostics.js';
import type { EphemeralResourceDefinition } from '../resource.js';
import { decodePrivate, encodePrivate, guarded, type ProviderServer } from './server.js';

export interface RenewEphemeralResourceRequest {
  readonly ephemeral: EphemeralResourceDefinition;
  readonly privateState: Uint8Array | undefined;
  readonly diags: Diagnostics;
  readonly signal?: AbortSignal;
}

export interface RenewEphemeralResourceResponse {
  readonly renewAt?: Date;
  readonly privateState: Uint8Array;
}

export async function renewEphemeralResource(server: ProviderServer, req: RenewEphemeralResourceRequest): Promise<RenewEphemeralResourceResponse> {
  const { ephemeral, diags } = req;
  const kept = { privateState: req.privateState ?? new Uint8Array(0) };
  if (!ephemeral.renew) return kept;
  const ctx = server.context(diags, req.signal, { tf_rpc: 'RenewEphemeralResource', tf_ephemeral_resource_type: ephemeral.typeName });
  if (!ctx) return kept;
  const renew = ephemeral.renew.bind(ephemeral);
  const renewed = await guarded(diags, 'Renewing the ephemeral resource', () => renew({ privateState: decodePrivate(req.privateState) }, ctx), ctx.log, ctx.signal);
  if (renewed === undefined) return kept;
  return { ...(renewed.renewAt ? { renewAt: renewed.renewAt } : {}), privateState: renewed.privateState === undefined ? kept.privateState : encodePrivate(renewed.privateState) };
}
