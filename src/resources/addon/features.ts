// Which database features are active: THE rule, used by read, import, apply and plan alike.
//
// Active: ACTIVATED, and PENDING / PENDING_TO_ACTIVATE (Scalingo is turning it on; the wait
// after enabling decides whether it succeeds). Not active: PENDING_TO_REMOVE (being turned
// off) and FAILED (Scalingo gave up enabling it: it is not on, so a configuration asking for it
// shows a diff and the next apply enables it again).

import type { Database, DatabaseFeature } from '../../scalingo/index.js';

export function isActive(feature: DatabaseFeature): boolean {
  return feature.status === 'ACTIVATED' || feature.status === 'PENDING' || feature.status === 'PENDING_TO_ACTIVATE';
}

/** The active features' names, sorted: what database_features records. */
export function activeFeatures(database: Pick<Database, 'features'>): string[] {
  return database.features.filter(isActive).map((f) => f.name).sort();
}

export interface FeatureChanges {
  /** Failed records of wanted features, removed before enabling them again. */
  readonly clear: string[];
  /** In the order Scalingo requires: force-ssl before publicly-available. */
  readonly enable: string[];
  /** In the order Scalingo requires: publicly-available before force-ssl. */
  readonly disable: string[];
}

/** What to do so that exactly `wanted` is active. */
export function featureChanges(database: Pick<Database, 'features'>, wanted: readonly string[]): FeatureChanges {
  const active = new Set(activeFeatures(database));
  const want = new Set(wanted);
  const failed = new Set(database.features.filter((f) => f.status === 'FAILED').map((f) => f.name));
  return {
    clear: [...want].filter((f) => failed.has(f)).sort(),
    enable: [...want].filter((f) => !active.has(f)).sort(first('force-ssl')),
    disable: [...active].filter((f) => !want.has(f)).sort(first('publicly-available')),
  };
}

function first(name: string): (a: string, b: string) => number {
  return (a, b) => (a === name ? -1 : b === name ? 1 : a.localeCompare(b));
}

/** Whether the feature has reached the state `enable` or `disable` asked for. */
export const featureSettled = {
  enabled: (database: Pick<Database, 'features'>, name: string): boolean => database.features.some((f) => f.name === name && f.status === 'ACTIVATED'),
  failed: (database: Pick<Database, 'features'>, name: string): boolean => database.features.some((f) => f.name === name && f.status === 'FAILED'),
  removed: (database: Pick<Database, 'features'>, name: string): boolean => !database.features.some((f) => f.name === name),
};
