// The database API (`{db_api}/api`) of one addon: database show/update, features, metrics,
// plans, version upgrades and their operations, type versions, actions. Every method takes the
// app and the addon id: the DB-API token is issued per addon, through the app.

import { ActionFailedError } from './errors.js';
import type { CachePolicy } from './cache-policy.js';
import type { CachedReadOptions, CallOptions, Requester, RequestSpec } from './requester.js';
import {
  ActionResponseSchema,
  DatabasePlanResponseSchema,
  DatabaseMetricsSchema,
  DatabaseResponseSchema,
  DatabaseTypeVersionResponseSchema,
  ExtensionsResultSchema,
  FeatureDisableResponseSchema,
  FeatureEnableResponseSchema,
  OperationResponseSchema,
  UpgradeResponseSchema,
} from './schemas.js';
import type {
  ActionResult,
  Database,
  DatabaseMetrics,
  DatabasePlan,
  DatabaseTypeVersion,
  Extension,
  FeatureDisableResult,
  FeatureEnableResult,
  Operation,
} from './schemas.js';
import type { z } from 'zod';

export interface UpdateDatabaseInput {
  readonly periodicBackupsEnabled?: boolean;
  /** UTC hour (0–23) of the daily backup; sent as an integer, as the Go client does. */
  readonly periodicBackupsScheduledAt?: number;
  /** 0 = Sunday … 6 = Saturday; hour 0–23, UTC. The duration cannot be changed. */
  readonly maintenanceWindow?: { readonly weekdayUtc: number; readonly startingHourUtc: number };
}

export interface UpgradeResult {
  readonly operation_id: string;
  readonly message?: string | null | undefined;
  /** The `Location` header (the operation's URL), when sent. */
  readonly location: string | undefined;
  /** Target version, when the body carries it. */
  readonly target: {
    readonly id?: string | null | undefined;
    readonly major?: number | null | undefined;
    readonly minor?: number | null | undefined;
    readonly patch?: number | null | undefined;
    readonly build?: number | null | undefined;
  };
  readonly warning_message?: string | null | undefined;
}

export interface ActionOptions extends CallOptions {
  /** Retry the action like a read (only for read-only actions). Default false. */
  readonly idempotent?: boolean;
}

export class DatabasesApi {
  private readonly r: Requester;
  private readonly cache: CachePolicy;
  constructor(requester: Requester, cache: CachePolicy) {
    this.r = requester;
    this.cache = cache;
  }

  private spec<T>(
    app: string,
    addonId: string,
    spec: Omit<RequestSpec<T>, 'api' | 'auth' | 'addon' | 'params'> & { params?: Record<string, string> },
  ): RequestSpec<T> {
    return {
      ...spec,
      api: 'db',
      auth: 'database',
      addon: { app, addonId },
      params: { addon_id: addonId, ...spec.params },
    };
  }

