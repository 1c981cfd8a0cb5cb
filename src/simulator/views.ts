// JSON shapes of the API objects (reference §2.2, §3.2-3.3, §4.2, §4.5, §4.6).
import { POSTGRESQL_EXTENSIONS, alternativePlanId, databaseTypeId, findPlanById, findProvider, findVersionById, nextVersion, plansOf, readableVersion } from './catalog.js';
import type { PlanSpec, ProviderSpec, VersionSpec } from './catalog.js';
import type { Simulator } from './core.js';
import { addonStatus, databaseStatus, operationStatus } from './lifecycle.js';
import type { AddonRecord, AppRecord, OperationRecord, UserRecord } from './state.js';

export function planView(plan: PlanSpec): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    display_name: plan.displayName,
    price: plan.price,
    description: plan.description,
    position: plan.position,
    sku: plan.sku,
    on_demand: plan.onDemand,
    disabled: plan.disabled,
    disabled_alternative_plan_id: alternativePlanId(plan),
    to_be_discontinued: plan.toBeDiscontinued,
    hds_available: plan.hdsAvailable,
    trial_available: plan.planClass === 'sandbox',
    pricings: { default: { price: (plan.price / (30 * 24 * 60)).toFixed(10), currency: 'EUR', period: 'minute' } },
  };
}

export function providerView(provider: ProviderSpec): Record<string, unknown> {
  return {
    id: provider.id,
    name: provider.name,
    logo_url: provider.logoUrl,
    short_description: provider.shortDescription,
    description: provider.description,
    category: provider.category,
    provider_name: provider.providerName,
    provider_url: provider.providerUrl,
    hds_available: provider.hdsAvailable,
    plans: plansOf(provider.id).filter((p) => !p.disabled).map(planView),
  };
}

export function appView(sim: Simulator, app: AppRecord): Record<string, unknown> {
  return {
    id: app.id,
    name: app.name,
    region: 'osc-fr1',
    created_at: app.createdAt,
    updated_at: app.createdAt,
    status: 'running',
    url: `https://${app.name}.osc-fr1.scalingo.io`,
    git_url: `git@ssh.osc-fr1.scalingo.com:${app.name}.git`,
    owner: { id: sim.state.userId, username: 'simulator', email: 'simulator@example.invalid' },
    hds_resource: false,
  };
}

export function addonView(sim: Simulator, addon: AddonRecord): Record<string, unknown> {
  const plan = findPlanById(addon.planId);
  const provider = findProvider(addon.providerId);
  return {
    id: addon.id,
    app_id: addon.appId,
    resource_id: addon.resourceId,
    status: addonStatus(addon, sim.nowV()),
    plan: plan ? planView(plan) : null,
    addon_provider: provider ? { id: provider.id, name: provider.name, logo_url: provider.logoUrl } : null,
    provisioned_at: addon.provisionedAt,
    deprovisioned_at: null,
    updated_at: addon.updatedAt,
    hds_resource: false,
  };
}

