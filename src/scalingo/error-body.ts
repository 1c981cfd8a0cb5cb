// Turns an unexpected HTTP response into the matching typed error, with Scalingo's message:
// `{"error"}` / `{"error","code"}`, `{"resource","error"}` ("The app was not found"),
// `{"errors": {field: [msgs]}}` (kept structured), or a plain-text body such as `Retry later`.

import {
  ForbiddenError,
  HttpError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from './errors.js';
import type { FieldErrors, HttpErrorDetails, RequestContext } from './errors.js';

const MAX_TEXT = 300;

function defaultMessage(status: number): string {
  switch (status) {
    case 400: return 'Bad request';
    case 401: return 'Unauthorized: the API token or the bearer token was refused';
    case 402: return 'Payment required';
    case 403: return 'Request forbidden';
    case 404: return 'Not found';
    case 409: return 'Conflict';
    case 422: return 'Invalid parameters';
    case 429: return 'Too many requests';
    case 500: return 'Scalingo internal error';
    case 503: return 'Upstream provider returned an error, please retry later';
    default: return `Unexpected HTTP status ${status}`;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fieldErrorsOf(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, msgs] of Object.entries(value)) {
    if (Array.isArray(msgs)) out[field] = msgs.filter((m): m is string => typeof m === 'string');
    else if (typeof msgs === 'string') out[field] = [msgs];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** "name: is too short; password: is required". */
export function formatFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, msgs]) => `${field}: ${msgs.join(', ')}`)
    .join('; ');
}

/** Whether a body is one of Scalingo's JSON error bodies (so the status is Scalingo's own answer). */
export function isScalingoErrorBody(body: string): boolean {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) return false;
  try {
    const json: unknown = JSON.parse(trimmed);
    return typeof json === 'object' && json !== null && ['error', 'errors', 'resource', 'message'].some((k) => k in json);
  } catch {
    return false;
  }
}

/** Extracts Scalingo's message and details from an error body (JSON or text). */
export function parseErrorBody(status: number, body: string): HttpErrorDetails {
  const trimmed = body.trim();
  let json: unknown;
  if (trimmed.startsWith('{')) {
    try {
      json = JSON.parse(trimmed);
    } catch {
      json = undefined;
    }
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>;
    const fieldErrors = fieldErrorsOf(obj['errors']);
    const error = str(obj['error']) ?? str(obj['message']);
    const resource = str(obj['resource']);
    let scalingoMessage: string;
    if (status === 404 && resource) scalingoMessage = `The ${resource} was not found`;
    else if (fieldErrors) scalingoMessage = formatFieldErrors(fieldErrors);
    else scalingoMessage = error ?? defaultMessage(status);
    return {
      status,
      scalingoMessage,
      code: str(obj['code']),
      resource,
      fieldErrors,
      url: str(obj['url']),
    };
  }
  // Plain text (e.g. the documented 429 body `Retry later`) or HTML from a gateway.
  const looksLikeText = trimmed !== '' && !trimmed.startsWith('<');
  const text = looksLikeText ? trimmed.slice(0, MAX_TEXT) : defaultMessage(status);
  return { status, scalingoMessage: text };
}

/** The typed error for an unexpected status. */
export function httpErrorFor(
  status: number,
  body: string,
  context: RequestContext,
  retryAfterMs?: number,
): HttpError {
  const details = parseErrorBody(status, body);
  switch (true) {
    case status === 401: return new UnauthorizedError(details, context);
    case status === 402: return new PaymentRequiredError(details, context);
    case status === 403: return new ForbiddenError(details, context);
    case status === 404: return new NotFoundError(details, context);
    case status === 422: return new ValidationError(details, context);
    case status === 429: return new RateLimitError(details, context, retryAfterMs);
    case status >= 500: return new ServerError(details, context);
    default: return new HttpError(details, context);
  }
}
