// Build: type-check and compile src/ to dist/ (tsc), then bundle the provider into one
// file (esbuild) with the protocol descriptors inlined, and write the launcher that
// Terraform executes. Bundling matters: Terraform starts the provider 4-5 times per
// command, and resolving hundreds of small modules dominates start-up.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
run(process.execPath, [join(root, 'scripts', 'build-protocol.mjs')]);
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(process.execPath, [join(root, 'scripts', 'build-protocol.mjs'), '--copy']);

if (existsSync(join(root, 'src', 'main.ts'))) {
  const outDir = join(root, 'dist', 'bundle');
  mkdirSync(outDir, { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'dist', 'main.js')],
    outfile: join(outDir, 'provider.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some dependencies are CommonJS and call require() on Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
  // The launcher must exec node so that no shell sits between Terraform and node:
  // Terraform SIGKILLs only the PID it started.
  const launcher = join(outDir, 'terraform-provider-scalingo');
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      '# Terraform provider launcher: replaces itself with node running the bundled provider.',
      'here=$(dirname "$(readlink -f "$0")")',
      `node_bin=${JSON.stringify(process.execPath)}`,
      '[ -x "$node_bin" ] || node_bin=node',
      'exec "$node_bin" "$here/provider.mjs" "$@"',
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
}
