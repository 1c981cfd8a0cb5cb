// ReadResource (refresh): ask the remote system what exists now. Null means the object is
// gone, and Terraform drops it from state so the next plan re-creates it.

import type { ValueObject } from '../../cty/value.js';
import { formatPath, type Diagnostics } from '../diagnostics.js';
import { conformToSchema, nullWriteOnly, unknownPaths } from '../plan.js';
import { decodePrivate, encodePrivate, guarded, type ProviderServer } from './server.js';

export interface ReadResult {
  state: ValueObject | null;
  privateState: Uint8Array;
}

export async function readResource(
  server: ProviderServer,
  typeName: string,
  current: ValueObject | null,
  privateBytes: Uint8Array | undefined,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<ReadResult> {
  const unchanged = { state: current, privateState: privateBytes ?? new Uint8Array(0) };
  const resource = server.resource(typeName, diags);
  if (!resource || current === null) return unchanged;
  const ctx = server.context(diags, signal, { tf_rpc: 'ReadResource', tf_resource_type: typeName });
  if (!ctx) return unchanged;
  const privateState = decodePrivate(privateBytes);
  const result = await guarded(diags, 'Reading the resource', () => resource.read({ state: current, privateState }, ctx), ctx.log, ctx.signal);
  if (result === undefined) return unchanged; // failed: keep what Terraform had, with the error
  if (result === null) {
    ctx.log.info('remote object no longer exists; removing it from state');
    return { state: null, privateState: new Uint8Array(0) };
  }
  const state = nullWriteOnly(resource.schema.block, conformToSchema(resource.schema.block, result));
  for (const p of unknownPaths(state)) diags.error('Provider returned an unknown value', `Read left ${formatPath(p)} unknown; this is a bug in the provider.`);
  return { state, privateState: encodePrivate(privateState) };
}
