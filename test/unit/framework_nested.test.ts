// Nested attributes (`attr = { … }`, lists/sets/maps of objects): their types, their encoding
// in GetProviderSchema, and the plan rules and validators recursing into them.

import { describe, expect, it } from '@jest/globals';
import { typeToJSON } from '../../src/cty/types.js';
import { CtyNumber, UNKNOWN, type ValueObject } from '../../src/cty/value.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { applyPlanRules, conformToSchema, nullWriteOnly } from '../../src/framework/plan.js';
import { requiresReplace, useStateForUnknown } from '../../src/framework/planmodifiers.js';
import { attr, impliedType, schemaProblems, type BlockSchema } from '../../src/framework/schema.js';
import { validateBlock } from '../../src/framework/server/validate.js';
import { stringOneOf } from '../../src/framework/validators.js';
import { schemaToProto } from '../../src/protocol/convert/schema.js';
import { tfplugin6 } from '../../src/protocol/wire.js';

const window = attr.single(
  {
    weekday: attr.string({ required: true, validators: [stringOneOf(['monday', 'tuesday'])] }),
    hour: attr.number({ optional: true, computed: true, default: CtyNumber.of(21) }),
    duration: attr.number({ computed: true }),
    zone: attr.string({ optional: true, planModifiers: [requiresReplace()] }),
  },
  { optional: true, computed: true, description: 'A window.' },
);

const block: BlockSchema = {
  attributes: {
    name: attr.string({ required: true }),
    window,
    rules: attr.listNested(
      { cidr: attr.string({ required: true }), label: attr.string({ optional: true, computed: true, default: 'none' }), id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }) },
      { optional: true },
    ),
    tags: attr.setNested({ key: attr.string({ required: true }), secret: attr.string({ optional: true, writeOnly: true }) }, { optional: true }),
    by_name: attr.mapNested({ size: attr.number({ optional: true, computed: true, default: CtyNumber.of(1) }) }, { optional: true }),
  },
};

const n = (v: number) => CtyNumber.of(v);

describe('nested attribute types', () => {
  it('derive object, list, set and map of object types', () => {
    const type = impliedType(block);
    expect(typeToJSON(type)).toEqual([
      'object',
      {
        name: 'string',
        window: ['object', { weekday: 'string', hour: 'number', duration: 'number', zone: 'string' }],
        rules: ['list', ['object', { cidr: 'string', label: 'string', id: 'string' }]],
        tags: ['set', ['object', { key: 'string', secret: 'string' }]],
        by_name: ['map', ['object', { size: 'number' }]],
      },
    ]);
  });

  it('are checked like top-level attributes, sets refusing write-only members', () => {
    expect(schemaProblems({ attributes: { w: attr.single({ Bad: attr.string({}) }, { optional: true }) } })).toEqual(['w.Bad: invalid name', 'w.Bad: must be required, optional or computed']);
    expect(schemaProblems(block)).toEqual(['tags: set nested attributes cannot hold write-only or dynamic attributes']);
  });

  it('are encoded as nested_type with their own attributes and no type', () => {
    const bytes = tfplugin6.Schema.encode(schemaToProto({ version: 0, block })).finish();
    const decoded = tfplugin6.Schema.decode(bytes);
    const byName = new Map((decoded.block!.attributes ?? []).map((a) => [a.name, a as tfplugin6.Schema.Attribute]));
    const w = byName.get('window')!;
    expect(w.type.length).toBe(0);
    expect(w.optional && w.computed).toBe(true);
    expect(w.description).toBe('A window.');
    expect(w.nestedType!.nesting).toBe(tfplugin6.Schema.Object.NestingMode.SINGLE);
    expect((w.nestedType as tfplugin6.Schema.Object).attributes.map((a) => a.name)).toEqual(['duration', 'hour', 'weekday', 'zone']);
    const weekday = (w.nestedType as tfplugin6.Schema.Object).attributes.find((a) => a.name === 'weekday')!;
    expect(weekday.required).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(weekday.type))).toBe('string');
    expect(byName.get('rules')!.nestedType!.nesting).toBe(tfplugin6.Schema.Object.NestingMode.LIST);
    expect(byName.get('tags')!.nestedType!.nesting).toBe(tfplugin6.Schema.Object.NestingMode.SET);
    expect(byName.get('by_name')!.nestedType!.nesting).toBe(tfplugin6.Schema.Object.NestingMode.MAP);
    expect(JSON.parse(new TextDecoder().decode(byName.get('name')!.type))).toBe('string');
  });
});

