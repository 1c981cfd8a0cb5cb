import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { passwordPairErrors, usernameErrors } from '../../src/simulator/userrules.js';
import { TestSim } from './helpers.js';

describe('user rules (pure)', () => {
  test.each([
    ['abc12', /too short/],
    ['a'.repeat(33), /too long/],
    ['bad-name', /letters, digits and underscores/],
    ['1abcdef', /start with a letter/],
    ['_abcdef', /start with a letter/],
    ['', /blank/],
    ['pg_reader', /reserved/],
  ])('username %p is refused', (name, message) => {
    expect(usernameErrors(name).join(' ')).toMatch(message);
  });
  test.each(['abcdef', 'A'.repeat(32), 'Reader_01', 'a_1_b_2'])('username %p is accepted', (name) => {
    expect(usernameErrors(name)).toEqual([]);
  });
  test('password rules: 8-64 characters, no quotes, confirmation must match', () => {
    expect(passwordPairErrors('short', undefined, true).password![0]).toMatch(/too short/);
    expect(passwordPairErrors('x'.repeat(65), undefined, true).password![0]).toMatch(/too long/);
    expect(passwordPairErrors('with"quote', undefined, true).password![0]).toMatch(/must not contain/);
    expect(passwordPairErrors("with'quote", undefined, true).password![0]).toMatch(/must not contain/);
    expect(passwordPairErrors('x'.repeat(8), undefined, true)).toEqual({});
    expect(passwordPairErrors('x'.repeat(64), 'x'.repeat(64), true)).toEqual({});
    expect(passwordPairErrors('goodpassword', 'otherpassword', true).password_confirmation).toBeDefined();
    expect(passwordPairErrors(undefined, undefined, false)).toEqual({});
    expect(passwordPairErrors(undefined, undefined, true).password).toEqual(["can't be blank"]);
  });
});

describe('database users API', () => {
  let t: TestSim;
  let addon: { id: string; resource_id?: unknown };
  beforeAll(async () => {
    t = await TestSim.start({ speed: 100 });
    addon = await t.provision('postgresql-starter-512');
    await t.waitRunning(addon.id);
  });
  afterAll(() => t.close());

  const create = (user: Record<string, unknown>) => t.db('POST', addon.id, '/users', { database_user: { database_id: addon.id, ...user } });

  test('a new database has one protected user named like its resource_id', async () => {
    const r = await t.db('GET', addon.id, '/users');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['database-users']);
    expect(r.body['database-users']).toEqual([
      { name: addon.resource_id, read_only: false, protected: true, dbms_attributes: { password_encryption: 'SCRAM-SHA-256' } },
    ]);
  });

  test('create with a password: 201 {"database_user"} without the password', async () => {
    const r = await create({ name: 'app_writer', read_only: false, password: 'a-good-password-1', password_confirmation: 'a-good-password-1' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ database_user: { name: 'app_writer', read_only: false, protected: false, dbms_attributes: { password_encryption: 'SCRAM-SHA-256' } } });
  });

  test('create without a password: a generated 64-character password is returned once', async () => {
    const r = await create({ name: 'app_reader', read_only: true });
    expect(r.status).toBe(201);
    expect(r.body.database_user.read_only).toBe(true);
    expect(r.body.database_user.password).toMatch(/^[A-Za-z0-9_]{64}$/);
    const list = (await t.db('GET', addon.id, '/users')).body['database-users'];
    expect(list.find((u: { name: string }) => u.name === 'app_reader')).not.toHaveProperty('password');
  });

  test.each([
    [{ name: 'short' }, 'name', /too short/],
    [{ name: 'a'.repeat(33) }, 'name', /too long/],
    [{ name: 'has-hyphen' }, 'name', /letters, digits and underscores/],
    [{ name: '9starts' }, 'name', /start with a letter/],
    [{ name: 'good_name', password: 'short' }, 'password', /too short/],
    [{ name: 'good_name', password: 'p'.repeat(65) }, 'password', /too long/],
    [{ name: 'good_name', password: 'has"quote1' }, 'password', /must not contain/],
    [{ name: 'good_name', password: "has'quote1" }, 'password', /must not contain/],
    [{ name: 'good_name', password: 'password-one', password_confirmation: 'password-two' }, 'password_confirmation', /match/],
  ])('invalid %p is 422 {"errors": {%s: [...]}}', async (user, field, message) => {
    const r = await create(user);
    expect(r.status).toBe(422);
    expect(r.body.errors[field].join(' ')).toMatch(message);
    expect((await t.db('GET', addon.id, '/users')).body['database-users'].map((u: { name: string }) => u.name)).not.toContain(user.name);
  });

  test('a duplicate name is 422', async () => {
    await create({ name: 'dup_user' });
    const r = await create({ name: 'dup_user' });
    expect(r.status).toBe(422);
    expect(r.body.errors.name[0]).toMatch(/taken/);
  });

  test('PATCH changes a password (200, no password echoed); reset_password returns a generated one', async () => {
    const patched = await t.db('PATCH', addon.id, '/users/app_writer', { database_user: { password: 'another-password-2', password_confirmation: 'another-password-2' } });
    expect(patched.status).toBe(200);
    expect(patched.body.database_user).not.toHaveProperty('password');
    expect((await t.db('PATCH', addon.id, '/users/app_writer', { database_user: { password: 'bad' } })).status).toBe(422);
    expect((await t.db('PATCH', addon.id, '/users/app_writer', { database_user: {} })).status).toBe(422);
    const reset = await t.db('POST', addon.id, '/users/app_writer/reset_password');
    expect(reset.status).toBe(200);
    expect(reset.body.database_user.password).toMatch(/^[A-Za-z0-9_]{64}$/);
    const state = (await t.admin('GET', '/state')).body;
    const stored = state.addons[0].database.users.find((u: { name: string }) => u.name === 'app_writer');
    expect(stored.password).toBe(reset.body.database_user.password);
  });

  test('the protected user cannot be deleted, nor have its password changed or reset (403)', async () => {
    const name = String(addon.resource_id);
    for (const [method, path, body] of [
      ['DELETE', `/users/${name}`, undefined],
      ['PATCH', `/users/${name}`, { database_user: { password: 'some-password-3', password_confirmation: 'some-password-3' } }],
      ['POST', `/users/${name}/reset_password`, undefined],
    ] as const) {
      const r = await t.db(method, addon.id, path, body);
      expect(r.status).toBe(403);
      expect(r.body.error).toMatch(/protected/);
    }
    expect((await t.db('GET', addon.id, '/users')).body['database-users'].some((u: { name: string }) => u.name === name)).toBe(true);
  });

  test('delete answers 204; unknown users are 404', async () => {
    const r = await t.db('DELETE', addon.id, '/users/dup_user');
    expect(r.status).toBe(204);
    const again = await t.db('DELETE', addon.id, '/users/dup_user');
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ resource: 'database_user', error: 'not found' });
    expect((await t.db('POST', addon.id, '/users/nobody_here/reset_password')).status).toBe(404);
  });

  test('redis databases have no user management (400)', async () => {
    const redis = await t.provision('redis-sandbox');
    const r = await t.db('GET', redis.id, '/users');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/not available/);
  });
});
