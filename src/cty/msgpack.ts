// MessagePack encoding of cty values, as Terraform's DynamicValue.msgpack carries them.
// The byte-level codec is @msgpack/msgpack; this module only maps cty's conventions onto it:
// unknowns are extensions (type 0, or 12 with refinements), objects carry exactly the
// attributes of their type, dynamic values are [type JSON as bin, value], and numbers are
// int64/uint64, float64 or decimal text.

import { decode, encode, ExtData } from '@msgpack/msgpack';
import { typeFromJSON, typeToJSON, type CtyType } from './types.js';
import { CtyNumber, DynamicValue, isObjectValue, Unknown, type Refinements, type Value, type ValueObject } from './value.js';

const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;
const PLAIN_UNKNOWN_PAYLOAD = new Uint8Array([0]);
const textDecoder = new TextDecoder();

export class CtyDecodeError extends Error {
  override name = 'CtyDecodeError';
  constructor(
    message: string,
    readonly path: readonly (string | number)[] = [],
  ) {
    super(path.length > 0 ? `${message} at ${formatPath(path)}` : message);
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('') || '(root)';
}

// ---- encoding ----

export function encodeValue(value: Value, type: CtyType): Uint8Array {
  return encode(toWire(value, type, []), { useBigInt64: true });
}

type Wire = null | string | boolean | number | bigint | Uint8Array | ExtData | Wire[] | { [k: string]: Wire };

function unknownToWire(u: Unknown): ExtData {
  if (u.raw && u.raw.length > 1) return new ExtData(REFINED_UNKNOWN_EXT, u.raw);
  return new ExtData(UNKNOWN_EXT, PLAIN_UNKNOWN_PAYLOAD);
}

function toWire(value: Value, type: CtyType, path: (string | number)[]): Wire {
  if (value === null) return null;
  if (value instanceof Unknown) return unknownToWire(value);
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') throw new CtyDecodeError(`expected a string, got ${describe(value)}`, path);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new CtyDecodeError(`expected a bool, got ${describe(value)}`, path);
      return value;
    case 'number':
      return numberToWire(value, path);
    case 'dynamic': {
      if (!(value instanceof DynamicValue)) throw new CtyDecodeError(`expected a dynamic value, got ${describe(value)}`, path);
      const typeBytes = new TextEncoder().encode(JSON.stringify(typeToJSON(value.type)));
      return [typeBytes, toWire(value.value, value.type, path)];
    }
    case 'list':
    case 'set':
      if (!Array.isArray(value)) throw new CtyDecodeError(`expected a ${type.kind}, got ${describe(value)}`, path);
      return value.map((v, i) => toWire(v, type.element, [...path, i]));
    case 'tuple':
      if (!Array.isArray(value) || value.length !== type.elements.length) throw new CtyDecodeError(`expected a tuple of ${type.elements.length}`, path);
      return value.map((v, i) => toWire(v, type.elements[i]!, [...path, i]));
    case 'map': {
      if (!isObjectValue(value)) throw new CtyDecodeError(`expected a map, got ${describe(value)}`, path);
      const out: { [k: string]: Wire } = {};
      for (const k of Object.keys(value).sort()) out[k] = toWire(value[k]!, type.element, [...path, k]);
      return out;
    }
    case 'object': {
      if (!isObjectValue(value)) throw new CtyDecodeError(`expected an object, got ${describe(value)}`, path);
      for (const k of Object.keys(value)) {
        if (!(k in type.attributes)) throw new CtyDecodeError(`unsupported attribute "${k}"`, path);
      }
      // Exactly the type's attributes, absent ones as null: Terraform rejects any other count.
      const out: { [k: string]: Wire } = {};
      for (const [k, t] of Object.entries(type.attributes)) out[k] = toWire(value[k] ?? null, t, [...path, k]);
      return out;
    }
  }
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Integers msgpack can carry (int64 and uint64) go as integers; larger ones as decimal text,
 * which go-cty parses like any number string (msgpack's 64 bits would wrap them).
 */
function fitsIn64Bits(n: bigint): boolean {
  return n >= INT64_MIN && n <= UINT64_MAX;
}

function numberToWire(value: Value, path: (string | number)[]): Wire {
  if (typeof value === 'number' || typeof value === 'bigint') value = CtyNumber.of(value);
  if (!(value instanceof CtyNumber)) throw new CtyDecodeError(`expected a number, got ${describe(value)}`, path);
  const r = value.repr;
  if (typeof r === 'bigint') return fitsIn64Bits(r) ? r : r.toString();
  if (typeof r === 'string') return r;
  if (Number.isInteger(r) && !Number.isSafeInteger(r)) {
    const n = BigInt(r);
    // Beyond 64 bits, the number's shortest decimal (what CtyNumber compares by), not the
    // float's binary expansion: 1e30 goes as 10^30.
    return fitsIn64Bits(n) ? n : value.toString();
  }
  return r;
}

function describe(value: Value): string {
  if (Array.isArray(value)) return 'a sequence';
  if (value instanceof CtyNumber) return 'a number';
  if (value instanceof DynamicValue) return 'a dynamic value';
  if (isObjectValue(value)) return 'an object';
  return typeof value;
}

// ---- decoding ----

export function decodeValue(bytes: Uint8Array, type: CtyType): Value {
  // An absent DynamicValue (no bytes) means null, as Terraform treats it.
  if (bytes.length === 0) return null;
  let raw: unknown;
  try {
    raw = decode(bytes, { useBigInt64: true });
  } catch (err) {
    throw new CtyDecodeError(`invalid msgpack: ${(err as Error).message}`);
  }
  return fromWire(raw, type, []);
}

function unknownFromExt(ext: ExtData, path: (string | number)[]): Unknown {
  const data = ext.data instanceof Uint8Array ? ext.data : new Uint8Array(0);
  if (data.length <= 1) return new Unknown();
  if (ext.type !== REFINED_UNKNOWN_EXT) throw new CtyDecodeError(`unknown value with unsupported extension type ${ext.type}`, path);
  return new Unknown(parseRefinements(data), data);
}

function parseRefinements(data: Uint8Array): Refinements {
  let map: unknown;
  try {
    map = decode(data, { useBigInt64: true });
  } catch {
    return {};
  }
  if (typeof map !== 'object' || map === null) return {};
  const m = map as Record<string, unknown>;
  const bound = (x: unknown): readonly [number | string, boolean] | undefined =>
    Array.isArray(x) && x.length === 2 ? [typeof x[0] === 'bigint' ? x[0].toString() : (x[0] as number | string), x[1] === true] : undefined;
  const refinements: { -readonly [K in keyof Refinements]: Refinements[K] } = {};
  if (typeof m['1'] === 'boolean') refinements.nullness = m['1'];
  if (typeof m['2'] === 'string') refinements.stringPrefix = m['2'];
  const lower = bound(m['3']);
  if (lower) refinements.numberLower = lower;
  const upper = bound(m['4']);
  if (upper) refinements.numberUpper = upper;
  if (typeof m['5'] === 'number') refinements.lengthLower = m['5'];
  if (typeof m['6'] === 'number') refinements.lengthUpper = m['6'];
  return refinements;
}

function fromWire(raw: unknown, type: CtyType, path: (string | number)[]): Value {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) return unknownFromExt(raw, path);
  switch (type.kind) {
    case 'string':
      if (typeof raw === 'string') return raw;
      if (raw instanceof Uint8Array) return textDecoder.decode(raw);
      throw new CtyDecodeError(`string required, got ${typeof raw}`, path);
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      throw new CtyDecodeError(`bool required, got ${typeof raw}`, path);
    case 'number':
      if (typeof raw === 'number' || typeof raw === 'bigint') {
        if (typeof raw === 'bigint' && raw >= BigInt(Number.MIN_SAFE_INTEGER) && raw <= BigInt(Number.MAX_SAFE_INTEGER)) return CtyNumber.of(Number(raw));
        return CtyNumber.of(raw);
      }
      if (typeof raw === 'string') {
        try {
          return CtyNumber.of(raw);
        } catch {
          throw new CtyDecodeError(`number required, got string ${JSON.stringify(raw)}`, path);
        }
      }
      throw new CtyDecodeError(`number required, got ${typeof raw}`, path);
    case 'dynamic': {
      if (!Array.isArray(raw) || raw.length !== 2) throw new CtyDecodeError('dynamic value must be a [type, value] pair', path);
      const typeBytes = raw[0];
      const typeText = typeBytes instanceof Uint8Array ? textDecoder.decode(typeBytes) : String(typeBytes);
      const t = typeFromJSON(JSON.parse(typeText));
      return new DynamicValue(t, fromWire(raw[1], t, path));
    }
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyDecodeError(`${type.kind} required`, path);
      return raw.map((v, i) => fromWire(v, type.element, [...path, i]));
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== type.elements.length) throw new CtyDecodeError(`tuple of ${type.elements.length} required`, path);
      return raw.map((v, i) => fromWire(v, type.elements[i]!, [...path, i]));
    case 'map': {
      if (typeof raw !== 'object' || Array.isArray(raw)) throw new CtyDecodeError('map required', path);
      const out: ValueObject = {};
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = fromWire(v, type.element, [...path, k]);
      return out;
    }
    case 'object': {
      if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Uint8Array) throw new CtyDecodeError('object required', path);
      const r = raw as Record<string, unknown>;
      for (const k of Object.keys(r)) if (!(k in type.attributes)) throw new CtyDecodeError(`unsupported attribute "${k}"`, path);
      const out: ValueObject = {};
      for (const [k, t] of Object.entries(type.attributes)) out[k] = fromWire(r[k] ?? null, t, [...path, k]);
      return out;
    }
  }
}
