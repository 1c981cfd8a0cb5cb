// How an operation's end is reported: its budget running out is a timeout naming what it waited
// for; Ctrl-C is a cancellation; neither is confused with the other.

import { describe, expect, it } from '@jest/globals';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { OperationCancelledError, reportError } from '../../src/framework/server/server.js';
import { OperationTimeoutError } from '../../src/framework/timeouts.js';
import { WaitTimeoutError } from '../../src/resources/shared/wait.js';
import { RequestAbortedError } from '../../src/scalingo/index.js';

const report = (err: unknown, signal?: AbortSignal) => {
  const diags = new Diagnostics();
  reportError(diags, 'Updating the resource', err, undefined, signal);
  return diags.items[0]!;
};
const expiry = new OperationTimeoutError('update', 40 * 60_000);

describe('reportError', () => {
  it('reports a budget that ran out during a wait as "timed out after 40m while waiting for" what it awaited', () => {
    const d = report(new WaitTimeoutError('database ad-1 to run on postgresql-business-1024', expiry.timeoutMs, 'updating', expiry));
    expect(d.summary).toBe('Updating the resource timed out');
    expect(d.detail).toMatch(/^Timed out after 40m while waiting for database ad-1 to run on postgresql-business-1024 \(last status: updating\)\. .*raise the "update" timeout/);
  });

  it('reports a budget that ran out during a request as a timeout waiting for Scalingo', () => {
    const d = report(new RequestAbortedError(expiry, { api: 'main', method: 'GET', path: '/v1/apps/a/addons' }, false));
    expect(d.summary).toBe('Updating the resource timed out');
    expect(d.detail).toMatch(/^Timed out after 40m while waiting for Scalingo \(Request aborted \(GET \/v1\/apps\/a\/addons\)\)\./);
  });

  it('reports Ctrl-C as a cancellation, not as a timeout', () => {
    const stop = new AbortController();
    stop.abort(new OperationCancelledError('Terraform asked the provider to stop'));
    const d = report(new RequestAbortedError(stop.signal.reason, undefined, false), stop.signal);
    expect(d.summary).toBe('Updating the resource cancelled');
    expect(d.detail).toContain('Ctrl-C');
  });
});
