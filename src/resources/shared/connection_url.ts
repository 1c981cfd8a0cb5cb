// The connection URL of a database addon, as Scalingo injects it into the app's environment:
// `SCALINGO_<TECH>_URL` (PostgreSQL: `postgresql://<user>:<password>@<host>:<port>/<db>?sslmode=prefer`).
// Reading the app's variables is the only way the API exposes it. The URL holds a password:
// it is never logged and never quoted in an error message.

import { DiagnosticError } from '../../framework/diagnostics.js';
import { normalizeAddonProviderId, type Addon, type Variable } from '../../scalingo/index.js';

/** Variable prefix per addon provider (the URL is `<prefix>_URL`, or `<prefix>_<n>_URL` for more). */
const VARIABLE_PREFIXES: Readonly<Record<string, string>> = {
  postgresql: 'SCALINGO_POSTGRESQL',
  mysql: 'SCALINGO_MYSQL',
  mongodb: 'SCALINGO_MONGO',
  redis: 'SCALINGO_REDIS',
  elasticsearch: 'SCALINGO_ELASTICSEARCH',
  opensearch: 'SCALINGO_OPENSEARCH',
  influxdb: 'SCALINGO_INFLUX',
};

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'postgresql:': 5432,
  'postgres:': 5432,
  'mysql:': 3306,
  'mysql2:': 3306,
  'mongodb:': 27017,
  'redis:': 6379,
  'rediss:': 6379,
  'http:': 80,
  'https:': 443,
};

export function urlVariablePrefix(providerId: string): string | undefined {
  return VARIABLE_PREFIXES[normalizeAddonProviderId(providerId)];
}

/** Who the addon is, as far as choosing its variable goes. */
export type AddonIdentity = Pick<Addon, 'id' | 'resource_id'> & { addon_provider: { id: string } };

/**
 * The variable holding this addon's URL: among the app's `<prefix>[_…]_URL` variables, the one
 * whose database is the addon's resource_id, else `<prefix>_URL` itself. Undefined when none.
 */
export function pickConnectionVariable(variables: readonly Variable[], addon: AddonIdentity): Variable | undefined {
  const prefix = urlVariablePrefix(addon.addon_provider.id);
  if (!prefix) return undefined;
  const pattern = new RegExp(`^${prefix}(_\\w+)?_URL$`);
  const candidates = variables.filter((v) => pattern.test(v.name));
  const ofThisAddon = candidates.find((v) => databaseOf(v.value) === addon.resource_id);
  return ofThisAddon ?? candidates.find((v) => v.name === `${prefix}_URL`);
}

function databaseOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || null;
  } catch {
    return null;
  }
}

export type ConnectionParts = {
  url: string;
  host: string;
  port: number;
  database: string | null;
  username: string | null;
  password: string | null;
};

/**
 * Splits a connection URL with the WHATWG URL parser (user and password percent-decoded, IPv6
 * brackets removed, the scheme's default port when none is given). Errors name the variable,
 * never the URL.
 */
export function parseConnectionUrl(url: string, variable: string): ConnectionParts {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DiagnosticError('Unusable database URL', `${variable} is not a valid URL.`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = u.port ? Number(u.port) : DEFAULT_PORTS[u.protocol];
  if (!host || port === undefined) throw new DiagnosticError('Unusable database URL', `${variable} (scheme "${u.protocol}") lacks a host or a port.`);
  const decoded = (s: string) => (s === '' ? null : decodeURIComponent(s));
  return {
    url,
    host,
    port,
    database: decoded(u.pathname.replace(/^\//, '')),
    username: decoded(u.username),
    password: decoded(u.password),
  };
}
