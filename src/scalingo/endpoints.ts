// Base URLs of the three APIs. Explicit `apiUrl` / `dbApiUrl` WIN over region resolution (the
// official Go client does the opposite, reference §1.2); whichever is missing comes from the
// region's `api` / `database_api` in `GET {auth}/v1/regions`. Base URLs carry no API prefix: the
// client adds `/v1` (auth, main) and `/api` (database).

import { ConfigurationError } from './errors.js';
import type { ApiKind } from './errors.js';
import type { Region } from './schemas.js';

export const DEFAULT_AUTH_URL = 'https://auth.scalingo.com';
export const DEFAULT_REGION = 'osc-fr1';

export const API_PREFIX: Readonly<Record<ApiKind, string>> = { auth: '/v1', main: '/v1', db: '/api' };

export interface BaseUrl {
  /** `scheme://host[:port]`, never with credentials. */
  readonly origin: string;
  /** Path of the base URL without trailing slash (usually empty). */
  readonly basePath: string;
}

/** Parses a configured base URL; rejects credentials and non-HTTP schemes without echoing it. */
export function parseBaseUrl(value: string, setting: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${setting} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${setting} must be an http or https URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(`${setting} must not contain credentials`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigurationError(`${setting} must not contain a query string or a fragment`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * The region to use: the configured one, else the one flagged `default`, else `osc-fr1`, else
 * the only one listed.
 */
export function pickRegion(regions: readonly Region[], wanted: string | undefined): Region {
  const found = wanted !== undefined
    ? regions.find((r) => r.name === wanted)
    : regions.find((r) => r.default === true) ??
      regions.find((r) => r.name === DEFAULT_REGION) ??
      (regions.length === 1 ? regions[0] : undefined);
  if (!found) {
    const names = regions.map((r) => r.name).join(', ') || 'none';
    throw new ConfigurationError(
      wanted !== undefined
        ? `Region "${wanted}" not found; available regions: ${names}`
        : `No default region; set one of: ${names}`,
    );
  }
  return found;
}
