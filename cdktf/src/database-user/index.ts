// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DatabaseUserConfig extends cdktf.TerraformMetaArguments {
  /**
  * ID of the database addon (`ad-…`). Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#addon_id DatabaseUser#addon_id}
  */
  readonly addonId: string;
  /**
  * ID (or name) of the app the database addon belongs to. Changing it to another app replaces the user; the same app by name instead of ID (or the reverse) changes nothing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#app DatabaseUser#app}
  */
  readonly app: string;
  /**
  * User name: 6 to 32 characters, only letters, digits and underscores, starting with a letter; not one PostgreSQL reserves (`postgres`, `public`, `pg_…`). Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#name DatabaseUser#name}
  */
  readonly name: string;
  /**
  * Password: 8 to 64 characters, without `"` or `'`. When neither this nor `password_wo` is set, the platform generates one at creation and it is kept here. Changing it sets the new password in place. Null after an import, where it cannot be read back.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#password DatabaseUser#password}
  */
  readonly password?: string;
  /**
  * Write-only password (Terraform 1.11+), never stored in plan or state; same rules as `password`, with which it conflicts. Terraform cannot see it change: bump `password_wo_version` to set a new one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#password_wo DatabaseUser#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Any number; changing it sets the user's password to the current `password_wo`. Needs `password_wo`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#password_wo_version DatabaseUser#password_wo_version}
  */
  readonly passwordWoVersion?: number;
  /**
  * Whether the user can only read data. Default `false`. Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#read_only DatabaseUser#read_only}
  */
  readonly readOnly?: boolean | cdktf.IResolvable;
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user scalingo_database_user}
*/
export class DatabaseUser extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo_database_user";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DatabaseUser resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DatabaseUser to import
  * @param importFromId The id of the existing DatabaseUser that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DatabaseUser to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo_database_user", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_user scalingo_database_user} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DatabaseUserConfig
  */
  public constructor(scope: Construct, id: string, config: DatabaseUserConfig) {
    super(scope, id, {
      terraformResourceType: 'scalingo_database_user',
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
    this._password = config.password;
    this._passwordWo = config.passwordWo;
    this._passwordWoVersion = config.passwordWoVersion;
    this._readOnly = config.readOnly;
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

  // password - computed: true, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // password_encryption - computed: true, optional: false, required: false
  public get passwordEncryption() {
    return this.getStringAttribute('password_encryption');
  }

  // password_wo - computed: false, optional: true, required: false
  private _passwordWo?: string; 
  public get passwordWo() {
    return this.getStringAttribute('password_wo');
  }
  public set passwordWo(value: string) {
    this._passwordWo = value;
  }
  public resetPasswordWo() {
    this._passwordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoInput() {
    return this._passwordWo;
  }

  // password_wo_version - computed: false, optional: true, required: false
  private _passwordWoVersion?: number; 
  public get passwordWoVersion() {
    return this.getNumberAttribute('password_wo_version');
  }
  public set passwordWoVersion(value: number) {
    this._passwordWoVersion = value;
  }
  public resetPasswordWoVersion() {
    this._passwordWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoVersionInput() {
    return this._passwordWoVersion;
  }

  // protected - computed: true, optional: false, required: false
  public get protected() {
    return this.getBooleanAttribute('protected');
  }

  // read_only - computed: true, optional: true, required: false
  private _readOnly?: boolean | cdktf.IResolvable; 
  public get readOnly() {
    return this.getBooleanAttribute('read_only');
  }
  public set readOnly(value: boolean | cdktf.IResolvable) {
    this._readOnly = value;
  }
  public resetReadOnly() {
    this._readOnly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readOnlyInput() {
    return this._readOnly;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      addon_id: cdktf.stringToTerraform(this._addonId),
      app: cdktf.stringToTerraform(this._app),
      name: cdktf.stringToTerraform(this._name),
      password: cdktf.stringToTerraform(this._password),
      password_wo: cdktf.stringToTerraform(this._passwordWo),
      password_wo_version: cdktf.numberToTerraform(this._passwordWoVersion),
      read_only: cdktf.booleanToTerraform(this._readOnly),
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
      password: {
        value: cdktf.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo: {
        value: cdktf.stringToHclTerraform(this._passwordWo),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo_version: {
        value: cdktf.numberToHclTerraform(this._passwordWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      read_only: {
        value: cdktf.booleanToHclTerraform(this._readOnly),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
