// Injected faults, configured through PUT /_sim/faults. A fault matches "<METHOD> <route
// pattern>" (or "*": every API route) and acts before the request is processed, or after it
// (the effects happen, then the fault replaces the response: an unknown outcome).
import { z } from 'zod';
import { json, text } from './http.js';
import type { ApiResponse } from './http.js';

export const FaultSchema = z
  .object({
    route: z.string().min(1),
    status: z.number().int().min(100).max(599).optional(),
    body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
    retry_after: z.number().nonnegative().optional(),
    latency_ms: z.number().nonnegative().max(600_000).optional(),
    reset: z.boolean().optional(),
    hang: z.boolean().optional(),
    when: z.enum(['before', 'after']).optional(),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().positive().optional(),
  })
  .strict();

export type Fault = z.infer<typeof FaultSchema>;

export const FaultListSchema = z.object({ faults: z.array(FaultSchema) }).strict();

/** What the server does about a matched fault. */
export type FaultAction =
  | { kind: 'reset'; latencyMs: number }
  | { kind: 'hang'; latencyMs: number }
  | { kind: 'respond'; latencyMs: number; response: ApiResponse }
  | { kind: 'delay'; latencyMs: number };

interface ActiveFault {
  spec: Fault;
  remaining: number | null;
}

function defaultBody(status: number): unknown {
  if (status === 429) return { error: 'Too many requests, retry later', code: 'rate_limited' };
  if (status === 500) return { error: "Internal error occured, we're on it!" };
  if (status >= 502 && status <= 504) return { error: 'upstream provider returned an error, please retry later' };
  return { error: `simulated fault (${status})` };
}

export class FaultRegistry {
  private active: ActiveFault[] = [];

  /** Replaces the fault list; throws with a message on an unknown route. */
  replace(faults: Fault[], knownRoutes: ReadonlySet<string>): void {
    for (const f of faults) {
      if (f.route !== '*' && !knownRoutes.has(f.route)) throw new Error(`unknown route "${f.route}" (use "*" or "<METHOD> <route pattern>")`);
    }
    this.active = faults.map((spec) => ({ spec, remaining: spec.count ?? null }));
  }

  list(): (Fault & { remaining: number | null })[] {
    return this.active.map((a) => ({ ...a.spec, remaining: a.remaining }));
  }

  /** The action of the first matching fault that fires, consuming one use of it. */
  pick(route: string, when: 'before' | 'after'): FaultAction | null {
    for (const a of this.active) {
      const f = a.spec;
      if ((f.when ?? 'before') !== when) continue;
      if (f.route !== '*' && f.route !== route) continue;
      if (Math.random() >= (f.rate ?? 1)) continue;
      if (a.remaining !== null) {
        a.remaining--;
        if (a.remaining <= 0) this.active = this.active.filter((x) => x !== a);
      }
      return toAction(f);
    }
    return null;
  }
}

function toAction(f: Fault): FaultAction {
  const latencyMs = f.latency_ms ?? 0;
  if (f.reset) return { kind: 'reset', latencyMs };
  if (f.hang) return { kind: 'hang', latencyMs };
  if (f.status === undefined && f.body === undefined && latencyMs > 0) return { kind: 'delay', latencyMs };
  const status = f.status ?? 500;
  const headers: Record<string, string> = {};
  if (f.retry_after !== undefined) headers['Retry-After'] = String(f.retry_after);
  const response = typeof f.body === 'string' ? text(status, f.body, headers) : json(status, f.body ?? defaultBody(status), headers);
  return { kind: 'respond', latencyMs, response };
}
