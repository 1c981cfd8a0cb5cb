// @ts-check
// The built provider's schema as a document in the format of `terraform providers schema -json`,
// two ways:
// - rpcSchema(): GetProviderSchema called directly on dist/bundle (no terraform needed), with
//   every kind the provider returns: resources, data sources, ephemeral resources, and whatever
//   later protocol versions add (list resources, actions) under their snake_case names. The docs
//   are generated from it.
// - terraformSchema(): the real `terraform providers schema -json`, through dev_overrides in a
//   temporary CLI configuration (no registry access). The CDKTF bindings are generated from it.
// Both name the provider by its address in package.json "terraformProvider".
//
// CLI: node scripts/schema.mjs [--terraform] [out.json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const providerDir = join(root, 'dist', 'bundle');

/**
 * The provider's address, from package.json "terraformProvider".
 * @returns {{ hostname: string, namespace: string, type: string, source: string, address: string }}
 */
export function providerAddress() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const tp = pkg.terraformProvider;
  if (!tp?.hostname || !tp.namespace || !tp.type) throw new Error('package.json has no "terraformProvider": { hostname, namespace, type }');
  return { ...tp, source: `${tp.namespace}/${tp.type}`, address: `${tp.hostname}/${tp.namespace}/${tp.type}` };
}

const NESTED_BLOCK_MODES = ['invalid', 'single', 'list', 'set', 'map', 'group'];
const OBJECT_MODES = ['invalid', 'single', 'list', 'set', 'map'];
const decoder = new TextDecoder();

/** camelCase field name of protobufjs -> the snake_case key Terraform's JSON uses. */
const snake = (/** @type {string} */ s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Terraform's JSON shape for one attribute (as terraform's jsonprovider writes it). */
function attributeJSON(/** @type {any} */ a) {
  /** @type {Record<string, unknown>} */
  const out = {};
  if (a.nestedType) {
    out.nested_type = {
      attributes: Object.fromEntries([...a.nestedType.attributes].sort(byName).map((n) => [n.name, attributeJSON(n)])),
      nesting_mode: OBJECT_MODES[a.nestedType.nesting],
    };
  } else {
    out.type = JSON.parse(decoder.decode(a.type));
  }
  // As terraform's JSON: the kind always, the description when there is one.
  if (a.description) out.description = a.description;
  out.description_kind = a.descriptionKind === 1 ? 'markdown' : 'plain';
  for (const flag of ['required', 'optional', 'computed', 'sensitive', 'deprecated']) if (a[flag]) out[flag] = true;
  if (a.writeOnly) out.write_only = true;
  if (a.deprecationMessage) out.deprecation_message = a.deprecationMessage;
  return out;
}

function byName(/** @type {{name: string}} */ a, /** @type {{name: string}} */ b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** @returns {Record<string, unknown>} */
function blockJSON(/** @type {any} */ b) {
  /** @type {Record<string, unknown>} */
  const out = {};
  if (b.attributes?.length) out.attributes = Object.fromEntries([...b.attributes].sort(byName).map((a) => [a.name, attributeJSON(a)]));
  if (b.blockTypes?.length) {
    out.block_types = Object.fromEntries(
      [...b.blockTypes]
        .sort((x, y) => byName({ name: x.typeName }, { name: y.typeName }))
        .map((nb) => {
          /** @type {Record<string, unknown>} */
          const t = { nesting_mode: NESTED_BLOCK_MODES[nb.nesting], block: blockJSON(nb.block ?? {}) };
          if (Number(nb.minItems)) t.min_items = Number(nb.minItems);
          if (Number(nb.maxItems)) t.max_items = Number(nb.maxItems);
          return [nb.typeName, t];
        }),
    );
  }
  if (b.description) out.description = b.description;
  out.description_kind = b.descriptionKind === 1 ? 'markdown' : 'plain';
  if (b.deprecated) out.deprecated = true;
  if (b.deprecationMessage) out.deprecation_message = b.deprecationMessage;
  return out;
}

/** A Schema message (or a message wrapping one in `schema`, as action schemas do). */
function schemaJSON(/** @type {any} */ s) {
  const schema = s && s.block === undefined && s.schema ? s.schema : s;
  return { version: Number(schema?.version ?? 0), block: blockJSON(schema?.block ?? {}) };
}

/**
 * Convert a decoded GetProviderSchema.Response to Terraform's JSON document. Every map field
 * named `…Schemas` is one kind of schema, so kinds added to the protocol come along.
 */
export function responseToJSON(/** @type {any} */ response, /** @type {string} */ address) {
  /** @type {Record<string, unknown>} */
  const provider = { provider: schemaJSON(response.provider ?? {}) };
  const kinds = Object.keys(response)
    .concat(Object.keys(Object.getPrototypeOf(response) ?? {}))
    .filter((k, i, all) => k.endsWith('Schemas') && all.indexOf(k) === i)
    .sort();
  for (const kind of kinds) {
    const entries = Object.entries(response[kind] ?? {});
    if (entries.length === 0) continue;
    provider[snake(kind)] = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, s]) => [name, schemaJSON(s)]));
  }
  const functions = Object.entries(response.functions ?? {});
  if (functions.length) {
    provider.functions = Object.fromEntries(
      functions.sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, /** @type {any} */ f]) => [
        name,
        {
          description: f.description,
          summary: f.summary,
          return_type: JSON.parse(decoder.decode(f.return?.type ?? new Uint8Array())),
          parameters: (f.parameters ?? []).map((/** @type {any} */ p) => ({ name: p.name, description: p.description, type: JSON.parse(decoder.decode(p.type)) })),
        },
      ]),
    );
  }
  return { format_version: '1.0', provider_schemas: { [address]: provider } };
}

