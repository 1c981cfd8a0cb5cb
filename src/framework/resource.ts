// What providers, resources and data sources implement. They see plain values (strings,
// booleans, arrays, objects; numbers as CtyNumber on input), an AbortSignal, a logger and a
// diagnostics collector; never protocol messages.

import type { Unknown, Value, ValueObject } from '../cty/value.js';
import type { Logger } from '../log/logger.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';
import type { IdentitySchema, Schema } from './schema.js';

/** A model in plan-time hooks: any attribute may still be unknown. */
export type Planned<M> = { [K in keyof M]: M[K] | Unknown };

export interface OperationContext<P> {
  /** Aborted when Terraform asks the provider to stop (Ctrl-C) or the call is cancelled. */
  readonly signal: AbortSignal;
  readonly diags: Diagnostics;
  readonly log: Logger;
  /** What the provider's configure returned (e.g. an API client). */
  readonly provider: P;
}

export interface ApplyContext<P, M> extends OperationContext<P> {
  /**
   * Record the state of a remote object as soon as it exists. If the operation then fails,
   * throws or is cancelled, Terraform still receives this state with the error, so nothing
   * created remotely is lost.
   */
  recordState(state: M): void;
}

export interface PlanRequest<M> {
  /**
   * Terraform planned this very change already in this run (it plans again just before
   * applying): warnings are not shown again, so work done only to explain can be skipped. The
   * planned values must still be the same as the first time.
   */
  readonly replan?: boolean;
  /** Null when the resource is being destroyed. */
  readonly config: Planned<M> | null;
  /** Null on create. */
  readonly prior: M | null;
  /** The plan so far (generic rules applied); the hook may change it. Null on destroy. */
  planned: Planned<M> | null;
  /** Ask Terraform to replace the resource because of this attribute. */
  requireReplace(path: AttributePath): void;
  readonly privateState: ValueObject | null;
  setPrivateState(state: ValueObject | null): void;
}

export interface ConfigValidationRequest<M> {
  readonly config: Planned<M>;
  readonly diags: Diagnostics;
}

/** Converts stored state JSON written by an older schema version to the next version. */
export type StateUpgrader = (state: Record<string, unknown>) => Record<string, unknown>;

export interface ResourceDefinition<M extends ValueObject = ValueObject, P = unknown> {
  readonly typeName: string;
  readonly schema: Schema;
  /** Keyed by the version they upgrade from. */
  readonly stateUpgraders?: Readonly<Record<number, StateUpgrader>>;

  validateConfig?(request: ConfigValidationRequest<M>): void;
  modifyPlan?(request: PlanRequest<M>, ctx: OperationContext<P>): Promise<void> | void;
  create(request: { config: M; planned: Planned<M>; privateState: ValueObject | null }, ctx: ApplyContext<P, M>): Promise<M>;
  /** Return null when the remote object no longer exists: Terraform drops it from state. */
  read(request: { state: M; privateState: ValueObject | null }, ctx: OperationContext<P>): Promise<M | null>;
  update(request: { config: M; planned: Planned<M>; prior: M; privateState: ValueObject | null }, ctx: ApplyContext<P, M>): Promise<M>;
  delete(request: { prior: M; privateState: ValueObject | null }, ctx: OperationContext<P>): Promise<void>;
  /** Turn an import ID into enough state for read to fill in the rest. */
  importState?(id: string, ctx: OperationContext<P>): Promise<Partial<M>>;
  /** Resource identity (Terraform 1.12+): import by identity, identity kept in state. */
  readonly identity?: IdentityDefinition<M, P>;
  /**
   * The configuration that manages an existing object (GenerateResourceConfig, for
   * `terraform query -generate-config-out`). Without it the framework writes the required
   * attributes, and optional ones that differ from their default; optional+computed ones are
   * left to be recorded from the object.
   */
  generateConfig?(state: M): Partial<M>;
}

/** Stored identity JSON of an older identity version -> the next version. */
export type IdentityUpgrader = (identity: Record<string, unknown>) => Record<string, unknown>;

export interface IdentityDefinition<M, P = unknown, I extends ValueObject = ValueObject> {
  readonly schema: IdentitySchema;
  /** Keyed by the version they upgrade from. */
  readonly upgraders?: Readonly<Record<number, IdentityUpgrader>>;
  /**
   * The identity of an object from its state, normalised so that one remote object always
   * has the same identity (e.g. an app name resolved to the app's ID). May call the API.
   */
  fromState(state: M, ctx: OperationContext<P>): Promise<I> | I;
  /** Import by identity: enough state for read to fill in the rest. */
  importState(identity: I, ctx: OperationContext<P>): Promise<Partial<M>>;
}

