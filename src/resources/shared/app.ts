// The `app` attribute every resource and data source has: an app ID or an app name, checked
// before any API call, and compared as the app it designates (a name and an ID of the same app
// are the same app: never a replacement).

import type { AttributeValidator } from '../../framework/validators.js';
import type { OperationContext, PlanRequest } from '../../framework/resource.js';
import type { ScalingoContext } from './context.js';

/** Scalingo app IDs: 24 lowercase hexadecimal characters. */
export const APP_ID = /^[0-9a-f]{24}$/;
/** The longest app name Scalingo accepts. */
export const APP_NAME_MAX = 48;

/** What is wrong with an app ID or name, one sentence per broken rule; empty when it is valid. */
export function appProblems(app: string): string[] {
  if (app === '') return ['It is empty.'];
  if (APP_ID.test(app)) return [];
  const problems: string[] = [];
  const length = [...app].length;
  if (length > APP_NAME_MAX) problems.push(`An app name has at most ${APP_NAME_MAX} characters; this one has ${length}.`);
  const bad = [...new Set([...app].filter((c) => !/[a-z0-9-]/.test(c)))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 8).map((c) => JSON.stringify(c)).join(', ');
    problems.push(`An app name only has lowercase letters, digits and hyphens; this one contains ${shown}${bad.length > 8 ? ', …' : ''}.`);
  }
  if (bad.length === 0 && !/^[a-z0-9]/.test(app)) problems.push('An app name starts with a letter or a digit.');
  return problems;
}

/** A value shown in a diagnostic: never thousands of characters. */
function shorten(value: string): string {
  return value.length > 60 ? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : JSON.stringify(value);
}

export function appValidator(): AttributeValidator {
  return {
    description: `an app ID (24 hexadecimal characters) or an app name (up to ${APP_NAME_MAX} lowercase letters, digits and hyphens)`,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const problems = appProblems(value);
      if (problems.length === 0) return;
      diags.error(
        'Invalid app',
        `${shorten(value)} is neither a Scalingo app ID (24 hexadecimal characters, such as "6aad453a756f15040c87a2e9") nor an app name. ${problems.join(' ')}`,
        path,
      );
    },
  };
}

/**
 * A change of `app` replaces the resource only when it designates another app. `my-app` and its
 * ID are one app: the plan keeps the prior spelling (Terraform takes an unchanged prior value as
 * the provider saying both are equivalent), so there is no diff at all. An app not known yet, or
 * that does not exist, is another app. Returns whether the resource is replaced because of it.
 */
export async function replaceIfAnotherApp<M extends { app: string }>(request: PlanRequest<M>, ctx: OperationContext<ScalingoContext>): Promise<boolean> {
  const { prior, planned } = request;
  if (prior === null || planned === null || planned.app === prior.app) return false;
  if (typeof planned.app === 'string' && (await ctx.provider.sameApp(prior.app, planned.app, ctx.signal))) {
    planned.app = prior.app;
    return false;
  }
  request.requireReplace(['app']);
  return true;
}

/** The app's ID, for an import given its name (the ID survives renames); as given when unknown. */
export async function canonicalApp(app: string, ctx: OperationContext<ScalingoContext>): Promise<string> {
  return (await ctx.provider.appId(app, ctx.signal)) ?? app;
}
