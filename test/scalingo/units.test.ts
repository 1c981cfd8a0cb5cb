// Pure parts of the client (no simulator), plus the headers it sends, seen by a bare HTTP server.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { ScalingoClient } from '../../src/scalingo/client.js';
import { TokenBucket, jwtExpiry, normalizeAddonProviderId } from '../../src/scalingo/index.js';
import { TtlCache } from '../../src/scalingo/cache.js';
import { CachePolicy } from '../../src/scalingo/cache-policy.js';
import { parseBaseUrl, pickRegion } from '../../src/scalingo/endpoints.js';
import { httpErrorFor, parseErrorBody } from '../../src/scalingo/error-body.js';
import { sharedBucket } from '../../src/scalingo/rate-limit.js';
import { backoffDelay, parseRetryAfter, retryPolicy } from '../../src/scalingo/retry.js';

function jwt(payload: Record<string, unknown>): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'none' })}.${b64(payload)}.`;
}

describe('normalizeAddonProviderId', () => {
  it.each([
    ['scalingo-postgresql', 'postgresql'],
    ['scalingo-postgres', 'postgresql'],
    ['scalingo-postgre', 'postgresql'],
    ['scalingo-pgsql', 'postgresql'],
    ['scalingo-psql', 'postgresql'],
    ['psql', 'postgresql'],
    ['postgresql', 'postgresql'],
    ['scalingo-redis', 'redis'],
    ['scalingo-mysql', 'mysql'],
    [' Redis ', 'redis'],
    ['mongodb', 'mongodb'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeAddonProviderId(input)).toBe(expected);
  });
});

describe('jwtExpiry', () => {
  it('reads exp without verifying, and tolerates non-JWTs', () => {
    expect(jwtExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(jwtExpiry(jwt({ sub: 'x' }))).toBeUndefined();
    expect(jwtExpiry('opaque-token')).toBeUndefined();
    expect(jwtExpiry('a.%%%.c')).toBeUndefined();
  });
});

describe('error bodies', () => {
  const ctx = { api: 'main' as const, method: 'GET', path: '/v1/apps/x', requestId: 'rid-1' };
  it('maps every documented form', () => {
    expect(parseErrorBody(404, '{"resource":"app","error":"not found"}').scalingoMessage).toBe('The app was not found');
    expect(parseErrorBody(400, '{"error":"bad","code":"invalid"}')).toEqual(expect.objectContaining({ scalingoMessage: 'bad', code: 'invalid' }));
    const v = parseErrorBody(422, '{"errors":{"name":["is too short","is invalid"],"password":["can\'t be blank"]}}');
    expect(v.fieldErrors).toEqual({ name: ['is too short', 'is invalid'], password: ["can't be blank"] });
    expect(v.scalingoMessage).toBe("name: is too short, is invalid; password: can't be blank");
    expect(parseErrorBody(429, 'Retry later').scalingoMessage).toBe('Retry later');
    expect(parseErrorBody(502, '<html>oops</html>').scalingoMessage).toMatch(/502/);
    expect(parseErrorBody(402, '{"error":"pay","url":"https://dashboard"}').url).toBe('https://dashboard');
  });
  it('builds typed errors carrying the context', () => {
    const err = httpErrorFor(404, '{"resource":"addon","error":"not found"}', ctx);
    expect(err).toEqual(expect.objectContaining({ name: 'NotFoundError', status: 404, requestId: 'rid-1', method: 'GET', path: '/v1/apps/x' }));
    expect(err.message).toBe('The addon was not found [HTTP 404] (GET /v1/apps/x, request id rid-1)');
    expect(httpErrorFor(429, 'Retry later', ctx, 2000)).toEqual(expect.objectContaining({ name: 'RateLimitError', retryAfterMs: 2000 }));
    expect(httpErrorFor(422, '{"errors":{"a":["b"]}}', ctx).name).toBe('ValidationError');
    expect(httpErrorFor(401, '{"error":"no"}', ctx).name).toBe('UnauthorizedError');
    expect(httpErrorFor(503, '', ctx).name).toBe('ServerError');
    expect(httpErrorFor(409, '{"error":"conflict"}', ctx).name).toBe('HttpError');
  });
});

describe('retry policy', () => {
  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  });
  it('draws full-jitter delays under an exponential, capped ceiling', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelay(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 2, () => 0)).toBe(0);
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('token bucket', () => {
  it('lets a burst through, then paces requests so no minute exceeds the limit', async () => {
    const bucket = new TokenBucket({ requestsPerMinute: 6_000, burst: 5 });
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 15 }, () => bucket.acquire().then(() => times.push(performance.now() - started))));
    times.sort((a, b) => a - b);
    expect(times[4]).toBeLessThan(20);
    // 10 more at (6000-5)/60000 per ms ≈ one every 10 ms.
    expect(times[14]).toBeGreaterThanOrEqual(90);
  });
  it('rejects a waiter promptly on abort, and honours pause()', async () => {
    const bucket = new TokenBucket({ requestsPerMinute: 60, burst: 1 });
    await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    controller.abort('bye');
    await expect(waiting).rejects.toEqual(expect.objectContaining({ name: 'RequestAbortedError', reason: 'bye' }));
    expect(bucket.waiting).toBe(0);
    const fast = new TokenBucket({ requestsPerMinute: 60_000, burst: 10 });
    fast.pause(150);
    const t0 = performance.now();
    await fast.acquire();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
  it('is shared per API token, with the strictest limits of its clients', () => {
    const a = sharedBucket('tk-a', { requestsPerMinute: 120, burst: 20 });
    expect(sharedBucket('tk-a', { requestsPerMinute: 600 })).toBe(a);
    expect([a.requestsPerMinute, a.burst]).toEqual([120, 20]);
    expect(sharedBucket('tk-a', { requestsPerMinute: 60 })).toBe(a);
    expect([a.requestsPerMinute, a.burst]).toEqual([60, 5]);
    expect(sharedBucket('tk-b')).not.toBe(a);
    expect(() => new TokenBucket({ requestsPerMinute: 10, burst: 10 })).toThrow(RangeError);
  });
});

describe('caching', () => {
  it('expires entries and hands out copies', () => {
    const cache = new TtlCache();
    cache.set('k', { a: [1] }, 1000, 0);
    const copy = cache.get<{ a: number[] }>('k', 500);
    copy?.a.push(2);
    expect(cache.get('k', 600)).toEqual({ a: [1] });
    expect(cache.get('k', 1000)).toBeUndefined();
    cache.set('p:1', 1, 1000);
    cache.set('q:1', 1, 1000);
    cache.invalidate('p:');
    expect(cache.size).toBe(1);
  });
  it('is opt-in, per method or per call', () => {
    const policy = new CachePolicy({ plans: true, regions: 5_000 });
    expect(policy.ttl('plans', undefined)).toBe(600_000);
    expect(policy.ttl('plans', false)).toBe(0);
    expect(policy.ttl('regions', undefined)).toBe(5_000);
    expect(policy.ttl('databaseTypeVersions', undefined)).toBe(0);
    expect(policy.ttl('databaseTypeVersions', true)).toBe(3_600_000);
    expect(policy.ttl('addonProviders', 42)).toBe(42);
  });
});

describe('endpoints', () => {
  const regions = [
    { name: 'osc-fr1', api: 'https://api.a', database_api: 'https://db.a' },
    { name: 'osc-secnum-fr1', api: 'https://api.b', database_api: 'https://db.b', default: false },
  ];
  it('picks the configured, default or osc-fr1 region', () => {
    expect(pickRegion(regions, 'osc-secnum-fr1').api).toBe('https://api.b');
    expect(pickRegion(regions, undefined).name).toBe('osc-fr1');
    expect(() => pickRegion(regions, 'nope')).toThrow(/Region "nope" not found; available regions: osc-fr1, osc-secnum-fr1/);
  });
  it('parses base URLs and refuses credentials or queries', () => {
    expect(parseBaseUrl('http://127.0.0.1:8080/', 'x')).toEqual({ origin: 'http://127.0.0.1:8080', basePath: '' });
    expect(parseBaseUrl('https://h/prefix/', 'x')).toEqual({ origin: 'https://h', basePath: '/prefix' });
    expect(() => parseBaseUrl('https://u:p@h', 'apiUrl')).toThrow('apiUrl must not contain credentials');
    expect(() => parseBaseUrl('ftp://h', 'apiUrl')).toThrow(/http or https/);
    expect(() => parseBaseUrl('https://h?x=1', 'apiUrl')).toThrow(/query/);
    expect(() => parseBaseUrl('::', 'apiUrl')).toThrow(/not a valid URL/);
  });
});

describe('request headers', () => {
  it('sends User-Agent, Accept, Content-Type, X-Request-ID, Basic then Bearer auth', async () => {
    const seen: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
    const token = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/tokens/exchange') res.end(JSON.stringify({ token }));
      else res.end(JSON.stringify({ regions: [{ name: 'osc-fr1', api: 'http://x', database_api: 'http://y', extra: 1 }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new ScalingoClient({ apiToken: 'tk-us-header-test', version: '1.2.3', authUrl: url, rateLimit: false });
    try {
      const regions = await client.regions.list();
      expect(regions).toEqual([expect.objectContaining({ name: 'osc-fr1' })]);
      expect(regions[0]).not.toHaveProperty('extra');
      expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /v1/tokens/exchange', 'GET /v1/regions']);
      for (const s of seen) {
        expect(s.headers['user-agent']).toBe('terraform-provider-scalingo/1.2.3');
        expect(s.headers['accept']).toBe('application/json');
        expect(s.headers['content-type']).toBe('application/json');
        expect(s.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(seen[0]?.headers['authorization']).toBe(`Basic ${Buffer.from(':tk-us-header-test').toString('base64')}`);
      expect(seen[1]?.headers['authorization']).toBe(`Bearer ${token}`);
      expect(seen[0]?.headers['x-request-id']).not.toBe(seen[1]?.headers['x-request-id']);
    } finally {
      await client.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
