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

// A database seen running on the new plan with no sign that the change ran (it was never seen
// "updating" nor on the old plan) is accepted once it is seen this long after Scalingo accepted
// the change. Scalingo launches a plan change at once; a status that has not left "running"
// that long after acceptance is a change already done, not one yet to start. (UNCONFIRMED how
// soon the status leaves "running": the simulator flips the plan at completion, so any sighting
// of the new plan there is the change done.)
export const UNWITNESSED_SETTLE_MS = 1000;

/**
 * The database runs on `plan` after a plan change accepted at `acceptedAt`. Done as soon as it
 * runs on the new plan after being seen `updating` or on another plan, or when it is first seen
 * on the new plan at least UNWITNESSED_SETTLE_MS after acceptance. `now` is for tests.
 */
export function databaseOnPlan(id: string, plan: string, acceptedAt: number, now: () => number = Date.now): Condition<Database> {
  let witnessed = false;
  return {
    what: `database ${id} to run on ${plan}`,
    met: (d) => {
      if (d.status !== 'running' || d.plan !== plan) {
        witnessed = true;
        return false;
      }
      return witnessed || now() - acceptedAt >= UNWITNESSED_SETTLE_MS;
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
