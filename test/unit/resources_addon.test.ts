// Pure logic of scalingo_addon: plan names, downscales, what a change means, version paths,
// which features are active, what a plan change waits for, the waiting loop and the operation
// budget.

import { describe, expect, it } from '@jest/globals';
import { HclogLogger } from '../../src/log/logger.js';
import { availablePlanNames, closestPlanName, formatBytes, isDownscale, planChangeImpact, planClass } from '../../src/resources/addon/plans.js';
import { describeUpgrade, isDowngrade, parseTarget, satisfies, versionForState } from '../../src/resources/addon/version.js';
import { operationBudget, OperationTimeoutError } from '../../src/framework/timeouts.js';
import { databaseOnPlan, UNWITNESSED_SETTLE_MS } from '../../src/resources/addon/conditions.js';
import { activeFeatures, featureChanges } from '../../src/resources/addon/features.js';
import { readAddonPrivate, readsDatabase, writeAddonPrivate } from '../../src/resources/addon/private.js';
import { waitUntil, WaitTimeoutError } from '../../src/resources/shared/wait.js';
import { ServerError, type Database } from '../../src/scalingo/index.js';
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

describe('features: the one rule for which are active', () => {
  const db = (...features: [string, string][]) => ({ features: features.map(([name, status]) => ({ name, status })) });

  it('counts ACTIVATED and PENDING (both spellings) as active, FAILED and PENDING_TO_REMOVE as not', () => {
    const d = db(['force-ssl', 'ACTIVATED'], ['redis-aof', 'PENDING'], ['redis-rdb', 'PENDING_TO_ACTIVATE'], ['publicly-available', 'FAILED'], ['redis-cache', 'PENDING_TO_REMOVE']);
    expect(activeFeatures(d)).toEqual(['force-ssl', 'redis-aof', 'redis-rdb']);
  });

  it('enables a wanted FAILED feature again after clearing its record, and leaves a PENDING one alone', () => {
    const d = db(['force-ssl', 'PENDING'], ['publicly-available', 'FAILED']);
    expect(featureChanges(d, ['force-ssl', 'publicly-available'])).toEqual({ clear: ['publicly-available'], enable: ['publicly-available'], disable: [] });
  });

  it('orders enables force-ssl first and disables publicly-available first, as Scalingo requires', () => {
    expect(featureChanges(db(), ['publicly-available', 'force-ssl']).enable).toEqual(['force-ssl', 'publicly-available']);
    expect(featureChanges(db(['force-ssl', 'ACTIVATED'], ['publicly-available', 'ACTIVATED']), []).disable).toEqual(['publicly-available', 'force-ssl']);
  });
});

describe('private state flags', () => {
  it('round-trips, and reads absent flags as unmanaged', () => {
    const none = { featuresManaged: false, versionManaged: false, windowManaged: false, backupsManaged: false };
    expect(readAddonPrivate(writeAddonPrivate({ featuresManaged: true, versionManaged: false }))).toEqual({ ...none, featuresManaged: true });
    expect(readAddonPrivate(null)).toEqual(none);
    const all = { featuresManaged: true, versionManaged: true, windowManaged: true, backupsManaged: true, backupFirst: 'the downscale to postgresql-starter-512' };
    expect(readAddonPrivate(writeAddonPrivate(all))).toEqual(all);
    expect(readsDatabase(readAddonPrivate(null))).toBe(false);
    expect(readsDatabase({ ...none, windowManaged: true })).toBe(true);
  });
});

describe('databaseOnPlan: when a plan change is done', () => {
  const at = (status: string, plan: string) => ({ status, plan }) as Database;

  it('is done as soon as the database runs on the new plan after being seen updating', () => {
    const done = databaseOnPlan('ad-1', 'business-1024', 0, () => 0);
    expect(done.met(at('updating', 'starter-512'))).toBe(false);
    expect(done.met(at('running', 'business-1024'))).toBe(true);
  });

  it('is done once it runs on the new plan after being seen on the old one', () => {
    const done = databaseOnPlan('ad-1', 'business-1024', 0, () => 0);
    expect(done.met(at('running', 'starter-512'))).toBe(false);
    expect(done.met(at('running', 'business-1024'))).toBe(true);
  });

  it('without any sign of the change, accepts the new plan only once seen long enough after the change was accepted', () => {
    let now = 1000;
    const done = databaseOnPlan('ad-1', 'business-1024', 1000, () => now);
    expect(done.met(at('running', 'business-1024'))).toBe(false);
    now += UNWITNESSED_SETTLE_MS - 1;
    expect(done.met(at('running', 'business-1024'))).toBe(false);
    now += 1;
    expect(done.met(at('running', 'business-1024'))).toBe(true);
  });

  it('is never done while the database is updating or still on another plan, however long it takes', () => {
    const done = databaseOnPlan('ad-1', 'business-1024', 0, () => 10 * UNWITNESSED_SETTLE_MS);
    expect(done.met(at('updating', 'business-1024'))).toBe(false);
    expect(done.met(at('running', 'starter-512'))).toBe(false);
  });
});

