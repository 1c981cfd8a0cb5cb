// The retry decision table (src/scalingo/classify.ts), row by row, for both kinds of request.

import { describe, expect, it } from '@jest/globals';
import { classify, type AttemptState, type Decision, type Outcome, type RequestKind } from '../../src/scalingo/classify.js';
import { retryPolicy } from '../../src/scalingo/retry.js';

const policy = retryPolicy({ maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000 });
const fresh: AttemptState = { retries: 0, authReplayed: false, refreshable: true };
const half = () => 0.5;

const status = (s: number, extra: Partial<Extract<Outcome, { type: 'status' }>> = {}): Outcome => ({ type: 'status', status: s, expected: false, scalingoBody: true, ...extra });
const transport = (failure: 'timeout' | 'network', sent: boolean, fatal = false): Outcome => ({ type: 'transport', failure, sent, fatal });
const retry = (delayMs: number, reason: string): Decision => ({ action: 'retry', delayMs, reason });

// [row, outcome, read decision, write decision]
const table: [string, Outcome, Decision, Decision][] = [
  ['expected status', status(201, { expected: true }), { action: 'return' }, { action: 'return' }],
  ['401 with a refreshable credential', status(401), { action: 'replay' }, { action: 'replay' }],
  ['429 without Retry-After', status(429), retry(50, 'HTTP 429'), retry(50, 'HTTP 429')],
  ['429 with Retry-After', status(429, { retryAfterMs: 2000 }), retry(2000, 'HTTP 429'), retry(2000, 'HTTP 429')],
  ['429 asking longer than allowed', status(429, { retryAfterMs: 60_000 }), { action: 'throw' }, { action: 'throw' }],
  ['500', status(500), retry(50, 'HTTP 500'), { action: 'reconcile', why: 'status' }],
  ['502', status(502, { scalingoBody: false }), retry(50, 'HTTP 502'), { action: 'reconcile', why: 'status' }],
  ['503 with Retry-After', status(503, { retryAfterMs: 3000 }), retry(3000, 'HTTP 503'), { action: 'reconcile', why: 'status' }],
  ['504', status(504), retry(50, 'HTTP 504'), { action: 'reconcile', why: 'status' }],
  ['501', status(501), { action: 'throw' }, { action: 'reconcile', why: 'status' }],
  ['403', status(403), { action: 'throw' }, { action: 'throw' }],
  ['404 with Scalingo\'s body', status(404), { action: 'throw' }, { action: 'throw' }],
  ['422 with Scalingo\'s body', status(422), { action: 'throw' }, { action: 'throw' }],
  ['400 from something else (HTML)', status(400, { scalingoBody: false }), { action: 'throw' }, { action: 'reconcile', why: 'status' }],
  ['unexpected 2xx', status(202, { scalingoBody: false }), { action: 'throw' }, { action: 'reconcile', why: 'status' }],
  ['connection refused (never sent)', transport('network', false), retry(50, 'network'), retry(50, 'network')],
  ['reset after sending', transport('network', true), retry(50, 'network'), { action: 'reconcile', why: 'reset' }],
  ['timeout after sending', transport('timeout', true), retry(50, 'timeout'), { action: 'reconcile', why: 'timeout' }],
  ['fatal transport error', transport('network', false, true), { action: 'throw' }, { action: 'throw' }],
  ['aborted before sending', { type: 'aborted', sent: false }, { action: 'throw' }, { action: 'throw' }],
  ['aborted after sending', { type: 'aborted', sent: true }, { action: 'throw' }, { action: 'throw' }],
];

describe('classify(outcome, kind)', () => {
  it.each(table)('%s', (_row, outcome, read, write) => {
    expect(classify(outcome, 'read', fresh, policy, half)).toEqual(read);
    expect(classify(outcome, 'write', fresh, policy, half)).toEqual(write);
  });

  it.each<RequestKind>(['read', 'write'])('a %s replays a refused credential only once', (kind) => {
    expect(classify(status(401), kind, { ...fresh, authReplayed: true }, policy, half)).toEqual({ action: 'throw' });
    expect(classify(status(401), kind, { ...fresh, refreshable: false }, policy, half)).toEqual({ action: 'throw' });
  });

  it('throws once the attempts are spent', () => {
    expect(classify(status(503), 'read', { ...fresh, retries: 3 }, policy, half)).toEqual(retry(400, 'HTTP 503'));
    expect(classify(status(503), 'read', { ...fresh, retries: 4 }, policy, half)).toEqual({ action: 'throw' });
    expect(classify(transport('network', false), 'write', { ...fresh, retries: 4 }, policy, half)).toEqual({ action: 'throw' });
  });

  it('backs off exponentially with full jitter, capped', () => {
    const ceiling = (retries: number) => classify(status(500), 'read', { ...fresh, retries }, policy, () => 0.999999);
    expect(ceiling(0)).toEqual(retry(99, 'HTTP 500'));
    expect(ceiling(2)).toEqual(retry(399, 'HTTP 500'));
    expect(classify(status(500), 'read', { ...fresh, retries: 3 }, retryPolicy({ maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 500 }), () => 0.999999)).toEqual(retry(499, 'HTTP 500'));
  });
});
