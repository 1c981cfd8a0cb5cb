// Build the provider as a Node.js single executable application for one platform: the
// platform's pinned `node` binary with the bundle (dist/bundle) injected as assets, each with a
// V8 code cache. A code cache is only valid for the V8 build and CPU that wrote it, so the caches
// (and the preparation blob) are made by the target's own node binary: directly on the same CPU,
// under qemu-user for another one. The build then checks, with the finished executable, that V8
// accepts every cache.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postject from 'postject';
import { warmCodeCache } from '../warm-code-cache.mjs';
import { nodeBinary, runnerFor } from './platforms.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * @param {{ platform: import('./platforms.mjs').PLATFORMS[number], bundleDir: string, workDir: string, executable: string }} o
 * @returns {Promise<string>} the executable's path
 */
export async function buildSea(o) {
  const p = o.platform;
  const node = nodeBinary(p);
  const runner = runnerFor(p);
  rmSync(o.workDir, { recursive: true, force: true });
  const cacheDir = join(o.workDir, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const files = readdirSync(o.bundleDir).filter((f) => f.endsWith('.cjs') && f !== 'launcher.cjs').sort();
  if (!files.includes('provider.cjs')) throw new Error(`${o.bundleDir} holds no provider.cjs: run the build first`);

  // 1. Warm-up run of the bundle by the loader the executable uses, on the target's node.
  const warm = join(o.workDir, 'warm-up.sh');
  writeFileSync(warm, `#!/bin/sh\nexec ${[...runner, node, join(here, 'sea-main.cjs')].map(shellQuote).join(' ')}\n`);
  chmodSync(warm, 0o755);
  await warmCodeCache(warm, { TF_PROVIDER_SEA_BUNDLE: o.bundleDir, TF_PROVIDER_SEA_CACHE_DIR: cacheDir }, runner.length > 0 ? 120_000 : 30_000);

  // 2. The preparation blob, written by the target's node.
  const assets = { 'files.json': join(o.workDir, 'files.json') };
  writeFileSync(assets['files.json'], JSON.stringify(files));
  for (const f of files) {
    assets[f] = join(o.bundleDir, f);
    assets[`${f}.cache`] = join(cacheDir, `${f}.cache`);
  }
  const blob = join(o.workDir, 'sea-prep.blob');
  const config = join(o.workDir, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main: join(here, 'sea-main.cjs'), output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets }));
  run([...runner, node, '--experimental-sea-config', config], o.workDir);

  // 3. A copy of node with the blob injected.
  mkdirSync(dirname(o.executable), { recursive: true });
  rmSync(o.executable, { force: true });
  copyFileSync(node, o.executable);
  chmodSync(o.executable, 0o755);
  await quietly(() => postject.inject(o.executable, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE }));

  // 4. The finished executable accepts its code caches.
  const out = run([...runner, o.executable], o.workDir, { TF_PROVIDER_SEA_CHECK: '1' });
  const report = JSON.parse(out);
  const refused = Object.entries(report.codeCache).filter(([, v]) => v !== 'accepted');
  if (report.arch !== p.nodeArch || refused.length > 0) throw new Error(`${p.os}_${p.arch} executable: ${out.trim()}`);
  rmSync(o.workDir, { recursive: true, force: true });
  return o.executable;
}

/** Run a command for its stdout; its stderr is shown only when it fails. */
function run(argv, cwd, env = {}) {
  const [cmd, ...args] = argv;
  try {
    return execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`${argv.join(' ')} failed: ${err.stderr || err.message}`);
  }
}

/** postject's ELF library warns about every note section it does not know: keep that for failures. */
async function quietly(fn) {
  const saved = { warn: console.warn, error: console.error, log: console.log };
  const lines = [];
  console.warn = console.error = console.log = (...a) => lines.push(a.join(' '));
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${lines.join('\n')}`);
  } finally {
    Object.assign(console, saved);
  }
}

function shellQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}
