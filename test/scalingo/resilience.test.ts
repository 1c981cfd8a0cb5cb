// Tokens, retries, timeouts, aborts, unknown outcomes, coalescing and rate limiting, against the
// simulator over real HTTP (faults injected through its admin API).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  NotFoundError,
  OutcomeUnknownError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  UnauthorizedError,
  isOutcomeUnknown,
  isRateLimited,
} from '../../src/scalingo/index.js';
import type { Addon, ScalingoClient } from '../../src/scalingo/index.js';
import {
  admin,
  clearFaults,
  createApp,
  makeClient,
  provisionPostgres,
  requestCounts,
  resetCounts,
  setFaults,
  startSim,
  waitFor,
} from './helpers.js';
import type { LogLine, Simulator } from './helpers.js';

let sim: Simulator;
let client: ScalingoClient;
let app: { id: string; name: string };
let addon: Addon;
const clients: ScalingoClient[] = [];
const allLogs: LogLine[] = [];
const allErrors: unknown[] = [];
const secrets: string[] = [];

function newClient(overrides: Parameters<typeof makeClient>[1] = {}): { client: ScalingoClient; logs: LogLine[] } {
  const made = makeClient(sim, overrides);
  clients.push(made.client);
  // Share the log array for the final secret check.
  const logs = made.logs;
  const push = logs.push.bind(logs);
  logs.push = (...lines: LogLine[]) => {
    allLogs.push(...lines);
    return push(...lines);
  };
  return made;
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  allErrors.push(err);
  return err;
}

const ADDONS = 'GET /v1/apps/{app}/addons';
const ADDON = 'GET /v1/apps/{app}/addons/{addon_id}';
const EXCHANGE = 'POST /v1/tokens/exchange';
const DB_TOKEN = 'POST /v1/apps/{app}/addons/{addon_id}/token';
const DB_SHOW = 'GET /api/databases/{addon_id}';

beforeAll(async () => {
  sim = await startSim();
  secrets.push(sim.apiToken);
  ({ client } = newClient());
  app = await createApp(sim, 'res');
  addon = await provisionPostgres(client, app.id);
}, 30_000);

afterEach(async () => {
  await clearFaults(sim);
  await admin(sim, 'PUT', '/_sim/rate_limit', { per_minute: 100_000, body: 'json' });
  await admin(sim, 'PUT', '/_sim/tokens', { ttl_seconds: 3600 });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim?.close();
});

