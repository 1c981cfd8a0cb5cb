// The provider server: holds the provider definition, its configured data and the stop
// signal, and runs each Terraform operation (one file per operation in this folder) on
// plain cty values. The protocol layer decodes requests into these calls and encodes back.

import type { ValueObject } from '../../cty/value.js';
import type { Logger } from '../../log/logger.js';
import { DiagnosticError, Diagnostics } from '../diagnostics.js';
import type {
  ActionDefinition,
  DataSourceDefinition,
  EphemeralResourceDefinition,
  IdentityDefinition,
  ListResourceDefinition,
  OperationContext,
  ProviderDefinition,
  ResourceDefinition,
} from '../resource.js';
import type { IdentitySchema, Schema } from '../schema.js';
import { timeoutBehind } from '../timeouts.js';
import type { PlanMemo } from './plan_memo.js';

export interface ServerCapabilities {
  readonly planDestroy: boolean;
  readonly getProviderSchemaOptional: boolean;
  readonly generateResourceConfig: boolean;
}

export class ProviderServer<P = unknown> {
  readonly capabilities: ServerCapabilities = { planDestroy: true, getProviderSchemaOptional: true, generateResourceConfig: true };
  private readonly stopController = new AbortController();
  private configured: P | undefined;
  private readonly resources = new Map<string, ResourceDefinition<ValueObject, P>>();
  private readonly dataSources = new Map<string, DataSourceDefinition<ValueObject, P>>();
  private readonly ephemeralResources = new Map<string, EphemeralResourceDefinition<ValueObject, P>>();
  private readonly lists = new Map<string, ListResourceDefinition<ValueObject, P>>();
  private readonly actions = new Map<string, ActionDefinition<ValueObject, P>>();

  constructor(
    readonly provider: ProviderDefinition<P>,
    readonly log: Logger,
    /** Tells a re-plan of a change this terraform run planned already (plan_memo.ts). */
    readonly planMemo?: PlanMemo,
  ) {
    for (const r of provider.resources) this.resources.set(r.typeName, r);
    for (const d of provider.dataSources) this.dataSources.set(d.typeName, d);
    for (const e of provider.ephemeralResources ?? []) this.ephemeralResources.set(e.typeName, e);
    for (const l of provider.listResources ?? []) this.lists.set(l.typeName, l);
    for (const a of provider.actions ?? []) this.actions.set(a.typeName, a);
  }

  get stopSignal(): AbortSignal {
    return this.stopController.signal;
  }

  /** StopProvider: cancel in-flight and later work; the process keeps serving until Shutdown. */
  stop(reason = 'Terraform asked the provider to stop'): void {
    if (!this.stopController.signal.aborted) {
      this.log.info('stop requested: cancelling in-flight operations');
      this.stopController.abort(new OperationCancelledError(reason));
    }
  }

  setConfigured(data: P | undefined): void {
    this.configured = data;
  }

  resource(typeName: string, diags: Diagnostics): ResourceDefinition<ValueObject, P> | undefined {
    const r = this.resources.get(typeName);
    if (!r) diags.error('Unknown resource type', `This provider has no resource type "${typeName}".`);
    return r;
  }

  dataSource(typeName: string, diags: Diagnostics): DataSourceDefinition<ValueObject, P> | undefined {
    const d = this.dataSources.get(typeName);
    if (!d) diags.error('Unknown data source', `This provider has no data source "${typeName}".`);
    return d;
  }

  ephemeralResource(typeName: string, diags: Diagnostics): EphemeralResourceDefinition<ValueObject, P> | undefined {
    const e = this.ephemeralResources.get(typeName);
    if (!e) diags.error('Unknown ephemeral resource', `This provider has no ephemeral resource type "${typeName}".`);
    return e;
  }

  listResource(typeName: string, diags: Diagnostics): ListResourceDefinition<ValueObject, P> | undefined {
    const l = this.lists.get(typeName);
    if (!l) diags.error('Unknown list resource', `This provider cannot list "${typeName}".`);
    return l;
  }

  action(typeName: string, diags: Diagnostics): ActionDefinition<ValueObject, P> | undefined {
    const a = this.actions.get(typeName);
    if (!a) diags.error('Unknown action', `This provider has no action "${typeName}".`);
    return a;
  }

