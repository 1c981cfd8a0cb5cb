// Error classes of the Scalingo client.
//
// Every error thrown by the client is a `ScalingoError`. Its context (API, method, path, request
// id) never contains a secret: paths are built from app and addon identifiers only, origins are
// never included, and `cause` is always an error built by this module (never a raw transport
// error, a request object or a response body).

/** Which of the three Scalingo APIs a request went to. */
export type ApiKind = 'auth' | 'main' | 'db';

/** Where a failed request went; safe to log and to show to users. */
export interface RequestContext {
  readonly api: ApiKind;
  readonly method: string;
  /** Path with its query string, without origin (e.g. `/v1/apps/my-app/addons`). */
  readonly path: string;
  /** The `X-Request-ID` of the last attempt (the server's when it echoed one). */
  readonly requestId?: string | undefined;
  /** Number of HTTP attempts made for this call (retries and auth replays included). */
  readonly attempts?: number | undefined;
}

/** Field errors of a 422 body, `{"errors": {field: [messages]}}`, kept as sent. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

function describeContext(ctx: RequestContext | undefined): string {
  if (!ctx) return '';
  const parts = [`${ctx.method} ${ctx.path}`];
  if (ctx.requestId) parts.push(`request id ${ctx.requestId}`);
  return ` (${parts.join(', ')})`;
}

/** Base class of every error the client throws. */
export class ScalingoError extends Error {
  override readonly name: string = 'ScalingoError';
  readonly api: ApiKind | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly requestId: string | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, context?: RequestContext, options?: { cause?: Error }) {
    super(message + describeContext(context), options?.cause ? { cause: options.cause } : undefined);
    this.api = context?.api;
    this.method = context?.method;
    this.path = context?.path;
    this.requestId = context?.requestId;
    this.attempts = context?.attempts;
  }
}

/** Invalid client configuration, or a region missing from `/v1/regions`. */
export class ConfigurationError extends ScalingoError {
  override readonly name: string = 'ConfigurationError';
  constructor(message: string, context?: RequestContext) {
    super(message, context);
  }
}

export interface HttpErrorDetails {
  readonly status: number;
  /** Scalingo's own message: `error`, "The <resource> was not found", field errors joined, or the text body. */
  readonly scalingoMessage: string;
  /** `code` of `{"error","code"}` bodies (400, 403, 429). */
  readonly code?: string | undefined;
  /** `resource` of 404 bodies. */
  readonly resource?: string | undefined;
  /** `errors` of 422 bodies. */
  readonly fieldErrors?: FieldErrors | undefined;
  /** `url` of a 402 body (where to add a payment method). */
  readonly url?: string | undefined;
}

/** The server answered with a status the call does not expect. */
export class HttpError extends ScalingoError {
  override readonly name: string = 'HttpError';
  readonly status: number;
  readonly scalingoMessage: string;
  readonly code: string | undefined;
  readonly resource: string | undefined;
  readonly fieldErrors: FieldErrors | undefined;
  readonly url: string | undefined;

  constructor(details: HttpErrorDetails, context: RequestContext) {
    super(`${details.scalingoMessage} [HTTP ${details.status}]`, context);
    this.status = details.status;
    this.scalingoMessage = details.scalingoMessage;
    this.code = details.code;
    this.resource = details.resource;
    this.fieldErrors = details.fieldErrors;
    this.url = details.url;
  }
}

/** 404: the app, addon, database, user, operation… does not exist (see `resource`). */
export class NotFoundError extends HttpError {
  override readonly name: string = 'NotFoundError';
}

/** 401 that persisted after one token refresh, or an API token refused by the token exchange. */
export class UnauthorizedError extends HttpError {
  override readonly name: string = 'UnauthorizedError';
}

/** 403. */
export class ForbiddenError extends HttpError {
  override readonly name: string = 'ForbiddenError';
}

/** 402: the account cannot pay for this plan (free trial, no payment method). */
export class PaymentRequiredError extends HttpError {
  override readonly name: string = 'PaymentRequiredError';
}

/** 422: invalid parameters; `fieldErrors` holds the per-field messages. */
export class ValidationError extends HttpError {
  override readonly name: string = 'ValidationError';
}