// ---- list resources (`terraform query`, Terraform 1.14) ----

export interface ListRequest<C> {
  readonly config: C;
  /** Whether Terraform wants each result's full object (include_resource, generated config). */
  readonly includeResource: boolean;
  /** Terraform stops reading after this many results; stop producing them too. */
  readonly limit: number;
}

export interface ListResult<M> {
  /** The object's state, as read would return it; its identity is derived from it. */
  readonly state: M;
  /** What a person recognises, e.g. `my-app / postgresql-business-1024`. */
  readonly displayName: string;
}

/** Lists existing remote objects of a resource type, which must have an identity. */
export interface ListResourceDefinition<C extends ValueObject = ValueObject, P = unknown> {
  /** The managed resource type whose objects this lists. */
  readonly typeName: string;
  /** The `config { ... }` block of a `list` block. */
  readonly schema: Schema;
  validateConfig?(request: ConfigValidationRequest<C>): void;
  list(request: ListRequest<C>, ctx: OperationContext<P>): AsyncIterable<ListResult<ValueObject>>;
}

// ---- actions (Terraform 1.14) ----

export interface ActionContext<P> extends OperationContext<P> {
  /** Tell the user how it goes; Terraform prints each message as it arrives. */
  progress(message: string): void;
}

/** An imperative operation (`action` blocks, `terraform apply -invoke`, action_trigger). */
export interface ActionDefinition<C extends ValueObject = ValueObject, P = unknown> {
  readonly typeName: string;
  readonly schema: Schema;
  validateConfig?(request: ConfigValidationRequest<C>): void;
  /** Plan-time checks (diagnostics); nothing is written. */
  plan?(request: { config: Planned<C> }, ctx: OperationContext<P>): Promise<void> | void;
  /** Run it to the end; a thrown error becomes the action's failure diagnostic. */
  invoke(request: { config: C }, ctx: ActionContext<P>): Promise<void>;
}

export interface DataSourceDefinition<M extends ValueObject = ValueObject, P = unknown> {
  readonly typeName: string;
  readonly schema: Schema;
  validateConfig?(request: ConfigValidationRequest<M>): void;
  read(request: { config: M }, ctx: OperationContext<P>): Promise<M>;
}

/**
 * An ephemeral resource (Terraform 1.10+): a value opened for the length of one Terraform
 * command, never written to a plan or to state. Open returns it; Renew keeps it valid when it
 * expires before the command ends; Close releases it. Only `private` data (never shown to
 * Terraform's user) passes from Open to Renew and Close.
 */
export interface EphemeralResourceDefinition<M extends ValueObject = ValueObject, P = unknown> {
  readonly typeName: string;
  readonly schema: Schema;
  validateConfig?(request: ConfigValidationRequest<M>): void;
  open(request: EphemeralOpenRequest<M>, ctx: OperationContext<P>): Promise<EphemeralOpenResult<M>>;
  renew?(request: EphemeralLifetimeRequest, ctx: OperationContext<P>): Promise<EphemeralRenewResult>;
  close?(request: EphemeralLifetimeRequest, ctx: OperationContext<P>): Promise<void>;
}

export interface EphemeralOpenRequest<M> {
  /** Wholly known: with unknown configuration the framework answers without calling open. */
  readonly config: M;
}

export interface EphemeralOpenResult<M> {
  readonly result: M;
  /** When Terraform should call renew if it still needs the value; omitted when it never expires. */
  readonly renewAt?: Date;
  readonly privateState?: ValueObject | null;
}

export interface EphemeralLifetimeRequest {
  readonly privateState: ValueObject | null;
}

export interface EphemeralRenewResult {
  readonly renewAt?: Date;
  readonly privateState?: ValueObject | null;
}

export interface ConfigureRequest {
  readonly config: ValueObject;
  readonly terraformVersion: string;
  readonly diags: Diagnostics;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

export interface ProviderDefinition<P = unknown> {
  /** The provider's type name, the prefix of its resource type names. */
  readonly typeName: string;
  readonly version: string;
  readonly schema: Schema;
  validateConfig?(request: ConfigValidationRequest<ValueObject>): void;
  /** Returns what resources receive as `ctx.provider`; undefined when configuration failed. */
  configure(request: ConfigureRequest): Promise<P | undefined>;
  readonly resources: readonly ResourceDefinition<ValueObject, P>[];
  readonly dataSources: readonly DataSourceDefinition<ValueObject, P>[];
  readonly ephemeralResources?: readonly EphemeralResourceDefinition<ValueObject, P>[];
  readonly listResources?: readonly ListResourceDefinition<ValueObject, P>[];
  readonly actions?: readonly ActionDefinition<ValueObject, P>[];
}

export type { Value, ValueObject };