describe('bearer and DB-API tokens', () => {
  it('caches the bearer until the refresh margin, then exchanges again', async () => {
    // The simulator floors iat to the second: a 3 s token lives 2-3 s, so with a 1 s margin it
    // is fresh for at least 1 s after the exchange, and stale at most 2 s after it.
    await admin(sim, 'PUT', '/_sim/tokens', { ttl_seconds: 3 });
    const { client: c } = newClient({ tokenRefreshMarginMs: 1_000 });
    await resetCounts(sim);
    await c.addons.list(app.id);
    await c.addons.list(app.id);
    expect((await requestCounts(sim))[EXCHANGE]).toBe(1);
    await new Promise((r) => setTimeout(r, 2_100));
    await c.addons.list(app.id);
    expect((await requestCounts(sim))[EXCHANGE]).toBe(2);
  });

  it('shares one exchange among concurrent callers', async () => {
    const { client: c } = newClient({ coalesceGets: false });
    await resetCounts(sim);
    await Promise.all(Array.from({ length: 10 }, () => c.addons.list(app.id)));
    const counts = await requestCounts(sim);
    expect(counts[EXCHANGE]).toBe(1);
    expect(counts[ADDONS]).toBe(10);
  });

  it('re-exchanges once after a 401 (revoked tokens) and replays the request', async () => {
    const { client: c } = newClient();
    await c.addons.list(app.id);
    await c.databases.get(app.id, addon.id);
    await admin(sim, 'POST', '/_sim/tokens/revoke');
    await resetCounts(sim);
    await c.addons.list(app.id);
    let counts = await requestCounts(sim);
    expect(counts[EXCHANGE]).toBe(1);
    expect(counts[ADDONS]).toBe(2);
    // The DB token was revoked too: DB 401 → new DB token → replay.
    await resetCounts(sim);
    expect((await c.databases.get(app.id, addon.id)).status).toBe('running');
    counts = await requestCounts(sim);
    expect(counts[DB_SHOW]).toBe(2);
    expect(counts[DB_TOKEN]).toBe(1);
  });

  it('refreshes the DB-API token and the bearer in chain when both were revoked', async () => {
    const { client: c } = newClient();
    await c.databases.get(app.id, addon.id);
    await admin(sim, 'POST', '/_sim/tokens/revoke');
    await resetCounts(sim);
    await c.databases.get(app.id, addon.id);
    const counts = await requestCounts(sim);
    // DB 401 → token request 401 (old bearer) → exchange → token → DB replay.
    expect(counts).toEqual(expect.objectContaining({ [DB_SHOW]: 2, [DB_TOKEN]: 2, [EXCHANGE]: 1 }));
  });

  it('gives up with UnauthorizedError when the replay is refused too', async () => {
    const { client: c } = newClient();
    await c.addons.list(app.id);
    await setFaults(sim, [{ route: ADDONS, status: 401, body: { error: 'You are not authorized to do this operation' }, count: 5 }]);
    await resetCounts(sim);
    const err = await failure(c.addons.list(app.id));
    expect(err).toBeInstanceOf(UnauthorizedError);
    expect(err).toEqual(expect.objectContaining({ scalingoMessage: 'You are not authorized to do this operation' }));
    const counts = await requestCounts(sim);
    expect(counts[ADDONS]).toBe(2);
    expect(counts[EXCHANGE]).toBe(1);
  });
});

