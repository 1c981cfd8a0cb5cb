// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface AddonConfig extends cdktf.TerraformMetaArguments {
  /**
  * ID of the app the addon belongs to (the app name works too, but the ID survives renames). Moving the addon to another app replaces it; writing the same app by name instead of ID (or the reverse) changes nothing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#app Addon#app}
  */
  readonly app: string;
  /**
  * When `true`, a plan change that reduces disk or memory, or a major version upgrade, is preceded by a manual backup, and waits until it is `done`; if the backup fails, nothing is changed. The plan says when a backup will be taken. Default `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#backup_before_change Addon#backup_before_change}
  */
  readonly backupBeforeChange?: boolean | cdktf.IResolvable;
  /**
  * Database features to enable, e.g. `force-ssl`, `publicly-available` (needs `force-ssl`), or for Redis `redis-rdb`, `redis-aof`, `redis-cache`. When set, features not listed are disabled. When not set, the enabled features are recorded as they are.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#database_features Addon#database_features}
  */
  readonly databaseFeatures?: string[];
  /**
  * Database version. Leave unset to record the version Scalingo runs (e.g. `17.9.0-2`). Set a major (`"16"`) or a full version (`"16.15.0-1"`) to upgrade to it: the plan shows the path Scalingo prescribes (latest minor of the current major first, then one major at a time) and its downtime; a downgrade is refused. PostgreSQL only.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#database_version Addon#database_version}
  */
  readonly databaseVersion?: string;
  /**
  * While `true`, Terraform refuses to destroy the addon or to replace it (a change of `app` or `provider_id`), at plan time: set it to `false` and apply first. Default `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#deletion_protection Addon#deletion_protection}
  */
  readonly deletionProtection?: boolean | cdktf.IResolvable;
  /**
  * Set to `true` to read the addon's connection URL into `database_url`. Off by default: reading it costs one more API request per app on every refresh (shared by the app's addons), under Scalingo's 60 requests a minute. To keep the URL out of the state altogether, use the ephemeral `scalingo_database_credentials` instead.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#expose_database_url Addon#expose_database_url}
  */
  readonly exposeDatabaseUrl?: boolean | cdktf.IResolvable;
  /**
  * Weekly window in which Scalingo may run maintenance on the database (PostgreSQL and other databases). Leave unset to keep the platform's window (a random weekday, 21:00 UTC, 8 hours), which is recorded in state without ever showing a diff. Once Scalingo has notified a maintenance, the window cannot be moved until it is over; `scalingo_database_maintenances` lists them.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#maintenance_window Addon#maintenance_window}
  */
  readonly maintenanceWindow?: AddonMaintenanceWindow;
  /**
  * Daily (periodic) backups of the database. Leave unset to keep the platform's setting, recorded in state without a diff. Retention follows the plan (Starter: 7 daily and 4 weekly; Business: 7 daily, 8 weekly and 12 monthly).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#periodic_backups Addon#periodic_backups}
  */
  readonly periodicBackups?: AddonPeriodicBackups;
  /**
  * Plan name, as `scalingo addons-plans <provider>` lists it (e.g. `postgresql-starter-512`). Changing it scales the addon in place.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#plan Addon#plan}
  */
  readonly plan: string;
  /**
  * Addon provider, e.g. `postgresql` or `redis`. Legacy aliases such as `scalingo-postgresql` are accepted and never cause a replacement. Changing the provider replaces the addon.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#provider_id Addon#provider_id}
  */
  readonly providerId: string;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#timeouts Addon#timeouts}
  */
  readonly timeouts?: AddonTimeouts;
}
export interface AddonMaintenanceWindow {
  /**
  * Hour the window starts at, in UTC (0–23).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#starting_hour_utc Addon#starting_hour_utc}
  */
  readonly startingHourUtc: number;
  /**
  * Day of the week the window starts on, in UTC: `monday` … `sunday`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#weekday Addon#weekday}
  */
  readonly weekday: string;
}

