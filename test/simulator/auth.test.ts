import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSim, call, sleep } from './helpers.js';

function claimsOf(jwt: string): Record<string, unknown> {
  const [header, payload, signature] = jwt.split('.');
  expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'none', typ: 'JWT' });
  expect(signature).toBe('');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
}

function forge(jwt: string, change: Record<string, unknown>): string {
  const [header, payload] = jwt.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...change };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
}

describe('auth API and token checks', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start();
  });
  afterAll(() => t.close());

  test('the API token looks like tk-us-… and two apps with 24-hex ids are seeded', () => {
    expect(t.sim.apiToken).toMatch(/^tk-us-[A-Za-z0-9]+$/);
    expect(t.sim.apps).toHaveLength(2);
    for (const app of t.sim.apps) expect(app.id).toMatch(/^[0-9a-f]{24}$/);
    expect(t.sim.postgres).toBe('memory');
  });

  test('exchange: Basic with an empty user and the API token as password gives an unsigned JWT valid 1 h', async () => {
    const r = await call(t.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: t.basic() } });
    expect(r.status).toBe(200);
    const claims = claimsOf(r.body.token);
    expect(typeof claims.iat).toBe('number');
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  test('exchange refuses a wrong API token or no credentials with 401 {"error"}', async () => {
    const wrong = await call(t.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: t.basic('tk-us-nope') } });
    expect(wrong.status).toBe(401);
    expect(typeof wrong.body.error).toBe('string');
    const none = await call(t.url, 'POST', '/v1/tokens/exchange');
    expect(none.status).toBe(401);
    expect(typeof none.body.error).toBe('string');
  });

  test('main API calls need a valid bearer: none, garbage, expired and forged-issuer tokens get 401', async () => {
    const token = await t.token();
    expect((await call(t.url, 'GET', '/v1/apps', { token })).status).toBe(200);
    for (const bad of [undefined, 'garbage', forge(token, { exp: Math.floor(Date.now() / 1000) - 1 }), forge(token, { iss: 'someone-else' }), forge(token, { tid: 'other' })]) {
      const r = await call(t.url, 'GET', '/v1/apps', bad ? { token: bad } : {});
      expect(r.status).toBe(401);
      expect(Object.keys(r.body)).toEqual(['error']);
    }
  });

  test('GET /v1/apps and /v1/apps/{app} accept the id or the name; unknown app is 404 {"resource":"app"}', async () => {
    const list = await t.api('GET', '/v1/apps');
    expect(list.body.apps.map((a: { name: string }) => a.name)).toEqual(t.sim.apps.map((a) => a.name));
    expect((await t.api('GET', `/v1/apps/${t.app.id}`)).body.app.name).toBe(t.app.name);
    expect((await t.api('GET', `/v1/apps/${t.app.name}`)).body.app.id).toBe(t.app.id);
    const missing = await t.api('GET', '/v1/apps/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ resource: 'app', error: 'not found' });
  });

  test('regions need a bearer and point both APIs back at the simulator', async () => {
    expect((await call(t.url, 'GET', '/v1/regions')).status).toBe(401);
    const r = await t.api('GET', '/v1/regions');
    expect(r.status).toBe(200);
    const names = r.body.regions.map((x: { name: string }) => x.name);
    expect(names).toEqual(['osc-fr1', 'osc-secnum-fr1']);
    for (const region of r.body.regions) {
      expect(region.api).toBe(t.url);
      expect(region.database_api).toBe(t.url);
    }
    expect(r.body.regions[0].default).toBe(true);
  });

  test('DB tokens are scoped to their addon and are not bearer tokens', async () => {
    const a = await t.provision('postgresql-starter-512');
    const b = await t.provision('redis-sandbox');
    const tokenA = await t.dbToken(a.id);
    const tokenReply = await t.api('POST', `/v1/apps/${t.app.id}/addons/${a.id}/token`);
    expect(tokenReply.status).toBe(200);
    expect(tokenReply.body.addon.id).toBe(a.id);
    expect(claimsOf(tokenReply.body.addon.token).exp).toBe((claimsOf(tokenReply.body.addon.token).iat as number) + 3600);
    expect((await call(t.url, 'GET', `/api/databases/${a.id}`, { token: tokenA })).status).toBe(200);
    const other = await call(t.url, 'GET', `/api/databases/${b.id}`, { token: tokenA });
    expect(other.status).toBe(403);
    expect(typeof other.body.error).toBe('string');
    expect((await call(t.url, 'GET', `/api/databases/${a.id}`, { token: await t.token() })).status).toBe(401);
    expect((await call(t.url, 'GET', '/v1/apps', { token: tokenA })).status).toBe(401);
    expect((await call(t.url, 'GET', `/api/databases/${a.id}`)).status).toBe(401);
  });

  test('addon providers and plans work with or without auth', async () => {
    expect((await call(t.url, 'GET', '/v1/addon_providers')).status).toBe(200);
    expect((await t.api('GET', '/v1/addon_providers')).status).toBe(200);
    expect((await call(t.url, 'GET', '/v1/addon_providers/postgresql/plans')).status).toBe(200);
  });

  test('unknown paths are 404 {"error": "not found"}', async () => {
    const r = await call(t.url, 'GET', '/v1/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: 'not found' });
    expect((await call(t.url, 'DELETE', '/v1/regions')).status).toBe(404);
  });
});

describe('token lifetime and revocation (admin API)', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await TestSim.start();
  });
  afterAll(() => t.close());

  test('PUT /_sim/tokens sets the lifetime of new bearer tokens; they expire into 401', async () => {
    const exchange = async (): Promise<string> => (await call(t.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: t.basic() } })).body.token as string;
    // A long lifetime: the token works (no timing involved).
    expect((await t.admin('PUT', '/tokens', { ttl_seconds: 600 })).status).toBe(200);
    const long = await exchange();
    expect((claimsOf(long).exp as number) - (claimsOf(long).iat as number)).toBe(600);
    expect((await call(t.url, 'GET', '/v1/apps', { token: long })).status).toBe(200);
    // A 1 s lifetime: iat is floored to the second, so the token may already be expired when it is
    // first used on a loaded machine; only its claims and its expiry are asserted.
    expect((await t.admin('PUT', '/tokens', { ttl_seconds: 1 })).status).toBe(200);
    const token = await exchange();
    const claims = claimsOf(token);
    expect(claims.exp).toBe((claims.iat as number) + 1);
    await sleep(Math.max(0, (claims.exp as number) * 1000 - Date.now()) + 50);
    const expired = await call(t.url, 'GET', '/v1/apps', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatch(/expired/);
    // The long-lived token, issued before, is unaffected.
    expect((await call(t.url, 'GET', '/v1/apps', { token: long })).status).toBe(200);
    await t.admin('PUT', '/tokens', { ttl_seconds: 3600 });
  });

  test('POST /_sim/tokens/revoke invalidates every bearer and DB token issued so far', async () => {
    const addon = await t.provision('postgresql-sandbox');
    const bearer = await t.token();
    const dbToken = await t.dbToken(addon.id);
    expect((await t.admin('POST', '/tokens/revoke')).status).toBe(200);
    expect((await call(t.url, 'GET', '/v1/apps', { token: bearer })).status).toBe(401);
    expect((await call(t.url, 'GET', `/api/databases/${addon.id}`, { token: dbToken })).status).toBe(401);
    const fresh = await call(t.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: t.basic() } });
    expect((await call(t.url, 'GET', '/v1/apps', { token: fresh.body.token })).status).toBe(200);
  });
});