const empty: ValueObject = { name: null, window: null, rules: null, tags: null, by_name: null };

describe('plan rules in nested attributes', () => {
  it('apply defaults and mark computed members unknown inside a configured object', () => {
    const config = { ...empty, name: 'a', window: { weekday: 'monday', hour: null, duration: null, zone: null } };
    const { planned } = applyPlanRules(block, null, { ...config }, config);
    expect(planned['window']).toEqual({ weekday: 'monday', hour: n(21), duration: UNKNOWN, zone: null });
  });

  it('mark an unset optional+computed nested attribute wholly unknown when the resource changes', () => {
    const prior = { ...empty, name: 'a', window: { weekday: 'tuesday', hour: n(3), duration: n(8), zone: null } };
    const config = { ...empty, name: 'b' };
    const { planned } = applyPlanRules(block, prior, { ...prior, name: 'b' }, config);
    expect(planned['window']).toBe(UNKNOWN);
    const unchanged = applyPlanRules(block, prior, { ...prior }, { ...empty, name: 'a' });
    expect(unchanged.planned['window']).toEqual(prior.window);
  });

  it('recurse into list elements (by index) and map elements (by key), keeping prior values through modifiers', () => {
    const prior = { ...empty, name: 'a', rules: [{ cidr: '10.0.0.0/8', label: 'x', id: 'r1' }] };
    const config = { ...empty, name: 'a', rules: [{ cidr: '10.0.0.0/8', label: null, id: null }, { cidr: '1.2.3.4/32', label: 'y', id: null }], by_name: { a: { size: null } } };
    const proposed = { ...config, rules: [{ cidr: '10.0.0.0/8', label: 'x', id: 'r1' }, { cidr: '1.2.3.4/32', label: 'y', id: null }] };
    const { planned } = applyPlanRules(block, prior, proposed, config);
    expect(planned['rules']).toEqual([
      { cidr: '10.0.0.0/8', label: 'none', id: 'r1' },
      { cidr: '1.2.3.4/32', label: 'y', id: UNKNOWN },
    ]);
    expect(planned['by_name']).toEqual({ a: { size: n(1) } });
  });

  it('report requires-replace on the nested path', () => {
    const prior = { ...empty, name: 'a', window: { weekday: 'monday', hour: n(21), duration: n(8), zone: 'eu' } };
    const config = { ...empty, name: 'a', window: { weekday: 'monday', hour: null, duration: null, zone: 'us' } };
    const { requiresReplace: rr } = applyPlanRules(block, prior, { ...config, window: { ...config.window, duration: n(8) } }, config);
    expect(rr).toEqual([['window', 'zone']]);
  });

  it('null write-only members and conform objects to their attributes', () => {
    const value = nullWriteOnly(block, { ...empty, tags: [{ key: 'k', secret: 's' }] });
    expect(value['tags']).toEqual([{ key: 'k', secret: null }]);
    expect(conformToSchema(block, { name: 'a', window: { weekday: 'monday' } })['window']).toEqual({ weekday: 'monday', hour: null, duration: null, zone: null });
  });
});

describe('validators in nested attributes', () => {
  it('run on each object, reported on the nested attribute (the line Terraform can show) naming the member', () => {
    const diags = new Diagnostics();
    validateBlock(block, { ...empty, name: 'a', window: { weekday: 'sunday', hour: null, duration: null, zone: null } }, diags);
    expect(diags.items).toHaveLength(1);
    expect(diags.items[0]!.path).toEqual(['window']);
    expect(diags.items[0]!.detail).toMatch(/^window\.weekday: Must be one of "monday", "tuesday"/);
  });
});
