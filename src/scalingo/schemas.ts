// zod schemas of every response body, and the types the client returns.
//
// Schemas are tolerant: unknown fields are dropped without error, and a field the provider does
// not rely on becomes `undefined` when it is missing or has an unexpected type (`lenient`). Only
// the fields the provider relies on are required; their absence is an `InvalidResponseError`.
// Field names are Scalingo's own (snake_case).

import { z } from 'zod';

// Status values and version formatting need no zod: they live in statuses.ts, which the
// provider loads without the client.
export {
  ADDON_STATUSES,
  BACKUP_METHODS,
  BACKUP_STATUSES,
  DATABASE_STATUSES,
  FEATURE_STATUSES,
  MAINTENANCE_STATUSES,
  OPERATION_STATUSES,
  TERMINAL_OPERATION_STATUSES,
  formatVersion,
} from './statuses.js';

/** A field the provider can live without: missing, null or mistyped values never fail parsing. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

// ---------------------------------------------------------------------------------------------
// Auth API

export const TokenExchangeSchema = z.object({ token: z.string().min(1) });

export const RegionSchema = z.object({
  name: z.string(),
  display_name: lenient(z.string()),
  api: z.string(),
  database_api: z.string(),
  dashboard: lenient(z.string()),
  ssh: lenient(z.string()),
  default: lenient(z.boolean()),
});
export type Region = z.output<typeof RegionSchema>;
export const RegionsResponseSchema = z.object({ regions: z.array(RegionSchema) });

// ---------------------------------------------------------------------------------------------
// Main API: plans, providers, addons, variables

export const PlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: lenient(z.string()),
  description: lenient(z.string()),
  position: lenient(z.number()),
  /** Deprecated by Scalingo (EUR). */
  price: lenient(z.number()),
  sku: lenient(z.string()),
  on_demand: lenient(z.boolean()),
  disabled: lenient(z.boolean()),
  disabled_alternative_plan_id: lenient(z.string()),
  hds_available: lenient(z.boolean()),
  to_be_discontinued: lenient(z.boolean()),
  trial_available: lenient(z.boolean()),
  /** Free-form plan properties (content unconfirmed upstream). */
  properties: lenient(z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))),
});
export type Plan = z.output<typeof PlanSchema>;
export const PlansResponseSchema = z.object({ plans: z.array(PlanSchema) });

export const AddonProviderCategorySchema = z.object({
  id: lenient(z.string()),
  name: lenient(z.string()),
  description: lenient(z.string()),
  position: lenient(z.number()),
});

export const AddonProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  logo_url: lenient(z.string()),
  short_description: lenient(z.string()),
  description: lenient(z.string()),
  category: lenient(AddonProviderCategorySchema),
  provider_name: lenient(z.string()),
  provider_url: lenient(z.string()),
  hds_available: lenient(z.boolean()),
  plans: lenient(z.array(PlanSchema)),
});
export type AddonProvider = z.output<typeof AddonProviderSchema>;
export const AddonProvidersResponseSchema = z.object({ addon_providers: z.array(AddonProviderSchema) });

export const AddonSchema = z.object({
  id: z.string(),
  app_id: lenient(z.string()),
  resource_id: z.string(),
  status: z.string(),
  plan: PlanSchema,
  addon_provider: z.object({
    id: z.string(),
    name: lenient(z.string()),
    logo_url: lenient(z.string()),
  }),
  provisioned_at: lenient(z.string()),
  deprovisioned_at: lenient(z.string()),
  updated_at: lenient(z.string()),
  hds_resource: lenient(z.boolean()),
});
export type Addon = z.output<typeof AddonSchema>;
export const AddonResponseSchema = z.object({ addon: AddonSchema });
export const AddonsResponseSchema = z.object({ addons: z.array(AddonSchema) });

export const ProvisionResponseSchema = z.object({
  addon: AddonSchema,
  message: lenient(z.string()),
  variables: lenient(z.array(z.string())),
});
export type ProvisionResult = z.output<typeof ProvisionResponseSchema>;

/**
 * Plan change. Scalingo's reference shows `{"vars", "message"}` while the official clients read
 * `{"addon", "message", "variables"}` (reference Appendix A.1): `addon` is therefore optional,
 * and a caller that needs it re-reads the addon when it is absent.
 */
export const ChangePlanResponseSchema = z.object({
  addon: lenient(AddonSchema),
  message: lenient(z.string()),
  variables: lenient(z.array(z.string())),
});
export type ChangePlanResult = z.output<typeof ChangePlanResponseSchema>;

export const AddonTokenResponseSchema = z.object({ addon: z.object({ token: z.string().min(1) }) });

export const AppSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: lenient(z.string()),
  url: lenient(z.string()),
  git_url: lenient(z.string()),
  created_at: lenient(z.string()),
});
export type App = z.output<typeof AppSchema>;
export const AppResponseSchema = z.object({ app: AppSchema });
export const AppsResponseSchema = z.object({ apps: z.array(AppSchema) });

