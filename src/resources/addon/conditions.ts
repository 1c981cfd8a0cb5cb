// What the addon's apply waits for, as named predicates (shared/wait.ts polls them).

import type { Addon, Database } from '../../scalingo/index.js';
import type { Condition } from '../shared/wait.js';
import { featureSettled } from './features.js';

export function addonRunning(id: string): Condition<Addon> {
  return {
    what: `addon ${id} to be running`,
    met: (a) => a.status === 'running',
    failed: (a) => (a.status === 'suspended' ? `Addon ${id} is suspended (for example after a payment issue); Scalingo support can resume it.` : undefined),
  };
}

export function addonOnPlan(id: string, plan: string): Condition<Addon> {
  return { ...addonRunning(id), what: `addon ${id} to run on ${plan}`, met: (a) => a.status === 'running' && a.plan.name === plan };
}

export function databaseRunning(id: string): Condition<Database> {
  return { what: `database ${id} to be running`, met: (d) => d.status === 'running' };
}

// Without any sign that the change ran (the database went "updating", or reported the old
// plan first), "running on the new plan" could be the moment before Scalingo starts it; only
// then is it accepted once it has held this long.
export const UNWITNESSED_SETTLE_MS = 5000;

/**
 * The database runs on `plan` after a plan change. Done as soon as it runs on the new plan
 * after being seen `updating` or on another plan; only when no poll ever saw the change
 * happen does it need to hold for UNWITNESSED_SETTLE_MS. `now` is for tests.
 */
export function databaseOnPlan(id: string, plan: string, now: () => number = Date.now): Condition<Database> {
  let witnessed = false;
  let runningSince: number | undefined;
  return {
    what: `database ${id} to run on ${plan}`,
    met: (d) => {
      if (d.status !== 'running' || d.plan !== plan) {
        witnessed = true;
        runningSince = undefined;
        return false;
      }
      if (witnessed) return true;
      runningSince ??= now();
      return now() - runningSince >= UNWITNESSED_SETTLE_MS;
    },
  };
}

export function featureEnabled(id: string, name: string): Condition<Database> {
  return {
    what: `feature ${name} of database ${id} to be activated`,
    met: (d) => featureSettled.enabled(d, name),
    failed: (d) => (featureSettled.failed(d, name) ? `Scalingo could not enable ${name} on database ${id}; contact Scalingo support.` : undefined),
  };
}

export function featureRemoved(id: string, name: string): Condition<Database> {
  return { what: `feature ${name} of database ${id} to be removed`, met: (d) => featureSettled.removed(d, name) };
}
