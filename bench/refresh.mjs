// What a `terraform plan` refresh costs in Scalingo API requests: N addons across several
// apps, created with terraform, then one plan with no changes, counted by the simulator; once
// as created, once with `expose_database_url = true` on every addon, once with the day-2
// settings (maintenance window, periodic backups, deletion protection, backup before change),
// which may cost one database read per addon and no more.
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
const apps = Number(process.env.BENCH_APPS ?? 4);
let terraform = '';
try {
  terraform = execFileSync('sh', ['-c', 'command -v "${TF_BINARY:-terraform}"'], { encoding: 'utf8' }).trim();
} catch {
  console.log('refresh: skipped (terraform not found)');
  process.exit(0);
}

// The simulator runs in this process: terraform must run asynchronously so that it can answer.
const run = promisify(execFile);
const sim = await startSimulator({ port: 0, speed: 100, postgres: 'off', rateLimitPerMinute: 100_000 });
try {
  const admin = async (method, path, body) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${sim.adminToken}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return res.status === 204 ? undefined : res.json();
  };
  const ids = [];
  for (let i = 0; i < apps; i++) ids.push((await admin('POST', '/_sim/apps', { name: `bench-app-${i}` })).app.id);
  const dir = mkdtempSync(join(tmpdir(), 'bench-refresh-'));
  writeFileSync(join(dir, '.terraformrc'), `provider_installation {\n  dev_overrides { "${source}" = "${join(root, 'dist', 'bundle')}" }\n  direct {}\n}\n`);
  const config = (extra) => {
    let tf = `terraform {\n  required_providers {\n    scalingo = { source = "${source}" }\n  }\n}\n`;
    ids.forEach((app, i) => {
      tf += `resource "scalingo_addon" "pg${i}" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "postgresql-starter-512"\n${extra}}\n`;
      tf += `resource "scalingo_addon" "redis${i}" {\n  app = "${app}"\n  provider_id = "redis"\n  plan = "redis-starter-256"\n${extra}}\n`;
    });
    return tf;
  };
  const day2 = '  maintenance_window = { weekday = "tuesday", starting_hour_utc = 21 }\n  periodic_backups = { enabled = true, hour_utc = 3 }\n  deletion_protection = true\n  backup_before_change = true\n';
  const scenarios = [
    ['as created', ''],
    ['expose_database_url = true', '  expose_database_url = true\n'],
    ['day-2 settings set', day2],
  ];
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: join(dir, '.terraformrc'),
    CHECKPOINT_DISABLE: '1',
    SCALINGO_AUTH_URL: sim.url,
    SCALINGO_API_TOKEN: sim.apiToken,
    SCALINGO_REQUESTS_PER_MINUTE: '100000',
  };
  for (const [label, extra] of scenarios) {
    writeFileSync(join(dir, 'main.tf'), config(extra));
    await run(terraform, ['apply', '-auto-approve', '-no-color'], { cwd: dir, env });
    const addons = apps * 2;
    await admin('DELETE', '/_sim/requests');
    const t = process.hrtime.bigint();
    await run(terraform, ['plan', '-no-color'], { cwd: dir, env });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const counts = await admin('GET', '/_sim/requests');
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const dbReads = (counts['GET /api/databases/{addon_id}'] ?? 0) / addons;
    console.log(`terraform plan refresh of ${addons} addons in ${apps} apps, ${label}: ${total} API requests = ${(total / addons).toFixed(2)} per addon (${dbReads.toFixed(2)} database reads each), ${ms.toFixed(0)} ms`);
    for (const [route, n] of Object.entries(counts).sort()) console.log(`  ${String(n).padStart(3)}  ${route}`);
  }
} finally {
  await sim.close();
}
