// The SQL that enables, reads and disables an extension. Identifiers are always quoted:
// names such as `uuid-ossp` need it, and nothing from the configuration reaches SQL unquoted.

import { quoteIdent } from '../shared/postgres_connection.js';

export function createExtensionSql(name: string, schema: string | null): string {
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}${schema !== null ? ` SCHEMA ${quoteIdent(schema)}` : ''}`;
}

/** Never CASCADE: that would drop the user's objects (columns, indexes) built on the extension. */
export function dropExtensionSql(name: string): string {
  return `DROP EXTENSION IF EXISTS ${quoteIdent(name)}`;
}

export const READ_EXTENSION_SQL =
  'SELECT e.extversion AS version, n.nspname AS schema FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1';
