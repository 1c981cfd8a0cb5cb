// Response values and Scalingo-style error helpers. Handlers return (or throw) responses
// instead of writing to the socket, so the server can apply faults after processing.
import type { IncomingHttpHeaders } from 'node:http';

export type ResponseBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; value: string }
  | { kind: 'empty' };

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body: ResponseBody;
}

export function json(status: number, value: unknown, headers?: Record<string, string>): ApiResponse {
  return { status, body: { kind: 'json', value }, ...(headers ? { headers } : {}) };
}

export function text(status: number, value: string, headers?: Record<string, string>): ApiResponse {
  return { status, body: { kind: 'text', value }, ...(headers ? { headers } : {}) };
}

export function empty(status: number): ApiResponse {
  return { status, body: { kind: 'empty' } };
}

/** Thrown by handlers to answer with an error response. */
export class HttpError extends Error {
  constructor(readonly response: ApiResponse) {
    super(`HTTP ${response.status}`);
  }
}

export function badRequest(message: string, code?: string): HttpError {
  return new HttpError(json(400, code ? { error: message, code } : { error: message }));
}

export function unauthorized(message: string): HttpError {
  return new HttpError(json(401, { error: message }));
}

export function forbidden(message: string, code = 'forbidden'): HttpError {
  return new HttpError(json(403, { error: message, code }));
}

/** Scalingo's 404 body names the missing resource. */
export function notFound(resource: string): HttpError {
  return new HttpError(json(404, { resource, error: 'not found' }));
}

/** Field errors: `{"errors": {"field": ["message", ...]}}`. */
export function unprocessable(errors: Record<string, string[]>): HttpError {
  return new HttpError(json(422, { errors }));
}

export interface RequestContext {
  method: string;
  /** Path without the query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

// --- narrowing helpers for untrusted JSON --------------------------------------------------

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object under `root` in the body (`{"addon": {...}}`), or throws 400. */
export function rootObject(body: unknown, root: string): Record<string, unknown> {
  if (!isRecord(body) || !isRecord(body[root])) throw badRequest(`the request body must be a JSON object with a "${root}" object`);
  return body[root] as Record<string, unknown>;
}