export function addonMaintenanceWindowToTerraform(struct?: AddonMaintenanceWindow | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    starting_hour_utc: cdktf.numberToTerraform(struct!.startingHourUtc),
    weekday: cdktf.stringToTerraform(struct!.weekday),
  }
}


export function addonMaintenanceWindowToHclTerraform(struct?: AddonMaintenanceWindow | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    starting_hour_utc: {
      value: cdktf.numberToHclTerraform(struct!.startingHourUtc),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    weekday: {
      value: cdktf.stringToHclTerraform(struct!.weekday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AddonMaintenanceWindowOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AddonMaintenanceWindow | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._startingHourUtc !== undefined) {
      hasAnyValues = true;
      internalValueResult.startingHourUtc = this._startingHourUtc;
    }
    if (this._weekday !== undefined) {
      hasAnyValues = true;
      internalValueResult.weekday = this._weekday;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AddonMaintenanceWindow | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._startingHourUtc = undefined;
      this._weekday = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._startingHourUtc = value.startingHourUtc;
      this._weekday = value.weekday;
    }
  }

  // duration_hours - computed: true, optional: false, required: false
  public get durationHours() {
    return this.getNumberAttribute('duration_hours');
  }

  // starting_hour_utc - computed: true, optional: false, required: true
  private _startingHourUtc?: number; 
  public get startingHourUtc() {
    return this.getNumberAttribute('starting_hour_utc');
  }
  public set startingHourUtc(value: number) {
    this._startingHourUtc = value;
  }
  // Temporarily expose input value. Use with caution.
  public get startingHourUtcInput() {
    return this._startingHourUtc;
  }

  // weekday - computed: true, optional: false, required: true
  private _weekday?: string; 
  public get weekday() {
    return this.getStringAttribute('weekday');
  }
  public set weekday(value: string) {
    this._weekday = value;
  }
  // Temporarily expose input value. Use with caution.
  public get weekdayInput() {
    return this._weekday;
  }
}
export interface AddonPeriodicBackups {
  /**
  * Whether Scalingo takes a daily backup of the database.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#enabled Addon#enabled}
  */
  readonly enabled: boolean | cdktf.IResolvable;
  /**
  * Hour of the daily backup, in UTC (0–23). Leave unset to keep the platform's.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#hour_utc Addon#hour_utc}
  */
  readonly hourUtc?: number;
}

export function addonPeriodicBackupsToTerraform(struct?: AddonPeriodicBackups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    hour_utc: cdktf.numberToTerraform(struct!.hourUtc),
  }
}


export function addonPeriodicBackupsToHclTerraform(struct?: AddonPeriodicBackups | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    hour_utc: {
      value: cdktf.numberToHclTerraform(struct!.hourUtc),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AddonPeriodicBackupsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AddonPeriodicBackups | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._hourUtc !== undefined) {
      hasAnyValues = true;
      internalValueResult.hourUtc = this._hourUtc;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AddonPeriodicBackups | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enabled = undefined;
      this._hourUtc = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enabled = value.enabled;
      this._hourUtc = value.hourUtc;
    }
  }

  // enabled - computed: true, optional: false, required: true
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // hour_utc - computed: true, optional: true, required: false
  private _hourUtc?: number; 
  public get hourUtc() {
    return this.getNumberAttribute('hour_utc');
  }
  public set hourUtc(value: number) {
    this._hourUtc = value;
  }
  public resetHourUtc() {
    this._hourUtc = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hourUtcInput() {
    return this._hourUtc;
  }
}
export interface AddonTimeouts {
  /**
  * How long to wait for creation before giving up, as a duration such as `30m` or `1h`. Default `40m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#create Addon#create}
  */
  readonly create?: string;
  /**
  * How long to wait for deletion before giving up, as a duration such as `30m` or `1h`. Default `40m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#delete Addon#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for an update before giving up, as a duration such as `30m` or `1h`. Default `40m`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#update Addon#update}
  */
  readonly update?: string;
}