export function databaseView(sim: Simulator, addon: AddonRecord, appName: string): Record<string, unknown> {
  const db = addon.database;
  const nowV = sim.nowV();
  const status = databaseStatus(db, nowV);
  const plan = findPlanById(db.planId);
  const version = findVersionById(db.versionId);
  const next = version ? nextVersion(version) : null;
  const business = plan?.planClass === 'business';
  const instanceStatus = status === 'creating' ? 'booting' : status === 'updating' ? 'restarting' : status === 'upgrading' ? 'upgrading' : 'running';
  const [host, portText] = sim.databaseHostname(addon).split(/:(?=\d+$)/);
  const port = Number(portText);
  const nodes = business ? 2 : 1;
  const instances: Record<string, unknown>[] = [];
  for (let i = 0; i < nodes; i++) {
    instances.push({ id: `${db.id}-node-${i}`, hostname: host, port, status: instanceStatus, type: 'db-node', features: [], private_ip: `10.0.0.${10 + i}` });
  }
  if (business) instances.push({ id: `${db.id}-gateway`, hostname: host, port, status: 'running', type: 'haproxy', features: [], private_ip: '10.0.0.2' });
  return {
    id: db.id,
    resource_id: addon.resourceId,
    app_name: appName,
    created_at: db.createdAt,
    encryption_at_rest: true,
    plan: plan?.name ?? null,
    status,
    type_id: databaseTypeId(db.type),
    type_name: db.type,
    version_id: db.versionId,
    readable_version: version ? readableVersion(version) : null,
    next_version_id: next?.id ?? null,
    hostname: sim.databaseHostname(addon),
    cluster: business,
    instances,
    features: db.features.map((f) => ({ name: f.name, status: f.status })),
    current_operation_id: db.currentOperationId,
    periodic_backups_enabled: db.periodicBackupsEnabled,
    periodic_backups_scheduled_at: db.periodicBackupsScheduledAt,
    first_pitr_backup: null,
    maintenance_window: {
      weekday_utc: db.maintenanceWindow.weekdayUtc,
      starting_hour_utc: db.maintenanceWindow.startingHourUtc,
      duration_in_hour: db.maintenanceWindow.durationInHour,
    },
    mongo_repl_set_name: '',
    flags: [],
    postgresql_config: db.type === 'postgresql' ? { timescaledb_enabled: false } : null,
  };
}

/** The database API's plan object; disk and memory in bytes (the real unit is unconfirmed). */
export function dbPlanView(plan: PlanSpec): Record<string, unknown> {
  const business = plan.planClass === 'business';
  return {
    id: plan.id,
    name: plan.name,
    display_name: plan.displayName,
    backup: plan.planClass !== 'sandbox',
    disk: plan.disk,
    memory: plan.memory,
    manual_backups_count: business ? 50 : 10,
    daily_scheduled_backups: 7,
    weekly_scheduled_backups: business ? 8 : 4,
    monthly_scheduled_backups: business ? 12 : 0,
    pitr_backup_days: plan.planClass === 'sandbox' ? 0 : 7,
    gateway_nodes: business ? 1 : 0,
  };
}

export function userView(user: UserRecord, withPassword: boolean, type: 'postgresql' | 'redis'): Record<string, unknown> {
  return {
    name: user.name,
    read_only: user.readOnly,
    protected: user.protected,
    ...(withPassword ? { password: user.password } : {}),
    ...(type === 'postgresql' ? { dbms_attributes: { password_encryption: 'SCRAM-SHA-256' } } : {}),
  };
}

function versionFields(v: VersionSpec): Record<string, unknown> {
  return {
    id: v.id,
    database_type_id: v.databaseTypeId,
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    build: v.build,
    features: [],
    allowed_plugins: v.databaseType === 'postgresql' ? [...POSTGRESQL_EXTENSIONS] : [],
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  };
}

export function versionView(v: VersionSpec): Record<string, unknown> {
  const next = nextVersion(v);
  return { ...versionFields(v), next_upgrade: next ? versionFields(next) : null };
}

/** Body of the 202 answer to an upgrade: the target version's fields, message and operation id. */
export function upgradeAcceptedView(target: VersionSpec, op: OperationRecord): Record<string, unknown> {
  return {
    ...versionFields(target),
    release_number: target.build,
    warning_message: '',
    maintenance_window: null,
    message: `Database upgrade to ${readableVersion(target)} is pending`,
    operation_id: op.id,
  };
}

export function operationView(sim: Simulator, op: OperationRecord): Record<string, unknown> {
  const status = operationStatus(op, sim.nowV());
  return {
    id: op.id,
    type: op.type,
    status,
    created_at: op.createdAt,
    finished_at: op.outcome ? sim.clock.iso(op.endV) : null,
    error: op.error,
  };
}
