// Declarative schemas: what a provider, resource or data source accepts and returns.
// The protocol layer turns them into tfplugin6 Schema messages; the framework uses them for
// validation, plan rules and state handling.

import { BoolType, DynamicType, listOf, mapOf, NumberType, objectOf, setOf, StringType, type CtyType } from '../cty/types.js';
import type { Value } from '../cty/value.js';
import type { AttributePlanModifier } from './planmodifiers.js';
import type { AttributeValidator } from './validators.js';

export interface AttributeSchema {
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Sent by Terraform during plan and apply but never stored: always null in plan and state. */
  readonly writeOnly?: boolean;
  /** Markdown. */
  readonly description?: string;
  /** Set to deprecate the attribute; the text tells users what to do instead. */
  readonly deprecationMessage?: string;
  readonly validators?: readonly AttributeValidator[];
  /** Planned when the configuration leaves the attribute null (needs optional + computed). */
  readonly default?: Value;
  readonly planModifiers?: readonly AttributePlanModifier[];
  /**
   * A nested attribute (`attr = { … }`, `attr = [{ … }]`): its value is an object, or a list,
   * set or map of objects, whose attributes are declared here. `type` is derived from it.
   */
  readonly nested?: NestedAttributes;
}

export type AttributeNesting = 'single' | 'list' | 'set' | 'map';

export interface NestedAttributes {
  readonly nesting: AttributeNesting;
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
}

export type NestingMode = 'single' | 'group' | 'list' | 'set' | 'map';

export interface NestedBlockSchema {
  readonly nesting: NestingMode;
  readonly block: BlockSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface BlockSchema {
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSchema>>;
  readonly description?: string;
  readonly deprecationMessage?: string;
}

export interface Schema {
  /** Bumped whenever stored state changes shape; older states go through state upgraders. */
  readonly version: number;
  readonly block: BlockSchema;
}

// Every RPC decodes and encodes with these types: derive each block's type once.
const impliedTypes = new WeakMap<BlockSchema, CtyType>();

/** The object type of a block's values: its attributes plus one attribute per nested block. */
export function impliedType(block: BlockSchema): CtyType {
  let type = impliedTypes.get(block);
  if (!type) {
    type = deriveImpliedType(block);
    impliedTypes.set(block, type);
  }
  return type;
}

function deriveImpliedType(block: BlockSchema): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(block.attributes)) attributes[name] = attr.type;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) attributes[name] = nestedBlockType(nested);
  return objectOf(attributes);
}

export function nestedBlockType(nested: NestedBlockSchema): CtyType {
  return collectionOf(nested.nesting, impliedType(nested.block));
}

/** The type of a nested block or nested attribute: its element, or a collection of them. */
function collectionOf(nesting: NestedBlockSchema['nesting'] | NestedAttributes['nesting'], element: CtyType): CtyType {
  switch (nesting) {
    case 'single':
    case 'group':
      return element;
    case 'list':
      return listOf(element);
    case 'set':
      return setOf(element);
    case 'map':
      return mapOf(element);
  }
}

/** The object type of one element of a nested attribute. */
export function nestedObjectType(attributes: Readonly<Record<string, AttributeSchema>>): CtyType {
  const types: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(attributes)) types[name] = a.type;
  return objectOf(types);
}

function nestedAttributeType(nested: NestedAttributes): CtyType {
  return collectionOf(nested.nesting, nestedObjectType(nested.attributes));
}

// ---- builders: short, readable attribute declarations ----

type AttributeOptions = Omit<AttributeSchema, 'type' | 'nested'>;

export const attr = {
  string: (o: AttributeOptions): AttributeSchema => ({ type: StringType, ...o }),
  number: (o: AttributeOptions): AttributeSchema => ({ type: NumberType, ...o }),
  bool: (o: AttributeOptions): AttributeSchema => ({ type: BoolType, ...o }),
  dynamic: (o: AttributeOptions): AttributeSchema => ({ type: DynamicType, ...o }),
  listOf: (element: CtyType, o: AttributeOptions): AttributeSchema => ({ type: listOf(element), ...o }),
  setOf: (element: CtyType, o: AttributeOptions): AttributeSchema => ({ type: setOf(element), ...o }),
  mapOf: (element: CtyType, o: AttributeOptions): AttributeSchema => ({ type: mapOf(element), ...o }),
  object: (attributes: Record<string, CtyType>, o: AttributeOptions): AttributeSchema => ({ type: objectOf(attributes), ...o }),
  /** `name = { … }`: one object whose attributes have their own flags, defaults and validators. */
  single: (attributes: Record<string, AttributeSchema>, o: AttributeOptions): AttributeSchema => nestedAttr('single', attributes, o),
  /** `name = [{ … }, …]`: an ordered list of such objects. */
  listNested: (attributes: Record<string, AttributeSchema>, o: AttributeOptions): AttributeSchema => nestedAttr('list', attributes, o),
  /** `name = [{ … }, …]`: an unordered set of such objects. */
  setNested: (attributes: Record<string, AttributeSchema>, o: AttributeOptions): AttributeSchema => nestedAttr('set', attributes, o),
  /** `name = { key = { … }, … }`: a map of such objects. */
  mapNested: (attributes: Record<string, AttributeSchema>, o: AttributeOptions): AttributeSchema => nestedAttr('map', attributes, o),
};

