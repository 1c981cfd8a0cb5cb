// Schema and diagnostics conversion to tfplugin6 messages, through real protobuf encoding.

import { describe, expect, it } from '@jest/globals';
import { StringType } from '../../src/cty/types.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { attr } from '../../src/framework/schema.js';
import { timeoutsBlock } from '../../src/framework/timeouts.js';
import { diagnosticsToProto, pathFromProto, pathToProto } from '../../src/protocol/convert/diagnostics.js';
import { schemaToProto } from '../../src/protocol/convert/schema.js';
import { tfplugin6 } from '../../src/protocol/wire.js';

describe('schema conversion', () => {
  const schema = {
    version: 2,
    block: {
      description: 'A thing.',
      attributes: {
        name: attr.string({ required: true, description: 'The **name**.' }),
        token: attr.string({ optional: true, sensitive: true }),
        pw: attr.string({ optional: true, writeOnly: true }),
        old: attr.string({ optional: true, deprecationMessage: 'Use name.' }),
        tags: attr.setOf(StringType, { optional: true, computed: true }),
      },
      blocks: { timeouts: timeoutsBlock(['create'], 1000) },
    },
  };

  it('encodes attributes, flags, types and nested blocks as Terraform expects', () => {
    const bytes = tfplugin6.Schema.encode(schemaToProto(schema)).finish();
    const decoded = tfplugin6.Schema.decode(bytes);
    expect(Number(decoded.version)).toBe(2);
    const attrs = Object.fromEntries(decoded.block!.attributes!.map((a) => [a.name, a]));
    expect(new TextDecoder().decode(attrs['tags']!.type!)).toBe('["set","string"]');
    expect(attrs['name']!.required).toBe(true);
    expect(attrs['name']!.descriptionKind).toBe(tfplugin6.StringKind.MARKDOWN);
    expect(attrs['token']!.sensitive).toBe(true);
    expect(attrs['pw']!.writeOnly).toBe(true);
    expect(attrs['old']!.deprecated).toBe(true);
    expect(attrs['old']!.deprecationMessage).toBe('Use name.');
    const timeouts = decoded.block!.blockTypes![0]!;
    expect(timeouts.typeName).toBe('timeouts');
    expect(timeouts.nesting).toBe(tfplugin6.Schema.NestedBlock.NestingMode.SINGLE);
    // Terraform requires min = max for single blocks.
    expect(Number(timeouts.minItems)).toBe(0);
    expect(Number(timeouts.maxItems)).toBe(0);
  });

  it('always sends a block, even for an empty schema', () => {
    const decoded = tfplugin6.Schema.decode(tfplugin6.Schema.encode(schemaToProto({ version: 0, block: { attributes: {} } })).finish());
    expect(decoded.block).toBeTruthy();
  });
});

describe('diagnostics conversion', () => {
  it('carries severity, texts and attribute paths', () => {
    const diags = new Diagnostics().error('Bad', 'detail', ['users', { index: 2 }, 'name']).warning('Careful', undefined, ['tags', { key: 'env' }]);
    const [err, warn] = diagnosticsToProto(diags.items);
    expect(err!.severity).toBe(tfplugin6.Diagnostic.Severity.ERROR);
    expect(warn!.severity).toBe(tfplugin6.Diagnostic.Severity.WARNING);
    const wire = tfplugin6.Diagnostic.decode(tfplugin6.Diagnostic.encode(err!).finish());
    expect(pathFromProto(wire.attribute)).toEqual(['users', { index: 2 }, 'name']);
    expect(pathToProto(['tags', { key: 'env' }]).steps).toEqual([{ attributeName: 'tags' }, { elementKeyString: 'env' }]);
  });
});
