// What both database actions act on: a database addon of an app, and the attributes and
// plan-time checks that name it. Shared by backup.ts and restore.ts.

import { StringType } from '../../cty/types.js';
import { isUnknown } from '../../cty/value.js';
import { DiagnosticError } from '../../framework/diagnostics.js';
import { formatDuration } from '../../framework/duration.js';
import type { ActionContext, OperationContext } from '../../framework/resource.js';
import type { AttributeSchema } from '../../framework/schema.js';
import { operationBudget } from '../../framework/timeouts.js';
import { durationString } from '../../framework/validators.js';
import type { Addon } from '../../scalingo/index.js';
import type { ScalingoContext } from '../shared/context.js';

export type Ctx = OperationContext<ScalingoContext>;

export const targetAttributes = (timeoutDefaultMs: number, what: string): Record<string, AttributeSchema> => ({
  app: { type: StringType, required: true, description: 'ID (or name) of the app the database addon belongs to, e.g. `scalingo_addon.db.app`.' },
  addon_id: { type: StringType, required: true, description: 'ID of the database addon (`ad-…`), e.g. `scalingo_addon.db.id`.' },
  timeout: {
    type: StringType,
    optional: true,
    description: `How long to wait for ${what} before failing, as a duration such as \`30m\`. Default \`${formatDuration(timeoutDefaultMs)}\`. The operation itself carries on at Scalingo.`,
    validators: [durationString()],
  },
});

export type TargetConfig = { app: string; addon_id: string; timeout: string | null };

/** Runs an action on one budget for all its requests and waits, from `timeout`. */
export async function withActionBudget<C extends TargetConfig>(
  config: C,
  ctx: ActionContext<ScalingoContext>,
  defaultMs: number,
  run: (config: C, ctx: ActionContext<ScalingoContext>) => Promise<void>,
): Promise<void> {
  const budget = operationBudget(ctx.signal, { create: config.timeout }, 'create', defaultMs);
  try {
    await run(config, { ...ctx, signal: budget.signal });
  } finally {
    budget.dispose();
  }
}

/** `41s`, `3m12s`: how long it took. */
export function took(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
}

/** Whether the plan-time checks can run: the addon is named by known values. */
export function known(config: { app: unknown; addon_id: unknown }): config is { app: string; addon_id: string } {
  return typeof config.app === 'string' && typeof config.addon_id === 'string' && !isUnknown(config.app) && !isUnknown(config.addon_id);
}

/** The addon, which must exist and be a database; a diagnostic on `addon_id` otherwise. */
export async function databaseAddon(app: string, addonId: string, ctx: Ctx): Promise<Addon> {
  const addon = await ctx.provider.findAddon(app, addonId, ctx.signal);
  if (!addon) throw new DiagnosticError('Database addon not found', `App ${app} has no addon ${addonId} (or this API token cannot see it).`, ['addon_id']);
  if (!(await ctx.provider.isDatabase(addon.addon_provider.id, ctx.signal))) {
    throw new DiagnosticError('Not a database addon', `Addon ${addonId} is a ${addon.addon_provider.id} addon, which has no backups.`, ['addon_id']);
  }
  return addon;
}

/** How the addon is named in messages: `my_app_4553 (postgresql-business-1024)`. */
export function label(addon: Addon): string {
  return `${addon.resource_id ?? addon.id} (${addon.plan.name})`;
}
