// The PostgreSQL extensions Scalingo makes available (reference scalingo-api.md §4.8, from the
// documentation's list), and the plan-time check of a name against them.

import type { AttributeValidator } from '../../framework/validators.js';

export const AVAILABLE_EXTENSIONS: readonly string[] = [
  'anon', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dblink', 'dict_int', 'earthdistance', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'ltree',
  'pg_repack', 'pg_stat_statements', 'pg_trgm', 'pgcrypto', 'pgrowlocks', 'postgis', 'postgis_raster', 'postgis_sfcgal', 'postgis_tiger_geocoder',
  'postgis_topology', 'postgres_fdw', 'tablefunc', 'timescaledb', 'unaccent', 'uuid-ossp', 'vector',
];

export function isAvailableExtension(name: string): boolean {
  return AVAILABLE_EXTENSIONS.includes(name);
}

/**
 * The available name the user most likely meant: the same name up to case and `-`/`_`
 * (`UUID_OSSP`), else the nearest by edit distance if it is close enough.
 */
export function closestExtension(name: string): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const folded = AVAILABLE_EXTENSIONS.find((e) => fold(e) === fold(name));
  if (folded) return folded;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of AVAILABLE_EXTENSIONS) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (!best || d < best.distance) best = { name: candidate, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The error text for a name that is not available, or undefined when it is. */
export function unavailableExtensionMessage(name: string): string | undefined {
  if (isAvailableExtension(name)) return undefined;
  const suggestion = closestExtension(name);
  return `Scalingo does not offer the PostgreSQL extension ${JSON.stringify(name)}.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''} Available extensions: ${AVAILABLE_EXTENSIONS.join(', ')}.`;
}

export function availableExtensionValidator(): AttributeValidator {
  return {
    description: `one of the extensions Scalingo offers: ${AVAILABLE_EXTENSIONS.map((e) => `\`${e}\``).join(', ')}`,
    validate(value, { path, diags }) {
      if (typeof value !== 'string') return;
      const message = unavailableExtensionMessage(value);
      if (message) diags.error('Unavailable PostgreSQL extension', message, path);
    },
  };
}