  /** The resource's identity definition, if it has one (no diagnostic otherwise). */
  resourceIdentity(typeName: string): IdentityDefinition<ValueObject, P> | undefined {
    return this.resources.get(typeName)?.identity;
  }

  identitySchemas(): Map<string, IdentitySchema> {
    return new Map([...this.resources].flatMap(([k, r]) => (r.identity ? [[k, r.identity.schema] as const] : [])));
  }

  listResourceSchemas(): Map<string, Schema> {
    return new Map([...this.lists].map(([k, l]) => [k, l.schema]));
  }

  actionSchemas(): Map<string, Schema> {
    return new Map([...this.actions].map(([k, a]) => [k, a.schema]));
  }

  resourceSchemas(): Map<string, Schema> {
    return new Map([...this.resources].map(([k, r]) => [k, r.schema]));
  }

  dataSourceSchemas(): Map<string, Schema> {
    return new Map([...this.dataSources].map(([k, d]) => [k, d.schema]));
  }

  ephemeralResourceSchemas(): Map<string, Schema> {
    return new Map([...this.ephemeralResources].map(([k, e]) => [k, e.schema]));
  }

  /** Context for a resource hook; undefined (with an error) if the provider is not configured. */
  context(diags: Diagnostics, callSignal: AbortSignal | undefined, fields: Record<string, unknown>): OperationContext<P> | undefined {
    if (this.configured === undefined) {
      diags.error('Provider not configured', 'The provider configuration failed or was not received; see the errors above.');
      return undefined;
    }
    return {
      signal: callSignal ? AbortSignal.any([this.stopSignal, callSignal]) : this.stopSignal,
      diags,
      log: this.log.with(fields),
      provider: this.configured,
    };
  }
}

export class OperationCancelledError extends Error {
  override name = 'OperationCancelledError';
}

/**
 * Run a resource hook, turning what it throws into diagnostics: DiagnosticError as given,
 * cancellation as a clear message, anything else as an unexpected error with its message.
 */
export async function guarded<T>(diags: Diagnostics, what: string, run: () => Promise<T> | T, log?: Logger, signal?: AbortSignal): Promise<T | undefined> {
  try {
    return await run();
  } catch (err) {
    reportError(diags, what, err, log, signal);
    return undefined;
  }
}

export function reportError(diags: Diagnostics, what: string, err: unknown, log?: Logger, signal?: AbortSignal): void {
  // Programming errors keep their stack in the log (TF_LOG=error and above).
  if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) log?.error(`${what} failed`, { stack: err.stack ?? String(err) });
  const timeout = signal?.aborted ? undefined : timeoutBehind(err);
  if (err instanceof DiagnosticError) {
    diags.error(err.summary, err.detail, err.path);
  } else if (timeout) {
    // The operation's own budget (timeouts { … }) ran out: not a cancellation.
    const message = err instanceof Error ? err.message : String(err);
    const detail = /^Timed out after /.test(message) ? message : `Timed out after ${timeout.message.replace(/^timed out after /, '')} while waiting for Scalingo (${message}).`;
    diags.error(`${what} timed out`, `${detail} What was done so far is recorded in the state; run terraform apply again to resume, or raise the "${timeout.operation}" timeout.`);
  } else if (isCancellation(err) || signal?.aborted) {
    const reason: unknown = signal?.aborted ? signal.reason : err;
    const why = reason instanceof OperationCancelledError ? 'Terraform asked the provider to stop (Ctrl-C)' : reason instanceof Error ? reason.message : 'the request was cancelled';
    diags.error(`${what} cancelled`, `The operation was interrupted before it finished: ${why}.`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    diags.error(`${what} failed`, message);
  }
}

export function isCancellation(err: unknown): boolean {
  if (err instanceof OperationCancelledError) return true;
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) return true;
  return false;
}

export function encodePrivate(state: ValueObject | null): Uint8Array {
  if (state === null) return new Uint8Array(0);
  return new TextEncoder().encode(JSON.stringify(state));
}

export function decodePrivate(bytes: Uint8Array | undefined): ValueObject | null {
  if (!bytes || bytes.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ValueObject) : null;
  } catch {
    return null;
  }
}
