// Attribute plan modifiers, run after the generic plan rules: they may restore a prior value
// over an unknown, or ask Terraform to replace the resource when the attribute changes.

import { isUnknown, valueEquals, type Value } from '../cty/value.js';
import type { AttributePath } from './diagnostics.js';

export interface PlanModifierRequest {
  readonly path: AttributePath;
  readonly config: Value;
  /** Prior state value; null on create. */
  readonly prior: Value;
  readonly priorExists: boolean;
}

export interface PlanModifierResult {
  planned: Value;
  requiresReplace: boolean;
}

export interface AttributePlanModifier {
  readonly description: string;
  modify(request: PlanModifierRequest, result: PlanModifierResult): void;
}

/** Changing the attribute destroys and re-creates the resource. */
export function requiresReplace(): AttributePlanModifier {
  return requiresReplaceIf(() => true, 'changing this attribute replaces the resource');
}

/** As requiresReplace, when `when(prior, planned)` holds. */
export function requiresReplaceIf(when: (prior: Value, planned: Value) => boolean, description: string): AttributePlanModifier {
  return {
    description,
    modify(request, result) {
      if (!request.priorExists || request.prior === null || result.planned === null) return;
      if (valueEquals(request.prior, result.planned)) return;
      if (isUnknown(result.planned) || when(request.prior, result.planned)) result.requiresReplace = true;
    },
  };
}

/** Keep the prior value instead of "known after apply" for values that never change once set. */
export function useStateForUnknown(): AttributePlanModifier {
  return {
    description: 'the value is kept from state once known',
    modify(request, result) {
      if (!request.priorExists) return;
      if (!isUnknown(result.planned)) return;
      if (isUnknown(request.config)) return;
      result.planned = request.prior;
    },
  };
}