export const VariableSchema = z.object({
  id: lenient(z.string()),
  name: z.string(),
  value: z.string(),
});
export type Variable = z.output<typeof VariableSchema>;
export const VariablesResponseSchema = z.object({ variables: z.array(VariableSchema) });


// ---------------------------------------------------------------------------------------------
// Database API

export const DatabaseFeatureSchema = z.object({ name: z.string(), status: z.string() });
export type DatabaseFeature = z.output<typeof DatabaseFeatureSchema>;

export const DatabaseInstanceSchema = z.object({
  id: lenient(z.string()),
  hostname: lenient(z.string()),
  port: lenient(z.number()),
  status: lenient(z.string()),
  type: lenient(z.string()),
  private_ip: lenient(z.string()),
});

export const MaintenanceWindowSchema = z.object({
  /** 0 = Sunday … 6 = Saturday (Go `time.Weekday`). */
  weekday_utc: z.number(),
  starting_hour_utc: z.number(),
  duration_in_hour: lenient(z.number()),
});
export type MaintenanceWindow = z.output<typeof MaintenanceWindowSchema>;

/** Responses return an array of UTC hours; a bare number (as the Go client sends) is wrapped. */
const ScheduledHoursSchema = z
  .union([z.array(z.number()), z.number()])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const DatabaseSchema = z.object({
  /** Internal database id (not the addon id used in DB-API paths). */
  id: z.string(),
  resource_id: lenient(z.string()),
  app_name: lenient(z.string()),
  created_at: lenient(z.string()),
  status: z.string(),
  /** Plan name. */
  plan: z.string(),
  type_id: lenient(z.string()),
  type_name: z.string(),
  version_id: z.string(),
  readable_version: z.string(),
  next_version_id: lenient(z.string()),
  hostname: lenient(z.string()),
  cluster: lenient(z.boolean()),
  instances: lenient(z.array(DatabaseInstanceSchema)),
  features: z.array(DatabaseFeatureSchema),
  current_operation_id: lenient(z.string()),
  encryption_at_rest: lenient(z.boolean()),
  periodic_backups_enabled: lenient(z.boolean()),
  periodic_backups_scheduled_at: lenient(ScheduledHoursSchema),
  maintenance_window: lenient(MaintenanceWindowSchema),
});
export type Database = z.output<typeof DatabaseSchema>;
export const DatabaseResponseSchema = z.object({ database: DatabaseSchema });

export const DatabaseUserSchema = z.object({
  name: z.string(),
  read_only: z.boolean(),
  protected: z.boolean(),
  /** Only present in create and reset-password responses. A secret: never logged. */
  password: lenient(z.string()),
  dbms_attributes: lenient(
    z.object({
      password_encryption: lenient(z.string()),
      anonymizer_enabled: lenient(z.boolean()),
    }),
  ),
});
export type DatabaseUser = z.output<typeof DatabaseUserSchema>;
export const DatabaseUsersResponseSchema = z.object({ 'database-users': z.array(DatabaseUserSchema) });
export const DatabaseUserResponseSchema = z.object({ database_user: DatabaseUserSchema });

export const UpgradeResponseSchema = z.object({
  operation_id: z.string(),
  message: lenient(z.string()),
  /** Target version. */
  id: lenient(z.string()),
  major: lenient(z.number()),
  minor: lenient(z.number()),
  patch: lenient(z.number()),
  build: lenient(z.number()),
  warning_message: lenient(z.string()),
});

export const OperationSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  created_at: lenient(z.string()),
  finished_at: lenient(z.string()),
  error: lenient(z.string()),
});
export type Operation = z.output<typeof OperationSchema>;
export const OperationResponseSchema = z.object({ operation: OperationSchema });

export const DatabaseTypeVersionSchema = z.object({
  id: z.string(),
  database_type_id: lenient(z.string()),
  major: z.number(),
  minor: z.number(),
  patch: z.number(),
  build: z.number(),
  features: lenient(z.array(z.string())),
  /** An object in the reference and Go client, a string id or null in the JS client. */
  next_upgrade: lenient(z.union([z.string(), z.looseObject({ id: lenient(z.string()) })])),
  allowed_plugins: lenient(z.array(z.string())),
  created_at: lenient(z.string()),
  updated_at: lenient(z.string()),
});
export type DatabaseTypeVersion = z.output<typeof DatabaseTypeVersionSchema>;
export const DatabaseTypeVersionResponseSchema = z.object({ database_type_version: DatabaseTypeVersionSchema });

export const DatabaseMetricsSchema = z.object({
  cpu_usage: lenient(z.number()),
  /** Bytes. */
  real_disk_size: z.number(),
  memory: lenient(z.record(z.string(), z.unknown())),
  database_stats: z.object({
    /** Bytes. */
    data_size: z.number(),
    current_connections: lenient(z.number()),
    max_connections: lenient(z.number()),
  }),
});
export type DatabaseMetrics = z.output<typeof DatabaseMetricsSchema>;

