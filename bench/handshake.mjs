// Start-up of the provider as Terraform pays it (Terraform starts it 3 times for a one-addon
// `terraform plan`, once for `validate`), in units of a bare `node -e 0`, interleaved in one
// run so that machine noise hits every series alike (median of N rounds):
//   - exec -> handshake line                                  ÷ wall of `node -e 0`
//   - exec -> first RPC answered (GetProviderSchema over mTLS) ÷ wall of `node -e 0`
//   - the provider's share of `terraform validate`: (wall with our provider - wall of the same
//     command on a configuration with no provider) ÷ wall of `node -e 0`
// and where a launch spends its time (TF_PROVIDER_STARTUP_TRACE=1: the process reports its
// phases on stderr).
//
// Usage: node bench/handshake.mjs [executable]   (or BENCH_PROVIDER=...; BENCH_ROUNDS=N)
// The default executable is the released linux_amd64 single executable (dist/sea/, as
// `make release` leaves it, or unpacked from its zip in dist/release/) when it exists, else
// the development launcher dist/bundle/terraform-provider-scalingo.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateServerCertificate } from '../dist/plugin/certificate.js';
import { packageInfo } from '../scripts/build-package-info.mjs';
import { dial, parseHandshake, startPlugin } from '../scripts/plugin-client.mjs';

const root = new URL('..', import.meta.url).pathname;
const { namespace, type, version } = packageInfo();
const source = `${namespace}/${type}`;
const rounds = Number(process.env.BENCH_ROUNDS ?? process.env.BENCH_LAUNCHES ?? 15);
const { executable, kind } = pickExecutable(process.argv[2] ?? process.env.BENCH_PROVIDER);
const clientCert = generateServerCertificate();

function pickExecutable(explicit) {
  if (explicit) return { executable: resolve(explicit), kind: 'given' };
  const name = `terraform-provider-${type}_v${version}`;
  const sea = join(root, 'dist', 'sea', 'linux_amd64', name);
  if (process.platform === 'linux' && process.arch === 'x64') {
    if (existsSync(sea)) return { executable: sea, kind: 'release linux_amd64' };
    const zip = join(root, 'dist', 'release', `terraform-provider-${type}_${version}_linux_amd64.zip`);
    if (existsSync(zip)) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-release-'));
      execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2])', zip, dir]);
      execFileSync('chmod', ['+x', join(dir, name)]);
      return { executable: join(dir, name), kind: 'release linux_amd64 (from zip)' };
    }
  }
  return { executable: join(root, 'dist', 'bundle', `terraform-provider-${type}`), kind: 'development launcher' };
}

const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wall(cmd, args, opts = {}) {
  return new Promise((res, rej) => {
    const t = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: 'ignore', ...opts });
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(ms(t)) : rej(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/** exec -> handshake line, and exec -> GetProviderSchema answered; then Shutdown. */
async function launch() {
  const t = process.hrtime.bigint();
  const plugin = startPlugin(executable, { clientCert, env: { TF_PROVIDER_STARTUP_TRACE: '1' } });
  const { line } = await plugin.handshake;
  const handshake = ms(t);
  const conn = dial(parseHandshake(line), clientCert);
  try {
    await conn.call('/tfplugin6.Provider/GetProviderSchema');
    const rpc = ms(t);
    await conn.call('/plugin.GRPCController/Shutdown');
    await plugin.exited;
    return { handshake, rpc, phases: phasesOf(plugin.stderr()) };
  } finally {
    conn.close();
  }
}

function phasesOf(stderr) {
  const line = stderr.split('\n').find((l) => l.includes('"startup_trace"'));
  return line ? JSON.parse(line).startup_trace : undefined;
}

function terraformBinary() {
  try {
    return execFileSync('sh', ['-c', 'command -v "${TF_BINARY:-terraform}"'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function validateWorkspaces() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  // dev_overrides wants a directory holding terraform-provider-<type>.
  const bin = join(dir, 'bin');
  execFileSync('mkdir', [bin]);
  symlinkSync(executable, join(bin, `terraform-provider-${type}`));
  writeFileSync(join(dir, '.terraformrc'), `provider_installation {\n  dev_overrides { "${source}" = "${bin}" }\n  direct {}\n}\n`);
  const withProvider = join(dir, 'with');
  const without = join(dir, 'without');
  execFileSync('mkdir', [withProvider, without]);
  writeFileSync(
    join(withProvider, 'main.tf'),
    `terraform {\n  required_providers {\n    scalingo = { source = "${source}" }\n  }\n}\nvariable "app" {\n  type = string\n  default = "app"\n}\nresource "scalingo_addon" "db" {\n  app = var.app\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n}\n`,
  );
  writeFileSync(join(without, 'main.tf'), `terraform {}\nvariable "app" {\n  type = string\n  default = "app"\n}\noutput "app" {\n  value = var.app\n}\n`);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, '.terraformrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  delete env.TF_LOG;
  return { withProvider, without, env };
}

const terraform = terraformBinary();
const tf = terraform ? validateWorkspaces() : undefined;
const series = { node: [], handshake: [], rpc: [], tfWith: [], tfWithout: [] };
const phases = [];
// One warm-up round (page cache, terraform's own first start), not counted.
for (let i = -1; i < rounds; i++) {
  const node = await wall(process.execPath, ['-e', '0']);
  const l = await launch();
  const tWith = tf ? await wall(terraform, ['validate', '-no-color'], { cwd: tf.withProvider, env: tf.env }) : NaN;
  const tWithout = tf ? await wall(terraform, ['validate', '-no-color'], { cwd: tf.without, env: tf.env }) : NaN;
  if (i < 0) continue;
  series.node.push(node);
  series.handshake.push(l.handshake);
  series.rpc.push(l.rpc);
  series.tfWith.push(tWith);
  series.tfWithout.push(tWithout);
  if (l.phases) phases.push(l.phases);
}

const base = median(series.node);
const row = (label, value, ratio, goal = '') => console.log(`  ${label.padEnd(52)} ${value.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2).padStart(5)}x node${goal}`);
console.log(`start-up of ${executable}`);
console.log(`(${kind}; median of ${rounds} interleaved rounds; node ${process.version})`);
row('node -e 0 (wall)', base, 1);
row('exec -> handshake line', median(series.handshake), median(series.handshake) / base, '   goal <= 1.3');
row('exec -> first RPC answered (GetProviderSchema, mTLS)', median(series.rpc), median(series.rpc) / base);
if (tf) {
  // The median of the per-round differences: each round's two commands ran back to back.
  const share = median(series.tfWith.map((w, i) => w - series.tfWithout[i]));
  row('terraform validate, our provider (wall)', median(series.tfWith), median(series.tfWith) / base);
  row('terraform validate, no provider (wall)', median(series.tfWithout), median(series.tfWithout) / base);
  row("provider's share of terraform validate", share, share / base, '   goal <= 1.6');
} else {
  console.log('  terraform validate: skipped (terraform not found)');
}
if (phases.length > 0) {
  // Per phase: the median of each launch's time since the previous phase (more robust than a
  // difference of medians).
  console.log('where a launch spends its time (as the process measured it; median ms since the previous phase):');
  const keys = Object.keys(phases[0]);
  keys.forEach((key, i) => {
    const values = phases.filter((p) => typeof p[key] === 'number' && (i === 0 || typeof p[keys[i - 1]] === 'number')).map((p) => p[key] - (i === 0 ? 0 : p[keys[i - 1]]));
    if (values.length) console.log(`  ${(i === 0 ? `${key} (since the process started)` : key).padEnd(52)} ${median(values).toFixed(1).padStart(7)} ms`);
  });
}
