// Ephemeral resources in the framework: validation, open with known and unknown configuration,
// renew/close without hooks, private bytes round-tripped, failures as diagnostics; and the
// tfplugin6 encoding of renew_at.

import { describe, expect, it } from '@jest/globals';
import { UNKNOWN, type ValueObject } from '../../src/cty/value.js';
import { Diagnostics, DiagnosticError } from '../../src/framework/diagnostics.js';
import type { EphemeralResourceDefinition, ProviderDefinition } from '../../src/framework/resource.js';
import { attr } from '../../src/framework/schema.js';
import { closeEphemeralResource, openEphemeralResource, renewEphemeralResource, validateEphemeralResourceConfig } from '../../src/framework/server/index.js';
import { ProviderServer } from '../../src/framework/server/server.js';
import { stringMatches } from '../../src/framework/validators.js';
import { silentLogger } from '../../src/log/logger.js';
import { timestampFromProto, timestampToProto } from '../../src/protocol/convert/timestamp.js';

type Model = { name: string; secret: string | null };
const closed: (ValueObject | null)[] = [];
const token: EphemeralResourceDefinition<Model, string> = {
  typeName: 'x_token',
  schema: {
    version: 0,
    block: {
      attributes: {
        name: attr.string({ required: true, validators: [stringMatches(/^[a-z]+$/, 'Lowercase letters only')] }),
        secret: attr.string({ computed: true, sensitive: true }),
      },
    },
  },
  async open({ config }, ctx) {
    if (config.name === 'boom') throw new DiagnosticError('No such token', 'gone', ['name']);
    return { result: { name: config.name, secret: `${ctx.provider}-${config.name}` }, renewAt: new Date(1_700_000_000_123), privateState: { lease: config.name } };
  },
  async renew({ privateState }) {
    return { renewAt: new Date(1_800_000_000_000), privateState: { lease: `${String(privateState?.['lease'])}+1` } };
  },
  async close({ privateState }) {
    closed.push(privateState);
  },
};
const plain: EphemeralResourceDefinition = { typeName: 'x_plain', schema: { version: 0, block: { attributes: { v: attr.string({ computed: true }) } } }, open: async () => ({ result: { v: 'x' } }) };

function server(): ProviderServer {
  const provider: ProviderDefinition<string> = {
    typeName: 'x',
    version: '0.0.0',
    schema: { version: 0, block: { attributes: {} } },
    configure: async () => 'configured',
    resources: [],
    dataSources: [],
    ephemeralResources: [token as unknown as EphemeralResourceDefinition<ValueObject, string>, plain as EphemeralResourceDefinition<ValueObject, string>],
  };
  const s = new ProviderServer(provider as ProviderDefinition, silentLogger);
  s.setConfigured('configured');
  return s;
}

describe('ephemeral resources', () => {
  it('are listed with their schemas, and unknown types are refused', () => {
    const s = server();
    expect([...s.ephemeralResourceSchemas().keys()]).toEqual(['x_token', 'x_plain']);
    const diags = new Diagnostics();
    expect(s.ephemeralResource('x_nope', diags)).toBeUndefined();
    expect(diags.items[0]).toMatchObject({ severity: 'error', summary: 'Unknown ephemeral resource' });
  });

  it('validate attributes on their path', () => {
    const diags = new Diagnostics();
    validateEphemeralResourceConfig({ ephemeral: token as unknown as EphemeralResourceDefinition, config: { name: 'Nope', secret: null }, diags });
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', path: ['name'] })]);
  });

  it('open with a known configuration: result, renew_at and private bytes', async () => {
    const s = server();
    const diags = new Diagnostics();
    const opened = await openEphemeralResource(s, { ephemeral: s.ephemeralResource('x_token', diags)!, config: { name: 'abc', secret: null }, diags });
    expect(diags.items).toEqual([]);
    expect(opened.result).toEqual({ name: 'abc', secret: 'configured-abc' });
    expect(opened.renewAt?.getTime()).toBe(1_700_000_000_123);
    const renewed = await renewEphemeralResource(s, { ephemeral: s.ephemeralResource('x_token', diags)!, privateState: opened.privateState, diags });
    expect(renewed.renewAt?.getTime()).toBe(1_800_000_000_000);
    await closeEphemeralResource(s, { ephemeral: s.ephemeralResource('x_token', diags)!, privateState: renewed.privateState, diags });
    expect(closed.at(-1)).toEqual({ lease: 'abc+1' });
  });

  it('open with an unknown configuration leaves computed values unknown without calling open', async () => {
    const s = server();
    const diags = new Diagnostics();
    const opened = await openEphemeralResource(s, { ephemeral: s.ephemeralResource('x_token', diags)!, config: { name: UNKNOWN, secret: null }, diags });
    expect(opened.result).toEqual({ name: UNKNOWN, secret: UNKNOWN });
    expect(diags.items).toEqual([]);
  });

  it('report a failed open as a diagnostic with no result', async () => {
    const s = server();
    const diags = new Diagnostics();
    const opened = await openEphemeralResource(s, { ephemeral: s.ephemeralResource('x_token', diags)!, config: { name: 'boom', secret: null }, diags });
    expect(opened.result).toBeNull();
    expect(diags.items).toEqual([{ severity: 'error', summary: 'No such token', detail: 'gone', path: ['name'] }]);
  });

  it('renew and close without hooks keep the private bytes and say nothing', async () => {
    const s = server();
    const diags = new Diagnostics();
    const bytes = new Uint8Array([1, 2]);
    expect(await renewEphemeralResource(s, { ephemeral: s.ephemeralResource('x_plain', diags)!, privateState: bytes, diags })).toEqual({ privateState: bytes });
    await closeEphemeralResource(s, { ephemeral: s.ephemeralResource('x_plain', diags)!, privateState: bytes, diags });
    expect(diags.items).toEqual([]);
  });

  it('encode renew_at as a protobuf Timestamp', () => {
    const ts = timestampToProto(new Date(1_700_000_000_123));
    expect(ts).toEqual({ seconds: 1_700_000_000, nanos: 123_000_000 });
    expect(timestampFromProto(ts)?.getTime()).toBe(1_700_000_000_123);
  });
});
