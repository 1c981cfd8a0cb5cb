// Simulator throughput: 20 keep-alive connections for 5 s on GET addon and GET database.
// Run after `npx tsc -p tsconfig.json`: node bench/simulator.mjs [--connections N] [--seconds S]
import http from 'node:http';
import { startSimulator } from '../dist/simulator/server.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 20);
const SECONDS = arg('seconds', 5);

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function request(url, method, path, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url + path, { method, agent, headers: { Accept: 'application/json', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body !== undefined) {
      req.setHeader('Content-Type', 'application/json');
      req.end(JSON.stringify(body));
    } else req.end();
  });
}

const sim = await startSimulator({ postgres: 'off', rateLimitPerMinute: 100_000_000, speed: 1000 });
const basic = `Basic ${Buffer.from(`:${sim.apiToken}`).toString('base64')}`;
const { token } = JSON.parse((await request(sim.url, 'POST', '/v1/tokens/exchange', { Authorization: basic })).body);
const bearer = { Authorization: `Bearer ${token}` };
const plans = JSON.parse((await request(sim.url, 'GET', '/v1/addon_providers/postgresql/plans')).body).plans;
const plan = plans.find((p) => p.name === 'postgresql-starter-512');
const app = sim.apps[0];
const { addon } = JSON.parse((await request(sim.url, 'POST', `/v1/apps/${app.id}/addons`, bearer, { addon: { addon_provider_id: 'postgresql', plan_id: plan.id } })).body);
const dbToken = JSON.parse((await request(sim.url, 'POST', `/v1/apps/${app.id}/addons/${addon.id}/token`, bearer)).body).addon.token;
const targets = [
  { path: `/v1/apps/${app.id}/addons/${addon.id}`, headers: bearer },
  { path: `/api/databases/${addon.id}`, headers: { Authorization: `Bearer ${dbToken}` } },
];

const latencies = [];
let errors = 0;
const deadline = performance.now() + SECONDS * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async (_, worker) => {
    for (let i = worker; performance.now() < deadline; i++) {
      const target = targets[i % targets.length];
      const t0 = performance.now();
      const res = await request(sim.url, 'GET', target.path, target.headers);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) errors++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
console.log(`simulator: ${CONNECTIONS} keep-alive connections, ${SECONDS} s, GET addon + GET database`);
console.log(`requests: ${latencies.length}  errors: ${errors}`);
console.log(`throughput: ${(latencies.length / elapsed).toFixed(0)} req/s`);
console.log(`latency: p50 ${pct(50)} ms  p99 ${pct(99)} ms`);
agent.destroy();
await sim.close();