/** 429 after every retry was spent (or a `Retry-After` longer than allowed). */
export class RateLimitError extends HttpError {
  override readonly name: string = 'RateLimitError';
  /** The last `Retry-After`, in milliseconds, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(details: HttpErrorDetails, context: RequestContext, retryAfterMs?: number) {
    super(details, context);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx (for reads: after every retry was spent). */
export class ServerError extends HttpError {
  override readonly name: string = 'ServerError';
}

/** No response within the per-request timeout (a read, after every retry). */
export class RequestTimeoutError extends ScalingoError {
  override readonly name: string = 'RequestTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, context: RequestContext) {
    super(`No response from Scalingo within ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` fired. `reason` is the signal's reason, unchanged (it is the caller's
 * own value); `outcomeUnknown` is true when a non-idempotent request may already have reached the
 * server.
 */
export class RequestAbortedError extends ScalingoError {
  override readonly name: string = 'RequestAbortedError';
  readonly reason: unknown;
  readonly outcomeUnknown: boolean;
  constructor(reason: unknown, context: RequestContext | undefined, outcomeUnknown: boolean) {
    super(
      outcomeUnknown
        ? 'Request aborted after it was sent; whether Scalingo applied it is unknown'
        : 'Request aborted',
      context,
      reason instanceof Error ? { cause: reason } : undefined,
    );
    this.reason = reason;
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** The connection failed (refused, reset, closed) and retrying did not help or was not allowed. */
export class NetworkError extends ScalingoError {
  override readonly name: string = 'NetworkError';
  /** Node/undici error code, e.g. `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`. */
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, context: RequestContext) {
    super(message, context);
    this.code = code;
  }
}

/**
 * A write may or may not have been applied: the connection was reset or timed out after it was
 * sent, or Scalingo (or a gateway) answered 5xx or a status without its error body. It was NOT
 * retried (classify.ts). The caller
 * must reconcile (e.g. list the app's addons to see whether one was created) before trying again.
 */
export class OutcomeUnknownError extends ScalingoError {
  override readonly name: string = 'OutcomeUnknownError';
  /** What was attempted, in words (e.g. "provision addon postgresql (plan …) on app my-app"). */
  readonly operation: string;
  /** Why the outcome is unknown: `reset`, `timeout` or `status`. */
  readonly why: 'reset' | 'timeout' | 'status';
  /** The gateway status when `why` is `status`. */
  readonly status: number | undefined;
  constructor(
    operation: string,
    why: 'reset' | 'timeout' | 'status',
    detail: string,
    context: RequestContext,
    status?: number,
    cause?: Error,
  ) {
    super(
      `Outcome unknown for "${operation}": ${detail}; it was not retried, check whether it took effect before trying again`,
      context,
      cause ? { cause } : undefined,
    );
    this.operation = operation;
    this.why = why;
    this.status = status;
  }
}

/** The response body is not JSON, or does not have the fields the client relies on. */
export class InvalidResponseError extends ScalingoError {
  override readonly name: string = 'InvalidResponseError';
  readonly status: number;
  /** Where the body deviates (paths and expectations only, never values). */
  readonly issues: readonly string[];
  constructor(status: number, issues: readonly string[], context: RequestContext) {
    super(`Unexpected response body from Scalingo (HTTP ${status}): ${issues.join('; ')}`, context);
    this.status = status;
    this.issues = issues;
  }
}

/** A database action answered `{"ok": 0, "error": …}`. */
export class ActionFailedError extends ScalingoError {
  override readonly name: string = 'ActionFailedError';
  readonly action: string;
  readonly scalingoMessage: string;
  constructor(action: string, scalingoMessage: string, context: RequestContext) {
    super(`Database action ${action} failed: ${scalingoMessage}`, context);
    this.action = action;
    this.scalingoMessage = scalingoMessage;
  }
}

export function isScalingoError(err: unknown): err is ScalingoError {
  return err instanceof ScalingoError;
}
export function isNotFound(err: unknown): err is NotFoundError {
  return err instanceof NotFoundError;
}
export function isUnauthorized(err: unknown): err is UnauthorizedError {
  return err instanceof UnauthorizedError;
}
export function isRateLimited(err: unknown): err is RateLimitError {
  return err instanceof RateLimitError;
}
export function isValidationError(err: unknown): err is ValidationError {
  return err instanceof ValidationError;
}
export function isTimeout(err: unknown): err is RequestTimeoutError {
  return err instanceof RequestTimeoutError;
}
export function isAborted(err: unknown): err is RequestAbortedError {
  return err instanceof RequestAbortedError;
}
export function isOutcomeUnknown(err: unknown): err is OutcomeUnknownError {
  return err instanceof OutcomeUnknownError;
}

/**
 * Whether a failed write may nevertheless have been applied: its answer was lost (5xx, reset,
 * timeout) or it was aborted after it may have been sent. The caller must read back before
 * reporting "nothing happened" or sending it again. A definite refusal (a 4xx with Scalingo's
 * error body, a request never sent) is not uncertain.
 */
export function isOutcomeUncertain(err: unknown): err is OutcomeUnknownError | RequestAbortedError {
  return err instanceof OutcomeUnknownError || (err instanceof RequestAbortedError && err.outcomeUnknown);
}

/** A failure that may go away by itself: 5xx, 429, a timeout or a connection failure. */
export function isTransient(err: unknown): boolean {
  return err instanceof ServerError || err instanceof RateLimitError || err instanceof RequestTimeoutError || err instanceof NetworkError;
}