export function addonTimeoutsToTerraform(struct?: AddonTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
    update: cdktf.stringToTerraform(struct!.update),
  }
}


export function addonTimeoutsToHclTerraform(struct?: AddonTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    create: {
      value: cdktf.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktf.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktf.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AddonTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AddonTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AddonTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._update = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon scalingo_addon}
*/
export class Addon extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo_addon";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Addon resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Addon to import
  * @param importFromId The id of the existing Addon that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Addon to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo_addon", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon scalingo_addon} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AddonConfig
  */
  public constructor(scope: Construct, id: string, config: AddonConfig) {
    super(scope, id, {
      terraformResourceType: 'scalingo_addon',
      terraformGeneratorMetadata: {
        providerName: 'scalingo'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._app = config.app;
    this._backupBeforeChange = config.backupBeforeChange;
    this._databaseFeatures = config.databaseFeatures;
    this._databaseVersion = config.databaseVersion;
    this._deletionProtection = config.deletionProtection;
    this._exposeDatabaseUrl = config.exposeDatabaseUrl;
    this._maintenanceWindow.internalValue = config.maintenanceWindow;
    this._periodicBackups.internalValue = config.periodicBackups;
    this._plan = config.plan;
    this._providerId = config.providerId;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // app - computed: false, optional: false, required: true
  private _app?: string; 
  public get app() {
    return this.getStringAttribute('app');
  }
  public set app(value: string) {
    this._app = value;
  }
  // Temporarily expose input value. Use with caution.
  public get appInput() {
    return this._app;
  }

  // backup_before_change - computed: true, optional: true, required: false
  private _backupBeforeChange?: boolean | cdktf.IResolvable; 
  public get backupBeforeChange() {
    return this.getBooleanAttribute('backup_before_change');
  }
  public set backupBeforeChange(value: boolean | cdktf.IResolvable) {
    this._backupBeforeChange = value;
  }
  public resetBackupBeforeChange() {
    this._backupBeforeChange = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get backupBeforeChangeInput() {
    return this._backupBeforeChange;
  }

  // database_features - computed: true, optional: true, required: false
  private _databaseFeatures?: string[]; 
  public get databaseFeatures() {
    return cdktf.Fn.tolist(this.getListAttribute('database_features'));
  }
  public set databaseFeatures(value: string[]) {
    this._databaseFeatures = value;
  }
  public resetDatabaseFeatures() {
    this._databaseFeatures = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseFeaturesInput() {
    return this._databaseFeatures;
  }

  // database_url - computed: true, optional: false, required: false
  public get databaseUrl() {
    return this.getStringAttribute('database_url');
  }

  // database_version - computed: true, optional: true, required: false
  private _databaseVersion?: string; 
  public get databaseVersion() {
    return this.getStringAttribute('database_version');
  }
  public set databaseVersion(value: string) {
    this._databaseVersion = value;
  }
  public resetDatabaseVersion() {
    this._databaseVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseVersionInput() {
    return this._databaseVersion;
  }

  // deletion_protection - computed: true, optional: true, required: false
  private _deletionProtection?: boolean | cdktf.IResolvable; 
  public get deletionProtection() {
    return this.getBooleanAttribute('deletion_protection');
  }
  public set deletionProtection(value: boolean | cdktf.IResolvable) {
    this._deletionProtection = value;
  }
  public resetDeletionProtection() {
    this._deletionProtection = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deletionProtectionInput() {
    return this._deletionProtection;
  }

  // expose_database_url - computed: true, optional: true, required: false
  private _exposeDatabaseUrl?: boolean | cdktf.IResolvable; 
  public get exposeDatabaseUrl() {
    return this.getBooleanAttribute('expose_database_url');
  }
  public set exposeDatabaseUrl(value: boolean | cdktf.IResolvable) {
    this._exposeDatabaseUrl = value;
  }
  public resetExposeDatabaseUrl() {
    this._exposeDatabaseUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get exposeDatabaseUrlInput() {
    return this._exposeDatabaseUrl;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // last_backup_id - computed: true, optional: false, required: false
  public get lastBackupId() {
    return this.getStringAttribute('last_backup_id');
  }

  // maintenance_window - computed: true, optional: true, required: false
  private _maintenanceWindow = new AddonMaintenanceWindowOutputReference(this, "maintenance_window");
  public get maintenanceWindow() {
    return this._maintenanceWindow;
  }
  public putMaintenanceWindow(value: AddonMaintenanceWindow) {
    this._maintenanceWindow.internalValue = value;
  }
  public resetMaintenanceWindow() {
    this._maintenanceWindow.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maintenanceWindowInput() {
    return this._maintenanceWindow.internalValue;
  }

  // periodic_backups - computed: true, optional: true, required: false
  private _periodicBackups = new AddonPeriodicBackupsOutputReference(this, "periodic_backups");
  public get periodicBackups() {
    return this._periodicBackups;
  }
  public putPeriodicBackups(value: AddonPeriodicBackups) {
    this._periodicBackups.internalValue = value;
  }
  public resetPeriodicBackups() {
    this._periodicBackups.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get periodicBackupsInput() {
    return this._periodicBackups.internalValue;
  }

  // plan - computed: false, optional: false, required: true
  private _plan?: string; 
  public get plan() {
    return this.getStringAttribute('plan');
  }
  public set plan(value: string) {
    this._plan = value;
  }
  // Temporarily expose input value. Use with caution.
  public get planInput() {
    return this._plan;
  }

  // plan_id - computed: true, optional: false, required: false
  public get planId() {
    return this.getStringAttribute('plan_id');
  }

  // provider_id - computed: false, optional: false, required: true
  private _providerId?: string; 
  public get providerId() {
    return this.getStringAttribute('provider_id');
  }
  public set providerId(value: string) {
    this._providerId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get providerIdInput() {
    return this._providerId;
  }

  // resource_id - computed: true, optional: false, required: false
  public get resourceId() {
    return this.getStringAttribute('resource_id');
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new AddonTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: AddonTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      app: cdktf.stringToTerraform(this._app),
      backup_before_change: cdktf.booleanToTerraform(this._backupBeforeChange),
      database_features: cdktf.listMapper(cdktf.stringToTerraform, false)(this._databaseFeatures),
      database_version: cdktf.stringToTerraform(this._databaseVersion),
      deletion_protection: cdktf.booleanToTerraform(this._deletionProtection),
      expose_database_url: cdktf.booleanToTerraform(this._exposeDatabaseUrl),
      maintenance_window: addonMaintenanceWindowToTerraform(this._maintenanceWindow.internalValue),
      periodic_backups: addonPeriodicBackupsToTerraform(this._periodicBackups.internalValue),
      plan: cdktf.stringToTerraform(this._plan),
      provider_id: cdktf.stringToTerraform(this._providerId),
      timeouts: addonTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      app: {
        value: cdktf.stringToHclTerraform(this._app),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      backup_before_change: {
        value: cdktf.booleanToHclTerraform(this._backupBeforeChange),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      database_features: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._databaseFeatures),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      database_version: {
        value: cdktf.stringToHclTerraform(this._databaseVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      deletion_protection: {
        value: cdktf.booleanToHclTerraform(this._deletionProtection),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      expose_database_url: {
        value: cdktf.booleanToHclTerraform(this._exposeDatabaseUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      maintenance_window: {
        value: addonMaintenanceWindowToHclTerraform(this._maintenanceWindow.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AddonMaintenanceWindow",
      },
      periodic_backups: {
        value: addonPeriodicBackupsToHclTerraform(this._periodicBackups.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AddonPeriodicBackups",
      },
      plan: {
        value: cdktf.stringToHclTerraform(this._plan),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      provider_id: {
        value: cdktf.stringToHclTerraform(this._providerId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: addonTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AddonTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
