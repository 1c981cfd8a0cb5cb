// The msgpack codec against the byte sequences Terraform 1.11.4 was observed to send
// (shared/reference/terraform-protocol.md §3.2).

import { describe, expect, it } from '@jest/globals';
import { decodeValue, encodeValue, CtyDecodeError } from '../../src/cty/msgpack.js';
import { BoolType, DynamicType, listOf, mapOf, NumberType, objectOf, setOf, StringType, tupleOf } from '../../src/cty/types.js';
import { CtyNumber, DynamicValue, isWhollyKnown, Unknown, UNKNOWN, valueEquals } from '../../src/cty/value.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('msgpack: observed byte sequences', () => {
  it('decodes a whole null object (create prior state) as null', () => {
    expect(decodeValue(hex('c0'), objectOf({ a: StringType }))).toBeNull();
  });

  it('decodes and re-encodes the unrefined unknown d4 00 00', () => {
    const v = decodeValue(hex('d40000'), StringType);
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).isRefined).toBe(false);
    expect(toHex(encodeValue(v, StringType))).toBe('d40000');
  });

  it('keeps a refined unknown (ext 12, {1:false, 2:"pre-"}) byte for byte', () => {
    const bytes = hex('c7 09 0c 82 01 c2 02 a4 70 72 65 2d');
    const v = decodeValue(bytes, StringType) as Unknown;
    expect(v).toBeInstanceOf(Unknown);
    expect(v.refinements).toEqual({ nullness: false, stringPrefix: 'pre-' });
    expect(toHex(encodeValue(v, StringType))).toBe(toHex(bytes));
  });

  it('keeps refined unknown set elements ({1:false}) through a round trip', () => {
    const bytes = hex('92 c7 03 0c 81 01 c2 c7 03 0c 81 01 c2');
    const v = decodeValue(bytes, setOf(StringType));
    expect(Array.isArray(v) && v.every((e) => e instanceof Unknown)).toBe(true);
    expect(toHex(encodeValue(v, setOf(StringType)))).toBe(toHex(bytes));
  });

  it('decodes uint64 12345678901234567 exactly and encodes it back as an integer', () => {
    const v = decodeValue(hex('cf 00 2b dc 54 5d 6b 4b 87'), NumberType) as CtyNumber;
    expect(v.toString()).toBe('12345678901234567');
    const out = encodeValue(v, NumberType);
    expect(decodeValue(out, NumberType)!.toString()).toBe('12345678901234567');
    expect(out[0]).toBe(0xcf);
  });

  it('keeps the numeric string "0.1" (a3 30 2e 31) exact', () => {
    const v = decodeValue(hex('a3 30 2e 31'), NumberType) as CtyNumber;
    expect(v.toString()).toBe('0.1');
    expect(toHex(encodeValue(v, NumberType))).toBe('a3302e31');
  });

  it('decodes float64 and float32 numbers', () => {
    expect((decodeValue(hex('cb 3f e0 00 00 00 00 00 00'), NumberType) as CtyNumber).toNumber()).toBe(0.5);
    expect((decodeValue(hex('ca 3f 00 00 00'), NumberType) as CtyNumber).toNumber()).toBe(0.5);
    expect(toHex(encodeValue(CtyNumber.of(0.5), NumberType))).toBe('cb3fe0000000000000');
    expect(toHex(encodeValue(CtyNumber.of(3), NumberType))).toBe('03');
  });

  it('sends integers beyond 64 bits as their exact decimal text, as go-cty does', () => {
    // 1e21 used to go out as uint64 3875820019684212736 (1e21 mod 2^64).
    const big = encodeValue(1e21, NumberType);
    expect(big[0]).toBe(0xb6); // fixstr of 22 characters
    expect(decodeValue(big, NumberType)!.toString()).toBe('1000000000000000000000');
    const huge = 2n ** 64n + 1n;
    expect(decodeValue(encodeValue(huge, NumberType), NumberType)!.toString()).toBe('18446744073709551617');
    expect(decodeValue(encodeValue(CtyNumber.of(-(2n ** 63n) - 1n), NumberType), NumberType)!.toString()).toBe('-9223372036854775809');
    expect(decodeValue(encodeValue(-1e30, NumberType), NumberType)!.toString()).toBe('-1000000000000000000000000000000');
    // The 64-bit bounds themselves stay msgpack integers.
    expect(toHex(encodeValue(2n ** 64n - 1n, NumberType))).toBe('cfffffffffffffffff');
    expect(toHex(encodeValue(-(2n ** 63n), NumberType))).toBe('d38000000000000000');
    expect(encodeValue(2 ** 60, NumberType)[0]).toBe(0xcf);
  });

  it('rejects a non-numeric string for a number', () => {
    expect(() => decodeValue(hex('a3 61 62 63'), NumberType)).toThrow(CtyDecodeError);
  });

  it('treats any extension with a 1-byte payload as an unknown, whatever its code', () => {
    expect(decodeValue(hex('d4 05 00'), BoolType)).toBeInstanceOf(Unknown);
  });

  it('encodes dynamic values as [type JSON as bin, value]', () => {
    const v = new DynamicValue(listOf(StringType), ['a']);
    const bytes = encodeValue(v, DynamicType);
    // 92 (array of 2), c4 (bin8) ...
    expect(bytes[0]).toBe(0x92);
    expect(bytes[1]).toBe(0xc4);
    const back = decodeValue(bytes, DynamicType) as DynamicValue;
    expect(back).toBeInstanceOf(DynamicValue);
    expect(back.type).toEqual(listOf(StringType));
    expect(back.value).toEqual(['a']);
  });

  it('encodes a wholly unknown dynamic value as just the extension', () => {
    expect(toHex(encodeValue(UNKNOWN, DynamicType))).toBe('d40000');
  });
});

