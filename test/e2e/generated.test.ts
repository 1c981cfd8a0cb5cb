// What is generated from the schema is committed and must match it: docs/ (scripts/docs.mjs)
// and the CDKTF bindings in cdktf/src (scripts/cdktf.mjs). After a schema change, run
// `make docs && make cdktf` and commit the result.

import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuiltProvider } from './support/built_provider.js';
import { cdktfMissing } from './support/cdktf.js';
import { buildFixtureProvider, projectRoot } from './support/fixture_provider.js';
import { terraformOrSkip } from './support/terraform.js';

jest.setTimeout(60_000);

type SchemaDoc = { provider_schemas: Record<string, Record<string, unknown>> };
interface Generated {
  files: Map<string, string>;
  problems: string[];
  notes: string[];
}
const schemaModule = () =>
  import(join(projectRoot, 'scripts', 'schema.mjs')) as Promise<{
    rpcSchema: (executable?: string) => Promise<SchemaDoc>;
    terraformSchema: (terraform?: string, o?: { source: string; dir: string }) => SchemaDoc;
    providerAddress: () => { namespace: string; type: string; address: string };
  }>;
const docsModule = () =>
  import(join(projectRoot, 'scripts', 'docs.mjs')) as Promise<{
    generateDocs: (doc: SchemaDoc, read: (path: string) => string | undefined, templates: string[]) => Generated;
    staleFiles: (g: Generated) => string[];
    readRepoFile: () => (path: string) => string | undefined;
    listTemplates: () => string[];
  }>;

/** The schema without what terraform's JSON does not carry (deprecation messages, which the docs show). */
function terraformView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(terraformView);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'deprecation_message').map(([k, v]) => [k, terraformView(v)]));
  return value;
}

describe('docs/', () => {
  it('is what `make docs` generates from the schema, and every attribute has a description', async () => {
    requireBuiltProvider();
    const { rpcSchema } = await schemaModule();
    const { generateDocs, staleFiles, readRepoFile, listTemplates } = await docsModule();
    const generated = generateDocs(await rpcSchema(), readRepoFile(), listTemplates());
    expect(generated.problems).toEqual([]);
    // If this fails: run `make docs` and commit docs/.
    expect(staleFiles(generated)).toEqual([]);
  });
});

const terraform = terraformOrSkip('schema and CDKTF bindings checks');
const maybe = terraform ? describe : describe.skip;

maybe('schema and CDKTF bindings', () => {
  it('GetProviderSchema, as the docs read it, is what `terraform providers schema -json` prints for the kinds terraform knows', async () => {
    const { rpcSchema, terraformSchema, providerAddress } = await schemaModule();
    const fromTerraform = terraformSchema(terraform);
    const fromRpc = await rpcSchema();
    const address = providerAddress().address;
    expect(Object.keys(fromTerraform.provider_schemas)).toEqual([address]);
    const tf = fromTerraform.provider_schemas[address]!;
    const rpc = fromRpc.provider_schemas[address]!;
    for (const kind of Object.keys(tf)) expect({ kind, schema: terraformView(rpc[kind]) }).toEqual({ kind, schema: tf[kind] });
  });

  it('reads the fixture provider (attributes without descriptions, sets, maps, defaults, write-only) as terraform does', async () => {
    const { rpcSchema, terraformSchema } = await schemaModule();
    const dir = await buildFixtureProvider();
    const [tf] = Object.values(terraformSchema(terraform, { source: 'test/fixture', dir }).provider_schemas);
    const [rpc] = Object.values((await rpcSchema(join(dir, 'terraform-provider-fixture'))).provider_schemas);
    for (const kind of Object.keys(tf!)) expect({ kind, schema: terraformView(rpc![kind]) }).toEqual({ kind, schema: tf![kind] });
  });

  it('cdktf/src is what `make cdktf` generates from the schema, in a package named for the provider', async () => {
    const missing = cdktfMissing(['@cdktf/provider-generator', 'jsii-pacmak']);
    if (missing?.includes('not installed')) {
      if (process.env['CI'] === 'true') throw new Error(missing);
      process.stderr.write(`\n!!! SKIPPING the CDKTF bindings check: ${missing} !!!\n\n`);
      return;
    }
    const { staleBindings } = (await import(join(projectRoot, 'scripts', 'cdktf.mjs'))) as { staleBindings: (schema: SchemaDoc) => Promise<string[]> };
    const { terraformSchema, providerAddress } = await schemaModule();
    // If this fails: run `make cdktf` and commit cdktf/src.
    expect(await staleBindings(terraformSchema(terraform))).toEqual([]);
    const { namespace, type } = providerAddress();
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'cdktf', 'package.json'), 'utf8')) as { name: string; version: string; peerDependencies: Record<string, string> };
    expect(pkg.name).toBe(`@${namespace}/cdktf-provider-${type}`);
    // The bindings are released with the provider they were generated from.
    expect(pkg.version).toBe((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version);
    expect(pkg.peerDependencies).toEqual({ cdktf: '^0.21.0', constructs: '^10.4.2' });
  });
});
