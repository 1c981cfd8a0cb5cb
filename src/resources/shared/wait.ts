// Waiting for asynchronous Scalingo operations (provisioning, plan changes, upgrades): poll
// with a short backoff, log every status transition, and stop on timeout or cancellation.
// Kept apart from the resources, which only say what to poll and when it is done.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log/logger.js';

export interface WaitOptions<T> {
  /** What is awaited, for messages: "addon ad-123 to be running". */
  readonly what: string;
  readonly poll: (signal: AbortSignal) => Promise<T>;
  /** The status shown in logs and errors. */
  readonly status: (value: T) => string;
  readonly done: (value: T) => boolean;
  /** A message when the operation failed for good. */
  readonly failed?: (value: T) => string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Called after each poll, e.g. to record progress in state. */
  readonly onPoll?: (value: T) => void;
}

// The first poll is immediate, then 250 ms growing to 1 s: completion is noticed within a
// second, and one waiter uses at most 60 requests a minute, which the client's shared token
// bucket paces further when several waits run at once.
export const POLL_INITIAL_MS = 250;
export const POLL_MAX_MS = 1000;
const POLL_FACTOR = 1.5;

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly lastStatus: string | undefined,
  ) {
    super(`Timed out after ${formatMs(timeoutMs)} waiting for ${what}${lastStatus ? ` (last status: ${lastStatus})` : ''}.`);
  }
}

export class WaitFailedError extends Error {
  override name = 'WaitFailedError';
}

export async function waitUntil<T>(o: WaitOptions<T>): Promise<T> {
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = AbortSignal.any([o.signal, timeout]);
  let lastStatus: string | undefined;
  let interval = POLL_INITIAL_MS;
  const started = Date.now();
  try {
    for (;;) {
      const value = await o.poll(signal);
      const status = o.status(value);
      if (status !== lastStatus) {
        o.log.info(`waiting for ${o.what}: ${lastStatus === undefined ? status : `${lastStatus} -> ${status}`}`, {
          elapsed_ms: Date.now() - started,
        });
        lastStatus = status;
      }
      o.onPoll?.(value);
      const failure = o.failed?.(value);
      if (failure) throw new WaitFailedError(failure);
      if (o.done(value)) return value;
      await sleep(interval, undefined, { signal });
      interval = Math.min(POLL_MAX_MS, interval * POLL_FACTOR);
    }
  } catch (err) {
    if (timeout.aborted && !o.signal.aborted) throw new WaitTimeoutError(o.what, o.timeoutMs, lastStatus);
    throw err;
  }
}

export function formatMs(ms: number): string {
  if (ms >= 3_600_000 && ms % 60_000 === 0) return `${Math.floor(ms / 3_600_000)}h${ms % 3_600_000 ? `${(ms % 3_600_000) / 60_000}m` : ''}`;
  if (ms >= 60_000 && ms % 1000 === 0) return `${Math.floor(ms / 60_000)}m${ms % 60_000 ? `${(ms % 60_000) / 1000}s` : ''}`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)}s`;
  return `${ms}ms`;
}
