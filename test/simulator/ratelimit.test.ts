import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call } from './helpers.js';

describe('the admin API needs its own bearer token', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start();
  });
  afterAll(() => t.close());

  test('every /_sim route is 401 without Authorization: Bearer <admin token>, or with another token', async () => {
    const routes: [string, string][] = [
      ['GET', '/_sim/state'],
      ['GET', '/_sim/requests'],
      ['DELETE', '/_sim/requests'],
      ['GET', '/_sim/faults'],
      ['PUT', '/_sim/faults'],
      ['PUT', '/_sim/speed'],
      ['PUT', '/_sim/rate_limit'],
      ['PUT', '/_sim/tokens'],
      ['POST', '/_sim/tokens/revoke'],
      ['POST', '/_sim/apps'],
      ['PUT', '/_sim/databases/ad-x'],
      ['PATCH', '/_sim/apps/x/addons/ad-x'],
      ['DELETE', '/_sim/apps/x/addons/ad-x'],
    ];
    const bearer = await t.token();
    for (const [method, path] of routes) {
      for (const token of [undefined, bearer, t.sim.apiToken, `${t.sim.adminToken}x`]) {
        const r = await call(t.url, method, path, { ...(token ? { token } : {}), ...(method === 'GET' ? {} : { body: {} }) });
        expect([method, path, r.status]).toEqual([method, path, 401]);
        expect(r.body.error).toMatch(/admin_token/);
      }
    }
    expect((await call(t.url, 'GET', '/_sim/state', { token: t.sim.adminToken })).status).toBe(200);
    // The 401s changed nothing: the speed is still the default one.
    expect((await t.admin('GET', '/state')).body.speed).toBe(1);
    expect(t.sim.adminToken).not.toBe(t.sim.apiToken);
  });

  test('the admin token is not in the rendered state', async () => {
    expect((await t.admin('GET', '/state')).text).not.toContain(t.sim.adminToken);
  });

  test('a 100 KB URL gets 431 with a text about the request line, not about the body', async () => {
    const r = await call(t.url, 'GET', `/v1/apps/${'a'.repeat(100_000)}`);
    expect(r.status).toBe(431);
    expect(r.body.error).toMatch(/request line and headers too large/);
    expect(r.text).not.toMatch(/body/);
  });
});

describe('rate limit: N requests per minute per API token', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start({ rateLimitPerMinute: 60 });
  });
  afterAll(() => t.close());

  test('the 61st request in a minute is 429 with Retry-After and a JSON body; /_sim is exempt', async () => {
    const token = await t.token(); // 1 (the exchange counts)
    for (let i = 0; i < 28; i++) expect((await call(t.url, 'GET', '/v1/apps', { token })).status).toBe(200); // 29
    const addon = await t.provision('redis-sandbox'); // 30: the plans lookup is anonymous, the POST counts
    const dbToken = await t.dbToken(addon.id); // 31
    for (let i = 0; i < 29; i++) expect((await call(t.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).status).toBe(200);
    // 60 requests counted so far, bearer and DB tokens together; the admin API does not count.
    expect((await t.admin('GET', '/requests')).status).toBe(200);
    const limited = await call(t.url, 'GET', '/v1/apps', { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ error: expect.any(String), code: 'rate_limited' });
    expect((await call(t.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).status).toBe(429);
  });

  test('the plain-text form: "Retry later"', async () => {
    await t.admin('PUT', '/rate_limit', { per_minute: 2, body: 'text' });
    const token = await t.token();
    expect((await call(t.url, 'GET', '/v1/apps', { token })).status).toBe(200);
    expect((await call(t.url, 'GET', '/v1/apps', { token })).status).toBe(200);
    const limited = await call(t.url, 'GET', '/v1/apps', { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/text\/plain/);
    expect(limited.text).toBe('Retry later');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('50 parallel requests under the limit all succeed and are counted per route', async () => {
    await t.admin('PUT', '/rate_limit', { per_minute: 60, body: 'json' });
    const token = await t.token();
    await t.admin('DELETE', '/requests');
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => call(t.url, 'GET', i % 2 ? '/v1/apps' : `/v1/apps/${t.app.id}`, { token })));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    const counts = (await t.admin('GET', '/requests')).body;
    expect(counts).toEqual({ 'GET /v1/apps': 25, 'GET /v1/apps/{app}': 25 });
    // The limit still holds under concurrency: 10 left in this minute.
    const burst = await Promise.all(Array.from({ length: 20 }, () => call(t.url, 'GET', '/v1/apps', { token })));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(10);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(10);
  });
});
