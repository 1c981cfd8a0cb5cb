// OpenEphemeralResource: produce the value for this Terraform command. Terraform keeps the
// result in memory only (never in a plan or state file), and hands the private bytes back to
// Renew and Close.

import { isWhollyKnown, UNKNOWN, type ValueObject } from '../../cty/value.js';
import { formatPath, type Diagnostics } from '../diagnostics.js';
import { conformToSchema, unknownPaths } from '../plan.js';
import type { EphemeralResourceDefinition } from '../resource.js';
import { encodePrivate, guarded, type ProviderServer } from './server.js';

export interface OpenEphemeralResourceRequest {
  readonly ephemeral: EphemeralResourceDefinition;
  readonly config: ValueObject;
  readonly diags: Diagnostics;
  readonly signal?: AbortSignal;
}

export interface OpenEphemeralResourceResponse {
  /** Null when opening failed (see the diagnostics). */
  readonly result: ValueObject | null;
  readonly renewAt?: Date;
  readonly privateState: Uint8Array;
}

export async function openEphemeralResource(server: ProviderServer, req: OpenEphemeralResourceRequest): Promise<OpenEphemeralResourceResponse> {
  const { ephemeral, config, diags } = req;
  const block = ephemeral.schema.block;
  const failed = { result: null, privateState: new Uint8Array(0) };
  // Not knowable yet (a value from a resource still to be created): computed parts stay unknown.
  if (!isWhollyKnown(config)) {
    const partial: ValueObject = {};
    for (const [name, attr] of Object.entries(block.attributes)) partial[name] = attr.computed && (config[name] ?? null) === null ? UNKNOWN : (config[name] ?? null);
    return { result: conformToSchema(block, partial), privateState: new Uint8Array(0) };
  }
  const ctx = server.context(diags, req.signal, { tf_rpc: 'OpenEphemeralResource', tf_ephemeral_resource_type: ephemeral.typeName });
  if (!ctx) return failed;
  const opened = await guarded(diags, 'Opening the ephemeral resource', () => ephemeral.open({ config }, ctx), ctx.log, ctx.signal);
  if (opened === undefined || diags.hasErrors()) return failed;
  const result = conformToSchema(block, opened.result);
  for (const p of unknownPaths(result)) diags.error('Provider returned an unknown value', `${formatPath(p)} is unknown; this is a bug in the provider.`);
  return { result, ...(opened.renewAt ? { renewAt: opened.renewAt } : {}), privateState: encodePrivate(opened.privateState ?? null) };
}