describe('retries', () => {
  it('honours Retry-After on a JSON 429', async () => {
    const { client: c, logs } = newClient();
    await c.addons.list(app.id);
    await setFaults(sim, [{ route: ADDONS, status: 429, retry_after: 1, count: 1 }]);
    await resetCounts(sim);
    const started = Date.now();
    await c.addons.list(app.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await requestCounts(sim))[ADDONS]).toBe(2);
    const retry = logs.find((l) => l.level === 'warn' && l.message === 'scalingo retry');
    expect(retry?.fields).toEqual(expect.objectContaining({ reason: 'HTTP 429', retry_after_ms: 1000, delay_ms: 1000, attempt: 1 }));
  });

  it('retries a plain-text 429 ("Retry later") with backoff', async () => {
    const { client: c } = newClient();
    await c.addons.list(app.id);
    await setFaults(sim, [{ route: ADDONS, status: 429, body: 'Retry later', count: 2 }]);
    await resetCounts(sim);
    await c.addons.list(app.id);
    expect((await requestCounts(sim))[ADDONS]).toBe(3);
  });

  it('reports the server rate limit (text body) as RateLimitError when retries are spent', async () => {
    const { client: c } = newClient({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 0 } });
    await c.addons.list(app.id);
    await admin(sim, 'PUT', '/_sim/rate_limit', { per_minute: 2, body: 'text' });
    await c.addons.list(app.id);
    await c.addons.list(app.id);
    const err = await failure(c.addons.list(app.id));
    expect(isRateLimited(err)).toBe(true);
    expect(err).toEqual(expect.objectContaining({ status: 429, scalingoMessage: 'Retry later' }));
    expect((err as RateLimitError).retryAfterMs).toBeGreaterThan(0);
  });

  it('retries a 429 on a POST (the request was refused before processing)', async () => {
    const { client: c } = newClient();
    const other = await createApp(sim, 'post429');
    const plan = (await c.addonProviders.plans('redis')).find((p) => !p.disabled);
    await setFaults(sim, [{ route: 'POST /v1/apps/{app}/addons', status: 429, body: 'Retry later', count: 1 }]);
    await resetCounts(sim);
    const { addon: created } = await c.addons.provision(other.id, { providerId: 'redis', planId: plan?.id ?? '' });
    expect(created.id).toEqual(expect.any(String));
    expect((await requestCounts(sim))['POST /v1/apps/{app}/addons']).toBe(2);
  });

  it('retries 502/503/504 and connection resets on GET', async () => {
    const { client: c } = newClient();
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [
      { route: ADDON, status: 503, count: 1 },
      { route: ADDON, status: 502, body: '<html>Bad gateway</html>', count: 1 },
      { route: ADDON, reset: true, count: 1 },
      { route: ADDON, status: 504, count: 1 },
    ]);
    await resetCounts(sim);
    const { client: patient } = newClient({ retry: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 5 } });
    expect((await patient.addons.get(app.id, addon.id)).id).toBe(addon.id);
    expect((await requestCounts(sim))[ADDON]).toBe(5);
  });

  it('honours Retry-After on a 503 too', async () => {
    const { client: c } = newClient();
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, status: 503, retry_after: 1, count: 1 }]);
    const started = Date.now();
    await c.addons.get(app.id, addon.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('fails at once, without retrying, once the client is closed', async () => {
    const { client: c } = newClient();
    await c.addons.get(app.id, addon.id);
    await c.close();
    const err = await failure(c.addons.get(app.id, addon.id));
    expect(err).toEqual(expect.objectContaining({ name: 'NetworkError', code: 'ERR_CLIENT_CLOSED', attempts: 1 }));
  });

  it('retries a GET on 503 and on 500, giving up with ServerError after maxAttempts', async () => {
    const { client: c } = newClient({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, status: 503, count: 10 }]);
    await resetCounts(sim);
    const err = await failure(c.addons.get(app.id, addon.id));
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toEqual(expect.objectContaining({ status: 503, attempts: 3 }));
    expect((await requestCounts(sim))[ADDON]).toBe(3);

    await setFaults(sim, [{ route: ADDON, status: 500, count: 10 }]);
    await resetCounts(sim);
    const err500 = await failure(c.addons.get(app.id, addon.id));
    expect(err500).toEqual(expect.objectContaining({ name: 'ServerError', status: 500, attempts: 3, scalingoMessage: "Internal error occured, we're on it!" }));
    expect((await requestCounts(sim))[ADDON]).toBe(3);

    await setFaults(sim, [{ route: ADDON, status: 500, count: 1 }]);
    await expect(c.addons.get(app.id, addon.id)).resolves.toEqual(expect.objectContaining({ id: addon.id }));
  });

  it('never replays a PATCH (plan change) whose answer was lost: OutcomeUnknownError, for the caller to read back', async () => {
    const { client: c } = newClient();
    const other = await createApp(sim, 'patch');
    const plans = (await c.addonProviders.plans('redis')).filter((p) => !p.disabled);
    const created = await provisionRedis(c, other.id, plans[0]?.id ?? '');
    await setFaults(sim, [{ route: 'PATCH /v1/apps/{app}/addons/{addon_id}', reset: true, when: 'after', count: 1 }]);
    await resetCounts(sim);
    const err = await failure(c.addons.changePlan(other.id, created.id, plans[1]?.id ?? ''));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toEqual(expect.objectContaining({ why: 'reset', attempts: 1 }));
    expect((await requestCounts(sim))['PATCH /v1/apps/{app}/addons/{addon_id}']).toBe(1);
    // It had been processed: reading back shows the new plan.
    expect((await c.addons.get(other.id, created.id)).plan.id).toBe(plans[1]?.id);
  }, 20_000);

  it('reports a 500 on a write as an unknown outcome, and a 4xx with Scalingo\'s body as a refusal', async () => {
    const { client: c } = newClient();
    const other = await createApp(sim, 'refusal');
    await setFaults(sim, [{ route: 'POST /v1/apps/{app}/addons', status: 500, count: 1 }]);
    const unknown = await failure(c.addons.provision(other.id, { providerId: 'redis', planId: 'nope' }));
    expect(unknown).toEqual(expect.objectContaining({ name: 'OutcomeUnknownError', why: 'status', status: 500 }));
    const refused = await failure(c.addons.provision(other.id, { providerId: 'redis', planId: 'nope' }));
    expect(refused).toEqual(expect.objectContaining({ name: 'NotFoundError', status: 404, resource: 'plan' }));
  });
});

