// The framework's protocol 6.10 operations on a small in-memory provider: identity in plan,
// apply, read and import; list resources (limit, failures); generated configuration;
// actions (plan-time refusal, progress events, failure).

import { describe, expect, it } from '@jest/globals';
import { StringType } from '../../src/cty/types.js';
import { CtyNumber, Unknown, type ValueObject } from '../../src/cty/value.js';
import { DiagnosticError, Diagnostics } from '../../src/framework/diagnostics.js';
import type { ActionDefinition, ListResourceDefinition, ProviderDefinition, ResourceDefinition } from '../../src/framework/resource.js';
import { attr } from '../../src/framework/schema.js';
import { generateResourceConfig } from '../../src/framework/server/generate_resource_config.js';
import { appliedIdentity, plannedIdentity, readIdentity } from '../../src/framework/server/identity.js';
import { importResourceStateByIdentity } from '../../src/framework/server/import_resource_state.js';
import { invokeAction, type ActionEvent } from '../../src/framework/server/invoke_action.js';
import { listResource, type ListEvent } from '../../src/framework/server/list_resource.js';
import { planAction } from '../../src/framework/server/plan_action.js';
import { ProviderServer } from '../../src/framework/server/server.js';
import { upgradeResourceIdentity } from '../../src/framework/server/upgrade_resource_identity.js';
import { stderrLogger } from '../../src/log/logger.js';

type Thing = { id: string | null; group: string; size: CtyNumber | null; note: string | null; secret_wo: string | null; status: string | null };

// Groups may be named by alias; the identity always holds the canonical name.
const CANONICAL: Record<string, string> = { g1: 'group-one', 'group-one': 'group-one' };
const stored: Thing[] = [];
let lookups = 0;

const thing: ResourceDefinition<Thing, null> = {
  typeName: 'test_thing',
  schema: {
    version: 0,
    block: {
      attributes: {
        id: attr.string({ computed: true }),
        group: attr.string({ required: true }),
        size: attr.number({ optional: true, computed: true, default: CtyNumber.of(1) }),
        note: attr.string({ optional: true }),
        secret_wo: attr.string({ optional: true, writeOnly: true }),
        status: attr.string({ computed: true }),
      },
    },
  },
  create: async ({ config }) => ({ ...config, id: 't-1', status: 'ok' }),
  read: async ({ state }) => state,
  update: async ({ config, prior }) => ({ ...config, id: prior.id, status: 'ok' }),
  delete: async () => undefined,
  identity: {
    schema: {
      version: 1,
      attributes: {
        group: { type: StringType, requiredForImport: true, description: 'Group.' },
        id: { type: StringType, requiredForImport: true, description: 'ID.' },
      },
    },
    upgraders: { 0: (old) => ({ group: old['grp'], id: old['id'] }) },
    fromState: (state) => {
      lookups++;
      const group = CANONICAL[state.group];
      if (!group) throw new DiagnosticError('Unknown group', state.group);
      return { group, id: state.id! };
    },
    importState: async (identity) => {
      const found = stored.find((t) => t.id === identity['id']);
      if (!found) throw new DiagnosticError('Cannot import', `no thing ${String(identity['id'])}`);
      return { ...found, group: String(identity['group']) };
    },
  },
};

const things: ListResourceDefinition<{ fail_after: CtyNumber | null }, null> = {
  typeName: 'test_thing',
  schema: { version: 0, block: { attributes: { fail_after: attr.number({ optional: true }) } } },
  async *list({ config }, ctx) {
    for (const [i, t] of stored.entries()) {
      if (config.fail_after !== null && i >= config.fail_after.toNumber()) throw new DiagnosticError('Listing broke', `after ${i}`);
      if (i === 1) ctx.diags.warning('Slow group', 'the second one took a while');
      yield { state: t as unknown as ValueObject, displayName: `${t.group} / ${t.id}` };
    }
  },
};

let invoked = 0;
const notify: ActionDefinition<{ message: string; fail: boolean | null }, null> = {
  typeName: 'test_notify',
  schema: { version: 0, block: { attributes: { message: attr.string({ required: true }), fail: attr.bool({ optional: true }) } } },
  plan: ({ config }) => {
    if (config.message === 'refuse') throw new DiagnosticError('Refused at plan', 'this message is not allowed', ['message']);
  },
  invoke: async ({ config }, ctx) => {
    invoked++;
    ctx.progress(`sending ${config.message}`);
    await new Promise((r) => setTimeout(r, 5));
    ctx.progress('sent');
    if (config.fail) throw new DiagnosticError('Notification failed', 'the receiver said no');
  },
};

