// scalingo_database_user's pure rules: the page's name and password rules, import IDs, what a
// plan changes about the password, the protected-user refusals, and the schema's secrets.

import { describe, expect, it } from '@jest/globals';
import { CtyNumber, UNKNOWN } from '../../src/cty/value.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import type { OperationContext, PlanRequest, Planned } from '../../src/framework/resource.js';
import { schemaProblems } from '../../src/framework/schema.js';
import { silentLogger } from '../../src/log/logger.js';
import { databaseUserResource } from '../../src/resources/database_user/index.js';
import { databaseUserSchema, type DatabaseUserModel } from '../../src/resources/database_user/model.js';
import { passwordChange, passwordMode, planUser, validateUserConfig } from '../../src/resources/database_user/plan.js';
import { addonObjectId, parseAddonObjectId, passwordProblems, passwordValidator, usernameProblems, usernameValidator } from '../../src/resources/database_user/rules.js';
import { databaseUsersDataSource } from '../../src/resources/data/database_users.js';
import type { ScalingoContext } from '../../src/resources/shared/context.js';

describe('user name rules (6-32 characters, letters, digits, underscores, leading letter)', () => {
  it.each(['my_app', 'reader_01', 'A12345', 'a'.repeat(32), 'Mixed_Case_User'])('accepts %s', (name) => {
    expect(usernameProblems(name)).toEqual([]);
  });

  it.each([
    ['abcde', /between 6 and 32 characters long; it has 5/],
    ['a'.repeat(33), /it has 33/],
    ['1reader', /must start with a letter/],
    ['_reader', /must start with a letter/],
    ['my-user', /only contain letters, digits and underscores; it contains "-"/],
    ['my user.x', /it contains " ", "\."/],
    ['utilisé_x', /it contains "é"/],
    ['', /it has 0/],
    ['postgres', /PostgreSQL reserves it/],
    ['pg_monitor', /PostgreSQL reserves it: names starting with "pg_"/],
    ['PG_Reader', /PostgreSQL reserves it/],
    ['public', /PostgreSQL reserves it/],
    ['session_user', /PostgreSQL reserves it/],
  ])('refuses %j', (name, problem) => {
    expect(usernameProblems(name).join(' ')).toMatch(problem);
  });

  it('reports every broken rule at once', () => {
    expect(usernameProblems('1-a')).toHaveLength(3);
  });

  it('reports through a validator, on the attribute', () => {
    const diags = new Diagnostics();
    usernameValidator().validate('bad-name', { path: ['name'], diags });
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', summary: 'Invalid database user name', path: ['name'] })]);
    const ok = new Diagnostics();
    usernameValidator().validate('good_name', { path: ['name'], diags: ok });
    usernameValidator().validate(UNKNOWN, { path: ['name'], diags: ok });
    expect(ok.items).toEqual([]);
  });
});