  /** `GET /api/databases/{addon_id}`. */
  async get(app: string, addonId: string, opts: CallOptions = {}): Promise<Database> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'GET', route: '/databases/{addon_id}', expect: [200], schema: DatabaseResponseSchema,
        operation: `show the database of addon ${addonId}`,
      }),
      opts,
    );
    return res.data.database;
  }

  /**
   * `PATCH /api/databases/{addon_id}` (periodic backups, maintenance window). Retried like an
   * idempotent request: the body only sets absolute values.
   */
  async update(app: string, addonId: string, input: UpdateDatabaseInput, opts: CallOptions = {}): Promise<Database> {
    const database: Record<string, unknown> = {};
    if (input.periodicBackupsEnabled !== undefined) database['periodic_backups_enabled'] = input.periodicBackupsEnabled;
    if (input.periodicBackupsScheduledAt !== undefined) {
      database['periodic_backups_scheduled_at'] = input.periodicBackupsScheduledAt;
    }
    if (input.maintenanceWindow) {
      database['maintenance_window'] = {
        weekday_utc: input.maintenanceWindow.weekdayUtc,
        starting_hour_utc: input.maintenanceWindow.startingHourUtc,
      };
    }
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'PATCH', route: '/databases/{addon_id}', body: { database }, idempotent: true,
        expect: [200], schema: DatabaseResponseSchema, operation: `update the settings of database ${addonId}`,
      }),
      opts,
    );
    return res.data.database;
  }

  /**
   * `POST /api/databases/{addon_id}/features` (200). Asynchronous: poll `get` until the feature's
   * status settles. Not retried (enabling twice answers 400 "already setup").
   */
  async enableFeature(app: string, addonId: string, name: string, opts: CallOptions = {}): Promise<FeatureEnableResult> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'POST', route: '/databases/{addon_id}/features', body: { feature: { name } },
        expect: [200, 201], schema: FeatureEnableResponseSchema,
        operation: `enable feature ${name} on database ${addonId}`,
      }),
      opts,
    );
    return res.data;
  }

  /** `DELETE /api/databases/{addon_id}/features?feature={name}` (200). */
  async disableFeature(app: string, addonId: string, name: string, opts: CallOptions = {}): Promise<FeatureDisableResult> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'DELETE', route: '/databases/{addon_id}/features', query: { feature: name },
        expect: [200], schema: FeatureDisableResponseSchema,
        operation: `disable feature ${name} on database ${addonId}`,
      }),
      opts,
    );
    return res.data;
  }

  /** `GET /api/databases/{addon_id}/metrics`: `real_disk_size` and `database_stats.data_size`, bytes. */
  async metrics(app: string, addonId: string, opts: CallOptions = {}): Promise<DatabaseMetrics> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'GET', route: '/databases/{addon_id}/metrics', expect: [200], schema: DatabaseMetricsSchema,
        operation: `read the metrics of database ${addonId}`,
      }),
      opts,
    );
    return res.data;
  }

  /** `GET /api/databases/{addon_id}/plan`; `disk` and `memory` in bytes (unit unconfirmed upstream). */
  async plan(app: string, addonId: string, opts: CallOptions = {}): Promise<DatabasePlan> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'GET', route: '/databases/{addon_id}/plan', expect: [200], schema: DatabasePlanResponseSchema,
        operation: `read the plan of database ${addonId}`,
      }),
      opts,
    );
    return res.data.plan;
  }

  /**
   * `GET /api/plans/{plan_id}` (any plan, e.g. a downgrade target), with this addon's DB-API
   * token. Cacheable. `disk` and `memory` in bytes (unit unconfirmed upstream).
   */
  async planById(app: string, addonId: string, planId: string, opts: CachedReadOptions = {}): Promise<DatabasePlan> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/plans/{plan_id}',
        params: { plan_id: planId }, expect: [200], schema: DatabasePlanResponseSchema,
        operation: `read database plan ${planId}`, cacheTtlMs: this.cache.ttl('plansById', opts.cache),
      },
      opts,
    );
    return res.data.plan;
  }

  /**
   * `POST /api/databases/{addon_id}/upgrade` (202): starts an upgrade to `next_version_id`. Never
   * retried once it may have been sent; on `OutcomeUnknownError`, read the database's
   * `current_operation_id` / `status` before trying again.
   */
  async upgrade(app: string, addonId: string, opts: CallOptions = {}): Promise<UpgradeResult> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'POST', route: '/databases/{addon_id}/upgrade', expect: [202, 200, 201], schema: UpgradeResponseSchema,
        operation: `upgrade the version of database ${addonId}`,
      }),
      opts,
    );
    const d = res.data;
    return {
      operation_id: d.operation_id,
      message: d.message,
      location: res.headers['location'],
      target: { id: d.id, major: d.major, minor: d.minor, patch: d.patch, build: d.build },
      warning_message: d.warning_message,
    };
  }

  /** `GET /api/databases/{addon_id}/operations/{operation_id}`. */
  async operation(app: string, addonId: string, operationId: string, opts: CallOptions = {}): Promise<Operation> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'GET', route: '/databases/{addon_id}/operations/{operation_id}', params: { operation_id: operationId },
        expect: [200], schema: OperationResponseSchema, operation: `show operation ${operationId} of database ${addonId}`,
      }),
      opts,
    );
    return res.data.operation;
  }

  /** `GET /api/database_type_versions/{id}` (immutable; cacheable). */
  async typeVersion(app: string, addonId: string, versionId: string, opts: CachedReadOptions = {}): Promise<DatabaseTypeVersion> {
    const res = await this.r.send(
      {
        api: 'db', auth: 'database', addon: { app, addonId }, method: 'GET', route: '/database_type_versions/{version_id}',
        params: { version_id: versionId }, expect: [200], schema: DatabaseTypeVersionResponseSchema,
        operation: `show database type version ${versionId}`,
        cacheTtlMs: this.cache.ttl('databaseTypeVersions', opts.cache),
      },
      opts,
    );
    return res.data.database_type_version;
  }

  /**
   * `POST /api/databases/{addon_id}/action` with `{"action_name","params"}`. Returns the raw
   * `{ok, result, error}`; not retried unless `idempotent` is set (read-only actions).
   */
  async action(app: string, addonId: string, actionName: string, params: Readonly<Record<string, unknown>> = {}, opts: ActionOptions = {}): Promise<ActionResult> {
    const res = await this.r.send(
      this.spec(app, addonId, {
        method: 'POST', route: '/databases/{addon_id}/action', body: { action_name: actionName, params },
        idempotent: opts.idempotent ?? false, expect: [200], schema: ActionResponseSchema,
        operation: `run action ${actionName} on database ${addonId}`,
      }),
      opts,
    );
    return res.data;
  }

  /** The `list-extensions` action (read-only, retried): installed PostgreSQL extensions. */
  async listExtensions(app: string, addonId: string, opts: CallOptions = {}): Promise<Extension[]> {
    const result = await this.action(app, addonId, 'list-extensions', {}, { ...opts, idempotent: true });
    const context = { api: 'db' as const, method: 'POST', path: `/api/databases/${encodeURIComponent(addonId)}/action` };
    if (!result.ok) {
      const error = typeof result.error === 'string' ? result.error : 'no error message';
      throw new ActionFailedError('list-extensions', error, context);
    }
    const parsed: z.ZodSafeParseResult<Extension[]> = ExtensionsResultSchema.safeParse(result.result);
    if (!parsed.success) {
      throw new ActionFailedError('list-extensions', 'unexpected result (expected [{name, version}])', context);
    }
    return parsed.data;
  }
}
