// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DatabaseFirewallRuleConfig extends cdktf.TerraformMetaArguments {
  /**
  * ID of the database addon (`ad-…`). Changing it replaces the rule.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#addon_id DatabaseFirewallRule#addon_id}
  */
  readonly addonId: string;
  /**
  * ID (or name) of the app the database addon belongs to. Changing it to another app replaces the rule; the same app by name instead of ID (or the reverse) changes nothing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#app DatabaseFirewallRule#app}
  */
  readonly app: string;
  /**
  * An IPv4 or IPv6 network in CIDR notation, such as `203.0.113.0/24` or `2001:db8::/32` (`/32` or `/128` for one address). Checked at plan time. Conflicts with `managed_range`. Changing it replaces the rule.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#custom_range DatabaseFirewallRule#custom_range}
  */
  readonly customRange?: string;
  /**
  * A note shown next to the rule (at most 255 characters). Changed in place. When unset, Scalingo's own label is recorded (empty for a custom range, the range's name for a managed one).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#label DatabaseFirewallRule#label}
  */
  readonly label?: string;
  /**
  * ID of a network Scalingo maintains (`scalingo_database_firewall_managed_ranges` lists them). Conflicts with `custom_range`. Changing it replaces the rule.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#managed_range DatabaseFirewallRule#managed_range}
  */
  readonly managedRange?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule scalingo_database_firewall_rule}
*/
export class DatabaseFirewallRule extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo_database_firewall_rule";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DatabaseFirewallRule resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DatabaseFirewallRule to import
  * @param importFromId The id of the existing DatabaseFirewallRule that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DatabaseFirewallRule to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo_database_firewall_rule", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/resources/database_firewall_rule scalingo_database_firewall_rule} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DatabaseFirewallRuleConfig
  */
  public constructor(scope: Construct, id: string, config: DatabaseFirewallRuleConfig) {
    super(scope, id, {
      terraformResourceType: 'scalingo_database_firewall_rule',
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
    this._customRange = config.customRange;
    this._label = config.label;
    this._managedRange = config.managedRange;
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

  // custom_range - computed: false, optional: true, required: false
  private _customRange?: string; 
  public get customRange() {
    return this.getStringAttribute('custom_range');
  }
  public set customRange(value: string) {
    this._customRange = value;
  }
  public resetCustomRange() {
    this._customRange = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get customRangeInput() {
    return this._customRange;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // label - computed: true, optional: true, required: false
  private _label?: string; 
  public get label() {
    return this.getStringAttribute('label');
  }
  public set label(value: string) {
    this._label = value;
  }
  public resetLabel() {
    this._label = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelInput() {
    return this._label;
  }

  // managed_range - computed: false, optional: true, required: false
  private _managedRange?: string; 
  public get managedRange() {
    return this.getStringAttribute('managed_range');
  }
  public set managedRange(value: string) {
    this._managedRange = value;
  }
  public resetManagedRange() {
    this._managedRange = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get managedRangeInput() {
    return this._managedRange;
  }

  // rule_id - computed: true, optional: false, required: false
  public get ruleId() {
    return this.getStringAttribute('rule_id');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      addon_id: cdktf.stringToTerraform(this._addonId),
      app: cdktf.stringToTerraform(this._app),
      custom_range: cdktf.stringToTerraform(this._customRange),
      label: cdktf.stringToTerraform(this._label),
      managed_range: cdktf.stringToTerraform(this._managedRange),
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
      custom_range: {
        value: cdktf.stringToHclTerraform(this._customRange),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      label: {
        value: cdktf.stringToHclTerraform(this._label),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      managed_range: {
        value: cdktf.stringToHclTerraform(this._managedRange),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