const provider: ProviderDefinition<null> = {
  typeName: 'test',
  version: '0.0.0',
  schema: { version: 0, block: { attributes: {} } },
  configure: async () => null,
  resources: [thing as unknown as ResourceDefinition<ValueObject, null>],
  dataSources: [],
  listResources: [things as unknown as ListResourceDefinition<ValueObject, null>],
  actions: [notify as unknown as ActionDefinition<ValueObject, null>],
};

function server(): ProviderServer<null> {
  const s = new ProviderServer(provider, stderrLogger({}, 'error'));
  s.setConfigured(null);
  return s as ProviderServer<null>;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of it) out.push(e);
  return out;
}

const state = (over: Partial<Thing> = {}): ValueObject => ({ id: 't-1', group: 'g1', size: CtyNumber.of(1), note: null, secret_wo: null, status: 'ok', ...over });

describe('resource identity', () => {
  it('is unknown when planning a create or a replacement, and the stored one otherwise', async () => {
    const s = server();
    const diags = new Diagnostics();
    const created = await plannedIdentity(s, { typeName: 'test_thing', prior: null, planned: state({ id: null }), priorIdentity: null, replacing: false }, diags);
    expect(created!['id']).toBeInstanceOf(Unknown);
    expect(created!['group']).toBeInstanceOf(Unknown);
    const kept = { group: 'group-one', id: 't-1' };
    expect(await plannedIdentity(s, { typeName: 'test_thing', prior: state(), planned: state({ note: 'x' }), priorIdentity: kept, replacing: false }, diags)).toBe(kept);
    expect((await plannedIdentity(s, { typeName: 'test_thing', prior: state(), planned: state(), priorIdentity: kept, replacing: true }, diags))!['id']).toBeInstanceOf(Unknown);
    // State written before Terraform 1.12 has no identity yet: derived from the prior state.
    expect(await plannedIdentity(s, { typeName: 'test_thing', prior: state(), planned: state(), priorIdentity: null, replacing: false }, diags)).toEqual(kept);
    expect(diags.items).toEqual([]);
  });

  it('is derived after a create, kept after an update, and null after a delete', async () => {
    const s = server();
    const diags = new Diagnostics();
    expect(await appliedIdentity(s, { typeName: 'test_thing', state: state(), plannedIdentity: null }, diags)).toEqual({ group: 'group-one', id: 't-1' });
    const before = lookups;
    expect(await appliedIdentity(s, { typeName: 'test_thing', state: state(), plannedIdentity: { group: 'group-one', id: 't-1' } }, diags)).toEqual({ group: 'group-one', id: 't-1' });
    expect(lookups).toBe(before);
    expect(await appliedIdentity(s, { typeName: 'test_thing', state: null, plannedIdentity: { group: 'group-one', id: 't-1' } }, diags)).toBeNull();
  });

  it('on read: normalised (an alias gives the same identity), and a change is an error', async () => {
    const s = server();
    const diags = new Diagnostics();
    const current = { group: 'group-one', id: 't-1' };
    expect(await readIdentity(s, { typeName: 'test_thing', state: state({ group: 'g1' }), current }, diags)).toEqual(current);
    expect(await readIdentity(s, { typeName: 'test_thing', state: state({ group: 'group-one' }), current }, diags)).toEqual(current);
    expect(diags.items).toEqual([]);
    await readIdentity(s, { typeName: 'test_thing', state: state({ id: 't-2' }), current }, diags);
    expect(diags.items.map((d) => d.summary)).toEqual(['Unexpected identity change']);
  });

  it('imports by identity, and refuses one missing a required attribute before any lookup', async () => {
    stored.splice(0, stored.length, state() as unknown as Thing);
    const s = server();
    const diags = new Diagnostics();
    expect(await importResourceStateByIdentity(s, { typeName: 'test_thing', identity: { group: 'g1', id: 't-1' } }, diags)).toMatchObject({ id: 't-1', group: 'g1' });
    const missing = new Diagnostics();
    expect(await importResourceStateByIdentity(s, { typeName: 'test_thing', identity: { group: 'g1', id: null } }, missing)).toBeNull();
    expect(missing.items).toEqual([expect.objectContaining({ summary: 'Missing identity attribute', path: ['id'] })]);
  });

  it('upgrades a stored identity of an older version, and refuses a newer one', () => {
    const s = server();
    const diags = new Diagnostics();
    expect(upgradeResourceIdentity(s, { typeName: 'test_thing', version: 0, rawJson: '{"grp":"group-one","id":"t-1"}' }, diags)).toEqual({ group: 'group-one', id: 't-1' });
    expect(upgradeResourceIdentity(s, { typeName: 'test_thing', version: 2, rawJson: '{}' }, diags)).toBeNull();
    expect(diags.items.map((d) => d.summary)).toEqual(['Identity from a newer provider']);
  });
});

