// The comparison behind the CDKTF bindings' staleness check (scripts/cdktf.mjs).

import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const { treeDiff } = (await import(join(root, 'scripts', 'cdktf.mjs'))) as { treeDiff: (expected: string, actual: string) => string[] };

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('treeDiff', () => {
  it('is empty for identical trees', () => {
    expect(treeDiff(tree({ 'index.ts': 'a', 'addon/index.ts': 'b' }), tree({ 'index.ts': 'a', 'addon/index.ts': 'b' }))).toEqual([]);
  });

  it('names files that differ, are missing, or were not generated', () => {
    const generated = tree({ 'index.ts': 'a', 'addon/index.ts': 'b', 'new/index.ts': 'c' });
    const committed = tree({ 'index.ts': 'a', 'addon/index.ts': 'B', 'old/index.ts': 'd' });
    expect(treeDiff(generated, committed)).toEqual(['addon/index.ts (differs)', 'new/index.ts (missing)', 'old/index.ts (not generated from the schema)']);
  });
});