/**
 * Plan limits of the database API. `disk` and `memory` are taken as BYTES: the unit is
 * unconfirmed upstream (reference §4.8); the simulator serves bytes.
 */
export const DatabasePlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Bytes (unit unconfirmed upstream). */
  disk: z.number(),
  /** Bytes (unit unconfirmed upstream). */
  memory: z.number(),
  backup: lenient(z.boolean()),
  manual_backups_count: lenient(z.number()),
  daily_scheduled_backups: lenient(z.number()),
  weekly_scheduled_backups: lenient(z.number()),
  monthly_scheduled_backups: lenient(z.number()),
  pitr_backup_days: lenient(z.number()),
  gateway_nodes: lenient(z.number()),
});
export type DatabasePlan = z.output<typeof DatabasePlanSchema>;
export const DatabasePlanResponseSchema = z.object({ plan: DatabasePlanSchema });

export const FeatureEnableResponseSchema = z.object({
  name: lenient(z.string()),
  status: lenient(z.string()),
  message: lenient(z.string()),
});
export type FeatureEnableResult = z.output<typeof FeatureEnableResponseSchema>;
export const FeatureDisableResponseSchema = z.object({ message: lenient(z.string()) });
export type FeatureDisableResult = z.output<typeof FeatureDisableResponseSchema>;

export const ActionResponseSchema = z.object({
  ok: z.union([z.number(), z.boolean()]).transform((v) => v === true || v === 1),
  result: z.unknown().optional(),
  error: lenient(z.union([z.string(), z.record(z.string(), z.unknown())])),
});
export type ActionResult = z.output<typeof ActionResponseSchema>;

export const ExtensionSchema = z.object({ name: z.string(), version: lenient(z.string()) });
export type Extension = z.output<typeof ExtensionSchema>;
export const ExtensionsResultSchema = z.array(ExtensionSchema);

// ---------------------------------------------------------------------------------------------
// Database API: backups, point-in-time recovery, maintenance (reference §4.7, §4.8)

export const BackupSchema = z.object({
  id: z.string(),
  name: lenient(z.string()),
  /** `scheduled|running|done|error` (and `pending` in the reference). */
  status: z.string(),
  /** `periodic|manual`. */
  method: lenient(z.string()),
  /** Bytes; 0 until the backup is done. */
  size: lenient(z.number()),
  created_at: lenient(z.string()),
  started_at: lenient(z.string()),
  database_id: lenient(z.string()),
});
export type Backup = z.output<typeof BackupSchema>;
export const BackupsResponseSchema = z.object({ database_backups: z.array(BackupSchema) });
export const BackupResponseSchema = z.object({ database_backup: BackupSchema });
export const BackupArchiveResponseSchema = z.object({ download_url: z.string() });

export const RecoveryWindowSchema = z.object({
  earliest_recoverable_at: lenient(z.string()),
  latest_recoverable_at: lenient(z.string()),
});
export type RecoveryWindow = z.output<typeof RecoveryWindowSchema>;
export const RecoveryWindowResponseSchema = z.object({ recovery_window: RecoveryWindowSchema });

/** The reference shows `{"operation_id"}`; the Go and JS clients read `{"operation":{…}}`. */
export const RestoreResponseSchema = z
  .object({ operation_id: lenient(z.string()), operation: lenient(OperationSchema) })
  .transform((v) => ({ operation_id: v.operation?.id ?? v.operation_id ?? undefined, operation: v.operation ?? undefined }));

export const MaintenanceSchema = z.object({
  id: z.string(),
  database_id: lenient(z.string()),
  type: lenient(z.string()),
  status: z.string(),
  started_at: lenient(z.string()),
  ended_at: lenient(z.string()),
});
export type Maintenance = z.output<typeof MaintenanceSchema>;
export const MaintenancesResponseSchema = z.object({
  maintenance: z.array(MaintenanceSchema),
  meta: lenient(
    z.object({
      pagination: lenient(
        z.object({ current_page: lenient(z.number()), total_pages: lenient(z.number()), next_page: lenient(z.number()) }),
      ),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Firewall rules (DB API): `{"rule"}`, `{"rules"}`, managed ranges `{"ranges"}`

export const FirewallRuleSchema = z.object({
  id: z.string(),
  type: z.string(),
  cidr: lenient(z.string()),
  label: lenient(z.string()),
  range_id: lenient(z.string()),
  database_id: lenient(z.string()),
});
export type FirewallRule = z.output<typeof FirewallRuleSchema>;
export const FirewallRulesResponseSchema = z.object({ rules: z.array(FirewallRuleSchema) });
export const FirewallRuleResponseSchema = z.object({ rule: FirewallRuleSchema });

export const ManagedRangeSchema = z.object({ id: z.string(), name: z.string() });
export type ManagedRange = z.output<typeof ManagedRangeSchema>;
export const ManagedRangesResponseSchema = z.object({ ranges: z.array(ManagedRangeSchema) });
