// The generic plan rules every resource gets (Terraform's resource instance change
// lifecycle, as terraform-plugin-framework applies them): defaults for unset optional+computed
// attributes; computed attributes unset in configuration become "known after apply" when the
// resource changes; write-only attributes are never planned; then attribute plan modifiers.
// Each rule recurses into nested blocks and nested attributes (single, list, set, map).

import { isObjectValue, isUnknown, UNKNOWN, valueEquals, type Value, type ValueObject } from '../cty/value.js';
import type { AttributePath, PathStep } from './diagnostics.js';
import { impliedType, type AttributeSchema, type BlockSchema, type NestedAttributes } from './schema.js';

type Attributes = Readonly<Record<string, AttributeSchema>>;

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
  const out = applyAttributeDefaults(block.attributes, proposed, config);
  forEachNested(block, out, config, (nested, value, cfg) => applyDefaults(nested, value, cfg));
  return out;
}

function applyAttributeDefaults(attributes: Attributes, proposed: ValueObject, config: ValueObject): ValueObject {
  const out: ValueObject = { ...proposed };
  for (const [name, attr] of Object.entries(attributes)) {
    const configured = config[name] ?? null;
    if (attr.default !== undefined && configured === null) out[name] = attr.default;
    // Only a configured nested value gets its members' defaults; an unset one holds prior state.
    else if (attr.nested && configured !== null) out[name] = mapNestedValue(attr.nested, out[name] ?? null, configured, (attrs, el, cfg) => applyAttributeDefaults(attrs, el, cfg));
  }
  return out;
}

function markComputed(block: BlockSchema, planned: ValueObject, config: ValueObject, changed: boolean): ValueObject {
  const out = markAttributesComputed(block.attributes, planned, config, changed);
  forEachNested(block, out, config, (nested, value, cfg) => markComputed(nested, value, cfg, changed));
  return out;
}

function markAttributesComputed(attributes: Attributes, planned: ValueObject, config: ValueObject, changed: boolean): ValueObject {
  const out: ValueObject = { ...planned };
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.writeOnly) {
      out[name] = null;
      continue;
    }
    const configured = config[name] ?? null;
    if (attr.computed && configured === null && attr.default === undefined && changed) out[name] = UNKNOWN;
    else if (attr.nested && configured !== null) out[name] = mapNestedValue(attr.nested, out[name] ?? null, configured, (attrs, el, cfg) => markAttributesComputed(attrs, el, cfg, changed));
  }
  return out;
}

/**
 * Rewrite each object of a nested attribute's value with its configuration: the object itself
 * (single), list elements by index, map elements by key. Set elements cannot be matched to
 * configuration, so each is its own configuration. Null and unknown values are left alone.
 */
function mapNestedValue(
  nested: NestedAttributes,
  value: Value,
  config: Value,
  visit: (attributes: Attributes, value: ValueObject, config: ValueObject, step: PathStep | null) => ValueObject,
): Value {
  if (value === null || isUnknown(value)) return value;
  const cfgObject = (v: Value | undefined): ValueObject => (v !== undefined && isObjectValue(v) ? v : {});
  switch (nested.nesting) {
    case 'single':
      return isObjectValue(value) ? visit(nested.attributes, value, cfgObject(config), null) : value;
    case 'list':
      return Array.isArray(value)
        ? value.map((el, i) => (isObjectValue(el) ? visit(nested.attributes, el, cfgObject(Array.isArray(config) ? config[i] : undefined), { index: i }) : el))
        : value;
    case 'set':
      return Array.isArray(value) ? value.map((el) => (isObjectValue(el) ? visit(nested.attributes, el, el, null) : el)) : value;
    case 'map': {
      if (!isObjectValue(value)) return value;
      const out: ValueObject = {};
      for (const [key, el] of Object.entries(value)) {
        out[key] = isObjectValue(el) ? visit(nested.attributes, el, cfgObject(isObjectValue(config) ? config[key] : undefined), { key }) : el;
      }
      return out;
    }
  }
}

