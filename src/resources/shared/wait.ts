// Waiting for asynchronous Scalingo operations (provisioning, plan changes, upgrades): poll
// with a short backoff, log every status transition, and stop when the operation's signal
// fires. The wait has no clock of its own: the operation's budget (framework/timeouts.ts) is
// the only deadline, so `timeouts.update` bounds every wait, retry and upgrade step together.

import { setTimeout as sleep } from 'node:timers/promises';
import { formatDuration } from '../../framework/duration.js';
import { timeoutBehind } from '../../framework/timeouts.js';
import type { Logger } from '../../log/logger.js';

/** A named predicate: what is awaited, in words, and when it is reached. */
export interface Condition<T> {
  /** For messages: "addon ad-123 to be running". */
  readonly what: string;
  readonly met: (value: T) => boolean;
  /** A message when the operation failed for good (the wait stops with it). */
  readonly failed?: (value: T) => string | undefined;
}

export interface WaitOptions<T> {
  readonly poll: (signal: AbortSignal) => Promise<T>;
  /** The status shown in logs and errors. */
  readonly status: (value: T) => string;
  readonly until: Condition<T>;
  /** The operation's budget: Ctrl-C, a cancelled RPC or the expired timeout. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Called after each poll, e.g. to record progress in state. */
  readonly onPoll?: (value: T) => void;
  /**
   * Poll failures that may go away by themselves (the client has already retried them): the
   * wait logs them and polls again, within the same budget.
   */
  readonly retryable?: (err: unknown) => boolean;
}

// The first poll is immediate, then 250 ms growing to 1 s: completion is noticed within a
// second, and one waiter uses at most 60 requests a minute, which the client's shared token
// bucket paces further when several waits run at once.
export const POLL_INITIAL_MS = 250;
export const POLL_MAX_MS = 1000;
const POLL_FACTOR = 1.5;

/** The operation's budget ran out during this wait. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly lastStatus: string | undefined,
    cause?: Error,
  ) {
    super(`Timed out after ${formatDuration(timeoutMs)} while waiting for ${what}${lastStatus ? ` (last status: ${lastStatus})` : ''}.`, cause ? { cause } : undefined);
  }
}

export class WaitFailedError extends Error {
  override name = 'WaitFailedError';
}

export async function waitUntil<T>(o: WaitOptions<T>): Promise<T> {
  const { until, signal } = o;
  let lastStatus: string | undefined;
  let interval = POLL_INITIAL_MS;
  const started = Date.now();
  try {
    for (;;) {
      let value: T;
      try {
        value = await o.poll(signal);
      } catch (err) {
        if (signal.aborted || !o.retryable?.(err)) throw err;
        o.log.warn(`waiting for ${until.what}: polling failed, polling again`, { error: err instanceof Error ? err.message : String(err) });
        await sleep(POLL_MAX_MS, undefined, { signal });
        continue;
      }
      const status = o.status(value);
      if (status !== lastStatus) {
        o.log.info(`waiting for ${until.what}: ${lastStatus === undefined ? status : `${lastStatus} -> ${status}`}`, { elapsed_ms: Date.now() - started });
        lastStatus = status;
      }
      o.onPoll?.(value);
      const failure = until.failed?.(value);
      if (failure) throw new WaitFailedError(failure);
      if (until.met(value)) return value;
      await sleep(interval, undefined, { signal });
      interval = Math.min(POLL_MAX_MS, interval * POLL_FACTOR);
    }
  } catch (err) {
    const timeout = timeoutBehind(signal.reason);
    if (signal.aborted && timeout) throw new WaitTimeoutError(until.what, timeout.timeoutMs, lastStatus, timeout);
    throw err;
  }
}
