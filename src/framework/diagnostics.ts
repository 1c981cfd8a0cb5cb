// Diagnostics: what Terraform shows the user. Each carries a severity, a one-line summary,
// an optional detail and, when it concerns one attribute, the path of that attribute so that
// Terraform points at the right line of configuration.

/** A step into a value: an attribute name, a list/set index, or a map key. */
export type PathStep = string | { readonly index: number } | { readonly key: string };
export type AttributePath = readonly PathStep[];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly path?: AttributePath;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail?: string, path?: AttributePath): this {
    this.items.push(withOptional({ severity: 'error', summary }, detail, path));
    return this;
  }

  warning(summary: string, detail?: string, path?: AttributePath): this {
    this.items.push(withOptional({ severity: 'warning', summary }, detail, path));
    return this;
  }

  add(...diagnostics: Diagnostic[]): this {
    this.items.push(...diagnostics);
    return this;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

function withOptional(base: { severity: Severity; summary: string }, detail?: string, path?: AttributePath): Diagnostic {
  return { ...base, ...(detail !== undefined ? { detail } : {}), ...(path !== undefined && path.length > 0 ? { path } : {}) };
}

export function formatPath(path: AttributePath): string {
  return path
    .map((step, i) => (typeof step === 'string' ? (i === 0 ? step : `.${step}`) : 'index' in step ? `[${step.index}]` : `[${JSON.stringify(step.key)}]`))
    .join('');
}

/**
 * An error a resource may throw to end an operation with a diagnostic. Anything else thrown is
 * reported as an unexpected provider error.
 */
export class DiagnosticError extends Error {
  override name = 'DiagnosticError';
  constructor(
    readonly summary: string,
    readonly detail?: string,
    readonly path?: AttributePath,
  ) {
    super(detail ? `${summary}: ${detail}` : summary);
  }
}