describe('password rules (8-64 characters, no quotes)', () => {
  it.each(['12345678', 'x'.repeat(64), 'with spaces and ü', 'a;b\\c`d$e'])('accepts %j', (pw) => {
    expect(passwordProblems(pw)).toEqual([]);
  });

  it.each([
    ['short12', /between 8 and 64 characters long; it has 7/],
    ['x'.repeat(65), /it has 65/],
    ['has"double', /must not contain the characters " or '/],
    ["has'single", /must not contain the characters " or '/],
  ])('refuses %j', (pw, problem) => {
    expect(passwordProblems(pw).join(' ')).toMatch(problem);
  });

  it('never quotes the password in its messages', () => {
    for (const pw of ['s3cr', "it's-a-secret-value", 'z'.repeat(70)]) {
      const diags = new Diagnostics();
      passwordValidator().validate(pw, { path: ['password'], diags });
      expect(diags.items).toHaveLength(1);
      expect(JSON.stringify(diags.items)).not.toContain(pw);
    }
  });

  it('skips unknown and null values (they are checked once known)', () => {
    const diags = new Diagnostics();
    passwordValidator().validate(UNKNOWN, { path: ['password'], diags });
    passwordValidator().validate(null, { path: ['password'], diags });
    expect(diags.items).toEqual([]);
  });
});

describe('import IDs', () => {
  it('parses <app>:<addon_id>:<name> and formats it back', () => {
    expect(parseAddonObjectId('my-app:ad-123:reader_01')).toEqual({ app: 'my-app', addonId: 'ad-123', name: 'reader_01' });
    expect(addonObjectId('my-app', 'ad-123', 'reader_01')).toBe('my-app:ad-123:reader_01');
  });

  it.each(['my-app:ad-123', 'my-app:ad-123:x:y', '::', 'my-app::reader', ':ad-1:reader', 'a:b: '])('refuses %j', (id) => {
    expect(parseAddonObjectId(id)).toBeUndefined();
  });
});

const base: DatabaseUserModel = {
  id: 'app:ad-1:reader_01',
  app: 'app',
  addon_id: 'ad-1',
  name: 'reader_01',
  read_only: false,
  password: 'old-password',
  password_wo: null,
  password_wo_version: null,
  protected: false,
  password_encryption: 'SCRAM-SHA-256',
};

describe('password modes and changes', () => {
  it('tells the mode from the configuration', () => {
    expect(passwordMode({ password: 'x', password_wo: null })).toBe('given');
    expect(passwordMode({ password: null, password_wo: 'x' })).toBe('write_only');
    expect(passwordMode({ password: null, password_wo: UNKNOWN })).toBe('write_only');
    expect(passwordMode({ password: null, password_wo: null })).toBe('generated');
  });

  it('changes a given password when it differs, or is unknown', () => {
    expect(passwordChange(base, { password: 'old-password', password_wo: null, password_wo_version: null })).toEqual({ change: false });
    expect(passwordChange(base, { password: 'new-password', password_wo: null, password_wo_version: null })).toMatchObject({ change: true, path: ['password'] });
    expect(passwordChange(base, { password: UNKNOWN, password_wo: null, password_wo_version: null })).toMatchObject({ change: true });
    // After an import the password is null: a configured one is set.
    expect(passwordChange({ ...base, password: null }, { password: 'new-password', password_wo: null, password_wo_version: null })).toMatchObject({ change: true });
  });

  it('changes a write-only password only when its version changes, or when switching to write-only', () => {
    const wo = { ...base, password: null, password_wo_version: CtyNumber.of(1) };
    expect(passwordChange(wo, { password: null, password_wo: 'another-one', password_wo_version: CtyNumber.of(1) })).toEqual({ change: false });
    expect(passwordChange(wo, { password: null, password_wo: 'another-one', password_wo_version: CtyNumber.of(2) })).toMatchObject({ change: true, path: ['password_wo_version'] });
    expect(passwordChange(wo, { password: null, password_wo: 'another-one', password_wo_version: null })).toMatchObject({ change: true });
    expect(passwordChange(base, { password: null, password_wo: 'another-one', password_wo_version: null })).toMatchObject({ change: true, path: ['password_wo'] });
  });

  it('never changes a generated password after creation', () => {
    expect(passwordChange(base, { password: null, password_wo: null, password_wo_version: null })).toEqual({ change: false });
    expect(passwordChange({ ...base, password: null }, { password: null, password_wo: null, password_wo_version: null })).toEqual({ change: false });
  });
});

describe('configuration checks', () => {
  const config = (o: Partial<Planned<DatabaseUserModel>>): Planned<DatabaseUserModel> => ({ ...base, password: null, ...o });

  it('refuses password together with password_wo', () => {
    const diags = new Diagnostics();
    validateUserConfig(config({ password: 'aaaaaaaa', password_wo: 'bbbbbbbb' }), diags);
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Conflicting password attributes', path: ['password_wo'] })]);
    const unknown = new Diagnostics();
    validateUserConfig(config({ password: UNKNOWN, password_wo: 'bbbbbbbb' }), unknown);
    expect(unknown.hasErrors()).toBe(true);
  });

  it('refuses password_wo_version without password_wo', () => {
    const diags = new Diagnostics();
    validateUserConfig(config({ password_wo_version: CtyNumber.of(1) }), diags);
    expect(diags.items).toEqual([expect.objectContaining({ path: ['password_wo_version'] })]);
    const ok = new Diagnostics();
    validateUserConfig(config({ password_wo: 'bbbbbbbb', password_wo_version: CtyNumber.of(1) }), ok);
    validateUserConfig(config({}), ok);
    expect(ok.items).toEqual([]);
  });
});

describe('plan', () => {
  // Apps as the API resolves them: "app" (the name) and its ID are one app; "other-app" is another.
  const appIds: Record<string, string> = { app: 'a0a0a0a0a0a0a0a0a0a0a0a0', a0a0a0a0a0a0a0a0a0a0a0a0: 'a0a0a0a0a0a0a0a0a0a0a0a0', 'other-app': 'b1b1b1b1b1b1b1b1b1b1b1b1' };
  const provider = { sameApp: async (a: string, b: string) => a === b || (appIds[a] !== undefined && appIds[a] === appIds[b]) } as unknown as ScalingoContext;
  async function plan(prior: DatabaseUserModel | null, config: Planned<DatabaseUserModel> | null, planned: Planned<DatabaseUserModel> | null = config) {
    const diags = new Diagnostics();
    const replaced: unknown[] = [];
    const request: PlanRequest<DatabaseUserModel> = { config, prior, planned: planned ? { ...planned } : null, requireReplace: (path) => replaced.push(path), privateState: null, setPrivateState: () => {} };
    const ctx = { signal: new AbortController().signal, diags, log: silentLogger, provider } satisfies OperationContext<ScalingoContext>;
    await planUser(request, ctx);
    return { diags, planned: request.planned, replaced };
  }
  const owner: DatabaseUserModel = { ...base, name: 'my_app_4553', password: null, protected: true };

  it('forgets a protected user on destroy, with a warning and no error', async () => {
    const { diags } = await plan(owner, null);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'warning', summary: 'Protected user my_app_4553 will be removed from the state, not deleted' })]);
    expect(diags.hasErrors()).toBe(false);
    expect((await plan(base, null)).diags.items).toEqual([]);
  });

  it("refuses to change a protected user's password, on the attribute", async () => {
    const { diags } = await plan(owner, { ...owner, password: 'brand-new-pass' });
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Cannot change the password of protected user my_app_4553', path: ['password'] })]);
    const wo = await plan(owner, { ...owner, password_wo: 'brand-new-pass', password_wo_version: CtyNumber.of(1) });
    expect(wo.diags.items).toEqual([expect.objectContaining({ path: ['password_wo_version'] })]);
    expect((await plan(owner, { ...owner })).diags.items).toEqual([]);
  });

  it('refuses to replace a protected user', async () => {
    const { diags } = await plan(owner, { ...owner, read_only: true });
    expect(diags.items).toEqual([expect.objectContaining({ summary: 'Cannot replace protected user my_app_4553', path: ['read_only'] })]);
    expect((await plan(base, { ...base, read_only: true })).diags.items).toEqual([]);
    const moved = await plan(owner, { ...owner, app: 'other-app' });
    expect(moved.diags.items).toEqual([expect.objectContaining({ summary: 'Cannot replace protected user my_app_4553', path: ['app'] })]);
  });

  it('keeps the prior app when the configuration names the same app another way; replaces on another app', async () => {
    const byId = await plan(base, { ...base, app: 'a0a0a0a0a0a0a0a0a0a0a0a0' });
    expect(byId.planned!.app).toBe('app');
    expect(byId.replaced).toEqual([]);
    const protectedById = await plan(owner, { ...owner, app: 'a0a0a0a0a0a0a0a0a0a0a0a0' });
    expect(protectedById.diags.items).toEqual([]);
    const other = await plan(base, { ...base, app: 'other-app' });
    expect(other.planned!.app).toBe('other-app');
    expect(other.replaced).toEqual([['app']]);
    expect((await plan(base, { ...base, app: UNKNOWN })).replaced).toEqual([['app']]);
  });

  it('plans no stored password in write-only mode', async () => {
    const created = await plan(null, { ...base, password: null, password_wo: 'bbbbbbbb', protected: UNKNOWN }, { ...base, password: UNKNOWN, password_wo: null });
    expect(created.planned!.password).toBeNull();
    const switched = await plan(base, { ...base, password: null, password_wo: 'bbbbbbbb' }, { ...base, password_wo: null });
    expect(switched.planned!.password).toBeNull();
  });
});

