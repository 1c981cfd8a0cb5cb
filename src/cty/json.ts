// JSON encoding of cty values (RawState.json in UpgradeResourceState, DynamicValue.json).
// Parsing keeps every number exact: state may hold integers beyond 2^53 that JSON.parse
// would silently round.

import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';
import { typeFromJSON, typeToJSON, type CtyType } from './types.js';
import { CtyNumber, DynamicValue, isObjectValue, Unknown, type Value, type ValueObject } from './value.js';
import { CtyDecodeError } from './msgpack.js';

/** Parse JSON text keeping numbers as exact decimal text. */
export function parseLosslessJson(text: string): unknown {
  return parse(text);
}

export interface JsonDecodeOptions {
  /** Drop object attributes the type does not have (state written by another schema version). */
  readonly ignoreUnknownAttributes?: boolean;
}

export function decodeJsonValue(text: string, type: CtyType, options: JsonDecodeOptions = {}): Value {
  if (text.trim() === '') return null;
  return fromJson(parse(text), type, [], options);
}

/** Convert an already parsed (lossless) JSON tree to a cty value of the given type. */
export function jsonToValue(json: unknown, type: CtyType, options: JsonDecodeOptions = {}): Value {
  return fromJson(json, type, [], options);
}

function fromJson(raw: unknown, type: CtyType, path: (string | number)[], options: JsonDecodeOptions): Value {
  if (raw === null || raw === undefined) return null;
  switch (type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw;
      // cty's JSON decoder converts primitives to the declared string type.
      if (typeof raw === 'boolean') return String(raw);
      if (isLosslessNumber(raw)) return raw.value;
      throw new CtyDecodeError('string required', path);
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new CtyDecodeError('bool required', path);
    case 'number':
      if (isLosslessNumber(raw)) return numberFromText(raw.value);
      if (typeof raw === 'number') return CtyNumber.of(raw);
      if (typeof raw === 'string') {
        try {
          return numberFromText(raw);
        } catch {
          throw new CtyDecodeError(`number required, got ${JSON.stringify(raw)}`, path);
        }
      }
      throw new CtyDecodeError('number required', path);
    case 'dynamic': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new CtyDecodeError('dynamic value must be {"type","value"}', path);
      const r = raw as Record<string, unknown>;
      const t = typeFromJSON(r['type']);
      return new DynamicValue(t, fromJson(r['value'], t, path, options));
    }
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyDecodeError(`${type.kind} required`, path);
      return raw.map((v, i) => fromJson(v, type.element, [...path, i], options));
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== type.elements.length) throw new CtyDecodeError('tuple required', path);
      return raw.map((v, i) => fromJson(v, type.elements[i]!, [...path, i], options));
    case 'map': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new CtyDecodeError('map required', path);
      const out: ValueObject = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = fromJson(v, type.element, [...path, k], options);
      return out;
    }
    case 'object': {
      if (typeof raw !== 'object' || Array.isArray(raw) || isLosslessNumber(raw)) throw new CtyDecodeError('object required', path);
      const r = raw as Record<string, unknown>;
      if (!options.ignoreUnknownAttributes) {
        for (const k of Object.keys(r)) if (!(k in type.attributes)) throw new CtyDecodeError(`unsupported attribute "${k}"`, path);
      }
      const out: ValueObject = {};
      for (const [k, t] of Object.entries(type.attributes)) out[k] = fromJson(r[k] ?? null, t, [...path, k], options);
      return out;
    }
  }
}

/** Integers within int64 as number/bigint (so they travel as msgpack ints), the rest as text. */
function numberFromText(text: string): CtyNumber {
  if (/^-?\d+$/.test(text)) {
    const big = BigInt(text);
    if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)) return CtyNumber.of(Number(big));
    if (big >= -(2n ** 63n) && big < 2n ** 64n) return CtyNumber.of(big);
    return CtyNumber.of(text);
  }
  const n = Number(text);
  // Keep float64 form only when it is exactly the text's value.
  if (Number.isFinite(n) && CtyNumber.of(n).equals(CtyNumber.of(text)) && String(n).length >= 1) return CtyNumber.of(n);
  return CtyNumber.of(text);
}

/** JSON text of a wholly known value (unknowns cannot be represented in JSON). */
export function encodeJsonValue(value: Value, type: CtyType): string {
  return stringify(toJson(value, type)) ?? 'null';
}

function toJson(value: Value, type: CtyType): unknown {
  if (value === null) return null;
  if (value instanceof Unknown) throw new CtyDecodeError('unknown values cannot be encoded as JSON');
  if (typeof value === 'number' || typeof value === 'bigint') value = CtyNumber.of(value);
  if (value instanceof CtyNumber) {
    const r = value.repr;
    return typeof r === 'number' ? r : new LosslessNumber(value.toString());
  }
  if (value instanceof DynamicValue) return { type: typeToJSON(value.type), value: toJson(value.value, value.type) };
  if (Array.isArray(value)) {
    const el = (i: number) => (type.kind === 'tuple' ? type.elements[i]! : type.kind === 'list' || type.kind === 'set' ? type.element : type);
    return value.map((v, i) => toJson(v, el(i)));
  }
  if (isObjectValue(value)) {
    const out: Record<string, unknown> = {};
    if (type.kind === 'object') for (const [k, t] of Object.entries(type.attributes)) out[k] = toJson(value[k] ?? null, t);
    else for (const [k, v] of Object.entries(value)) out[k] = toJson(v, type.kind === 'map' ? type.element : type);
    return out;
  }
  return value;
}
