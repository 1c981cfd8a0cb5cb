// The `app` attribute's rules (an ID or a name Scalingo could have), and the lookup of a
// resource's address in the working directory for the commands diagnostics suggest.

import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNKNOWN } from '../../src/cty/value.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { resourceAddress } from '../../src/resources/shared/address.js';
import { appProblems, appValidator } from '../../src/resources/shared/app.js';

describe('app IDs and names', () => {
  it.each(['6aad453a756f15040c87a2e9', 'my-app', 'sim-app-1', 'a', 'app2', '9lives', 'a'.repeat(48)])('accepts %j', (app) => {
    expect(appProblems(app)).toEqual([]);
  });

  it.each([
    ['', /empty/],
    ['a/b', /contains "\/"/],
    ['..', /contains "\."/],
    ['a'.repeat(3000), /at most 48 characters; this one has 3000/],
    ['a'.repeat(49), /this one has 49/],
    ['My-App', /contains "M", "A"/],
    ['-app', /starts with a letter or a digit/],
    ['my app', /contains " "/],
    ["app?x=1", /contains "\?", "="/],
  ])('refuses %j', (app, problem) => {
    expect(appProblems(app).join(' ')).toMatch(problem);
  });

  it('reports on the attribute, without echoing thousands of characters', () => {
    const diags = new Diagnostics();
    appValidator().validate('x'.repeat(3000), { path: ['app'], diags });
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', summary: 'Invalid app', path: ['app'] })]);
    expect((diags.items[0]!.detail ?? "").length).toBeLessThan(400);
    const ok = new Diagnostics();
    appValidator().validate('my-app', { path: ['app'], diags: ok });
    appValidator().validate(UNKNOWN, { path: ['app'], diags: ok });
    appValidator().validate(null, { path: ['app'], diags: ok });
    expect(ok.items).toEqual([]);
  });
});

describe('resource address in the working directory', () => {
  const dirs: string[] = [];
  const dirWith = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'address-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const block = (name: string, body: string) => `resource "scalingo_addon" "${name}" {\n${body}\n}\n`;

  it('is the one block of the type', () => {
    const dir = dirWith({ 'main.tf': `${block('db', '  app = var.app\n  provider_id = "postgresql"')}resource "scalingo_database_user" "u" {\n  name = "x"\n}\n`, 'notes.txt': block('nope', '') });
    expect(resourceAddress('scalingo_addon', { app: 'my-app', provider_id: 'postgresql' }, undefined, dir)).toBe('scalingo_addon.db');
  });

  it('is narrowed by literal attributes, and absent when ambiguous', () => {
    const dir = dirWith({ 'a.tf': block('pg', '  provider_id = "postgresql" # main db'), 'b.tf': block('cache', '  provider_id = "redis"') });
    expect(resourceAddress('scalingo_addon', { provider_id: 'postgresql' }, undefined, dir)).toBe('scalingo_addon.pg');
    expect(resourceAddress('scalingo_addon', { provider_id: 'redis' }, undefined, dir)).toBe('scalingo_addon.cache');
    expect(resourceAddress('scalingo_addon', { provider_id: 'mysql' }, undefined, dir)).toBeUndefined();
    expect(resourceAddress('scalingo_addon', {}, undefined, dir)).toBeUndefined();
  });

  it('is absent for count/for_each blocks, or a directory without configuration', () => {
    expect(resourceAddress('scalingo_addon', {}, undefined, dirWith({ 'main.tf': block('dbs', '  count = 2') }))).toBeUndefined();
    expect(resourceAddress('scalingo_addon', {}, undefined, dirWith({}))).toBeUndefined();
    expect(resourceAddress('scalingo_addon', {}, undefined, join(tmpdir(), 'no-such-dir-for-address-test'))).toBeUndefined();
  });
});

describe('data "scalingo_app"', () => {
  it('checks `id` and `name` with the same rules, before any lookup', async () => {
    const { validateBlock } = await import('../../src/framework/server/validate.js');
    const { appDataSource } = await import('../../src/resources/data/app.js');
    const config = { id: null, name: 'a/b', region: null, url: null, git_url: null, created_at: null };
    const diags = new Diagnostics();
    validateBlock(appDataSource.schema.block, config, diags);
    expect(diags.items).toEqual([expect.objectContaining({ severity: 'error', summary: 'Invalid app', path: ['name'] })]);
    const ok = new Diagnostics();
    validateBlock(appDataSource.schema.block, { ...config, name: 'my-app' }, ok);
    expect(ok.items).toEqual([]);
  });
});