describe('msgpack: objects carry exactly the schema attributes', () => {
  const type = objectOf({ a: StringType, b: NumberType, c: listOf(StringType) });

  it('fills absent attributes with null', () => {
    const bytes = encodeValue({ a: 'x' }, type);
    expect(decodeValue(bytes, type)).toEqual({ a: 'x', b: null, c: null });
    // fixmap with 3 entries
    expect(bytes[0]).toBe(0x83);
  });

  it('refuses attributes the type does not have, both ways', () => {
    expect(() => encodeValue({ a: 'x', zzz: 'y' }, type)).toThrow(/unsupported attribute "zzz"/);
    const extra = encodeValue({ a: 'x' }, objectOf({ a: StringType, zzz: StringType }));
    expect(() => decodeValue(extra, objectOf({ a: StringType }))).toThrow(/unsupported attribute/);
  });

  it('round-trips nested collections, maps and tuples', () => {
    const t = objectOf({ m: mapOf(NumberType), s: setOf(StringType), t: tupleOf([StringType, BoolType]) });
    const value = { m: { x: CtyNumber.of(1), y: CtyNumber.of(2.5) }, s: ['q', 'r'], t: ['z', true] };
    expect(valueEquals(decodeValue(encodeValue(value, t), t), value, t)).toBe(true);
  });

  it('reports the path of a type error', () => {
    expect(() => encodeValue({ a: 1 as unknown as string }, objectOf({ a: StringType }))).toThrow(/at \.a/);
  });
});

describe('values', () => {
  it('normalises numbers for equality', () => {
    expect(CtyNumber.of('1.50').equals(CtyNumber.of(1.5))).toBe(true);
    expect(CtyNumber.of('15e-1').equals(CtyNumber.of('1.5'))).toBe(true);
    expect(CtyNumber.of(12345678901234567n).toString()).toBe('12345678901234567');
    expect(() => CtyNumber.of('abc')).toThrow(RangeError);
  });

  it('compares sets regardless of order', () => {
    expect(valueEquals(['a', 'b'], ['b', 'a'], setOf(StringType))).toBe(true);
    expect(valueEquals(['a', 'b'], ['b', 'a'], listOf(StringType))).toBe(false);
  });

  it('knows when a value is wholly known', () => {
    expect(isWhollyKnown({ a: ['x', { b: null }] })).toBe(true);
    expect(isWhollyKnown({ a: ['x', UNKNOWN] })).toBe(false);
  });
});
