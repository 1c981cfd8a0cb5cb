// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DatabaseExtensionConfig extends cdktf.TerraformMetaArguments {
  /**
  * ID of the PostgreSQL addon (`ad-…`). Changing it replaces the extension.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension#addon_id DatabaseExtension#addon_id}
  */
  readonly addonId: string;
  /**
  * ID (or name) of the app the addon belongs to. Changing it to another app replaces the extension; the same app by name instead of ID (or the reverse) changes nothing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension#app DatabaseExtension#app}
  */
  readonly app: string;
  /**
  * Extension name, one of those Scalingo offers (e.g. `pg_trgm`, `uuid-ossp`, `postgis`). Changing it replaces the extension.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension#name DatabaseExtension#name}
  */
  readonly name: string;
  /**
  * Schema to install the extension's objects in; it must exist. When not set, PostgreSQL picks one (usually `public`) and it is recorded here. Changing it replaces the extension.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension#schema DatabaseExtension#schema}
  */
  readonly schema?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension scalingo_database_extension}
*/
export class DatabaseExtension extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo_database_extension";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DatabaseExtension resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DatabaseExtension to import
  * @param importFromId The id of the existing DatabaseExtension that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DatabaseExtension to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo_database_extension", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_extension scalingo_database_extension} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DatabaseExtensionConfig
  */
  public constructor(scope: Construct, id: string, config: DatabaseExtensionConfig) {
    super(scope, id, {
      terraformResourceType: 'scalingo_database_extension',
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
    this._addonId = config.addonId;
    this._app = config.app;
    this._name = config.name;
    this._schema = config.schema;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // addon_id - computed: false, optional: false, required: true
  private _addonId?: string; 
  public get addonId() {
    return this.getStringAttribute('addon_id');
  }
  public set addonId(value: string) {
    this._addonId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get addonIdInput() {
    return this._addonId;
  }

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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // schema - computed: true, optional: true, required: false
  private _schema?: string; 
  public get schema() {
    return this.getStringAttribute('schema');
  }
  public set schema(value: string) {
    this._schema = value;
  }
  public resetSchema() {
    this._schema = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get schemaInput() {
    return this._schema;
  }

  // version - computed: true, optional: false, required: false
  public get version() {
    return this.getStringAttribute('version');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      addon_id: cdktf.stringToTerraform(this._addonId),
      app: cdktf.stringToTerraform(this._app),
      name: cdktf.stringToTerraform(this._name),
      schema: cdktf.stringToTerraform(this._schema),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      addon_id: {
        value: cdktf.stringToHclTerraform(this._addonId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      app: {
        value: cdktf.stringToHclTerraform(this._app),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      schema: {
        value: cdktf.stringToHclTerraform(this._schema),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
