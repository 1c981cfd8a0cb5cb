// cty values as plain JavaScript data: null, strings, booleans, arrays (list, set, tuple),
// plain objects (map, object), plus three small classes for what JavaScript lacks:
// exact numbers, unknown values (with their refinements) and dynamically-typed values.

import type { CtyType } from './types.js';

/** Refinements Terraform may attach to an unknown (cty msgpack extension 12). */
export interface Refinements {
  /** false = definitely not null; true = definitely null. */
  readonly nullness?: boolean;
  readonly stringPrefix?: string;
  readonly numberLower?: readonly [number | string, boolean];
  readonly numberUpper?: readonly [number | string, boolean];
  readonly lengthLower?: number;
  readonly lengthUpper?: number;
}

/**
 * A value not known until apply. `raw` keeps the refinement payload exactly as received so
 * that echoing a config value back to Terraform reproduces it byte for byte.
 */
export class Unknown {
  constructor(
    readonly refinements: Refinements = {},
    readonly raw?: Uint8Array,
  ) {}
  get isRefined(): boolean {
    return this.raw !== undefined && this.raw.length > 1;
  }
}

export const UNKNOWN: Unknown = new Unknown();

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * An exact cty number. Terraform numbers are arbitrary-precision decimals; on the wire they
 * arrive as int64/uint64 (here a bigint when beyond 2^53), float64, or decimal text such as
 * "0.1". The original form is kept so that a value sent back is the value received.
 */
export class CtyNumber {
  private constructor(readonly repr: number | bigint | string) {}

  static of(value: number | bigint | string): CtyNumber {
    if (typeof value === 'string') {
      const text = value.trim();
      if (!DECIMAL.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
      return new CtyNumber(text);
    }
    if (typeof value === 'number' && Number.isNaN(value)) throw new RangeError('NaN is not a cty number');
    return new CtyNumber(value);
  }

  /** Nearest JavaScript number (lossy beyond 2^53 or for long decimals). */
  toNumber(): number {
    return typeof this.repr === 'number' ? this.repr : Number(this.repr);
  }

  /** Canonical decimal text, used for equality and display. */
  toString(): string {
    if (typeof this.repr === 'bigint') return this.repr.toString();
    if (typeof this.repr === 'number') return Number.isFinite(this.repr) ? normaliseDecimal(String(this.repr)) : String(this.repr);
    return normaliseDecimal(this.repr);
  }

  equals(other: CtyNumber): boolean {
    return this.toString() === other.toString();
  }
}

/** Normalise decimal text so that "1.50", "1.5" and "15e-1" compare equal. */
function normaliseDecimal(text: string): string {
  let s = text.trim();
  let sign = '';
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = '-';
    s = s.slice(1);
  }
  let exp = 0;
  const e = s.search(/[eE]/);
  if (e >= 0) {
    exp = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  const dot = s.indexOf('.');
  let digits = dot >= 0 ? s.slice(0, dot) + s.slice(dot + 1) : s;
  let point = (dot >= 0 ? dot : s.length) + exp;
  const lead = digits.match(/^0*/)![0].length;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return sign + out;
}

/** A value of a `dynamic` attribute once its concrete type is known. */
export class DynamicValue {
  constructor(
    readonly type: CtyType,
    readonly value: Value,
  ) {}
}

/**
 * A cty value. Decoding always yields CtyNumber for numbers; plain JavaScript numbers and
 * bigints are accepted on the way out, for the convenience of resource code.
 */
export type Value = null | Unknown | string | boolean | number | bigint | CtyNumber | DynamicValue | Value[] | ValueObject;
export interface ValueObject {
  [key: string]: Value;
}

export function isObjectValue(v: Value | undefined): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof CtyNumber) && !(v instanceof DynamicValue);
}

/** True when the value contains no unknown anywhere. */
export function isWhollyKnown(v: Value): boolean {
  if (v instanceof Unknown) return false;
  if (v instanceof DynamicValue) return isWhollyKnown(v.value);
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (isObjectValue(v)) return Object.values(v).every(isWhollyKnown);
  return true;
}

/**
 * Structural equality of two values of the same type. Unknowns compare equal only to
 * unknowns; sets compare regardless of order.
 */
export function valueEquals(a: Value, b: Value, type?: CtyType): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof Unknown || b instanceof Unknown) return a instanceof Unknown && b instanceof Unknown;
  if (a instanceof CtyNumber || b instanceof CtyNumber || typeof a === 'number' || typeof a === 'bigint') {
    const na = toCtyNumber(a);
    const nb = toCtyNumber(b);
    return na !== undefined && nb !== undefined && na.equals(nb);
  }
  if (a instanceof DynamicValue || b instanceof DynamicValue) {
    return a instanceof DynamicValue && b instanceof DynamicValue && valueEquals(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const elementType = type && (type.kind === 'list' || type.kind === 'set') ? type.element : undefined;
    if (type?.kind === 'set') {
      const used = new Array<boolean>(b.length).fill(false);
      return a.every((x) => {
        const i = b.findIndex((y, j) => !used[j] && valueEquals(x, y, elementType));
        if (i < 0) return false;
        used[i] = true;
        return true;
      });
    }
    return a.every((x, i) => valueEquals(x, b[i]!, type?.kind === 'tuple' ? type.elements[i] : elementType));
  }
  if (isObjectValue(a) && isObjectValue(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const t = type?.kind === 'object' ? type.attributes[k] : type?.kind === 'map' ? type.element : undefined;
      if (!valueEquals(a[k] ?? null, b[k] ?? null, t)) return false;
    }
    return true;
  }
  return false;
}

/** Null of any type; an object type's null is still `null` (cty has typed nulls, JS need not). */
export function nullValue(): null {
  return null;
}

function toCtyNumber(v: Value): CtyNumber | undefined {
  if (v instanceof CtyNumber) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return CtyNumber.of(v);
  return undefined;
}
