// Pure logic of scalingo_addon: plan names, downscales, what a change means, version paths,
// and the waiting loop.

import { describe, expect, it } from '@jest/globals';
import { HclogLogger } from '../../src/log/logger.js';
import { availablePlanNames, closestPlanName, formatBytes, isDownscale, planChangeImpact, planClass } from '../../src/resources/addon/plans.js';
import { describeUpgrade, isDowngrade, parseTarget, satisfies, versionForState } from '../../src/resources/addon/version.js';
import { waitUntil, WaitTimeoutError } from '../../src/resources/shared/wait.js';
import type { Plan } from '../../src/scalingo/index.js';

const plan = (name: string, position: number, extra: Partial<Plan> = {}): Plan => ({ id: `id-${name}`, name, position, ...extra }) as Plan;
const catalogue = [
  plan('postgresql-business-1024', 21),
  plan('postgresql-starter-512', 10),
  plan('postgresql-starter-8192', 14, { disabled: true }),
  plan('postgresql-sandbox', 1),
];

describe('plans', () => {
  it('lists available plans by position and suggests the closest name', () => {
    expect(availablePlanNames(catalogue)).toEqual(['postgresql-sandbox', 'postgresql-starter-512', 'postgresql-business-1024']);
    expect(closestPlanName(catalogue, 'postgresql-busines-1024')).toBe('postgresql-business-1024');
    expect(closestPlanName(catalogue, 'postgresql-starter-8192')).not.toBe('postgresql-starter-8192'); // disabled
    expect(closestPlanName(catalogue, 'mysql')).toBeUndefined();
  });

  it('tells classes and downscales apart', () => {
    expect(planClass('postgresql-business-1024')).toBe('business');
    expect(planClass('postgresql-sandbox')).toBe('sandbox');
    expect(isDownscale('postgresql-starter-2048', 'postgresql-starter-1024')).toBe(true);
    expect(isDownscale('postgresql-starter-512', 'postgresql-business-1024')).toBe(false);
    expect(isDownscale('postgresql-business-1024', 'postgresql-starter-1024')).toBe(true);
    expect(isDownscale('postgresql-starter-1024', 'postgresql-business-1024')).toBe(false);
  });

  it('describes the impact by the class of the current plan, as Scalingo\'s page does', () => {
    expect(planChangeImpact('postgresql-starter-512', 'postgresql-business-1024')).toMatch(/not highly available.*unavailable while the change runs/);
    expect(planChangeImpact('postgresql-business-512', 'postgresql-starter-512')).toMatch(/only triggers a failover.*2-5 seconds/);
    expect(planChangeImpact('postgresql-business-512', 'postgresql-business-1024')).toMatch(/restarts the application/);
  });

  it('formats sizes', () => {
    expect(formatBytes(25 * 1024 ** 3)).toBe('25 GiB');
    expect(formatBytes(7.3 * 1024 ** 2)).toBe('7.3 MiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('version targets', () => {
  it('parses majors and full versions, and nothing else', () => {
    expect(parseTarget('16')).toEqual({ kind: 'major', major: 16 });
    expect(parseTarget('16.15.0-1')).toEqual({ kind: 'exact', parts: [16, 15, 0, 1] });
    expect(parseTarget('16.15')).toBeUndefined();
  });

  it('compares versions with targets', () => {
    expect(satisfies('16.13.0-1', parseTarget('16')!)).toBe(true);
    expect(satisfies('16.13.0-1', parseTarget('16.15.0-1')!)).toBe(false);
    expect(isDowngrade('16.15.0-1', parseTarget('15')!)).toBe(true);
    expect(isDowngrade('16.15.0-1', parseTarget('16.14.0-1')!)).toBe(true);
    expect(isDowngrade('14.22.0-1', parseTarget('16')!)).toBe(false);
  });

  it('keeps the user\'s form while it describes the database, and shows drift otherwise', () => {
    expect(versionForState('16', '16.15.0-1')).toBe('16');
    expect(versionForState('16', '17.11.0-1')).toBe('17.11.0-1');
    expect(versionForState(null, '17.11.0-1')).toBe('17.11.0-1');
  });

  it('explains the downtime of each step per plan class', () => {
    const steps = [
      { from: '14.22.0-1', to: '14.24.0-1', major: false },
      { from: '14.24.0-1', to: '15.19.0-1', major: true },
    ];
    expect(describeUpgrade(steps, 'postgresql-starter-512', 20 * 1024 ** 3)).toMatch(/14\.22\.0-1 -> 14\.24\.0-1 -> 15\.19\.0-1.*every step stops the node.*about 2 minute\(s\) per major upgrade/);
    expect(describeUpgrade(steps, 'postgresql-business-512', undefined)).toMatch(/minor upgrades happen without downtime.*1 major upgrade\(s\) stops the whole cluster/);
  });
});

describe('waitUntil', () => {
  const lines: string[] = [];
  const log = new HclogLogger('info', (l) => lines.push(l));

  it('polls until done, logging each status transition once', async () => {
    const statuses = ['provisioning', 'provisioning', 'running'];
    let i = 0;
    const result = await waitUntil({
      what: 'addon to be running',
      poll: async () => statuses[i++]!,
      status: (s) => s,
      done: (s) => s === 'running',
      timeoutMs: 10_000,
      signal: new AbortController().signal,
      log,
    });
    expect(result).toBe('running');
    expect(i).toBe(3);
    const messages = lines.map((l) => (JSON.parse(l) as { '@message': string })['@message']);
    expect(messages).toEqual(['waiting for addon to be running: provisioning', 'waiting for addon to be running: provisioning -> running']);
  });

  it('gives up with a timeout naming the last status', async () => {
    await expect(
      waitUntil({ what: 'x', poll: async () => 'updating', status: (s) => s, done: () => false, timeoutMs: 300, signal: new AbortController().signal, log }),
    ).rejects.toThrow(new WaitTimeoutError('x', 300, 'updating'));
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = waitUntil({ what: 'x', poll: async () => 'updating', status: (s) => s, done: () => false, timeoutMs: 60_000, signal: controller.signal, log });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
