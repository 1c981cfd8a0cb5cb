// The conventional `timeouts` block: optional duration strings per operation, e.g.
//   timeouts { create = "40m" update = "1h" }

import { StringType } from '../cty/types.js';
import { isObjectValue, type Value } from '../cty/value.js';
import { formatDuration, parseDuration } from './duration.js';
import type { NestedBlockSchema } from './schema.js';
import { durationString } from './validators.js';

export type TimeoutOperation = 'create' | 'read' | 'update' | 'delete';

export function timeoutsBlock(operations: readonly TimeoutOperation[], defaultMs: number): NestedBlockSchema {
  const attributes = Object.fromEntries(
    operations.map((op) => [
      op,
      {
        type: StringType,
        optional: true,
        description: `How long to wait for ${op === 'create' ? 'creation' : op === 'update' ? 'an update' : op === 'delete' ? 'deletion' : 'a read'} before giving up, as a duration such as \`30m\` or \`1h\`. Default \`${formatDuration(defaultMs)}\`.`,
        validators: [durationString()],
      },
    ]),
  );
  return { nesting: 'single', block: { attributes, description: 'Operation timeouts.' } };
}

/** The configured timeout for an operation, in milliseconds, or the default. */
export function timeoutFor(timeouts: Value | undefined, operation: TimeoutOperation, defaultMs: number): number {
  if (!isObjectValue(timeouts ?? null)) return defaultMs;
  const raw = (timeouts as Record<string, Value>)[operation];
  if (typeof raw !== 'string') return defaultMs;
  return parseDuration(raw) ?? defaultMs;
}
