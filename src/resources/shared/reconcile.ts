// Writes whose answer may be lost. Scalingo may have applied a write whose answer never came
// back (a 5xx, a reset, a timeout, an abort after sending): such a write is never re-sent
// blindly. Read back first; only when the read shows it did not take effect is it sent again.

import type { Logger } from '../../log/logger.js';
import { isOutcomeUncertain } from '../../scalingo/index.js';

// After Ctrl-C or an expired budget, a read-back still gets this long of its own, so that what
// an interrupted write did ends up in the state (and terraform still exits promptly).
export const READ_BACK_GRACE_MS = 1000;

export interface ReconciledWrite<T, R> {
  /** In words, for logs: "the plan change of addon ad-1 to postgresql-business-1024". */
  readonly what: string;
  readonly send: (signal: AbortSignal) => Promise<T>;
  /** Read back: the evidence that the write took effect, or undefined when it did not. */
  readonly readBack: (signal: AbortSignal) => Promise<R | undefined>;
  /** The operation's budget. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** Sends in all, counting those a read-back showed had no effect (default 3). */
  readonly attempts?: number;
}

export type WriteResult<T, R> = { readonly answered: true; readonly value: T } | { readonly answered: false; readonly found: R };

export async function reconciledWrite<T, R>(o: ReconciledWrite<T, R>): Promise<WriteResult<T, R>> {
  const attempts = o.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return { answered: true, value: await o.send(o.signal) };
    } catch (err) {
      if (!isOutcomeUncertain(err)) throw err;
      o.log.warn(`the outcome of ${o.what} is unknown; reading back before anything else`, { error: err.message });
      let found: R | undefined;
      try {
        found = await o.readBack(readBackSignal(o.signal));
      } catch (readErr) {
        // Interrupted: the interruption is what the user needs to hear about.
        throw o.signal.aborted ? err : readErr;
      }
      if (found !== undefined) {
        o.log.info(`${o.what} took effect`);
        return { answered: false, found };
      }
      if (o.signal.aborted || attempt >= attempts) throw err;
      o.log.info(`${o.what} did not take effect; sending it again`, { attempt: attempt + 1 });
    }
  }
}

/** The operation's signal, or a short one of its own once the operation was interrupted. */
export function readBackSignal(signal: AbortSignal): AbortSignal {
  return signal.aborted ? AbortSignal.timeout(READ_BACK_GRACE_MS) : signal;
}
