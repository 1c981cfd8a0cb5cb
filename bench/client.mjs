// The Scalingo client's own overhead per request: the time of a client call minus the time of a
// raw undici request to the same endpoint (same origin, same bearer, body read as text), both
// sequential against the in-process simulator, client-side rate limiting disabled.
//
// Usage: npx tsc -p tsconfig.json && node bench/client.mjs [requests per series, default 3000]

import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { ScalingoClient } from '../dist/scalingo/client.js';
import { startSimulator } from '../dist/simulator/server.js';

const N = Number(process.argv[2] ?? 3000);
const WARMUP = 300;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return { mean, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

const us = (ms) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;

async function time(fn, n) {
  const samples = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples[i] = performance.now() - t0;
  }
  return samples;
}

const sim = await startSimulator({ port: 0, host: '127.0.0.1', speed: 1000, rateLimitPerMinute: 100_000_000, postgres: 'off' });
const app = sim.apps[0];
const client = new ScalingoClient({
  apiToken: sim.apiToken,
  version: 'bench',
  authUrl: sim.url,
  apiUrl: sim.url,
  dbApiUrl: sim.url,
  rateLimit: false,
});

// An addon to read, through the main API and the database API.
const plan = (await client.addonProviders.plans('postgresql')).find((p) => p.name === 'postgresql-starter-512');
const { addon } = await client.addons.provision(app.id, { providerId: 'postgresql', planId: plan.id });
for (;;) {
  const db = await client.databases.get(app.id, addon.id).catch(() => undefined);
  if (db?.status === 'running') break;
  await new Promise((r) => setTimeout(r, 20));
}

// Raw baseline: the same tokens the client would use, one keep-alive pool.
const pool = new Pool(sim.url, { connections: 16, pipelining: 1 });
const exchange = await pool.request({
  path: '/v1/tokens/exchange',
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`:${sim.apiToken}`).toString('base64')}`, accept: 'application/json' },
});
const bearer = JSON.parse(await exchange.body.text()).token;
const dbToken = (await client.addons.databaseToken(app.id, addon.id)).token;

async function raw(path, token) {
  const res = await pool.request({
    path,
    method: 'GET',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': 'bench' },
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`raw ${path}: ${res.statusCode}`);
  return text;
}

const series = [
  {
    name: 'GET /v1/apps/{app}/addons/{id}',
    raw: () => raw(`/v1/apps/${app.id}/addons/${addon.id}`, bearer),
    client: () => client.addons.get(app.id, addon.id),
  },
  {
    name: 'GET /api/databases/{id}',
    raw: () => raw(`/api/databases/${addon.id}`, dbToken),
    client: () => client.databases.get(app.id, addon.id),
  },
  {
    name: 'GET /v1/addon_providers/{id}/plans',
    raw: () => raw('/v1/addon_providers/postgresql/plans?show_all=false', bearer),
    client: () => client.addonProviders.plans('postgresql'),
  },
];

console.log(`Scalingo client overhead: ${N} sequential requests per series (after ${WARMUP} warm-up), node ${process.version}`);
console.log('');
for (const s of series) {
  await time(s.raw, WARMUP);
  await time(s.client, WARMUP);
  // Interleave raw and client blocks so that drift (GC, JIT, simulator state) hits both alike.
  const rawSamples = [];
  const clientSamples = [];
  const block = 250;
  for (let done = 0; done < N; done += block) {
    const n = Math.min(block, N - done);
    rawSamples.push(...(await time(s.raw, n)));
    clientSamples.push(...(await time(s.client, n)));
  }
  const r = stats(rawSamples);
  const c = stats(clientSamples);
  console.log(s.name);
  console.log(`  raw undici   mean ${us(r.mean)}  p50 ${us(r.p50)}  p90 ${us(r.p90)}  p99 ${us(r.p99)}`);
  console.log(`  client       mean ${us(c.mean)}  p50 ${us(c.p50)}  p90 ${us(c.p90)}  p99 ${us(c.p99)}`);
  console.log(`  overhead     mean ${us(c.mean - r.mean)}  p50 ${us(c.p50 - r.p50)}  (${(((c.mean - r.mean) / r.mean) * 100).toFixed(1)}% of a raw request)`);
  console.log('');
}

await pool.close();
await client.close();
await sim.close();
