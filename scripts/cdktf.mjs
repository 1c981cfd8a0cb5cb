// @ts-check
// CDKTF bindings of the provider, generated from the built provider's schema as the real
// `terraform providers schema -json` prints it, with @cdktf/provider-generator (installed in
// cdktf/, the bindings' own package, with jsii-pacmak beside it as the generator requires).
//
//   node scripts/cdktf.mjs          regenerate cdktf/src/ and compile it to cdktf/lib/ (tsc)
//   node scripts/cdktf.mjs --check  exit 1 when cdktf/src/ differs from what the schema generates
//   node scripts/cdktf.mjs --build  compile the committed cdktf/src/ to cdktf/lib/ only
//   node scripts/cdktf.mjs --flavour cdktn --out DIR
//                                   CDK Terrain bindings (importing `cdktn`) into DIR, with
//                                   @cdktn/provider-generator (needs it installed in cdktf/)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root, terraformSchema } from './schema.mjs';

export const packageDir = join(root, 'cdktf');
export const srcDir = join(packageDir, 'src');

const GENERATORS = { cdktf: '@cdktf/provider-generator', cdktn: '@cdktn/provider-generator' };

/**
 * Generate bindings for `schema` into `outDir` (replaced). The generator writes
 * providers/<type>/…; that tree becomes outDir. Its lazy-index.ts (a CommonJS loader for large
 * providers) is dropped: index.ts is the entry point.
 * @param {unknown} schema  `terraform providers schema -json`
 * @param {string} outDir
 * @param {'cdktf' | 'cdktn'} flavour
 */
export async function generateBindings(schema, outDir, flavour = 'cdktf') {
  const staging = mkdtempSync(join(tmpdir(), 'cdktf-gen-'));
  // Loading the generator runs `terraform version` in the background: keep it away from the
  // user's CLI configuration and the update check (for this process's later children too).
  process.env.TF_CLI_CONFIG_FILE = '/dev/null';
  process.env.CHECKPOINT_DISABLE = '1';
  try {
    const require = createRequire(join(packageDir, 'package.json'));
    let generator;
    try {
      generator = require(GENERATORS[flavour]);
    } catch {
      throw new Error(`${GENERATORS[flavour]} is not installed: run \`npm ci --prefix cdktf\``);
    }
    await generator.generateProviderBindingsFromSchema(join(staging, 'out'), schema);
    const providers = join(staging, 'out', 'providers');
    const [type] = readdirSync(providers);
    if (!type) throw new Error('the generator wrote no provider');
    rmSync(join(providers, type, 'lazy-index.ts'), { force: true });
    rmSync(outDir, { recursive: true, force: true });
    cpSync(join(providers, type), outDir, { recursive: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Every file under dir, relative, sorted. */
export function listFiles(/** @type {string} */ dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Files that differ between two trees. */
export function treeDiff(/** @type {string} */ expected, /** @type {string} */ actual) {
  const a = listFiles(expected);
  const b = new Set(listFiles(actual));
  /** @type {string[]} */
  const diff = [];
  for (const f of a) {
    if (!b.has(f)) diff.push(`${f} (missing)`);
    else if (readFileSync(join(expected, f), 'utf8') !== readFileSync(join(actual, f), 'utf8')) diff.push(`${f} (differs)`);
    b.delete(f);
  }
  for (const f of b) diff.push(`${f} (not generated from the schema)`);
  return diff;
}

/** The committed bindings against what the current schema generates. */
export async function staleBindings(schema = terraformSchema()) {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-check-'));
  try {
    await generateBindings(schema, join(dir, 'src'));
    return treeDiff(join(dir, 'src'), srcDir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function buildBindings() {
  execFileSync(join(packageDir, 'node_modules', '.bin', 'tsc'), ['-p', join(packageDir, 'tsconfig.json')], { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (/** @type {string} */ name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const started = performance.now();
  if (args.includes('--check')) {
    const stale = await staleBindings();
    if (stale.length) {
      process.stderr.write(`cdktf/src is stale (run \`make cdktf\` and commit the result):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
      process.exit(1);
    }
  } else if (args.includes('--build')) {
    rmSync(join(packageDir, 'lib'), { recursive: true, force: true });
    buildBindings();
  } else if (opt('--flavour') === 'cdktn') {
    const out = opt('--out');
    if (!out) throw new Error('--flavour cdktn needs --out DIR');
    await generateBindings(terraformSchema(), out, 'cdktn');
    process.stdout.write(`cdktn bindings written to ${out}\n`);
  } else {
    await generateBindings(terraformSchema(), srcDir);
    const generatedMs = performance.now() - started;
    rmSync(join(packageDir, 'lib'), { recursive: true, force: true });
    buildBindings();
    const size = listFiles(srcDir).reduce((n, f) => n + statSync(join(srcDir, f)).size, 0);
    process.stdout.write(
      `cdktf: ${listFiles(srcDir).length} files (${(size / 1024).toFixed(0)} KiB) generated in ${generatedMs.toFixed(0)} ms, built in ${(performance.now() - started - generatedMs).toFixed(0)} ms\n`,
    );
  }
}
