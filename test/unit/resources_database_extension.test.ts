// scalingo_database_extension's pure rules: Scalingo's available list with suggestions, the SQL
// it runs (identifiers quoted), import IDs, and the schema.

import { describe, expect, it } from '@jest/globals';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { schemaProblems } from '../../src/framework/schema.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ScalingoContext } from '../../src/resources/shared/context.js';
import { AVAILABLE_EXTENSIONS, availableExtensionValidator, closestExtension, isAvailableExtension, unavailableExtensionMessage } from '../../src/resources/database_extension/available.js';
import { databaseExtensionResource } from '../../src/resources/database_extension/index.js';
import { databaseExtensionSchema } from '../../src/resources/database_extension/model.js';
import { createExtensionSql, dropExtensionSql } from '../../src/resources/database_extension/sql.js';

describe('available extensions', () => {
  it("holds Scalingo's list (reference §4.8)", () => {
    expect(AVAILABLE_EXTENSIONS).toHaveLength(29);
    for (const name of ['anon', 'pg_stat_statements', 'postgis', 'postgis_tiger_geocoder', 'timescaledb', 'uuid-ossp', 'vector']) expect(isAvailableExtension(name)).toBe(true);
    for (const name of ['plpgsql', 'plv8', 'adminpack', 'UUID-OSSP', '']) expect(isAvailableExtension(name)).toBe(false);
  });

  it.each([
    ['uuid_ossp', 'uuid-ossp'],
    ['UUID-OSSP', 'uuid-ossp'],
    ['PostGIS', 'postgis'],
    ['pg_trgrm', 'pg_trgm'],
    ['pgvector', 'vector'],
    ['hstor', 'hstore'],
    ['timescale', 'timescaledb'],
    ['pg_stat_statement', 'pg_stat_statements'],
  ])('suggests %s -> %s', (typo, expected) => {
    expect(closestExtension(typo)).toBe(expected);
  });

  it('suggests nothing for a name far from every available one', () => {
    expect(closestExtension('plv8')).toBeUndefined();
    expect(closestExtension('mysql_fdw_something_else')).toBeUndefined();
  });

  it('explains a refusal with the suggestion and the whole list, on the name', () => {
    expect(unavailableExtensionMessage('hstore')).toBeUndefined();
    const message = unavailableExtensionMessage('uuid_ossp')!;
    expect(message).toContain('Did you mean "uuid-ossp"?');
    expect(message).toContain(`Available extensions: ${AVAILABLE_EXTENSIONS.join(', ')}.`);
    expect(unavailableExtensionMessage('plv8')).not.toContain('Did you mean');

    const diags = new Diagnostics();
    availableExtensionValidator().validate('plv8', { path: ['name'], diags });
    availableExtensionValidator().validate('citext', { path: ['name'], diags });
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', summary: 'Unavailable PostgreSQL extension', path: ['name'] })]);
  });
});

describe('SQL', () => {
  it('quotes the extension and schema names', () => {
    expect(createExtensionSql('uuid-ossp', null)).toBe('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    expect(createExtensionSql('pg_trgm', 'extensions')).toBe('CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA "extensions"');
    expect(createExtensionSql('hstore', 'odd "schema"; DROP TABLE x')).toBe('CREATE EXTENSION IF NOT EXISTS "hstore" SCHEMA "odd ""schema""; DROP TABLE x"');
    expect(dropExtensionSql('uuid-ossp')).toBe('DROP EXTENSION IF EXISTS "uuid-ossp"');
  });

  it('never drops with CASCADE', () => {
    expect(dropExtensionSql('citext')).not.toMatch(/cascade/i);
  });
});

describe('resource', () => {
  // The API knows my-app by its ID; an app it does not know stays as given.
  const provider = { appId: async (app: string) => (app === 'my-app' ? 'a0a0a0a0a0a0a0a0a0a0a0a0' : null) } as unknown as ScalingoContext;
  const ctx = { signal: new AbortController().signal, diags: new Diagnostics(), log: silentLogger, provider };

  it('imports <app>:<addon_id>:<name>, recording the app by ID, refusing other forms and unavailable names', async () => {
    await expect(databaseExtensionResource.importState!('my-app:ad-1:uuid-ossp', ctx)).resolves.toEqual({
      id: 'my-app:ad-1:uuid-ossp',
      app: 'a0a0a0a0a0a0a0a0a0a0a0a0',
      addon_id: 'ad-1',
      name: 'uuid-ossp',
      schema: null,
      version: null,
    });
    await expect(databaseExtensionResource.importState!('my-app:ad-1', ctx)).rejects.toMatchObject({ summary: 'Invalid import ID' });
    await expect(databaseExtensionResource.importState!('my-app:ad-1:plv8', ctx)).rejects.toMatchObject({ summary: 'Unavailable PostgreSQL extension' });
  });

  it('has a well-formed schema where every configured attribute replaces (app: when another app, see plan)', () => {
    expect(schemaProblems(databaseExtensionSchema.block)).toEqual([]);
    const a = databaseExtensionSchema.block.attributes;
    for (const name of ['addon_id', 'name', 'schema']) expect(a[name]!.planModifiers!.some((m) => m.description.includes('replaces'))).toBe(true);
    expect(a['app']!.planModifiers ?? []).toEqual([]);
    expect(a['schema']).toMatchObject({ optional: true, computed: true });
    expect(a['version']).toMatchObject({ computed: true });
    // Nothing about the connection is part of the schema.
    expect(Object.keys(a).sort()).toEqual(['addon_id', 'app', 'id', 'name', 'schema', 'version']);
  });
});
