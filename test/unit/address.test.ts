// The registry address is defined once, in package.json ("terraformProvider"): the provider
// serves it, and every example and doc names it literally (users copy them).

import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataSources, resources } from '../../src/provider/provider.js';
import { PROVIDER_ADDRESSES, PROVIDER_SOURCE } from '../../src/provider/version.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { terraformProvider: { hostname: string; namespace: string; type: string } };
const { hostname, namespace, type } = pkg.terraformProvider;
const source = `${namespace}/${type}`;

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort();
}

/** Local name -> source, from the required_providers blocks of a configuration. */
function requiredProviders(tf: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tf.matchAll(/^\s*([A-Za-z][\w-]*)\s*=\s*\{\s*(?:#[^\n]*\n\s*)?source\s*=\s*"([^"]+)"/gm)) out.set(m[1]!, m[2]!);
  return out;
}

/** `resource "type" "name" { … }` and `data` blocks, with their bodies (top-level blocks only). */
function blocks(tf: string): { kind: string; type: string; body: string }[] {
  const out: { kind: string; type: string; body: string }[] = [];
  for (const m of tf.matchAll(/^(resource|data)\s+"([^"]+)"\s+"[^"]+"\s*\{\n([\s\S]*?)^\}/gm)) out.push({ kind: m[1]!, type: m[2]!, body: m[3]! });
  return out;
}

const ours = new Set([...resources.map((r) => `resource ${r.typeName}`), ...dataSources.map((d) => `data ${d.typeName}`)]);
const examples = filesUnder('examples', '.tf');
const docs = [...filesUnder(join('docs', 'resources'), '.md'), ...filesUnder(join('docs', 'data-sources'), '.md')];

describe('registry address', () => {
  it('comes from package.json, under a namespace of our own', () => {
    expect(namespace.toLowerCase()).not.toBe('scalingo');
    expect(PROVIDER_SOURCE).toBe(source);
    expect(PROVIDER_ADDRESSES).toEqual([`${hostname}/${source}`, `registry.opentofu.org/${source}`]);
  });

  it.each(examples)('is the source of the provider in %s', (file) => {
    const tf = readFileSync(file, 'utf8');
    const providers = requiredProviders(tf);
    const local = [...providers].filter(([, s]) => s.toLowerCase() === source.toLowerCase()).map(([name]) => name);
    expect(local).toHaveLength(1);
    // Beside the official provider, every block of ours names our local name.
    for (const b of blocks(tf).filter((b) => ours.has(`${b.kind} ${b.type}`))) {
      const provider = /^\s*provider\s*=\s*([\w-]+)/m.exec(b.body)?.[1] ?? b.type.split('_')[0];
      expect([b.kind, b.type, provider]).toEqual([b.kind, b.type, local[0]]);
    }
  });

  it.each(docs)('is named in %s', (file) => {
    expect(readFileSync(file, 'utf8')).toContain(`\`${source}\``);
  });

  it('is named in the README, which keeps the official address for the official provider only', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`source = "${source}"`);
    for (const m of readme.matchAll(/(\w+)\s*=\s*\{\s*source\s*=\s*"scalingo\/scalingo"/gi)) expect(m[1]).not.toBe('scalingodb');
  });

  it('covers every resource and data source with a doc', () => {
    const names = docs.map((d) => `${d.includes('data-sources') ? 'data' : 'resource'} scalingo_${d.split('/').pop()!.replace(/\.md$/, '')}`);
    expect([...ours].sort()).toEqual(names.sort());
  });
});
