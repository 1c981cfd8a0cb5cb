// Builds the fixture provider (test/fixture) into an executable directory, once per test file.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function buildFixtureProvider(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'tf-fixture-')), 'bin');
  const { bundleProvider } = (await import(join(root, 'scripts', 'bundle.mjs'))) as {
    bundleProvider: (o: { entry: string; coreEntry: string; coreImport: RegExp; outDir: string; executable: string }) => Promise<{ launcher: string }>;
  };
  await bundleProvider({
    entry: join(root, 'test', 'fixture', 'main.ts'),
    coreEntry: join(root, 'test', 'fixture', 'core.ts'),
    coreImport: /\/core\.js$/,
    outDir,
    executable: 'terraform-provider-fixture',
  });
  return outDir;
}

export const projectRoot = root;
