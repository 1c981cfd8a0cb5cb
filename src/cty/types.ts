// cty types: the type system of Terraform values, and their JSON type expressions
// (the form used in schema attribute types and dynamic values on the wire).

export type CtyType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'list'; readonly element: CtyType }
  | { readonly kind: 'set'; readonly element: CtyType }
  | { readonly kind: 'map'; readonly element: CtyType }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, CtyType>>; readonly optional?: readonly string[] }
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

export const StringType: CtyType = Object.freeze({ kind: 'string' });
export const NumberType: CtyType = Object.freeze({ kind: 'number' });
export const BoolType: CtyType = Object.freeze({ kind: 'bool' });
export const DynamicType: CtyType = Object.freeze({ kind: 'dynamic' });

export const listOf = (element: CtyType): CtyType => ({ kind: 'list', element });
export const setOf = (element: CtyType): CtyType => ({ kind: 'set', element });
export const mapOf = (element: CtyType): CtyType => ({ kind: 'map', element });
export const objectOf = (attributes: Record<string, CtyType>): CtyType => ({ kind: 'object', attributes });
export const tupleOf = (elements: CtyType[]): CtyType => ({ kind: 'tuple', elements });

export type TypeJSON = string | [string, unknown] | [string, unknown, unknown];

/** The JSON type expression, e.g. `["list","string"]` or `["object",{"a":"number"}]`. */
export function typeToJSON(type: CtyType): unknown {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return type.kind;
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, typeToJSON(type.element)];
    case 'object': {
      const attrs: Record<string, unknown> = {};
      for (const [name, t] of Object.entries(type.attributes)) attrs[name] = typeToJSON(t);
      return type.optional && type.optional.length > 0 ? ['object', attrs, [...type.optional]] : ['object', attrs];
    }
    case 'tuple':
      return ['tuple', type.elements.map(typeToJSON)];
  }
}

export class TypeExpressionError extends Error {
  override name = 'TypeExpressionError';
}

export function typeFromJSON(json: unknown): CtyType {
  if (typeof json === 'string') {
    switch (json) {
      case 'string':
        return StringType;
      case 'number':
        return NumberType;
      case 'bool':
        return BoolType;
      case 'dynamic':
        return DynamicType;
    }
    throw new TypeExpressionError(`unsupported primitive type ${JSON.stringify(json)}`);
  }
  if (Array.isArray(json) && json.length >= 2 && typeof json[0] === 'string') {
    const [kind, arg] = json;
    switch (kind) {
      case 'list':
      case 'set':
      case 'map':
        return { kind, element: typeFromJSON(arg) };
      case 'object': {
        if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) break;
        const attributes: Record<string, CtyType> = {};
        for (const [name, t] of Object.entries(arg)) attributes[name] = typeFromJSON(t);
        const optional = Array.isArray(json[2]) ? json[2].filter((x): x is string => typeof x === 'string') : undefined;
        return optional ? { kind: 'object', attributes, optional } : { kind: 'object', attributes };
      }
      case 'tuple':
        if (!Array.isArray(arg)) break;
        return { kind: 'tuple', elements: arg.map(typeFromJSON) };
    }
  }
  throw new TypeExpressionError(`invalid type expression ${JSON.stringify(json)}`);
}

export function typeEquals(a: CtyType, b: CtyType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a.element, (b as typeof a).element);
    case 'object': {
      const bo = b as typeof a;
      const ak = Object.keys(a.attributes);
      if (ak.length !== Object.keys(bo.attributes).length) return false;
      return ak.every((k) => k in bo.attributes && typeEquals(a.attributes[k]!, bo.attributes[k]!));
    }
    case 'tuple': {
      const bt = b as typeof a;
      return a.elements.length === bt.elements.length && a.elements.every((t, i) => typeEquals(t, bt.elements[i]!));
    }
    default:
      return true;
  }
}

export function typeToString(type: CtyType): string {
  return JSON.stringify(typeToJSON(type));
}
