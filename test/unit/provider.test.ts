// The provider's configuration and the schemas of everything it serves.

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CtyNumber, UNKNOWN } from '../../src/cty/value.js';
import { Diagnostics } from '../../src/framework/diagnostics.js';
import { schemaProblems } from '../../src/framework/schema.js';
import { resolveSettings } from '../../src/provider/config.js';
import { dataSources, ephemeralResources, resources, scalingoProvider } from '../../src/provider/provider.js';
import { PROVIDER_VERSION } from '../../src/provider/version.js';

const empty = { api_token: null, region: null, auth_api_url: null, api_url: null, db_api_url: null, requests_per_minute: null };

describe('provider configuration', () => {
  it('reads the environment when the configuration is silent, with defaults', () => {
    const diags = new Diagnostics();
    const s = resolveSettings(empty, { SCALINGO_API_TOKEN: 'tk-us-env' }, diags);
    expect(diags.items).toEqual([]);
    expect(s).toEqual({ apiToken: 'tk-us-env', region: 'osc-fr1', authUrl: 'https://auth.scalingo.com', apiUrl: undefined, dbApiUrl: undefined, requestsPerMinute: 60 });
  });

  it('lets the configuration win over the environment', () => {
    const diags = new Diagnostics();
    const s = resolveSettings(
      { ...empty, api_token: 'tk-us-conf', region: 'osc-secnum-fr1', api_url: 'http://127.0.0.1:9/', requests_per_minute: CtyNumber.of(120) },
      { SCALINGO_API_TOKEN: 'tk-us-env', SCALINGO_REGION: 'osc-fr1' },
      diags,
    );
    expect(s).toMatchObject({ apiToken: 'tk-us-conf', region: 'osc-secnum-fr1', apiUrl: 'http://127.0.0.1:9/', requestsPerMinute: 120 });
  });

  it('reports a missing token on api_token, and never echoes a bad value', () => {
    let diags = new Diagnostics();
    expect(resolveSettings(empty, {}, diags)).toBeUndefined();
    expect(diags.items[0]).toMatchObject({ severity: 'error', summary: 'Missing Scalingo API token', path: ['api_token'] });

    diags = new Diagnostics();
    expect(resolveSettings({ ...empty, api_token: 'tk-us-secret', auth_api_url: 'ftp://x' }, { SCALINGO_API_URL: 'not a url' }, diags)).toBeUndefined();
    const problems = diags.items.map((d) => [d.path, d.detail]);
    expect(problems).toEqual([
      [['auth_api_url'], '"auth_api_url" must be an absolute http(s) URL.'],
      [['api_url'], '"api_url" (from SCALINGO_API_URL) must be an absolute http(s) URL.'],
    ]);
    expect(JSON.stringify(diags.items)).not.toContain('tk-us-secret');
  });

  it('refuses values only known after apply', () => {
    const diags = new Diagnostics();
    expect(resolveSettings({ ...empty, api_token: UNKNOWN }, {}, diags)).toBeUndefined();
    expect(diags.items[0]).toMatchObject({ summary: 'Provider configuration not known until apply', path: ['api_token'] });
  });
});

describe('schemas', () => {
  it('are all well formed for Terraform', () => {
    expect(schemaProblems(scalingoProvider.schema.block)).toEqual([]);
    for (const r of [...resources, ...dataSources, ...ephemeralResources]) expect([r.typeName, schemaProblems(r.schema.block)]).toEqual([r.typeName, []]);
  });

  it('mark secrets sensitive', () => {
    expect(scalingoProvider.schema.block.attributes['api_token']!.sensitive).toBe(true);
  });

  it('keep the version in step with package.json', () => {
    expect(PROVIDER_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
