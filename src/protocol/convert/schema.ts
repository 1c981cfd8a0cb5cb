// Framework schemas -> tfplugin6 Schema messages. Every Schema carries a Block, even when
// empty: Terraform dereferences it unconditionally.

import { typeToJSON } from '../../cty/types.js';
import type { AttributeNesting, AttributeSchema, BlockSchema, IdentitySchema, NestedAttributes, NestingMode, Schema } from '../../framework/schema.js';
import { tfplugin6 } from '../wire.js';

const encoder = new TextEncoder();
const NESTING: Record<NestingMode, tfplugin6.Schema.NestedBlock.NestingMode> = {
  single: tfplugin6.Schema.NestedBlock.NestingMode.SINGLE,
  group: tfplugin6.Schema.NestedBlock.NestingMode.GROUP,
  list: tfplugin6.Schema.NestedBlock.NestingMode.LIST,
  set: tfplugin6.Schema.NestedBlock.NestingMode.SET,
  map: tfplugin6.Schema.NestedBlock.NestingMode.MAP,
};

const OBJECT_NESTING: Record<AttributeNesting, tfplugin6.Schema.Object.NestingMode> = {
  single: tfplugin6.Schema.Object.NestingMode.SINGLE,
  list: tfplugin6.Schema.Object.NestingMode.LIST,
  set: tfplugin6.Schema.Object.NestingMode.SET,
  map: tfplugin6.Schema.Object.NestingMode.MAP,
};

export function schemaToProto(schema: Schema): tfplugin6.Schema.$Properties {
  return { version: schema.version, block: blockToProto(schema.block) };
}

export function blockToProto(block: BlockSchema): tfplugin6.Schema.Block.$Properties {
  return {
    attributes: sortedAttributes(block.attributes),
    blockTypes: Object.entries(block.blocks ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, nested]) => ({
        typeName: name,
        block: blockToProto(nested.block),
        nesting: NESTING[nested.nesting],
        // Terraform requires min = max (0 or 1) for single blocks, and none for group/map.
        minItems: nested.nesting === 'group' || nested.nesting === 'map' ? 0 : (nested.minItems ?? 0),
        maxItems: nested.nesting === 'group' || nested.nesting === 'map' ? 0 : nested.nesting === 'single' ? (nested.minItems ?? 0) : (nested.maxItems ?? 0),
      })),
    description: block.description ?? '',
    descriptionKind: tfplugin6.StringKind.MARKDOWN,
    deprecated: block.deprecationMessage !== undefined,
    deprecationMessage: block.deprecationMessage ?? '',
  };
}

function sortedAttributes(attributes: Readonly<Record<string, AttributeSchema>>): tfplugin6.Schema.Attribute.$Properties[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, a]) => attributeToProto(name, a));
}

/** A nested attribute carries `nested_type` and no `type`: Terraform derives the type itself. */
function nestedToProto(nested: NestedAttributes): tfplugin6.Schema.Object.$Properties {
  return { attributes: sortedAttributes(nested.attributes), nesting: OBJECT_NESTING[nested.nesting] };
}

function attributeToProto(name: string, a: AttributeSchema): tfplugin6.Schema.Attribute.$Properties {
  return {
    name,
    ...(a.nested ? { nestedType: nestedToProto(a.nested) } : { type: encoder.encode(JSON.stringify(typeToJSON(a.type))) }),
    description: a.description ?? '',
    descriptionKind: tfplugin6.StringKind.MARKDOWN,
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    writeOnly: a.writeOnly === true,
    deprecated: a.deprecationMessage !== undefined,
    deprecationMessage: a.deprecationMessage ?? '',
  };
}

export function identitySchemaToProto(schema: IdentitySchema): tfplugin6.ResourceIdentitySchema.$Properties {
  return {
    version: schema.version,
    identityAttributes: Object.entries(schema.attributes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, a]) => ({
        name,
        type: encoder.encode(JSON.stringify(typeToJSON(a.type))),
        requiredForImport: a.requiredForImport === true,
        optionalForImport: a.optionalForImport === true,
        description: a.description,
      })),
  };
}
