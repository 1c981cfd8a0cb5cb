// Attribute validators: run on known, non-null configuration values before any API call
// (ValidateResourceConfig), each reporting on the attribute's own path.

import type { Value } from '../cty/value.js';
import { parseDuration } from './duration.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';

export interface ValidationRequest {
  readonly path: AttributePath;
  readonly diags: Diagnostics;
}

export interface AttributeValidator {
  /** Plain-language rule, used in documentation. */
  readonly description: string;
  validate(value: Value, request: ValidationRequest): void;
}

export function stringLengthBetween(min: number, max: number): AttributeValidator {
  return {
    description: `must be between ${min} and ${max} characters long`,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const length = [...value].length;
      if (length < min || length > max) {
        diags.error('Invalid attribute value', `Must be between ${min} and ${max} characters long, got ${length}.`, path);
      }
    },
  };
}

export function stringMatches(pattern: RegExp, explanation: string): AttributeValidator {
  return {
    description: explanation,
    validate(value, { path, diags }) {
      if (typeof value === 'string' && !pattern.test(value)) diags.error('Invalid attribute value', `${explanation}.`, path);
    },
  };
}

export function stringOneOf(choices: readonly string[]): AttributeValidator {
  return {
    description: `one of ${choices.map((c) => `\`${c}\``).join(', ')}`,
    validate(value, { path, diags }) {
      if (typeof value === 'string' && !choices.includes(value)) {
        diags.error('Invalid attribute value', `Must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}; got ${JSON.stringify(value)}.`, path);
      }
    },
  };
}

export function durationString(): AttributeValidator {
  return {
    description: 'a duration such as `30s`, `40m` or `1h30m`',
    validate(value, { path, diags }) {
      if (typeof value === 'string' && parseDuration(value) === undefined) {
        diags.error('Invalid duration', `${JSON.stringify(value)} is not a duration; use a number with a unit, such as "30s", "40m" or "1h30m".`, path);
      }
    },
  };
}

export function isUrl(protocols: readonly string[] = ['http:', 'https:']): AttributeValidator {
  return {
    description: 'an absolute URL',
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      let ok = false;
      try {
        ok = protocols.includes(new URL(value).protocol);
      } catch {
        ok = false;
      }
      if (!ok) diags.error('Invalid URL', `Expected an absolute ${protocols.join(' or ')} URL, got ${JSON.stringify(value)}.`, path);
    },
  };
}
