// Builds the fixture provider (test/fixture), or the stand-in for the official Scalingo provider
// (test/fixture/official), into an executable directory, once per test file.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function buildFixtureProvider(): Promise<string> {
  return bundle(join(root, 'test', 'fixture'), 'terraform-provider-fixture');
}

/** The stand-in official provider, to register under `Scalingo/scalingo` in dev_overrides. */
export async function buildOfficialStandIn(): Promise<string> {
  return bundle(join(root, 'test', 'fixture', 'official'), 'terraform-provider-scalingo');
}

async function bundle(sourceDir: string, executable: string): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'tf-fixture-')), 'bin');
  const { bundleProvider } = (await import(join(root, 'scripts', 'bundle.mjs'))) as {
    bundleProvider: (o: { entry: string; coreEntry: string; coreImport: RegExp; outDir: string; executable: string }) => Promise<{ launcher: string }>;
  };
  await bundleProvider({
    entry: join(sourceDir, 'main.ts'),
    coreEntry: join(sourceDir, 'core.ts'),
    coreImport: /\/core\.js$/,
    outDir,
    executable,
  });
  return outDir;
}

export const projectRoot = root;
