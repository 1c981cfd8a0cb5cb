// The layers of src/ depend one way: plugin → protocol → framework ← resources → scalingo, with
// provider wiring them, cty and log below everything, and the simulator apart (it shares facts
// with the client, never code). This test reads every import of every source file and fails on
// an edge the picture does not allow, so a shortcut back up a layer cannot land unnoticed.

import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const srcRoot = resolve(dirname(new URL(import.meta.url).pathname), '..', '..', 'src');

/** Which top-level folders each top-level folder (or src/main.ts) may import from. */
const allowed: Readonly<Record<string, readonly string[]>> = {
  'main.ts': ['plugin', 'provider'],
  plugin: ['protocol', 'log'],
  protocol: ['framework', 'cty', 'log'],
  framework: ['cty', 'log'],
  resources: ['framework', 'scalingo', 'cty', 'log'],
  scalingo: ['log'],
  provider: ['protocol', 'framework', 'resources', 'scalingo', 'cty', 'log'],
  cty: [],
  log: [],
  simulator: [],
};

/** Packages a layer must never load: the client knows no Terraform, the simulator no client. */
const forbiddenPackages: Readonly<Record<string, readonly string[]>> = {
  scalingo: ['@grpc/grpc-js', 'protobufjs'],
  framework: ['undici', '@grpc/grpc-js'],
  resources: ['@grpc/grpc-js', 'protobufjs'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static imports, re-exports and dynamic import() specifiers of one file. */
export function importSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1] as string);
  return specifiers;
}

function topOf(path: string): string {
  return relative(srcRoot, path).split(sep)[0] as string;
}

interface Edge {
  file: string;
  from: string;
  to: string;
  specifier: string;
}

function edges(): Edge[] {
  return sourceFiles(srcRoot).flatMap((file) => {
    const from = topOf(file);
    return importSpecifiers(readFileSync(file, 'utf8')).map((specifier) => {
      const to = specifier.startsWith('.') ? topOf(resolve(dirname(file), specifier)) : `package:${specifier}`;
      return { file: relative(srcRoot, file), from, to, specifier };
    });
  });
}

describe('layers of src/', () => {
  const all = edges();

  it('reads the imports it checks', () => {
    expect(importSpecifiers(`import { a } from '../x.js';\nexport * from "./y.js";\nconst m = await import('../z.js');\nimport './side.js';`)).toEqual(['../x.js', './y.js', '../z.js', './side.js']);
    // The project has hundreds of cross-folder imports; an empty list would mean the parser broke.
    expect(all.filter((e) => !e.to.startsWith('package:') && e.to !== e.from).length).toBeGreaterThan(100);
  });

  it('every folder under src/ has a place in the picture', () => {
    const tops = [...new Set(sourceFiles(srcRoot).map(topOf))].sort();
    expect(tops.filter((t) => !(t in allowed))).toEqual([]);
  });

  it('no import runs back up a layer, and the simulator shares no code', () => {
    const wrong = all
      .filter((e) => !e.to.startsWith('package:') && e.to !== e.from && !(allowed[e.from] ?? []).includes(e.to))
      .map((e) => `${e.file}: ${e.from} → ${e.to} (${e.specifier})`);
    expect(wrong).toEqual([]);
  });

  it('the client loads no Terraform wire code, and the framework no HTTP client', () => {
    const wrong = all
      .filter((e) => (forbiddenPackages[e.from] ?? []).some((p) => e.to === `package:${p}` || e.to.startsWith(`package:${p}/`)))
      .map((e) => `${e.file}: ${e.specifier}`);
    expect(wrong).toEqual([]);
  });
});
