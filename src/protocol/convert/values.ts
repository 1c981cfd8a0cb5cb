// DynamicValue <-> cty values, for a given schema type.

import { decodeJsonValue } from '../../cty/json.js';
import { decodeValue, encodeValue } from '../../cty/msgpack.js';
import type { CtyType } from '../../cty/types.js';
import { isObjectValue, type Value, type ValueObject } from '../../cty/value.js';
import type { tfplugin6 } from '../wire.js';

type DynamicValueMessage = tfplugin6.DynamicValue.$Properties | null | undefined;

/** Decode a DynamicValue; absent or empty means null, as Terraform treats it. */
export function decodeDynamic(dv: DynamicValueMessage, type: CtyType): Value {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeValue(dv.msgpack, type);
  if (dv.json && dv.json.length > 0) return decodeJsonValue(new TextDecoder().decode(dv.json), type);
  return null;
}

/** Decode a DynamicValue that must be an object (or null) of a block's implied type. */
export function decodeObject(dv: DynamicValueMessage, type: CtyType): ValueObject | null {
  const v = decodeDynamic(dv, type);
  if (v === null) return null;
  if (!isObjectValue(v)) throw new TypeError('expected an object value');
  return v;
}

export function encodeDynamic(value: Value, type: CtyType): tfplugin6.DynamicValue.$Properties {
  return { msgpack: encodeValue(value, type) };
}

type IdentityDataMessage = tfplugin6.ResourceIdentityData.$Properties | null | undefined;

/** A ResourceIdentityData (Terraform 1.12+); absent means the object has no identity yet. */
export function decodeIdentity(data: IdentityDataMessage, type: CtyType): ValueObject | null {
  return decodeObject(data?.identityData, type);
}

export function encodeIdentity(identity: ValueObject | null, type: CtyType): tfplugin6.ResourceIdentityData.$Properties | null {
  return identity === null ? null : { identityData: encodeDynamic(identity, type) };
}