/** GetProviderSchema straight from the built provider. */
export async function rpcSchema(executable = join(providerDir, 'terraform-provider-scalingo')) {
  const { generateServerCertificate } = await import(join(root, 'dist', 'plugin', 'certificate.js'));
  const { tfplugin6 } = await import(join(root, 'dist', 'protocol', 'generated', 'tfplugin6.js'));
  const { dial, parseHandshake, startPlugin } = await import('./plugin-client.mjs');
  const clientCert = generateServerCertificate();
  const plugin = startPlugin(executable, { clientCert, timeoutMs: 60_000 });
  const { line } = await plugin.handshake;
  const conn = dial(parseHandshake(line), clientCert);
  let response;
  /** @type {any} */
  let identities;
  try {
    response = tfplugin6.GetProviderSchema.Response.decode(await conn.call('/tfplugin6.Provider/GetProviderSchema', undefined, 60_000));
    // Resource identities (protocol 6.9+) come from their own RPC; a provider without it is fine.
    if (tfplugin6.GetResourceIdentitySchemas) {
      try {
        identities = tfplugin6.GetResourceIdentitySchemas.Response.decode(await conn.call('/tfplugin6.Provider/GetResourceIdentitySchemas', undefined, 60_000));
      } catch {
        identities = undefined;
      }
    }
    await conn.call('/plugin.GRPCController/Shutdown');
  } finally {
    conn.close();
  }
  await plugin.exited;
  const errors = (response.diagnostics ?? []).filter((/** @type {any} */ d) => d.severity === 1);
  if (errors.length) throw new Error(`GetProviderSchema: ${errors.map((/** @type {any} */ d) => d.summary).join('; ')}`);
  const doc = responseToJSON(response, providerAddress().address);
  const identityJSON = identitiesToJSON(identities);
  if (identityJSON) Object.values(doc.provider_schemas)[0].resource_identity_schemas = identityJSON;
  return doc;
}

/**
 * GetResourceIdentitySchemas.Response -> `resource_identity_schemas` as terraform (1.12+) prints
 * it: { <type>: { version, attributes: { <name>: { type, description, required_for_import, optional_for_import } } } }.
 */
export function identitiesToJSON(/** @type {any} */ response) {
  const entries = Object.entries(response?.identitySchemas ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, /** @type {any} */ s]) => [
        name,
        {
          version: Number(s.version ?? 0),
          attributes: Object.fromEntries(
            [...(s.identityAttributes ?? [])].sort(byName).map((/** @type {any} */ a) => {
              /** @type {Record<string, unknown>} */
              const out = { type: JSON.parse(decoder.decode(a.type)) };
              if (a.description) out.description = a.description;
              if (a.requiredForImport) out.required_for_import = true;
              if (a.optionalForImport) out.optional_for_import = true;
              return [a.name, out];
            }),
          ),
        },
      ]),
  );
}

/**
 * `terraform providers schema -json` with dev_overrides pointing at dist/bundle (or another
 * provider: `o.source` served from `o.dir`).
 * @param {string} [terraform]
 * @param {{ source: string, dir: string }} [o]
 */
export function terraformSchema(terraform = process.env.TF_BINARY || 'terraform', o) {
  const source = o?.source ?? providerAddress().source;
  const type = source.split('/').pop();
  const dir = mkdtempSync(join(tmpdir(), 'provider-schema-'));
  try {
    writeFileSync(
      join(dir, 'cli.tfrc'),
      `provider_installation {\n  dev_overrides {\n    ${JSON.stringify(source)} = ${JSON.stringify(o?.dir ?? providerDir)}\n  }\n  direct {}\n}\n`,
    );
    writeFileSync(join(dir, 'main.tf'), `terraform {\n  required_providers {\n    ${type} = { source = ${JSON.stringify(source)} }\n  }\n}\n`);
    const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
    delete env.TF_LOG;
    const out = spawnSync(terraform, ['providers', 'schema', '-json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (out.error) throw new Error(`cannot run ${terraform}: ${out.error.message}`);
    if (out.status !== 0) throw new Error(`terraform providers schema -json failed: ${out.stderr}`);
    return JSON.parse(out.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const doc = args.includes('--terraform') ? terraformSchema() : await rpcSchema();
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const out = args.find((a) => !a.startsWith('--'));
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