describe('waitUntil', () => {
  const lines: string[] = [];
  const log = new HclogLogger('info', (l) => lines.push(l));
  const never = { what: 'x', met: () => false };

  it('polls until the condition is met, logging each status transition once', async () => {
    lines.length = 0;
    const statuses = ['provisioning', 'provisioning', 'running'];
    let i = 0;
    const result = await waitUntil({
      poll: async () => statuses[i++]!,
      status: (s) => s,
      until: { what: 'addon to be running', met: (s) => s === 'running' },
      signal: new AbortController().signal,
      log,
    });
    expect(result).toBe('running');
    expect(i).toBe(3);
    const messages = lines.map((l) => (JSON.parse(l) as { '@message': string })['@message']);
    expect(messages).toEqual(['waiting for addon to be running: provisioning', 'waiting for addon to be running: provisioning -> running']);
  });

  it('reports the operation budget running out as a timeout naming what it waited for and the last status', async () => {
    const budget = operationBudget(new AbortController().signal, { update: '300ms' }, 'update', 60_000);
    try {
      const err = await waitUntil({ poll: async () => 'updating', status: (s) => s, until: { ...never, what: 'database ad-1 to run on b' }, signal: budget.signal, log }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WaitTimeoutError);
      expect((err as Error).message).toBe('Timed out after 300ms while waiting for database ad-1 to run on b (last status: updating).');
    } finally {
      budget.dispose();
    }
  });

  it('reports a cancellation as the cancellation, not as a timeout', async () => {
    const controller = new AbortController();
    const budget = operationBudget(controller.signal, null, 'update', 60_000);
    const pending = waitUntil({ poll: async () => 'updating', status: (s) => s, until: never, signal: budget.signal, log });
    controller.abort(new Error('stop'));
    const err = await pending.catch((e: unknown) => e);
    budget.dispose();
    expect(err).not.toBeInstanceOf(WaitTimeoutError);
    expect(budget.signal.reason).toEqual(new Error('stop'));
  });

  it('polls again after a transient failure the caller marks retryable, and stops on any other', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new ServerError({ status: 500, scalingoMessage: 'boom' }, { api: 'main', method: 'GET', path: '/x' });
      return 'running';
    };
    const signal = new AbortController().signal;
    await expect(waitUntil({ poll: flaky, status: (s) => s, until: { what: 'x', met: () => true }, signal, log, retryable: (e) => e instanceof ServerError })).resolves.toBe('running');
    expect(calls).toBe(2);
    calls = 0;
    await expect(waitUntil({ poll: flaky, status: (s) => s, until: { what: 'x', met: () => true }, signal, log })).rejects.toBeInstanceOf(ServerError);
  });
});

describe('operation budget', () => {
  it('aborts with an OperationTimeoutError naming the configured duration', async () => {
    const budget = operationBudget(new AbortController().signal, { delete: '50ms' }, 'delete', 60_000);
    await new Promise((resolve) => budget.signal.addEventListener('abort', resolve, { once: true }));
    expect(budget.signal.reason).toBeInstanceOf(OperationTimeoutError);
    expect((budget.signal.reason as Error).message).toBe('timed out after 50ms');
    expect(budget.timeoutMs).toBe(50);
  });

  it('defaults when the block or the operation is not set', () => {
    const budget = operationBudget(new AbortController().signal, { create: '1h', update: null }, 'update', 40 * 60_000);
    budget.dispose();
    expect(budget.timeoutMs).toBe(40 * 60_000);
  });
});
