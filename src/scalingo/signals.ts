// AbortSignal helpers: abortable sleep, racing a shared promise against one caller's signal, and
// the error a caller gets when its signal fires.

import { RequestAbortedError } from './errors.js';
import type { RequestContext } from './errors.js';

/** Rejects with `RequestAbortedError` (carrying `signal.reason`) when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, context?: RequestContext): void {
  if (signal?.aborted) throw new RequestAbortedError(signal.reason, context, false);
}

/**
 * Settles like `promise`, or rejects promptly with `RequestAbortedError` when `signal` fires
 * first. The promise itself keeps running (it may be shared with other callers).
 */
export function raceSignal<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  context?: RequestContext,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(new RequestAbortedError(signal.reason, context, false));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => {});
      reject(new RequestAbortedError(signal.reason, context, false));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** Waits `ms` milliseconds; rejects promptly with `RequestAbortedError` when `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal, context?: RequestContext): Promise<void> {
  if (signal?.aborted) return Promise.reject(new RequestAbortedError(signal.reason, context, false));
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestAbortedError(signal?.reason, context, false));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
