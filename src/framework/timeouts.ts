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

/** The reason an operation's budget signal carries when its timeout expires. */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError';
  constructor(
    readonly operation: TimeoutOperation,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${formatDuration(timeoutMs)}`);
  }
}

/**
 * One budget for a whole operation (every request, retry, wait and upgrade step of a create,
 * update or delete): a signal aborted by the caller's signal (Ctrl-C, a cancelled RPC) or, with
 * an `OperationTimeoutError` as reason, when the configured timeout expires. Call `dispose`
 * when the operation ends so its timer does not outlive it.
 */
export interface OperationBudget {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  dispose(): void;
}

export function operationBudget(parent: AbortSignal, timeouts: Value | undefined, operation: TimeoutOperation, defaultMs: number): OperationBudget {
  const timeoutMs = timeoutFor(timeouts, operation, defaultMs);
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(new OperationTimeoutError(operation, timeoutMs)), timeoutMs);
  timer.unref?.();
  return {
    signal: AbortSignal.any([parent, expiry.signal]),
    timeoutMs,
    dispose: () => clearTimeout(timer),
  };
}

/** Run `body` with an operation budget, disposing of it afterwards. */
export async function withBudget<T>(
  parent: AbortSignal,
  timeouts: Value | undefined,
  operation: TimeoutOperation,
  defaultMs: number,
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const budget = operationBudget(parent, timeouts, operation, defaultMs);
  try {
    return await body(budget.signal);
  } finally {
    budget.dispose();
  }
}

/** The budget expiry behind an error (its own reason or one in its `cause` chain), if any. */
export function timeoutBehind(err: unknown): OperationTimeoutError | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
    if (e instanceof OperationTimeoutError) return e;
    if (typeof e !== 'object') return undefined;
    const next: unknown = 'reason' in e && (e as { reason: unknown }).reason !== undefined ? (e as { reason: unknown }).reason : (e as { cause?: unknown }).cause;
    e = next;
  }
  return undefined;
}
