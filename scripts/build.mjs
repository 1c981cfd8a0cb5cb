// Build: generate the package info (version, registry address) and the protobuf code,
// type-check and compile src/ to dist/ (tsc), then bundle the provider into dist/bundle/ with
// its launcher and V8 code caches (see scripts/bundle.mjs).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePackageInfo } from './build-package-info.mjs';
import { bundleProvider } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
writePackageInfo();
run(process.execPath, [join(root, 'scripts', 'build-protocol.mjs')]);
run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
run(process.execPath, [join(root, 'scripts', 'build-protocol.mjs'), '--copy']);

const outDir = join(root, 'dist', 'bundle');
const meta = await bundleProvider({
  entry: join(root, 'src', 'main.ts'),
  coreEntry: join(root, 'src', 'provider', 'entry.ts'),
  coreImport: /\/provider\/entry\.js$/,
  outDir,
  executable: 'terraform-provider-scalingo',
});
writeFileSync(join(root, 'dist', 'bundle-meta.json'), JSON.stringify(meta));
// Imported now: it uses the freshly compiled dist/.
const { warmCodeCache } = await import('./warm-code-cache.mjs');
await warmCodeCache(meta.launcher);