function nestedAttr(nesting: AttributeNesting, attributes: Record<string, AttributeSchema>, o: AttributeOptions): AttributeSchema {
  const nested: NestedAttributes = { nesting, attributes };
  return { type: nestedAttributeType(nested), nested, ...o };
}

// ---- self-check: the rules Terraform enforces when it loads a schema ----

const NAME = /^[a-z0-9_]+$/;

/** Problems Terraform would reject the schema for; an empty list means it is well formed. */
export function schemaProblems(block: BlockSchema, where = ''): string[] {
  const problems: string[] = [];
  for (const [name, a] of Object.entries(block.attributes)) {
    const at = `${where}${name}`;
    if (!NAME.test(name)) problems.push(`${at}: invalid name`);
    if (!a.required && !a.optional && !a.computed) problems.push(`${at}: must be required, optional or computed`);
    if (a.required && (a.optional || a.computed)) problems.push(`${at}: required cannot be optional or computed`);
    if (a.default !== undefined && !(a.optional && a.computed)) problems.push(`${at}: a default needs optional and computed`);
    if (a.writeOnly && a.computed) problems.push(`${at}: write-only attributes cannot be computed`);
    if (block.blocks && name in block.blocks) problems.push(`${at}: both attribute and block`);
    if (a.nested) problems.push(...nestedProblems(a.nested, `${at}.`));
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const at = `${where}${name}`;
    if (!NAME.test(name)) problems.push(`${at}: invalid name`);
    if (nested.nesting === 'group' && (nested.minItems || nested.maxItems)) problems.push(`${at}: group blocks take no min/max`);
    if (nested.nesting === 'single' && ![0, 1].includes(nested.minItems ?? 0)) problems.push(`${at}: single blocks take min 0 or 1`);
    if (nested.nesting === 'set' && Object.values(nested.block.attributes).some((a) => a.writeOnly || a.type.kind === 'dynamic')) {
      problems.push(`${at}: set blocks cannot hold write-only or dynamic attributes`);
    }
    problems.push(...schemaProblems(nested.block, `${at}.`));
  }
  return problems;
}

function nestedProblems(nested: NestedAttributes, where: string): string[] {
  const problems = schemaProblems({ attributes: nested.attributes }, where);
  if (nested.nesting === 'set' && Object.values(nested.attributes).some((a) => a.writeOnly || a.type.kind === 'dynamic')) {
    problems.push(`${where.slice(0, -1)}: set nested attributes cannot hold write-only or dynamic attributes`);
  }
  return problems;
}

// ---- resource identity (Terraform 1.12+, protocol 6.9) ----

/** One attribute of a resource identity: a primitive (or list of primitives). */
export interface IdentityAttributeSchema {
  readonly type: CtyType;
  /** Must be given in an `import { identity = {...} }` block. */
  readonly requiredForImport?: boolean;
  /** May be given in an import block; the provider fills it in otherwise. */
  readonly optionalForImport?: boolean;
  /** Markdown. */
  readonly description: string;
}

/** The attributes that name one remote object, stable for its whole life. */
export interface IdentitySchema {
  /** Bumped when the identity changes shape; stored identities then go through upgraders. */
  readonly version: number;
  readonly attributes: Readonly<Record<string, IdentityAttributeSchema>>;
}

const identityTypes = new WeakMap<IdentitySchema, CtyType>();

/** The object type of identity values. */
export function identityType(schema: IdentitySchema): CtyType {
  let type = identityTypes.get(schema);
  if (!type) {
    type = objectOf(Object.fromEntries(Object.entries(schema.attributes).map(([name, a]) => [name, a.type])));
    identityTypes.set(schema, type);
  }
  return type;
}
