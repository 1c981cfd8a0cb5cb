// PlanResourceChange: the generic rules, then the resource's own plan logic (which may resolve
// names against the API, warn, refuse, or mark attributes as requiring replacement). Nothing
// is written remotely here.

import { isObjectValue, isUnknown, valueEquals, type ValueObject } from '../../cty/value.js';
import { Diagnostics, formatPath, type AttributePath } from '../diagnostics.js';
import { applyPlanRules, conformToSchema } from '../plan.js';
import type { PlanRequest, Planned } from '../resource.js';
import { impliedType, type BlockSchema } from '../schema.js';
import { decodePrivate, encodePrivate, guarded, type ProviderServer } from './server.js';

export interface PlanResult {
  planned: ValueObject | null;
  requiresReplace: AttributePath[];
  plannedPrivate: Uint8Array;
}

export async function planResourceChange(
  server: ProviderServer,
  typeName: string,
  prior: ValueObject | null,
  proposed: ValueObject | null,
  config: ValueObject | null,
  priorPrivate: Uint8Array | undefined,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<PlanResult> {
  const passthrough: PlanResult = { planned: proposed, requiresReplace: [], plannedPrivate: priorPrivate ?? new Uint8Array(0) };
  const resource = server.resource(typeName, diags);
  if (!resource) return passthrough;

  let planned: ValueObject | null = null;
  const requiresReplace: AttributePath[] = [];
  if (proposed !== null && config !== null) {
    const rules = applyPlanRules(resource.schema.block, prior, proposed, config);
    planned = rules.planned;
    requiresReplace.push(...rules.requiresReplace);
  }

  let privateState = decodePrivate(priorPrivate);
  if (resource.modifyPlan) {
    // The re-plan Terraform makes just before applying: its warnings were shown at plan.
    const replan = server.planMemo?.planned(typeName, prior, config) ?? false;
    const hookDiags = new Diagnostics();
    const ctx = server.context(hookDiags, signal, { tf_rpc: 'PlanResourceChange', tf_resource_type: typeName });
    diags.add(...hookDiags.items.splice(0));
    if (!ctx) return passthrough;
    const request: PlanRequest<ValueObject> = {
      replan,
      config: config as Planned<ValueObject> | null,
      prior,
      planned: planned as Planned<ValueObject> | null,
      requireReplace: (path) => requiresReplace.push(path),
      privateState,
      setPrivateState: (s) => {
        privateState = s;
      },
    };
    await guarded(hookDiags, 'Planning the change', () => resource.modifyPlan!(request, ctx), ctx.log, ctx.signal);
    diags.add(...hookDiags.items.filter((d) => !replan || d.severity === 'error'));
    planned = request.planned === null ? null : conformToSchema(resource.schema.block, request.planned as ValueObject);
    // The hook may have normalised the only difference away (an alias of the same value):
    // then nothing changes, and computed values stay as they are.
    if (planned !== null && prior !== null && config !== null) planned = keepPriorWhenUnchanged(resource.schema.block, prior, planned, config);
  }

  if (planned !== null && config !== null) checkPlanKeepsConfig(resource.schema.block, planned, config, prior, diags);
  return { planned, requiresReplace: dedupePaths(requiresReplace), plannedPrivate: encodePrivate(privateState) };
}

/**
 * Terraform rejects a plan that changes a configured value; catching it here gives a clear
 * message naming the attribute instead of Terraform's generic "invalid plan".
 */
function checkPlanKeepsConfig(block: BlockSchema, planned: ValueObject, config: ValueObject, prior: ValueObject | null, diags: Diagnostics, path: AttributePath = []): void {
  for (const [name, configured] of Object.entries(config)) {
    const attribute = block.attributes[name];
    if (configured === null || isUnknown(configured) || attribute?.writeOnly) continue;
    const value = planned[name] ?? null;
    if (valueEquals(value, configured) || (prior !== null && valueEquals(value, prior[name] ?? null))) continue;
    if (isUnknown(value)) continue;
    // A single nested object may fill in what its configuration leaves null (computed inside).
    if (attribute?.nested?.nesting === 'single' && isObjectValue(value) && isObjectValue(configured)) {
      checkPlanKeepsConfig({ attributes: attribute.nested.attributes }, value, configured, null, diags, [...path, name]);
      continue;
    }
    if (attribute?.nested) continue; // collections of objects: Terraform checks them itself
    diags.error('Provider produced an invalid plan', `The plan for ${formatPath([...path, name])} differs from its configured value; this is a bug in the provider.`, [...path, name]);
  }
}

function keepPriorWhenUnchanged(block: BlockSchema, prior: ValueObject, planned: ValueObject, config: ValueObject): ValueObject {
  const type = impliedType(block);
  const configured = (name: string) => {
    const attribute = block.attributes[name];
    return attribute ? !attribute.computed || (config[name] ?? null) !== null : true;
  };
  for (const name of Object.keys(type.kind === 'object' ? type.attributes : {})) {
    if (configured(name) && !valueEquals(planned[name] ?? null, prior[name] ?? null)) return planned;
  }
  const out: ValueObject = { ...planned };
  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (attribute.computed && (config[name] ?? null) === null && isUnknown(out[name] ?? null)) out[name] = prior[name] ?? null;
  }
  return out;
}

function dedupePaths(paths: AttributePath[]): AttributePath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
