// Terraform's protocol carries no default values, so the generated docs can only show a default
// through the attribute's description: every attribute with a `default` must say it there.

import { describe, expect, it } from '@jest/globals';
import type { AttributeSchema, BlockSchema } from '../../src/framework/schema.js';
import { dataSources, ephemeralResources, resources } from '../../src/provider/provider.js';

function* attributes(block: BlockSchema, path: string): Generator<[string, AttributeSchema]> {
  for (const [name, a] of Object.entries(block.attributes)) {
    yield [`${path}.${name}`, a];
    if (a.nested) yield* attributes({ attributes: a.nested.attributes }, `${path}.${name}`);
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) yield* attributes(nested.block, `${path}.${name}`);
}

const definitions = [...resources, ...dataSources, ...ephemeralResources].map((d) => [d.typeName, d.schema.block] as const);

describe('defaults in the docs', () => {
  it('finds the attributes with a default (scalingo_database_user.read_only among them)', () => {
    const all = definitions.flatMap(([name, block]) => [...attributes(block, name)].filter(([, a]) => a.default !== undefined).map(([path]) => path));
    expect(all).toContain('scalingo_database_user.read_only');
  });

  it.each(definitions)('every attribute of %s with a default names it in its description', (name, block) => {
    const undocumented = [...attributes(block, name)].filter(([, a]) => a.default !== undefined && !/default/i.test(a.description ?? '')).map(([path]) => path);
    expect(undocumented).toEqual([]);
  });
});
