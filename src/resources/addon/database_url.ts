// database_url of scalingo_addon: the addon's connection URL, read from the app's variables,
// only when `expose_database_url = true`. Reading the variables costs one request per app per
// refresh (shared by all its addons); addons that do not ask for the URL never pay it.

import { isUnknown, UNKNOWN } from '../../cty/value.js';
import type { OperationContext, Planned, PlanRequest } from '../../framework/resource.js';
import { pickConnectionVariable } from '../shared/connection_url.js';
import type { ScalingoContext } from '../shared/context.js';
import type { AddonModel } from './model.js';

/**
 * Plan: null unless exposed; the prior URL while the addon stays the same one (a plan change
 * keeps its URL); known after apply when it starts being exposed or the addon is new.
 */
export function planDatabaseUrl(request: PlanRequest<AddonModel>): void {
  const { planned, prior } = request;
  if (planned === null) return;
  const expose = planned.expose_database_url;
  if (expose === false || expose === null) {
    planned.database_url = null;
    return;
  }
  const sameAddon = prior !== null && prior.expose_database_url === true && planned.app === prior.app && planned.id === prior.id;
  planned.database_url = sameAddon && !isUnknown(expose) ? prior.database_url : UNKNOWN;
}

/**
 * The state after create or update, with expose_database_url as configured and database_url as
 * the plan promised: kept when known, read when not.
 */
export async function withDatabaseUrl(state: AddonModel, config: AddonModel, planned: Planned<AddonModel>, ctx: OperationContext<ScalingoContext>): Promise<AddonModel> {
  const expose = config.expose_database_url === true;
  if (!expose) return { ...state, expose_database_url: false, database_url: null };
  const promised = planned.database_url;
  const next = { ...state, expose_database_url: true };
  return { ...next, database_url: typeof promised === 'string' ? promised : await readDatabaseUrl(next, ctx) };
}

/** The URL the app's variables hold for this addon now; null when there is none (yet). */
export async function readDatabaseUrl(state: AddonModel, ctx: OperationContext<ScalingoContext>): Promise<string | null> {
  if (!state.id || !state.resource_id) return null;
  const variables = await ctx.provider.variablesOf(state.app, ctx.signal);
  const chosen = variables ? pickConnectionVariable(variables, { id: state.id, resource_id: state.resource_id, addon_provider: { id: state.provider_id } }) : undefined;
  if (chosen) ctx.log.debug('database URL read', { app: state.app, addon_id: state.id, variable: chosen.name });
  return chosen?.value ?? null;
}
