// The database actions' plan-time refusals that need no API call.

import { describe, expect, it } from '@jest/globals';
import { DiagnosticError, Diagnostics } from '../../src/framework/diagnostics.js';
import type { OperationContext } from '../../src/framework/resource.js';
import { validateBlock } from '../../src/framework/server/validate.js';
import { stderrLogger } from '../../src/log/logger.js';
import { databaseRestoreAction } from '../../src/resources/actions/restore.js';
import { took } from '../../src/resources/actions/target.js';
import type { ScalingoContext } from '../../src/resources/shared/context.js';
import { UNKNOWN } from '../../src/cty/value.js';

// A context whose provider must not be touched: any API call fails the test.
const noApi = new Proxy({}, { get: () => { throw new Error('no API call expected'); } }) as ScalingoContext;
const ctx = (): OperationContext<ScalingoContext> => ({ signal: new AbortController().signal, diags: new Diagnostics(), log: stderrLogger({}, 'off'), provider: noApi });
const config = (restore_time: unknown, addon_id: unknown = 'ad-1') => ({ app: 'my-app', addon_id, timeout: null, restore_time }) as never;

describe('scalingo_database_restore at plan', () => {
  it('refuses an instant in the future on restore_time, before any request', async () => {
    await expect(databaseRestoreAction.plan!({ config: config('2999-01-01T00:00:00Z') }, ctx())).rejects.toMatchObject({ summary: 'Restore time in the future', path: ['restore_time'] });
  });

  it('refuses what is not RFC 3339, in validation and at plan', async () => {
    const diags = new Diagnostics();
    validateBlock(databaseRestoreAction.schema.block, { app: 'a', addon_id: 'ad-1', timeout: null, restore_time: '2026-03-01 10:30' }, diags);
    expect(diags.items).toEqual([expect.objectContaining({ path: ['restore_time'] })]);
    await expect(databaseRestoreAction.plan!({ config: config('yesterday') }, ctx())).rejects.toBeInstanceOf(DiagnosticError);
  });

  it('leaves unknown values (an addon being created, from action_trigger) to apply time', async () => {
    const c = ctx();
    await databaseRestoreAction.plan!({ config: config(UNKNOWN) }, c);
    await databaseRestoreAction.plan!({ config: config('2026-01-01T00:00:00Z', UNKNOWN) }, c);
    expect(c.diags.items).toEqual([]);
  });
});

describe('durations in progress messages', () => {
  it('reads like a person would write it', () => {
    expect(took(400)).toBe('0s');
    expect(took(41_200)).toBe('41s');
    expect(took(192_000)).toBe('3m12s');
    expect(took(120_000)).toBe('2m');
  });
});