async function provisionRedis(c: ScalingoClient, appId: string, planId: string): Promise<Addon> {
  const { addon: created } = await c.addons.provision(appId, { providerId: 'redis', planId });
  for (let i = 0; i < 400; i++) {
    const db = await c.databases.get(appId, created.id).catch(() => undefined);
    if (db?.status === 'running') return created;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('redis addon not running');
}

describe('timeouts and aborts', () => {
  it('times out a hung GET, retries it, and succeeds', async () => {
    const { client: c } = newClient({ timeoutMs: 300 });
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, hang: true, count: 1 }]);
    await resetCounts(sim);
    const started = Date.now();
    await c.addons.get(app.id, addon.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await requestCounts(sim))[ADDON]).toBe(2);
  });

  it('rejects with RequestTimeoutError when every attempt times out', async () => {
    const { client: c } = newClient({ timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, hang: true }]);
    const err = await failure(c.addons.get(app.id, addon.id));
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect(err).toEqual(expect.objectContaining({ timeoutMs: 200, attempts: 2, method: 'GET' }));
  });

  it('honours a per-call timeout', async () => {
    const { client: c } = newClient({ retry: { maxAttempts: 1 } });
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, latency_ms: 1_000 }]);
    const started = Date.now();
    await expect(c.addons.get(app.id, addon.id, { timeoutMs: 100 })).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('aborts an in-flight request promptly, with the abort reason', async () => {
    const { client: c } = newClient();
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, latency_ms: 3_000 }]);
    const controller = new AbortController();
    const reason = new Error('terraform cancelled');
    const started = Date.now();
    const pending = failure(c.addons.get(app.id, addon.id, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    const err = await pending;
    expect(Date.now() - started).toBeLessThan(500);
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect((err as RequestAbortedError).reason).toBe(reason);
    expect((err as RequestAbortedError).outcomeUnknown).toBe(false);
  });

  it('aborts while waiting for a retry, and before sending when already aborted', async () => {
    const { client: c } = newClient({ retry: { maxAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 5_000 } });
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, status: 429, retry_after: 30, count: 1 }]);
    const controller = new AbortController();
    const started = Date.now();
    const pending = failure(c.addons.get(app.id, addon.id, { signal: controller.signal }));
    setTimeout(() => controller.abort('stop'), 100);
    const err = await pending;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(err).toEqual(expect.objectContaining({ name: 'RequestAbortedError', reason: 'stop' }));

    await clearFaults(sim);
    await resetCounts(sim);
    const aborted = AbortSignal.abort('already');
    await expect(c.addons.get(app.id, addon.id, { signal: aborted })).rejects.toBeInstanceOf(RequestAbortedError);
    expect((await requestCounts(sim))[ADDON]).toBeUndefined();
  });

  it('flags an aborted POST that may have been sent as of unknown outcome', async () => {
    const { client: c } = newClient();
    await setFaults(sim, [{ route: 'POST /api/databases/{addon_id}/users', latency_ms: 2_000 }]);
    const controller = new AbortController();
    const pending = failure(c.databaseUsers.create(app.id, addon.id, { name: 'aborted_user' }, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 200);
    const err = await pending;
    expect(err).toEqual(expect.objectContaining({ name: 'RequestAbortedError', outcomeUnknown: true }));
  });
});

