// Bundle a provider entry point into an executable directory:
//   <outDir>/<executable>   sh launcher that execs node (no shell stays between Terraform and node)
//   <outDir>/launcher.cjs   loads the bundle with V8's code cache
//   <outDir>/provider.cjs   the process layer: all that runs before the handshake line
//   <outDir>/grpc.cjs       its gRPC server (grpc-js, http2, tls), required just after the line
//   <outDir>/core.cjs       the provider itself, required lazily while Terraform connects
// Shared by the real provider build and the e2e tests' fixture provider.
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const scriptsDir = dirname(fileURLToPath(import.meta.url));
// The process layer's gRPC server, shared by every provider built here.
const GRPC_ENTRY = join(scriptsDir, '..', 'src', 'plugin', 'grpc_server.ts');
const GRPC_IMPORT = /\/grpc_server\.js$/;

/**
 * @param {{ entry: string, coreEntry: string, coreImport: RegExp, outDir: string, executable: string }} o
 *   coreImport matches the specifier the entry uses to import the core lazily.
 */
export async function bundleProvider(o) {
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Turn the lazy import() into require(), so that the launcher's code cache applies.
    supported: { 'dynamic-import': false },
  };
  // The lazily loaded parts are files of their own, each compiled with its own code cache
  // only when it is needed.
  const lazyFiles = {
    name: 'lazy-files',
    setup(build) {
      build.onResolve({ filter: o.coreImport }, () => ({ path: './core.cjs', external: true }));
      build.onResolve({ filter: GRPC_IMPORT }, () => ({ path: './grpc.cjs', external: true }));
    },
  };
  const metaProcess = await esbuild.build({ ...common, entryPoints: [o.entry], outfile: join(o.outDir, 'provider.cjs'), plugins: [lazyFiles], metafile: true });
  const metaGrpc = await esbuild.build({ ...common, entryPoints: [GRPC_ENTRY], outfile: join(o.outDir, 'grpc.cjs'), metafile: true });
  const metaCore = await esbuild.build({ ...common, entryPoints: [o.coreEntry], outfile: join(o.outDir, 'core.cjs'), metafile: true });
  copyFileSync(join(scriptsDir, 'launcher.cjs'), join(o.outDir, 'launcher.cjs'));
  const launcher = join(o.outDir, o.executable);
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      '# Terraform provider launcher: replaces itself with node running the bundled provider.',
      'here=$(dirname "$(readlink -f "$0")")',
      `node_bin=${JSON.stringify(process.execPath)}`,
      '[ -x "$node_bin" ] || node_bin=node',
      'exec "$node_bin" "$here/launcher.cjs" "$@"',
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
  return { process: metaProcess.metafile, grpc: metaGrpc.metafile, core: metaCore.metafile, launcher };
}
