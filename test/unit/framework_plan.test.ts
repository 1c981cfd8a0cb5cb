// The generic plan rules (Terraform's resource instance change lifecycle, as
// terraform-plugin-framework applies them) and the plan modifiers.

import { describe, expect, it } from '@jest/globals';
import { StringType } from '../../src/cty/types.js';
import { CtyNumber, Unknown, UNKNOWN } from '../../src/cty/value.js';
import { applyPlanRules, conformToSchema, nullWriteOnly } from '../../src/framework/plan.js';
import { requiresReplace, useStateForUnknown } from '../../src/framework/planmodifiers.js';
import { attr, impliedType, schemaProblems, type BlockSchema } from '../../src/framework/schema.js';
import { timeoutFor, timeoutsBlock } from '../../src/framework/timeouts.js';
import { parseDuration } from '../../src/framework/duration.js';

const block: BlockSchema = {
  attributes: {
    id: attr.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attr.string({ required: true }),
    region: attr.string({ required: true, planModifiers: [requiresReplace()] }),
    size: attr.number({ optional: true, computed: true, default: CtyNumber.of(1) }),
    status: attr.string({ computed: true }),
    password_wo: attr.string({ optional: true, writeOnly: true }),
  },
  blocks: { timeouts: timeoutsBlock(['create'], 60_000) },
};

const prior = { id: 'x1', name: 'a', region: 'eu', size: CtyNumber.of(1), status: 'running', password_wo: null, timeouts: null };

describe('plan rules', () => {
  it('on create: computed attributes unknown, defaults applied, write-only null', () => {
    const config = { id: null, name: 'a', region: 'eu', size: null, status: null, password_wo: 'pw', timeouts: null };
    const { planned, requiresReplace: rr } = applyPlanRules(block, null, { ...config }, config);
    expect(planned['id']).toBeInstanceOf(Unknown);
    expect(planned['status']).toBeInstanceOf(Unknown);
    expect((planned['size'] as CtyNumber).toNumber()).toBe(1);
    expect(planned['password_wo']).toBeNull();
    expect(rr).toEqual([]);
  });

  it('with no change: the prior values are kept and nothing is unknown', () => {
    const config = { id: null, name: 'a', region: 'eu', size: null, status: null, password_wo: null, timeouts: null };
    const proposed = { ...prior };
    const { planned } = applyPlanRules(block, prior, proposed, config);
    expect(planned).toEqual(prior);
  });

  it('on update: computed attributes become unknown unless kept by useStateForUnknown', () => {
    const config = { id: null, name: 'b', region: 'eu', size: null, status: null, password_wo: null, timeouts: null };
    const proposed = { ...prior, name: 'b' };
    const { planned, requiresReplace: rr } = applyPlanRules(block, prior, proposed, config);
    expect(planned['id']).toBe('x1');
    expect(planned['status']).toBe(UNKNOWN);
    expect(rr).toEqual([]);
  });

  it('marks a requiresReplace attribute only when its value changes', () => {
    const config = { id: null, name: 'a', region: 'us', size: null, status: null, password_wo: null, timeouts: null };
    const { requiresReplace: rr } = applyPlanRules(block, prior, { ...prior, region: 'us' }, config);
    expect(rr).toEqual([['region']]);
  });

  it('conforms values to the schema and nulls write-only attributes', () => {
    expect(conformToSchema(block, { name: 'a', extra: 'dropped' } as never)).toEqual({
      id: null,
      name: 'a',
      region: null,
      size: null,
      status: null,
      password_wo: null,
      timeouts: null,
    });
    expect(nullWriteOnly(block, { ...prior, password_wo: 'secret' })['password_wo']).toBeNull();
  });
});

describe('schemas', () => {
  it('derives the implied object type including nested blocks', () => {
    const t = impliedType(block);
    expect(t.kind).toBe('object');
    if (t.kind === 'object') expect(t.attributes['timeouts']).toEqual({ kind: 'object', attributes: { create: StringType } });
  });

  it('finds what Terraform would reject', () => {
    expect(schemaProblems(block)).toEqual([]);
    expect(
      schemaProblems({
        attributes: {
          Bad: attr.string({ optional: true }),
          none: attr.string({}),
          both: attr.string({ required: true, computed: true }),
          dflt: attr.string({ optional: true, default: 'x' }),
        },
      }),
    ).toEqual(['Bad: invalid name', 'none: must be required, optional or computed', 'both: required cannot be optional or computed', 'dflt: a default needs optional and computed']);
  });
});

describe('durations and timeouts', () => {
  it('parses Go duration strings', () => {
    expect(parseDuration('40m')).toBe(2_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('ten minutes')).toBeUndefined();
    expect(parseDuration('40')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });

  it('reads the timeouts block with a default', () => {
    expect(timeoutFor({ create: '5m' }, 'create', 1000)).toBe(300_000);
    expect(timeoutFor({ create: null }, 'create', 1000)).toBe(1000);
    expect(timeoutFor(null, 'update', 7)).toBe(7);
  });
});
