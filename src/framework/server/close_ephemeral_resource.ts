// CloseEphemeralResource: Terraform no longer needs the value; release what open acquired.

import type { Diagnostics } from '../diagnostics.js';
import type { EphemeralResourceDefinition } from '../resource.js';
import { decodePrivate, guarded, type ProviderServer } from './server.js';

export interface CloseEphemeralResourceRequest {
  readonly ephemeral: EphemeralResourceDefinition;
  readonly privateState: Uint8Array | undefined;
  readonly diags: Diagnostics;
  readonly signal?: AbortSignal;
}

export async function closeEphemeralResource(server: ProviderServer, req: CloseEphemeralResourceRequest): Promise<void> {
  const { ephemeral, diags } = req;
  if (!ephemeral.close) return;
  const ctx = server.context(diags, req.signal, { tf_rpc: 'CloseEphemeralResource', tf_ephemeral_resource_type: ephemeral.typeName });
  if (!ctx) return;
  const close = ephemeral.close.bind(ephemeral);
  await guarded(diags, 'Closing the ephemeral resource', () => close({ privateState: decodePrivate(req.privateState) }, ctx), ctx.log, ctx.signal);
}