function runModifiers(
  block: BlockSchema,
  planned: ValueObject,
  config: ValueObject,
  prior: ValueObject | null,
  path: AttributePath,
  requiresReplace: AttributePath[],
): ValueObject {
  const out = runAttributeModifiers(block.attributes, planned, config, prior, path, requiresReplace);
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

function runAttributeModifiers(
  attributes: Attributes,
  planned: ValueObject,
  config: ValueObject,
  prior: ValueObject | null,
  path: AttributePath,
  requiresReplace: AttributePath[],
): ValueObject {
  const out: ValueObject = { ...planned };
  for (const [name, attr] of Object.entries(attributes)) {
    const at = [...path, name];
    if (attr.planModifiers && attr.planModifiers.length > 0) {
      const result = { planned: out[name] ?? null, requiresReplace: false };
      const request = { path: at, config: config[name] ?? null, prior: prior?.[name] ?? null, priorExists: prior !== null };
      for (const modifier of attr.planModifiers) modifier.modify(request, result);
      out[name] = result.planned;
      if (result.requiresReplace) requiresReplace.push(at);
    }
    // Inside a nested attribute, each object meets the prior object at the same place (set
    // elements have no stable place: their attributes' modifiers do not run).
    if (attr.nested && attr.nested.nesting !== 'set') {
      const priorValue = prior?.[name] ?? null;
      out[name] = mapNestedValue(attr.nested, out[name] ?? null, config[name] ?? null, (attrs, el, cfg, step) => {
        const priorEl = elementAt(priorValue, step);
        return runAttributeModifiers(attrs, el, cfg, priorEl, step === null ? at : [...at, step], requiresReplace);
      });
    }
  }
  return out;
}

/** The object at a step of a nested attribute's value (the value itself for a single object). */
function elementAt(value: Value, step: PathStep | null): ValueObject | null {
  let el: Value | undefined = value;
  if (step !== null && typeof step === 'object') {
    if ('index' in step) el = Array.isArray(value) ? value[step.index] : undefined;
    else el = isObjectValue(value) ? value[step.key] : undefined;
  }
  return el !== undefined && isObjectValue(el) ? el : null;
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
  const out = nullWriteOnlyAttributes(block.attributes, value);
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = out[name];
    if (isObjectValue(v) && (nested.nesting === 'single' || nested.nesting === 'group')) out[name] = nullWriteOnly(nested.block, v);
    else if (Array.isArray(v)) out[name] = v.map((el) => (isObjectValue(el) ? nullWriteOnly(nested.block, el) : el));
  }
  return out;
}

function nullWriteOnlyAttributes(attributes: Attributes, value: ValueObject): ValueObject {
  const out: ValueObject = { ...value };
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.writeOnly) out[name] = null;
    else if (attr.nested) out[name] = mapNestedValue(attr.nested, out[name] ?? null, null, (attrs, el) => nullWriteOnlyAttributes(attrs, el));
  }
  return out;
}

/**
 * Give every attribute and block of the schema a value (null, or an empty collection for
 * list/set/map blocks), dropping anything the schema does not have.
 */
export function conformToSchema(block: BlockSchema, value: Record<string, Value | undefined>): ValueObject {
  const out = conformAttributes(block.attributes, value);
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const v = value[name] ?? null;
    if (v === null) out[name] = nested.nesting === 'list' || nested.nesting === 'set' ? [] : nested.nesting === 'map' ? {} : null;
    else if (isObjectValue(v) && (nested.nesting === 'single' || nested.nesting === 'group')) out[name] = conformToSchema(nested.block, v);
    else if (Array.isArray(v)) out[name] = v.map((el) => (isObjectValue(el) ? conformToSchema(nested.block, el) : el));
    else out[name] = v;
  }
  return out;
}

function conformAttributes(attributes: Attributes, value: Record<string, Value | undefined>): ValueObject {
  const out: ValueObject = {};
  for (const [name, attr] of Object.entries(attributes)) {
    const v = value[name] ?? null;
    out[name] = attr.nested ? mapNestedValue(attr.nested, v, null, (attrs, el) => conformAttributes(attrs, el)) : v;
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