describe('schemas', () => {
  it('are well formed', () => {
    expect(schemaProblems(databaseUserSchema.block)).toEqual([]);
    expect(schemaProblems(databaseUsersDataSource.schema.block)).toEqual([]);
    expect(databaseUserResource.typeName).toBe('scalingo_database_user');
  });

  it('mark every password sensitive, and the write-only one write-only', () => {
    const a = databaseUserSchema.block.attributes;
    expect(a['password']).toMatchObject({ sensitive: true, optional: true, computed: true });
    expect(a['password_wo']).toMatchObject({ sensitive: true, writeOnly: true });
    expect(a['password_wo']!.computed).toBeFalsy();
    // Nothing else holds a secret; the data source lists no passwords.
    const secretLooking = Object.keys(a).filter((k) => /password(_wo)?$/.test(k));
    expect(secretLooking.sort()).toEqual(['password', 'password_wo']);
    expect(JSON.stringify(databaseUsersDataSource.schema)).not.toMatch(/"password"/);
  });

  it('default read_only to false and replace on addon_id, name and read_only (app: on another app, see plan)', () => {
    const a = databaseUserSchema.block.attributes;
    expect(a['read_only']!.default).toBe(false);
    for (const name of ['addon_id', 'name', 'read_only']) expect(a[name]!.planModifiers!.some((m) => m.description.includes('replaces'))).toBe(true);
    expect(a['app']!.planModifiers ?? []).toEqual([]);
    expect(a['app']!.validators).toHaveLength(1);
    expect((a['password']!.planModifiers ?? []).some((m) => m.description.includes('replaces'))).toBe(false);
  });
});
