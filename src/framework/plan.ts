// The generic plan rules every resource gets (Terraform's resource instance change
// lifecycle, as terraform-plugin-framework applies them): defaults for unset optional+computed
// attributes; computed attributes unset in configuration become "known after apply" when the
// resource changes; write-only attributes are never planned; then attribute plan modifiers.

import { isObjectValue, isUnknown, UNKNOWN, valueEquals, type Value, type ValueObject } from '../cty/value.js';
import type { AttributePath } from './diagnostics.js';
import { impliedType, type BlockSchema } from './schema.js';

export interface PlanRulesResult {
  planned: ValueObject;
  requiresReplace: AttributePath[];
}

/**
 * Apply the generic rules to a create or update. `prior` is null on create. `proposed` is
 * Terraform's proposed new state (config merged with prior computed values).
 */
export function applyPlanRules(block: BlockSchema, prior: ValueObject | null, proposed: ValueObject, config: ValueObject): PlanRulesResult {
  const requiresReplace: AttributePath[] = [];
  let planned = applyDefaults(block, proposed, config);
  const changed = prior === null || !valueEquals(planned, prior, impliedType(block));
  planned = markComputed(block, planned, config, changed);
  planned = runModifiers(block, planned, config, prior, [], requiresReplace);
  return { planned, requiresReplace };
}

function applyDefaults(block: BlockSchema, proposed: ValueObject, config: ValueObject): ValueObject {
  const out: ValueObject = { ...proposed };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.default !== undefined && (config[name] ?? null) === null) out[name] = attr.default;
  }
  forEachNested(block, out, config, (nested, value, cfg) => applyDefaults(nested, value, cfg));
  return out;
}

function markComputed(block: BlockSchema, planned: ValueObject, config: ValueObject, changed: boolean): ValueObject {
  const out: ValueObject = { ...planned };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.writeOnly) {
      out[name] = null;
      continue;
    }
    const configured = config[name] ?? null;
    if (attr.computed && configured === null && attr.default === undefined && changed) out[name] = UNKNOWN;
  }
  forEachNested(block, out, config, (nested, value, cfg) => markComputed(nested, value, cfg, changed));
  return out;
}

function runModifiers(
  block: BlockSchema,
  planned: ValueObject,
  config: ValueObject,
  prior: ValueObject | null,
  path: AttributePath,
  requiresReplace: AttributePath[],
): ValueObject {
  const out: ValueObject = { ...planned };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (!attr.planModifiers || attr.planModifiers.length === 0) continue;
    const result = { planned: out[name] ?? null, requiresReplace: false };
    const request = { path: [...path, name], config: config[name] ?? null, prior: prior?.[name] ?? null, priorExists: prior !== null };
    for (const modifier of attr.planModifiers) modifier.modify(request, result);
    out[name] = result.planned;
    if (result.requiresReplace) requiresReplace.push([...path, name]);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    if (nested.nesting !== 'single' && nested.nesting !== 'group') continue;
    const value = out[name];
    if (!isObjectValue(value)) continue;
    const cfg = config[name];
    const pr = prior?.[name];
    out[name] = runModifiers(nested.block, value, isObjectValue(cfg) ? cfg : {}, isObjectValue(pr) ? pr : null, [...path, name], requiresReplace);
  }
  return out;
}

/** Visit nested block values (single/group objects and list elements) with their config. */
function forEachNested(
  block: BlockSchema,
  out: ValueObject,
  config: ValueObject,
  visit: (nested: BlockSchema, value: ValueObject, config: ValueObject) => ValueObject,
): void {
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const value = out[name] ?? null;
    const cfg = config[name] ?? null;
    if (value === null || isUnknown(value)) continue;
    if (nested.nesting === 'single' || nested.nesting === 'group') {
      if (isObjectValue(value)) out[name] = visit(nested.block, value, isObjectValue(cfg) ? cfg : {});
    } else if (nested.nesting === 'list' && Array.isArray(value)) {
      out[name] = value.map((el, i) => (isObjectValue(el) ? visit(nested.block, el, Array.isArray(cfg) && isObjectValue(cfg[i]) ? (cfg[i] as ValueObject) : {}) : el));
    }
  }
}

/** Write-only attributes are never stored: null them anywhere in a state or plan value. */
export function nullWriteOnly(block: BlockSchema, value: ValueObject): ValueObject {
  const out: ValueObject = { ...value };
  for (const [name, attr] of Object.entries(block.attributes)) if (attr.writeOnly) out[name] = null;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = out[name];
    if (isObjectValue(v) && (nested.nesting === 'single' || nested.nesting === 'group')) out[name] = nullWriteOnly(nested.block, v);
    else if (Array.isArray(v)) out[name] = v.map((el) => (isObjectValue(el) ? nullWriteOnly(nested.block, el) : el));
  }
  return out;
}

/**
 * Give every attribute and block of the schema a value (null, or an empty collection for
 * list/set/map blocks), dropping anything the schema does not have.
 */
export function conformToSchema(block: BlockSchema, value: Record<string, Value | undefined>): ValueObject {
  const out: ValueObject = {};
  for (const name of Object.keys(block.attributes)) out[name] = value[name] ?? null;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = value[name] ?? null;
    if (v === null) out[name] = nested.nesting === 'list' || nested.nesting === 'set' ? [] : nested.nesting === 'map' ? {} : null;
    else if (isObjectValue(v) && (nested.nesting === 'single' || nested.nesting === 'group')) out[name] = conformToSchema(nested.block, v);
    else if (Array.isArray(v)) out[name] = v.map((el) => (isObjectValue(el) ? conformToSchema(nested.block, el) : el));
    else out[name] = v;
  }
  return out;
}

/** Paths of unknown values left in a value that must be wholly known. */
export function unknownPaths(value: Value, path: AttributePath = []): AttributePath[] {
  if (isUnknown(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, [...path, { index: i }]));
  if (isObjectValue(value)) return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, [...path, k]));
  return [];
}
