// Provider configuration: attributes, their environment variables, and validation once
// Terraform's values and the environment are merged. (Plain checks, not zod: this module loads
// at every start-up, and zod only with the API client.)

import { CtyNumber, isUnknown, type ValueObject } from '../cty/value.js';
import type { AttributePath, Diagnostics } from '../framework/diagnostics.js';
import { attr, type Schema } from '../framework/schema.js';
import { isUrl, stringMatches } from '../framework/validators.js';

export const DEFAULT_REGION = 'osc-fr1';
export const DEFAULT_AUTH_URL = 'https://auth.scalingo.com';

const ENV = {
  api_token: 'SCALINGO_API_TOKEN',
  region: 'SCALINGO_REGION',
  auth_api_url: 'SCALINGO_AUTH_URL',
  api_url: 'SCALINGO_API_URL',
  db_api_url: 'SCALINGO_DB_API_URL',
  requests_per_minute: 'SCALINGO_REQUESTS_PER_MINUTE',
} as const;

export const providerSchema: Schema = {
  version: 0,
  block: {
    description:
      'The Scalingo provider manages database addons of Scalingo apps. Every attribute can also come from an environment variable; a value in the configuration wins.',
    attributes: {
      api_token: attr.string({
        optional: true,
        sensitive: true,
        description: `Scalingo API token (\`tk-us-…\`), exchanged for short-lived bearer tokens. Environment: \`${ENV.api_token}\`.`,
      }),
      region: attr.string({
        optional: true,
        description: `Scalingo region, e.g. \`osc-fr1\` or \`osc-secnum-fr1\`. Its API URLs are used unless \`api_url\`/\`db_api_url\` are set. Environment: \`${ENV.region}\`. Default \`${DEFAULT_REGION}\`.`,
        validators: [stringMatches(/^[a-z0-9-]+$/, 'A region name is made of lowercase letters, digits and hyphens, such as "osc-fr1"')],
      }),
      auth_api_url: attr.string({
        optional: true,
        description: `Base URL of the authentication API, which also lists regions. Environment: \`${ENV.auth_api_url}\`. Default \`${DEFAULT_AUTH_URL}\`.`,
        validators: [isUrl()],
      }),
      api_url: attr.string({
        optional: true,
        description: `Base URL of the main API; wins over the region's. Environment: \`${ENV.api_url}\`.`,
        validators: [isUrl()],
      }),
      db_api_url: attr.string({
        optional: true,
        description: `Base URL of the database API; wins over the region's. Environment: \`${ENV.db_api_url}\`.`,
        validators: [isUrl()],
      }),
      requests_per_minute: attr.number({
        optional: true,
        description: `Client-side limit on API requests per minute, shared by every request of a provider process, so that parallel operations never trip Scalingo's rate limit (60 per minute per token). Raise it only if Scalingo raised yours. Environment: \`${ENV.requests_per_minute}\`. Default \`60\`.`,
      }),
    },
  },
};

export interface ProviderSettings {
  apiToken: string;
  region: string;
  authUrl: string;
  apiUrl: string | undefined;
  dbApiUrl: string | undefined;
  requestsPerMinute: number;
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** What is wrong with each setting (nothing for a good one). Messages never hold the value. */
function settingProblems(s: ProviderSettings): [keyof ProviderSettings, string][] {
  const problems: [keyof ProviderSettings, string][] = [];
  if (s.apiToken === '') problems.push(['apiToken', 'is empty']);
  if (!/^[a-z0-9-]+$/.test(s.region)) problems.push(['region', 'must look like "osc-fr1"']);
  for (const key of ['authUrl', 'apiUrl', 'dbApiUrl'] as const) {
    const v = s[key];
    if (v !== undefined && !isHttpUrl(v)) problems.push([key, 'must be an absolute http(s) URL']);
  }
  const n = s.requestsPerMinute;
  if (!Number.isInteger(n)) problems.push(['requestsPerMinute', 'must be a whole number']);
  else if (n < 1) problems.push(['requestsPerMinute', 'must be at least 1']);
  else if (n > 100_000) problems.push(['requestsPerMinute', 'must be at most 100000']);
  return problems;
}

const FIELD_TO_ATTRIBUTE: Record<keyof ProviderSettings, keyof typeof ENV> = {
  apiToken: 'api_token',
  region: 'region',
  authUrl: 'auth_api_url',
  apiUrl: 'api_url',
  dbApiUrl: 'db_api_url',
  requestsPerMinute: 'requests_per_minute',
};

/**
 * Merge configuration and environment, and validate. Reports every problem on its attribute
 * and returns undefined when the settings are unusable.
 */
export function resolveSettings(config: ValueObject, env: NodeJS.ProcessEnv, diags: Diagnostics): ProviderSettings | undefined {
  const pick = (name: keyof typeof ENV): string | undefined => {
    const v = config[name];
    if (isUnknown(v)) return undefined;
    if (typeof v === 'string' && v !== '') return v;
    if (v instanceof CtyNumber) return v.toString();
    const e = env[ENV[name]];
    return e !== undefined && e !== '' ? e : undefined;
  };
  const unknown = (Object.keys(ENV) as (keyof typeof ENV)[]).filter((k) => isUnknown(config[k]));
  for (const name of unknown) {
    diags.error(
      'Provider configuration not known until apply',
      `"${name}" depends on a value that is only known after apply. The Scalingo provider needs its configuration at plan time; set it from a variable or the ${ENV[name]} environment variable.`,
      [name],
    );
  }
  if (unknown.length > 0) return undefined;

  const apiToken = pick('api_token');
  if (apiToken === undefined) {
    diags.error(
      'Missing Scalingo API token',
      `Set "api_token" in the provider block or the ${ENV.api_token} environment variable. Create a token in the Scalingo dashboard (User settings > API tokens) or with \`scalingo login --api-token\`.`,
      ['api_token'],
    );
    return undefined;
  }
  const settings: ProviderSettings = {
    apiToken: apiToken.trim(),
    region: pick('region') ?? DEFAULT_REGION,
    authUrl: pick('auth_api_url') ?? DEFAULT_AUTH_URL,
    apiUrl: pick('api_url'),
    dbApiUrl: pick('db_api_url'),
    requestsPerMinute: Number(pick('requests_per_minute') ?? 60),
  };
  const problems = settingProblems(settings);
  if (problems.length === 0) return settings;
  for (const [field, message] of problems) {
    const attribute = FIELD_TO_ATTRIBUTE[field];
    const fromEnv = config[attribute] === null || config[attribute] === undefined;
    const path: AttributePath = [attribute];
    diags.error(
      'Invalid provider configuration',
      // Never echo the value: it may be the API token.
      `"${attribute}"${fromEnv ? ` (from ${ENV[attribute]})` : ''} ${message}.`,
      path,
    );
  }
  return undefined;
}