describe('POST with an unknown outcome', () => {
  it('never repeats a provision whose connection was reset after processing', async () => {
    const { client: c } = newClient();
    const other = await createApp(sim, 'unknown');
    const plan = (await c.addonProviders.plans('postgresql')).find((p) => p.name === 'postgresql-starter-512');
    await setFaults(sim, [{ route: 'POST /v1/apps/{app}/addons', reset: true, when: 'after', count: 1 }]);
    await resetCounts(sim);
    const err = await failure(c.addons.provision(other.id, { providerId: 'postgresql', planId: plan?.id ?? '' }));
    expect(isOutcomeUnknown(err)).toBe(true);
    expect(err).toEqual(expect.objectContaining({ why: 'reset', method: 'POST', path: `/v1/apps/${other.id}/addons` }));
    expect((err as OutcomeUnknownError).operation).toContain('provision a postgresql addon');
    expect((await requestCounts(sim))['POST /v1/apps/{app}/addons']).toBe(1);
    // Reconciliation: the addon was created.
    const addons = await c.addons.list(other.id);
    expect(addons.map((a) => a.addon_provider.id)).toEqual(['postgresql']);
  });

  it('never repeats a user creation answered 503 after processing', async () => {
    const { client: c } = newClient();
    await setFaults(sim, [{ route: 'POST /api/databases/{addon_id}/users', status: 503, when: 'after', count: 1 }]);
    await resetCounts(sim);
    const err = await failure(c.databaseUsers.create(app.id, addon.id, { name: 'unknown_503', password: 'some-long-password-9' }));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toEqual(expect.objectContaining({ why: 'status', status: 503 }));
    expect((await requestCounts(sim))['POST /api/databases/{addon_id}/users']).toBe(1);
    const users = await c.databaseUsers.list(app.id, addon.id);
    expect(users.map((u) => u.name)).toContain('unknown_503');
    secrets.push('some-long-password-9');
  });

  it('never repeats an upgrade that timed out after being sent', async () => {
    const { client: c } = newClient({ timeoutMs: 300 });
    await admin(sim, 'PUT', `/_sim/databases/${addon.id}`, { version: '15.17.0-1' });
    await setFaults(sim, [{ route: 'POST /api/databases/{addon_id}/upgrade', hang: true, when: 'after', count: 1 }]);
    await resetCounts(sim);
    const err = await failure(c.databases.upgrade(app.id, addon.id));
    expect(err).toEqual(expect.objectContaining({ name: 'OutcomeUnknownError', why: 'timeout' }));
    expect((err as Error).cause).toBeInstanceOf(RequestTimeoutError);
    expect((await requestCounts(sim))['POST /api/databases/{addon_id}/upgrade']).toBe(1);
    // Reconciliation: the upgrade did start (and, at this speed, already finished).
    const db = await waitFor(() => c.databases.get(app.id, addon.id), (d) => d.readable_version === '15.19.0-1');
    expect(db.status).toBe('running');
  });
});

