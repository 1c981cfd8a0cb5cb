// The re-plan memo: the second plan of the same change in one terraform run is a re-plan.

import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CtyNumber, UNKNOWN } from '../../src/cty/value.js';
import { stableJson, TerraformRunMemo, terraformRun } from '../../src/framework/server/plan_memo.js';

describe('TerraformRunMemo', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'plan-memo-'));

  it('tells a re-plan of the same change in the same terraform run, and nothing else', () => {
    const d = dir();
    const planWalk = new TerraformRunMemo(d, 4242);
    const applyWalk = new TerraformRunMemo(d, 4242);
    const otherRun = new TerraformRunMemo(d, 4343);
    const prior = { id: 'ad-1', plan: 'a' };
    expect(planWalk.planned('scalingo_addon', prior, { plan: 'b' })).toBe(false);
    expect(applyWalk.planned('scalingo_addon', prior, { plan: 'b' })).toBe(true);
    expect(applyWalk.planned('scalingo_addon', prior, { plan: 'c' })).toBe(false);
    expect(applyWalk.planned('scalingo_database_user', prior, { plan: 'b' })).toBe(false);
    expect(otherRun.planned('scalingo_addon', prior, { plan: 'b' })).toBe(false);
  });

  it('keys a run by the PID and the start time of the terraform process, so a reused PID is another run', () => {
    const stat = (started: string) => () => `4242 (terraform (x) y) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 9 0 ${started} 1000 10`;
    expect(terraformRun(4242, stat('777'))).toBe('4242-777');
    expect(terraformRun(4242, stat('778'))).not.toBe(terraformRun(4242, stat('777')));
    expect(terraformRun(4242, () => { throw new Error('ENOENT'); })).toBe('4242');
    // This process's own parent, read for real.
    expect(terraformRun()).toMatch(new RegExp(`^${process.ppid}(-\\d+)?$`));
  });

  it('writes hashes only', () => {
    const d = dir();
    new TerraformRunMemo(d, 1).planned('scalingo_addon', null, { password: 'hunter2-secret' });
    const [file] = readdirSync(d);
    expect(readFileSync(join(d, file!), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('tells a value still unknown from a known one, and compares exact numbers', () => {
    expect(stableJson({ a: UNKNOWN })).not.toBe(stableJson({ a: null }));
    expect(stableJson({ n: CtyNumber.of('1e21') })).toBe(stableJson({ n: CtyNumber.of('1e21') }));
    expect(stableJson({ n: CtyNumber.of(1) })).not.toBe(stableJson({ n: CtyNumber.of(2) }));
  });
});
