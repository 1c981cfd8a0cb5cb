import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call } from './helpers.js';

/** What fetch throws when the server closes the connection without answering. */
const DROPPED = { message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } };

describe('injected faults', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start({ speed: 100 });
  });
  afterEach(async () => {
    await t.admin('PUT', '/faults', { faults: [] });
  });
  afterAll(() => t.close());

  const APPS = 'GET /v1/apps';

  test('status with a default Scalingo body, retry_after, and count expiry', async () => {
    const put = await t.admin('PUT', '/faults', { faults: [{ route: APPS, status: 503, retry_after: 7, count: 2 }] });
    expect(put.status).toBe(200);
    expect((await t.admin('GET', '/faults')).body.faults).toEqual([expect.objectContaining({ route: APPS, status: 503, remaining: 2 })]);
    const token = await t.token();
    for (let i = 0; i < 2; i++) {
      const r = await call(t.url, 'GET', '/v1/apps', { token });
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('7');
      expect(r.body).toEqual({ error: expect.any(String) });
    }
    expect((await call(t.url, 'GET', '/v1/apps', { token })).status).toBe(200);
    expect((await t.admin('GET', '/faults')).body.faults).toEqual([]);
  });

  test('custom bodies: a string is sent as text, an object as JSON; "*" matches every route; rate 0 never fires', async () => {
    await t.admin('PUT', '/faults', { faults: [{ route: APPS, status: 429, body: 'Retry later', rate: 0 }, { route: '*', status: 502, body: { error: 'bad gateway' } }] });
    const r = await call(t.url, 'GET', '/v1/regions');
    expect(r.status).toBe(502);
    expect(r.body).toEqual({ error: 'bad gateway' });
    await t.admin('PUT', '/faults', { faults: [{ route: APPS, status: 429, body: 'Retry later' }] });
    const text = await call(t.url, 'GET', '/v1/apps', { token: await t.token() });
    expect(text.status).toBe(429);
    expect(text.text).toBe('Retry later');
  });

  test('unknown routes and bad fault specs are refused with 400', async () => {
    expect((await t.admin('PUT', '/faults', { faults: [{ route: 'GET /v1/nope' }] })).status).toBe(400);
    expect((await t.admin('PUT', '/faults', { faults: [{ route: APPS, rate: 2 }] })).status).toBe(400);
    expect((await t.admin('PUT', '/faults', { faults: [{ route: APPS, colour: 'red' }] })).status).toBe(400);
  });

  test('reset destroys the connection without an answer', async () => {
    await t.admin('PUT', '/faults', { faults: [{ route: APPS, reset: true, count: 1 }] });
    await expect(call(t.url, 'GET', '/v1/apps', { token: await t.token() })).rejects.toMatchObject(DROPPED);
    expect((await call(t.url, 'GET', '/v1/apps', { token: await t.token() })).status).toBe(200);
  });

  test('hang never answers: the client times out', async () => {
    await t.admin('PUT', '/faults', { faults: [{ route: APPS, hang: true, count: 1 }] });
    const started = Date.now();
    await expect(call(t.url, 'GET', '/v1/apps', { token: await t.token(), signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('latency delays the answer, which is otherwise normal', async () => {
    await t.admin('PUT', '/faults', { faults: [{ route: APPS, latency_ms: 250 }] });
    const token = await t.token();
    const started = Date.now();
    const r = await call(t.url, 'GET', '/v1/apps', { token });
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  test('when "after": the POST is processed (addon created) but the answer is replaced', async () => {
    const app = await t.newApp('after-fault');
    await t.admin('PUT', '/faults', { faults: [{ route: 'POST /v1/apps/{app}/addons', status: 504, when: 'after', count: 1 }] });
    await t.admin('DELETE', '/requests');
    const r = await t.api('POST', `/v1/apps/${app.id}/addons`, { addon: { addon_provider_id: 'redis', plan_id: await t.planId('redis-sandbox') } });
    expect(r.status).toBe(504);
    const list = await t.api('GET', `/v1/apps/${app.id}/addons`);
    expect(list.body.addons).toHaveLength(1);
    expect((await t.admin('GET', '/requests')).body['POST /v1/apps/{app}/addons']).toBe(1);
  });

  test('when "after" with reset: effects happen, the connection is dropped', async () => {
    const app = await t.newApp('after-reset');
    await t.admin('PUT', '/faults', { faults: [{ route: 'POST /v1/apps/{app}/addons', reset: true, when: 'after', count: 1 }] });
    const token = await t.token();
    await expect(call(t.url, 'POST', `/v1/apps/${app.id}/addons`, { token, body: { addon: { addon_provider_id: 'redis', plan_id: await t.planId('redis-sandbox') } } })).rejects.toMatchObject(DROPPED);
    expect((await t.api('GET', `/v1/apps/${app.id}/addons`)).body.addons).toHaveLength(1);
  });

  test('faults do not touch the admin API', async () => {
    await t.admin('PUT', '/faults', { faults: [{ route: '*', status: 500 }] });
    expect((await t.admin('GET', '/state')).status).toBe(200);
  });
});
