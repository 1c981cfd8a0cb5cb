// Typed client of the Scalingo APIs (auth, main, database). No Terraform concept lives here.
//
// Modules:
// - client.ts          `ScalingoClient` and its configuration; groups the typed APIs below.
// - regions.ts         regions of the auth API.
// - addons.ts          addons of an app: list, show, provision, plan change, destroy, DB-API token.
// - addon-providers.ts addon providers and their plans (`show_all`).
// - apps.ts            app variables.
// - databases.ts       database API: show/update, features, metrics, plans, upgrade, operations,
//                      type versions, actions (`list-extensions`).
// - database-users.ts  database users: list, create, set/reset password, delete.
// - firewall-rules.ts  firewall rules of a database (custom and managed ranges), managed ranges.
// - backups.ts         backups (list, manual backup, archive URL) and PITR (window, restore).
// - maintenance.ts     maintenances of a database.
// - requester.ts       the pipeline: cache, GET coalescing, then authorize, attempt, classify.
// - classify.ts        the retry decision table: outcome x request kind -> return, replay,
//                      retry after a delay, reconcile (OutcomeUnknownError) or throw.
// - transport.ts       undici pools (one per origin), one attempt with timeout and AbortSignal.
// - auth.ts            bearer JWT and per-addon DB-API token caches (refresh 5 min before exp).
// - jwt.ts             reads a JWT's `exp` without verifying it.
// - endpoints.ts       base URLs: explicit URLs win over region resolution.
// - rate-limit.ts      process-wide token bucket per API token.
// - retry.ts           retry policy: attempts, backoff with full jitter, `Retry-After`.
// - cache.ts / cache-policy.ts  opt-in TTL cache of read-mostly resources.
// - error-body.ts      Scalingo error bodies → typed errors.
// - errors.ts          error classes and predicates (`isNotFound`…).
// - schemas.ts         zod schemas of every response body, and the returned types.
// - provider-ids.ts    addon provider id aliases (`scalingo-postgresql` → `postgresql`).
// - logger.ts / signals.ts  logger hook; AbortSignal helpers.

// The provider loads this module at start-up, for every RPC, schema-only launches included, so
// it exports no value that needs undici or zod: the client itself (client.ts, and through it
// transport.ts and schemas.ts) is loaded by `loadScalingoClient()` when a request needs it.
// test/unit/startup_imports.test.ts checks it.
export type { ScalingoClient, ScalingoClientConfig } from './client.js';

export type { CallOptions, CachedReadOptions } from './requester.js';
export type { Logger, LogLevel } from './logger.js';
export type { RetryOptions } from './retry.js';
export type { RateLimitOptions } from './rate-limit.js';
export { TokenBucket } from './rate-limit.js';
export type { CacheConfig, CacheableRead } from './cache-policy.js';
export { DEFAULT_CACHE_TTL_MS } from './cache-policy.js';
export { DEFAULT_AUTH_URL, DEFAULT_REGION } from './endpoints.js';

export type { RegionsApi } from './regions.js';
export type { AddonsApi, ProvisionAddonInput, DatabaseToken } from './addons.js';
export type { AddonProvidersApi, ListPlansOptions, ListProvidersOptions } from './addon-providers.js';
export type { AppsApi, ListVariablesOptions } from './apps.js';
export type { DatabasesApi, UpdateDatabaseInput, UpgradeResult, ActionOptions } from './databases.js';
export type { DatabaseUsersApi, CreateDatabaseUserInput } from './database-users.js';
export type { FirewallRulesApi, CreateFirewallRuleInput } from './firewall-rules.js';
export type { BackupsApi, RestoreResult } from './backups.js';
export type { MaintenanceApi } from './maintenance.js';

export { normalizeAddonProviderId } from './provider-ids.js';
export { jwtExpiry } from './jwt.js';

export {
  ADDON_STATUSES,
  BACKUP_METHODS,
  BACKUP_STATUSES,
  MAINTENANCE_STATUSES,
  DATABASE_STATUSES,
  FEATURE_STATUSES,
  OPERATION_STATUSES,
  TERMINAL_OPERATION_STATUSES,
  formatVersion,
} from './statuses.js';
export type {
  ActionResult,
  Addon,
  AddonProvider,
  App,
  Backup,
  ChangePlanResult,
  Database,
  DatabaseFeature,
  DatabaseMetrics,
  DatabasePlan,
  DatabaseTypeVersion,
  DatabaseUser,
  Extension,
  FirewallRule,
  ManagedRange,
  FeatureDisableResult,
  FeatureEnableResult,
  Maintenance,
  MaintenanceWindow,
  Operation,
  Plan,
  ProvisionResult,
  RecoveryWindow,
  Region,
  Variable,
} from './schemas.js';

export {
  ActionFailedError,
  ConfigurationError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  PaymentRequiredError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  ScalingoError,
  ServerError,
  UnauthorizedError,
  ValidationError,
  isAborted,
  isNotFound,
  isOutcomeUnknown,
  isOutcomeUncertain,
  isTransient,
  isRateLimited,
  isScalingoError,
  isTimeout,
  isUnauthorized,
  isValidationError,
} from './errors.js';
export type { ApiKind, FieldErrors, RequestContext } from './errors.js';

/** The client class, loaded (with undici and the zod schemas) on first use. */
export async function loadScalingoClient(): Promise<typeof import('./client.js').ScalingoClient> {
  return (await import('./client.js')).ScalingoClient;
}
