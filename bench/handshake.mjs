// Start-up of the provider as Terraform pays it 4-5 times per command: median time from exec
// to the handshake line over many launches, next to a bare `node` printing one line, with and
// without the V8 code cache; then `terraform validate` wall time on a small configuration.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageInfo } from '../scripts/build-package-info.mjs';
import { generateServerCertificate } from '../dist/plugin/certificate.js';
import { MAGIC_COOKIE } from '../scripts/plugin-client.mjs';

const root = new URL('..', import.meta.url).pathname;
const { namespace, type } = packageInfo();
const source = `${namespace}/${type}`;
const executable = join(root, 'dist', 'bundle', 'terraform-provider-scalingo');
const launches = Number(process.env.BENCH_LAUNCHES ?? 25);
const clientCert = generateServerCertificate().certPem;

function firstLine(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
      child.kill('SIGKILL');
    });
    child.on('error', reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pluginEnv = { TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: clientCert };

async function series(label, cmd, args, env) {
  const times = [];
  for (let i = 0; i < launches; i++) times.push(await firstLine(cmd, args, env));
  return { label, median: median(times), min: Math.min(...times) };
}

// Interleave the series so that machine noise hits them alike.
const results = { node: [], cached: [], uncached: [] };
for (let i = 0; i < launches; i++) {
  results.node.push(await firstLine(process.execPath, ['-e', 'process.stdout.write("ready\\n")'], {}));
  results.cached.push(await firstLine(executable, [], pluginEnv));
  results.uncached.push(await firstLine(executable, [], { ...pluginEnv, TF_PROVIDER_CODE_CACHE: 'off' }));
}
const base = median(results.node);
console.log(`handshake (median of ${launches} launches, exec -> first stdout line, AutoMTLS on)`);
for (const [label, xs] of [
  ['node -e (one line)', results.node],
  ['provider, code cache', results.cached],
  ['provider, no code cache', results.uncached],
]) {
  console.log(`  ${label.padEnd(26)} ${median(xs).toFixed(1).padStart(7)} ms   ${(median(xs) / base).toFixed(2)}x node`);
}

// terraform validate on a small configuration (two processes: schema, validate).
let terraform;
try {
  terraform = execFileSync('sh', ['-c', 'command -v "${TF_BINARY:-terraform}"'], { encoding: 'utf8' }).trim();
} catch {
  terraform = '';
}
if (!terraform) {
  console.log('terraform validate: skipped (terraform not found)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  writeFileSync(join(dir, '.terraformrc'), `provider_installation {\n  dev_overrides { "${source}" = "${join(root, 'dist', 'bundle')}" }\n  direct {}\n}\n`);
  writeFileSync(
    join(dir, 'main.tf'),
    `terraform {\n  required_providers {\n    scalingo = { source = "${source}" }\n  }\n}\nresource "scalingo_addon" "db" {\n  app = "app"\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n}\n`,
  );
  const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, '.terraformrc'), CHECKPOINT_DISABLE: '1' };
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    execFileSync(terraform, ['validate', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`terraform validate (median of 7): ${median(times).toFixed(0)} ms`);
}
