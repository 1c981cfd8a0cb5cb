import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call } from './helpers.js';

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
