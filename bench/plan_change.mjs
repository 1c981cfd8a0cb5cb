// How long `terraform apply` of a plan change takes to return once the database runs on the new
// plan: the simulator at speed 10 (a Starter change of an empty database then lasts 0.4 s), the
// client at its default 60 requests a minute. Prints, per run, the change's downtime, the time
// from the change done to apply returned (terraform exited), and that apply never returned
// before the change was done.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageInfo } from '../scripts/build-package-info.mjs';
import { startSimulator } from '../dist/simulator/server.js';

const root = new URL('..', import.meta.url).pathname;
const { namespace, type } = packageInfo();
const source = `${namespace}/${type}`;
const runs = Number(process.env.BENCH_RUNS ?? 3);
let terraform = '';
try {
  terraform = execFileSync('sh', ['-c', 'command -v "${TF_BINARY:-terraform}"'], { encoding: 'utf8' }).trim();
} catch {
  console.log('plan_change: skipped (terraform not found)');
  process.exit(0);
}

const run = promisify(execFile);
const sim = await startSimulator({ port: 0, speed: 10, postgres: 'off' });
try {
  const admin = async (method, path, body) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.adminToken}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return res.status === 204 ? undefined : res.json();
  };
  const plans = ['postgresql-starter-512', 'postgresql-starter-1024'];
  const latencies = [];
  for (let i = 0; i < runs; i++) {
    const app = (await admin('POST', '/_sim/apps', { name: `bench-plan-change-${i}` })).app.id;
    const dir = mkdtempSync(join(tmpdir(), 'bench-plan-change-'));
    writeFileSync(join(dir, '.terraformrc'), `provider_installation {\n  dev_overrides { "${source}" = "${join(root, 'dist', 'bundle')}" }\n  direct {}\n}\n`);
    const config = (plan) =>
      `terraform {\n  required_providers {\n    scalingo = { source = "${source}" }\n  }\n}\nresource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n}\n`;
    const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, '.terraformrc'), CHECKPOINT_DISABLE: '1', SCALINGO_AUTH_URL: sim.url, SCALINGO_API_TOKEN: sim.apiToken };
    writeFileSync(join(dir, 'main.tf'), config(plans[0]));
    await run(terraform, ['apply', '-auto-approve', '-no-color'], { cwd: dir, env });
    writeFileSync(join(dir, 'main.tf'), config(plans[1]));
    const started = Date.now();
    await run(terraform, ['apply', '-auto-approve', '-no-color'], { cwd: dir, env });
    const returned = Date.now();
    const state = await admin('GET', '/_sim/state');
    const addon = state.addons.find((a) => a.appId === app);
    const change = state.downtimes.find((d) => d.addon_id === addon.id && d.cause === 'plan_change');
    const done = Date.parse(change.end);
    const latency = returned - done;
    latencies.push(latency);
    console.log(
      `plan change ${plans[0]} -> ${plans[1]} (downtime ${change.duration_ms} ms): apply took ${returned - started} ms; change done -> apply returned ${latency} ms${latency < 0 ? ' (RETURNED BEFORE THE CHANGE WAS DONE)' : ''}`,
    );
  }
  latencies.sort((a, b) => a - b);
  console.log(`plan change done -> apply returned: median ${latencies[Math.floor(latencies.length / 2)]} ms, max ${latencies[latencies.length - 1]} ms over ${runs} runs (goal <= 1000 ms, never < 0)`);
} finally {
  await sim.close();
}
