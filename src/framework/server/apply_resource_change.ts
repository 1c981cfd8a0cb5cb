// ApplyResourceChange: create, update or delete. The state Terraform receives is always the
// best knowledge of the remote object: if a step fails, throws or is cancelled after the
// object exists, the last recorded state is returned with the error, so nothing is orphaned.

import { isUnknown, type ValueObject } from '../../cty/value.js';
import { formatPath, type Diagnostics } from '../diagnostics.js';
import { conformToSchema, nullWriteOnly, unknownPaths } from '../plan.js';
import type { ApplyContext } from '../resource.js';
import type { BlockSchema } from '../schema.js';
import { decodePrivate, encodePrivate, reportError, type ProviderServer } from './server.js';

export interface ApplyResult {
  state: ValueObject | null;
  privateState: Uint8Array;
}

export async function applyResourceChange(
  server: ProviderServer,
  typeName: string,
  prior: ValueObject | null,
  planned: ValueObject | null,
  config: ValueObject | null,
  plannedPrivate: Uint8Array | undefined,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<ApplyResult> {
  const keep = { state: prior, privateState: plannedPrivate ?? new Uint8Array(0) };
  const resource = server.resource(typeName, diags);
  if (!resource) return keep;
  const action = planned === null ? 'delete' : prior === null ? 'create' : 'update';
  const base = server.context(diags, signal, { tf_rpc: 'ApplyResourceChange', tf_resource_type: typeName, tf_action: action });
  if (!base) return keep;
  const privateState = decodePrivate(plannedPrivate);

  if (planned === null) {
    try {
      await resource.delete({ prior: prior!, privateState }, base);
      return { state: null, privateState: new Uint8Array(0) };
    } catch (err) {
      reportError(diags, 'Deleting the resource', err, base.log, base.signal);
      return keep;
    }
  }

  let recorded: ValueObject | null = null;
  const ctx: ApplyContext<unknown, ValueObject> = {
    ...base,
    recordState: (state) => {
      recorded = state;
    },
  };
  const block = resource.schema.block;
  try {
    const cfg = config ?? planned;
    const result =
      prior === null
        ? await resource.create({ config: cfg, planned, privateState }, ctx)
        : await resource.update({ config: cfg, planned, prior, privateState }, ctx);
    return { state: finalState(block, result, planned, diags), privateState: encodePrivate(privateState) };
  } catch (err) {
    reportError(diags, action === 'create' ? 'Creating the resource' : 'Updating the resource', err, base.log, base.signal);
    const fallback: ValueObject | null = recorded ?? prior;
    if (fallback === null) return { state: null, privateState: new Uint8Array(0) };
    // After a failure the state is what was recorded (or the prior state): what exists remotely,
    // not what was planned. A change refused before it was made must not look applied.
    return { state: finalState(block, fallback, null, null), privateState: encodePrivate(privateState) };
  }
}

/**
 * Shape the returned state for Terraform: configuration-driven (non-computed) values exactly
 * as planned, write-only values null, and no unknowns left.
 */
function finalState(block: BlockSchema, result: ValueObject, planned: ValueObject | null, diags: Diagnostics | null): ValueObject {
  const state = conformToSchema(block, result);
  for (const [name, attr] of Object.entries(block.attributes)) {
    const p = planned?.[name] ?? null;
    if (planned && !attr.computed && !isUnknown(p)) state[name] = p;
  }
  for (const name of Object.keys(block.blocks ?? {})) {
    const p = planned?.[name] ?? null;
    if (planned && !isUnknown(p)) state[name] = p;
  }
  const clean = nullWriteOnly(block, state);
  for (const p of unknownPaths(clean)) {
    diags?.error('Provider returned an unknown value', `After apply, ${formatPath(p)} was still unknown; this is a bug in the provider.`);
    setAt(clean, p, null);
  }
  return clean;
}

function setAt(obj: ValueObject, path: ReturnType<typeof unknownPaths>[number], value: null): void {
  let cur: unknown = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    cur = typeof step === 'string' ? (cur as ValueObject)[step] : 'index' in step ? (cur as unknown[])[step.index] : (cur as ValueObject)[step.key];
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (typeof last === 'string') (cur as ValueObject)[last] = value;
  else if ('index' in last) (cur as unknown[])[last.index] = value;
  else (cur as ValueObject)[last.key] = value;
}
