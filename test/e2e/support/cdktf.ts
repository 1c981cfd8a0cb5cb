// The CDKTF example app (examples/cdktf) built and synthesized in a temporary directory, as a
// user would with its package.json: its dependencies (cdktf, constructs, the bindings package)
// are linked from cdktf/, whose own install (`npm ci --prefix cdktf`) has them.

import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { providerDir } from './built_provider.js';
import { projectRoot } from './fixture_provider.js';

export const cdktfPackageDir = join(projectRoot, 'cdktf');
const cdktfModules = join(cdktfPackageDir, 'node_modules');
const exampleDir = join(projectRoot, 'examples', 'cdktf');

/** Why the CDKTF tests cannot run here, or undefined. Under CI=true this is a failure, never a skip. */
export function cdktfMissing(needs: string[] = ['cdktf', 'constructs', 'typescript']): string | undefined {
  const missing = needs.filter((m) => !existsSync(join(cdktfModules, m, 'package.json')));
  if (missing.length) return `${missing.join(', ')} not installed in cdktf/: run \`npm ci --prefix cdktf\``;
  if (!existsSync(join(cdktfPackageDir, 'lib', 'index.js'))) return 'cdktf/lib is not built: run `make cdktf`';
  return undefined;
}

export function cdktfOrSkip(suite: string, needs?: string[]): boolean {
  const why = cdktfMissing(needs);
  if (!why) return true;
  if (process.env['CI'] === 'true') throw new Error(`${suite}: ${why}`);
  process.stderr.write(`\n!!! SKIPPING ${suite}: ${why} !!!\n\n`);
  return false;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CdktfApp {
  dir: string;
  /** The synthesized directory of a stack. */
  stackDir(stack: string): string;
  /** Rewrite main.ts (the test stands in for the user's editor). */
  edit(change: (source: string) => string): void;
  /** tsc, then run the app (what `cdktf synth` does). */
  synth(env?: NodeJS.ProcessEnv): Promise<void>;
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'dir');
}

/**
 * The example app in `dir`, with `modules` (import name -> directory) as its node_modules.
 * Default: the CDKTF flavour, with the bindings package from cdktf/.
 */
export function cdktfApp(dir: string, modules?: Record<string, string>): CdktfApp {
  mkdirSync(dir, { recursive: true });
  for (const f of ['main.ts', 'tsconfig.json']) copyFileSync(join(exampleDir, f), join(dir, f));
  const deps = modules ?? {
    cdktf: join(cdktfModules, 'cdktf'),
    constructs: join(cdktfModules, 'constructs'),
    '@scalingo-community/cdktf-provider-scalingo': cdktfPackageDir,
  };
  for (const [name, target] of Object.entries({ ...deps, '@types/node': join(projectRoot, 'node_modules', '@types', 'node') })) link(target, join(dir, 'node_modules', name));
  return {
    dir,
    stackDir: (stack) => join(dir, 'cdktf.out', 'stacks', stack),
    edit(change) {
      const path = join(dir, 'main.ts');
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error('the edit changed nothing in main.ts');
      writeFileSync(path, after);
    },
    async synth(env = {}) {
      const tsc = await run(process.execPath, [join(cdktfModules, 'typescript', 'bin', 'tsc'), '-p', dir], dir);
      if (tsc.code !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
      const synth = await run(process.execPath, ['main.js'], dir, env);
      if (synth.code !== 0) throw new Error(`synth failed:\n${synth.stdout}${synth.stderr}`);
    },
  };
}

interface ProviderAddress {
  hostname: string;
  namespace: string;
  type: string;
  address: string;
}

/**
 * The built provider in a filesystem mirror (the layout `make install` writes), and the CLI
 * configuration that installs it from there: `terraform init` then really installs it, as it
 * does for a user (cdktf's `deploy` runs init; dev_overrides would make init query the registry).
 */
export async function filesystemMirror(): Promise<{ mirror: string; address: string; cliConfig: string }> {
  const { providerAddress } = (await import(join(projectRoot, 'scripts', 'schema.mjs'))) as { providerAddress: () => ProviderAddress };
  const a = providerAddress();
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform as string] ?? process.platform;
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string] ?? process.arch;
  const mirror = mkdtempSync(join(tmpdir(), 'tf-mirror-'));
  const dir = join(mirror, a.hostname, a.namespace, a.type, version, `${os}_${arch}`);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(providerDir)) {
    if (f.endsWith('.cjs') || f.endsWith('.cache')) copyFileSync(join(providerDir, f), join(dir, f));
  }
  const exe = join(dir, `terraform-provider-${a.type}_v${version}`);
  copyFileSync(join(providerDir, `terraform-provider-${a.type}`), exe);
  chmodSync(exe, 0o755);
  const cliConfig = `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = [${JSON.stringify(a.address)}]\n  }\n  direct {\n    exclude = [${JSON.stringify(a.address)}]\n  }\n}\n`;
  return { mirror, address: a.address, cliConfig };
}
