#!/usr/bin/env node
// Builds tfcore (the Terraform 1.14 stand-in under <repo>/../shared/tools/tfcore, read-only)
// once: copies it into a cache directory keyed by its contents and runs its build.sh there
// (which apt-installs the Debian Go packages it needs when they are missing). Prints the path
// of the tfcore executable. Concurrent callers (jest workers) wait for one build.
//
//   node scripts/tfcore.mjs            build if needed, print the executable's path
//   node scripts/tfcore.mjs --source   print the source folder found (exit 1 if none)
//
// TFCORE_SRC overrides where the source is; TFCORE_CACHE where builds go (default: tmpdir).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['bin', '.gopath', '.gocache', 'tfplugin6']);

export function tfcoreSource() {
  const candidates = [process.env.TFCORE_SRC, join(root, '..', 'shared', 'tools', 'tfcore')];
  // A git worktree lives elsewhere: look next to the main checkout too.
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    candidates.push(join(dirname(common), '..', 'shared', 'tools', 'tfcore'));
  } catch {
    // not a git checkout
  }
  return candidates.find((c) => c && existsSync(join(c, 'build.sh')));
}

function files(dir, base = dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, base, out);
    else out.push(relative(base, path));
  }
  return out;
}

function contentHash(src) {
  const h = createHash('sha256');
  for (const f of files(src)) h.update(f).update('\0').update(readFileSync(join(src, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function buildTfcore(src) {
  const dir = join(process.env.TFCORE_CACHE || tmpdir(), `tfcore-${contentHash(src)}`);
  const exe = join(dir, 'bin', 'tfcore');
  if (existsSync(exe)) return exe;
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than 15 minutes is stale.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (existsSync(exe)) return exe;
      sleep(500);
    }
  }
  try {
    if (existsSync(exe)) return exe;
    rmSync(dir, { recursive: true, force: true });
    cpSync(src, dir, { recursive: true, filter: (p) => !SKIP.has(relative(src, p).split('/')[0]) });
    const r = spawnSync('bash', [join(dir, 'build.sh')], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOCACHE: join(dir, '.gocache') } });
    if (r.status !== 0 || !existsSync(exe)) throw new Error(`tfcore build failed (${dir}/build.sh):\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-4000)}`);
    return exe;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = tfcoreSource();
  if (!src) {
    process.stderr.write('tfcore not found: set TFCORE_SRC or put it at <repo>/../shared/tools/tfcore\n');
    process.exit(1);
  }
  if (process.argv.includes('--source')) process.stdout.write(`${src}\n`);
  else process.stdout.write(`${buildTfcore(src)}\n`);
}
