// The retry decision, as one pure table: what one HTTP attempt produced × what kind of request
// it was → return, replay (fresh credential), retry after a delay, reconcile, or throw.
//
//                                   read (GET, token requests,      write (POST, PATCH, DELETE)
//                                   replay-safe absolute writes)
//   expected status                 return                          return
//   401, credential refreshable     replay once                     replay once
//   429                             retry (Retry-After or backoff)  retry (nothing was processed)
//   429 asking longer than allowed  throw                           throw
//   500/502/503/504                 retry (Retry-After or backoff)  reconcile (it may have run)
//   other 5xx                       throw                           reconcile
//   401 (after replay), 403         throw                           throw
//   4xx with Scalingo's error body  throw (a definite refusal)      throw (a definite refusal)
//   other unexpected status         throw                           reconcile
//   not sent (refused, DNS retry)   retry                           retry
//   fatal transport error           throw                           throw
//   reset or timeout after sending  retry                           reconcile
//   aborted by the caller           throw                           throw (outcome unknown if sent)
//   retries spent                   throw                           throw
//
// "reconcile" means the requester throws `OutcomeUnknownError`: the caller reads back before
// reporting anything or sending again. Retries stop when the caller's signal (the operation's
// budget) fires, since every delay is an abortable sleep.

import { backoffDelay, type RetryPolicy } from './retry.js';

/** `read`: safe to send again whatever happened; `write`: must be reconciled when its outcome is unknown. */
export type RequestKind = 'read' | 'write';

export type Outcome =
  | {
      readonly type: 'status';
      readonly status: number;
      /** One of the statuses the call expects. */
      readonly expected: boolean;
      /** A JSON error body as Scalingo writes them (`error`, `errors`, `resource`…). */
      readonly scalingoBody: boolean;
      readonly retryAfterMs?: number | undefined;
    }
  | {
      readonly type: 'transport';
      readonly failure: 'timeout' | 'network';
      /** False only when the request certainly never left. */
      readonly sent: boolean;
      /** A failure that will not fix itself (bad host name, closed client). */
      readonly fatal: boolean;
    }
  | { readonly type: 'aborted'; readonly sent: boolean };

export interface AttemptState {
  /** Retries made so far (replays excluded). */
  readonly retries: number;
  readonly authReplayed: boolean;
  /** The request carries a credential that can be refreshed (bearer or DB-API token). */
  readonly refreshable: boolean;
}

export type Decision =
  | { readonly action: 'return' }
  | { readonly action: 'replay' }
  | { readonly action: 'retry'; readonly delayMs: number; readonly reason: string }
  | { readonly action: 'reconcile'; readonly why: 'reset' | 'timeout' | 'status' }
  | { readonly action: 'throw' };

/** Statuses of a server or gateway in trouble: a read is retried, a write reconciled. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

export function classify(outcome: Outcome, kind: RequestKind, state: AttemptState, policy: RetryPolicy, random: () => number = Math.random): Decision {
  const spent = state.retries + 1 >= policy.maxAttempts;
  const retry = (reason: string, retryAfterMs?: number): Decision => {
    if (spent) return { action: 'throw' };
    const delayMs = retryAfterMs !== undefined && retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : backoffDelay(policy, state.retries + 1, random);
    return { action: 'retry', delayMs, reason };
  };

  switch (outcome.type) {
    case 'aborted':
      return { action: 'throw' };
    case 'transport':
      if (outcome.fatal) return { action: 'throw' };
      if (!outcome.sent || kind === 'read') return retry(outcome.failure);
      return { action: 'reconcile', why: outcome.failure === 'timeout' ? 'timeout' : 'reset' };
    case 'status': {
      const { status } = outcome;
      if (outcome.expected) return { action: 'return' };
      if (status === 401 && state.refreshable && !state.authReplayed) return { action: 'replay' };
      if (status === 429) {
        if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > policy.maxRetryAfterMs) return { action: 'throw' };
        return retry('HTTP 429', outcome.retryAfterMs);
      }
      if (status >= 500) {
        if (kind === 'write') return { action: 'reconcile', why: 'status' };
        return TRANSIENT_STATUSES.has(status) ? retry(`HTTP ${status}`, outcome.retryAfterMs) : { action: 'throw' };
      }
      // Refused before being processed: credentials, or Scalingo's own error body.
      if (status === 401 || status === 403) return { action: 'throw' };
      if (status >= 400 && status < 500 && outcome.scalingoBody) return { action: 'throw' };
      return kind === 'write' ? { action: 'reconcile', why: 'status' } : { action: 'throw' };
    }
  }
}
