// Canonical addon provider ids. Legacy `scalingo-*` ids and PostgreSQL nicknames are rewritten to
// the ids the API returns today (`postgresql`, `redis`, …), so that a configuration written with
// an alias compares equal to what a read returns (reference §3.1).

const POSTGRESQL_ALIASES: ReadonlySet<string> = new Set(['postgresql', 'postgres', 'postgre', 'pgsql', 'psql']);

/**
 * `scalingo-postgresql`, `scalingo-postgres`, `scalingo-postgre`, `scalingo-pgsql`,
 * `scalingo-psql`, `postgres`, `pgsql`, `psql` → `postgresql`; `scalingo-<x>` → `<x>` (e.g.
 * `scalingo-redis` → `redis`); any other id is returned trimmed and lower-cased.
 */
export function normalizeAddonProviderId(id: string): string {
  let canonical = id.trim().toLowerCase();
  if (canonical.startsWith('scalingo-')) canonical = canonical.slice('scalingo-'.length);
  if (POSTGRESQL_ALIASES.has(canonical)) return 'postgresql';
  return canonical;
}
