import { describe, expect, it } from '@jest/globals';
import { decodeJsonValue, encodeJsonValue, jsonToValue, parseLosslessJson } from '../../src/cty/json.js';
import { encodeValue, decodeValue } from '../../src/cty/msgpack.js';
import { DynamicType, listOf, NumberType, objectOf, StringType, typeFromJSON, typeToJSON } from '../../src/cty/types.js';
import { CtyNumber, DynamicValue } from '../../src/cty/value.js';

describe('JSON values (raw state)', () => {
  it('parses integers beyond 2^53 without losing precision (JSON.parse would round)', () => {
    const text = '{\n  "big": 12345678901234567,\n  "name": "x"\n}';
    expect(JSON.parse(text).big).toBe(12345678901234568);
    const v = decodeJsonValue(text, objectOf({ big: NumberType, name: StringType })) as { big: CtyNumber };
    expect(v.big.toString()).toBe('12345678901234567');
    // ...and it travels on as an exact msgpack integer.
    const back = decodeValue(encodeValue(v, objectOf({ big: NumberType, name: StringType })), objectOf({ big: NumberType, name: StringType })) as { big: CtyNumber };
    expect(back.big.toString()).toBe('12345678901234567');
  });

  it('keeps long decimals as text', () => {
    const v = decodeJsonValue('{"n": 0.1000000000000000000001}', objectOf({ n: NumberType })) as { n: CtyNumber };
    expect(v.n.toString()).toBe('0.1000000000000000000001');
    expect(encodeJsonValue(v, objectOf({ n: NumberType }))).toBe('{"n":0.1000000000000000000001}');
  });

  it('drops attributes unknown to the schema only when asked (older state)', () => {
    const type = objectOf({ a: StringType });
    expect(() => jsonToValue(parseLosslessJson('{"a":"x","gone":1}'), type)).toThrow(/unsupported attribute/);
    expect(jsonToValue(parseLosslessJson('{"a":"x","gone":1}'), type, { ignoreUnknownAttributes: true })).toEqual({ a: 'x' });
  });

  it('decodes dynamic values in their {"type","value"} form', () => {
    const v = decodeJsonValue('{"type":["list","string"],"value":["a"]}', DynamicType) as DynamicValue;
    expect(v.type).toEqual(listOf(StringType));
    expect(v.value).toEqual(['a']);
  });
});

describe('type expressions', () => {
  it('round-trips JSON type expressions', () => {
    for (const json of ['string', ['list', 'number'], ['object', { a: 'bool', b: ['set', 'string'] }], ['tuple', ['string', 'dynamic']], ['map', ['object', {}]]]) {
      expect(typeToJSON(typeFromJSON(json))).toEqual(json);
    }
    expect(() => typeFromJSON(['bogus', 'string'])).toThrow();
  });
});