describe('coalescing and rate limiting', () => {
  it('coalesces identical concurrent GETs into one request', async () => {
    const { client: c } = newClient();
    await c.addons.get(app.id, addon.id);
    await setFaults(sim, [{ route: ADDON, latency_ms: 100 }]);
    await resetCounts(sim);
    const results = await Promise.all(Array.from({ length: 20 }, () => c.addons.get(app.id, addon.id)));
    expect((await requestCounts(sim))[ADDON]).toBe(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([addon.id]));
    expect(results[1]).not.toBe(results[0]);
    // One waiter aborting does not cancel the shared request for the others.
    await resetCounts(sim);
    const controller = new AbortController();
    const first = failure(c.addons.get(app.id, addon.id, { signal: controller.signal }));
    const second = c.addons.get(app.id, addon.id);
    setTimeout(() => controller.abort(), 20);
    expect(await first).toBeInstanceOf(RequestAbortedError);
    expect((await second).id).toBe(addon.id);
    expect((await requestCounts(sim))[ADDON]).toBe(1);
  });

  it('caches cacheable reads only when asked, per call or per method', async () => {
    const { client: c } = newClient({ cache: { plans: true } });
    await resetCounts(sim);
    await c.addonProviders.plans('postgresql');
    await c.addonProviders.plans('postgresql');
    await c.addonProviders.plans('postgresql', { cache: false });
    await c.addonProviders.list();
    await c.addonProviders.list();
    await c.addonProviders.list({ cache: 60_000 });
    await c.addonProviders.list({ cache: true });
    const counts = await requestCounts(sim);
    expect(counts['GET /v1/addon_providers/{provider_id}/plans']).toBe(2);
    expect(counts['GET /v1/addon_providers']).toBe(3);
    c.clearCache();
    await c.addonProviders.plans('postgresql');
    expect((await requestCounts(sim))['GET /v1/addon_providers/{provider_id}/plans']).toBe(3);
  });

  it('holds 50 parallel requests under the server limit with the token bucket', async () => {
    await admin(sim, 'PUT', '/_sim/rate_limit', { per_minute: 600, body: 'json' });
    const { client: c, logs } = newClient({ coalesceGets: false, rateLimit: { requestsPerMinute: 600, burst: 10 } });
    await resetCounts(sim);
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => c.addons.get(app.id, addon.id)));
    const elapsed = Date.now() - started;
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(logs.filter((l) => l.message === 'scalingo retry')).toEqual([]);
    expect((await requestCounts(sim))[ADDON]).toBe(50);
    // 51 requests (exchange included), 10 at once, then (600-10)/min: about 4.1 s.
    expect(elapsed).toBeGreaterThan(3_500);
  }, 20_000);

  it('without the bucket, the same burst trips the server limit', async () => {
    await admin(sim, 'PUT', '/_sim/rate_limit', { per_minute: 20, body: 'json' });
    const { client: c } = newClient({ coalesceGets: false, rateLimit: false, retry: { maxAttempts: 1 } });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => c.addons.get(app.id, addon.id)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) {
      allErrors.push(r.reason);
      expect(r.reason).toBeInstanceOf(RateLimitError);
    }
  });
});

describe('secrets', () => {
  it('never puts a token, password or variable value in a log line or an error', async () => {
    const { client: c } = newClient();
    const db = await c.addons.databaseToken(app.id, addon.id);
    secrets.push(db.token);
    const vars = await c.apps.variables(app.id);
    for (const v of vars) if (v.value.length > 8) secrets.push(v.value);
    const user = await c.databaseUsers.create(app.id, addon.id, { name: 'secret_user' });
    if (user.password) secrets.push(user.password);
    allErrors.push(await failure(c.databaseUsers.updatePassword(app.id, addon.id, 'secret_user', 'bad"quote-password')));
    secrets.push('bad"quote-password');
    // A refusal whose text carries Scalingo's message: it must not carry a secret either.
    const missing = await failure(c.addons.get(app.id, 'ad-missing'));
    expect(missing).toBeInstanceOf(NotFoundError);
    allErrors.push(missing);

    const texts: string[] = allLogs.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields ?? {})}`);
    for (const err of allErrors) {
      let e: unknown = err;
      while (e instanceof Error) {
        texts.push(`${e.name} ${e.message} ${e.stack ?? ''} ${JSON.stringify(e)}`);
        e = e.cause;
      }
    }
    expect(allLogs.length).toBeGreaterThan(100);
    expect(allErrors.length).toBeGreaterThan(10);
    const jwt = /eyJ[A-Za-z0-9_-]{8,}\.eyJ/;
    for (const text of texts) {
      expect(text).not.toMatch(jwt);
      expect(text.toLowerCase()).not.toContain('authorization');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // Request logs carry the documented fields.
    const line = allLogs.find((l) => l.message === 'scalingo request');
    expect(line?.level).toBe('debug');
    expect(Object.keys(line?.fields ?? {}).sort()).toEqual(['api', 'attempt', 'duration_ms', 'method', 'request_id', 'route', 'status']);
  });
});
