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
  * Set to `true` to read the addon's connection URL into `database_url`. Off by default: reading it costs one more API request per app on every refresh (shared by the app's addons), under Scalingo's 60 requests a minute. To keep the URL out of the state altogether, use the ephemeral `scalingo_database_credentials` instead.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/addon#expose_database_url Addon#expose_database_url}
  */
  readonly exposeDatabaseUrl?: boolean | cdktf.IResolvable;
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
    this._databaseFeatures = config.databaseFeatures;
    this._databaseVersion = config.databaseVersion;
    this._exposeDatabaseUrl = config.exposeDatabaseUrl;
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
      database_features: cdktf.listMapper(cdktf.stringToTerraform, false)(this._databaseFeatures),
      database_version: cdktf.stringToTerraform(this._databaseVersion),
      expose_database_url: cdktf.booleanToTerraform(this._exposeDatabaseUrl),
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
      expose_database_url: {
        value: cdktf.booleanToHclTerraform(this._exposeDatabaseUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
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
