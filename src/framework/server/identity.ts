// Resource identity around the resource operations (Terraform 1.12+): the identity Terraform
// stores next to each object is derived from the object's state by the resource's identity
// definition, and stays the same for the object's whole life. Read, plan, apply and import
// each hand one back; Terraform 1.11 never asks, and never sees one.

import { isWhollyKnown, UNKNOWN, valueEquals, type ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import type { IdentityDefinition, OperationContext } from '../resource.js';
import { guarded, type ProviderServer } from './server.js';

export type Definition = IdentityDefinition<ValueObject, unknown>;

function definition(server: ProviderServer, typeName: string): Definition | undefined {
  return server.resourceIdentity(typeName);
}

/** The identity of a state, with only the schema's attributes; undefined when it failed. */
export async function derive(def: Definition, state: ValueObject, ctx: OperationContext<unknown>): Promise<ValueObject | undefined> {
  const identity = await guarded(ctx.diags, 'Working out the resource identity', () => def.fromState(state, ctx), ctx.log, ctx.signal);
  if (identity === undefined) return undefined;
  return Object.fromEntries(Object.keys(def.schema.attributes).map((name) => [name, identity[name] ?? null]));
}

function unknownIdentity(def: Definition): ValueObject {
  return Object.fromEntries(Object.keys(def.schema.attributes).map((name) => [name, UNKNOWN]));
}

function context(server: ProviderServer, diags: Diagnostics, signal: AbortSignal | undefined, rpc: string, typeName: string): OperationContext<unknown> | undefined {
  return server.context(diags, signal, { tf_rpc: rpc, tf_resource_type: typeName });
}

export interface ReadIdentityRequest {
  readonly typeName: string;
  /** The state read returned (null: the object is gone). */
  readonly state: ValueObject | null;
  /** What Terraform had stored, if anything. */
  readonly current: ValueObject | null;
}

/** ReadResource: the object's identity; a changed one is an error (it names another object). */
export async function readIdentity(server: ProviderServer, req: ReadIdentityRequest, diags: Diagnostics, signal?: AbortSignal): Promise<ValueObject | null> {
  const def = definition(server, req.typeName);
  if (!def || req.state === null || diags.hasErrors()) return def ? req.current : null;
  const ctx = context(server, diags, signal, 'ReadResource', req.typeName);
  if (!ctx) return req.current;
  const identity = await derive(def, req.state, ctx);
  if (identity === undefined) return req.current;
  if (req.current !== null && !valueEquals(req.current, identity)) {
    diags.error(
      'Unexpected identity change',
      `The ${req.typeName} object read back has the identity ${describe(identity)}, but Terraform stored ${describe(req.current)}: the state no longer names the same remote object. This is a bug in the provider; please report it.`,
    );
    return req.current;
  }
  return identity;
}

export interface PlannedIdentityRequest {
  readonly typeName: string;
  readonly prior: ValueObject | null;
  /** Null on destroy. */
  readonly planned: ValueObject | null;
  readonly priorIdentity: ValueObject | null;
  /** The plan replaces the object: the new one gets a new identity. */
  readonly replacing: boolean;
}

/**
 * PlanResourceChange: unknown on create and replace (the object does not exist yet); the
 * stored identity otherwise, or the one derived from the prior state when Terraform has
 * none yet (state written before Terraform 1.12).
 */
export async function plannedIdentity(server: ProviderServer, req: PlannedIdentityRequest, diags: Diagnostics, signal?: AbortSignal): Promise<ValueObject | null> {
  const def = definition(server, req.typeName);
  if (!def) return null;
  if (req.planned === null) return req.priorIdentity;
  if (req.prior === null || req.replacing) return unknownIdentity(def);
  if (req.priorIdentity !== null) return req.priorIdentity;
  const ctx = context(server, diags, signal, 'PlanResourceChange', req.typeName);
  if (!ctx) return null;
  return (await derive(def, req.prior, ctx)) ?? null;
}

export interface AppliedIdentityRequest {
  readonly typeName: string;
  /** The state Terraform receives (null after a delete or a create that never happened). */
  readonly state: ValueObject | null;
  readonly plannedIdentity: ValueObject | null;
}

/** ApplyResourceChange: the identity of the object as it now is. */
export async function appliedIdentity(server: ProviderServer, req: AppliedIdentityRequest, diags: Diagnostics, signal?: AbortSignal): Promise<ValueObject | null> {
  const def = definition(server, req.typeName);
  if (!def || req.state === null) return null;
  const planned = req.plannedIdentity !== null && isWhollyKnown(req.plannedIdentity) ? req.plannedIdentity : null;
  if (planned !== null) return planned; // an update keeps its identity
  // After a create, even one whose later steps failed: the object exists (the state says so).
  const ctx = context(server, diags, signal, 'ApplyResourceChange', req.typeName);
  if (!ctx) return null;
  return (await derive(def, req.state, ctx)) ?? null;
}

/** ImportResourceState: the identity of the imported object. */
export async function importedIdentity(server: ProviderServer, typeName: string, state: ValueObject | null, diags: Diagnostics, signal?: AbortSignal): Promise<ValueObject | null> {
  const def = definition(server, typeName);
  if (!def || state === null || diags.hasErrors()) return null;
  const ctx = context(server, diags, signal, 'ImportResourceState', typeName);
  if (!ctx) return null;
  return (await derive(def, state, ctx)) ?? null;
}

function describe(identity: ValueObject): string {
  return Object.entries(identity)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
}