describe('list resources', () => {
  const three = [state(), state({ id: 't-2' }), state({ id: 't-3', group: 'group-one' })] as unknown as Thing[];

  it('streams each object with its identity and display name, the full object only when asked', async () => {
    stored.splice(0, stored.length, ...three);
    const events = await collect(listResource(server(), { typeName: 'test_thing', config: { fail_after: null }, includeResource: false, limit: 100 }));
    expect(events.map((e) => e.result?.identity)).toEqual([
      { group: 'group-one', id: 't-1' },
      { group: 'group-one', id: 't-2' },
      { group: 'group-one', id: 't-3' },
    ]);
    expect(events.map((e) => e.result?.displayName)).toEqual(['g1 / t-1', 'g1 / t-2', 'group-one / t-3']);
    expect(events.every((e) => e.result?.state === null)).toBe(true);
    expect(events[1]!.diagnostics.map((d) => d.summary)).toEqual(['Slow group']);
    const full = await collect(listResource(server(), { typeName: 'test_thing', config: { fail_after: null }, includeResource: true, limit: 1 }));
    expect(full).toHaveLength(1);
    expect(full[0]!.result!.state).toMatchObject({ id: 't-1', secret_wo: null });
  });

  it('ends with an error event after the results already sent when listing fails', async () => {
    stored.splice(0, stored.length, ...three);
    const events: ListEvent[] = await collect(listResource(server(), { typeName: 'test_thing', config: { fail_after: CtyNumber.of(1) }, includeResource: false, limit: 100 }));
    expect(events.map((e) => e.result?.identity['id'] ?? null)).toEqual(['t-1', null]);
    expect(events[1]!.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Listing broke' })]);
  });
});

describe('generated configuration', () => {
  it('keeps required and optional attributes, a computed default only when it differs, never computed-only or write-only ones', () => {
    const diags = new Diagnostics();
    expect(generateResourceConfig(server(), { typeName: 'test_thing', state: state({ note: 'n', secret_wo: 'x' }) }, diags)).toEqual({
      id: null,
      group: 'g1',
      size: null,
      note: 'n',
      secret_wo: null,
      status: null,
    });
    expect(generateResourceConfig(server(), { typeName: 'test_thing', state: state({ size: CtyNumber.of(3) }) }, diags)!['size']).toEqual(CtyNumber.of(3));
    expect(diags.items).toEqual([]);
  });
});

describe('actions', () => {
  it('refuses at plan with a diagnostic on the attribute, without invoking', async () => {
    const before = invoked;
    const diags = new Diagnostics();
    await planAction(server(), { typeName: 'test_notify', config: { message: 'refuse', fail: null } }, diags);
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Refused at plan', path: ['message'] })]);
    expect(invoked).toBe(before);
  });

  it('streams progress in order, then one completed event; a failure is its error diagnostic', async () => {
    const events: ActionEvent[] = await collect(invokeAction(server(), { typeName: 'test_notify', config: { message: 'hi', fail: null } }));
    expect(events).toEqual([{ progress: 'sending hi' }, { progress: 'sent' }, { completed: [] }]);
    const failed = await collect(invokeAction(server(), { typeName: 'test_notify', config: { message: 'hi', fail: true } }));
    expect(failed.at(-1)).toEqual({ completed: [expect.objectContaining({ severity: 'error', summary: 'Notification failed', detail: 'the receiver said no' })] });
  });
});
