// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataScalingoAddonPlansConfig extends cdktf.TerraformMetaArguments {
  /**
  * Addon provider, e.g. `postgresql`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans#provider_id DataScalingoAddonPlans#provider_id}
  */
  readonly providerId: string;
  /**
  * Also list plans that are not available (disabled). Default `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans#show_all DataScalingoAddonPlans#show_all}
  */
  readonly showAll?: boolean | cdktf.IResolvable;
}
export interface DataScalingoAddonPlansPlans {
}

export function dataScalingoAddonPlansPlansToTerraform(struct?: DataScalingoAddonPlansPlans): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataScalingoAddonPlansPlansToHclTerraform(struct?: DataScalingoAddonPlansPlans): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataScalingoAddonPlansPlansOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DataScalingoAddonPlansPlans | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataScalingoAddonPlansPlans | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // disabled - computed: true, optional: false, required: false
  public get disabled() {
    return this.getBooleanAttribute('disabled');
  }

  // display_name - computed: true, optional: false, required: false
  public get displayName() {
    return this.getStringAttribute('display_name');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // on_demand - computed: true, optional: false, required: false
  public get onDemand() {
    return this.getBooleanAttribute('on_demand');
  }

  // position - computed: true, optional: false, required: false
  public get position() {
    return this.getNumberAttribute('position');
  }

  // to_be_discontinued - computed: true, optional: false, required: false
  public get toBeDiscontinued() {
    return this.getBooleanAttribute('to_be_discontinued');
  }
}

export class DataScalingoAddonPlansPlansList extends cdktf.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DataScalingoAddonPlansPlansOutputReference {
    return new DataScalingoAddonPlansPlansOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans scalingo_addon_plans}
*/
export class DataScalingoAddonPlans extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo_addon_plans";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataScalingoAddonPlans resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataScalingoAddonPlans to import
  * @param importFromId The id of the existing DataScalingoAddonPlans that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataScalingoAddonPlans to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo_addon_plans", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs/data-sources/addon_plans scalingo_addon_plans} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataScalingoAddonPlansConfig
  */
  public constructor(scope: Construct, id: string, config: DataScalingoAddonPlansConfig) {
    super(scope, id, {
      terraformResourceType: 'scalingo_addon_plans',
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
    this._providerId = config.providerId;
    this._showAll = config.showAll;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // plans - computed: true, optional: false, required: false
  private _plans = new DataScalingoAddonPlansPlansList(this, "plans", false);
  public get plans() {
    return this._plans;
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

  // show_all - computed: false, optional: true, required: false
  private _showAll?: boolean | cdktf.IResolvable; 
  public get showAll() {
    return this.getBooleanAttribute('show_all');
  }
  public set showAll(value: boolean | cdktf.IResolvable) {
    this._showAll = value;
  }
  public resetShowAll() {
    this._showAll = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get showAllInput() {
    return this._showAll;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      provider_id: cdktf.stringToTerraform(this._providerId),
      show_all: cdktf.booleanToTerraform(this._showAll),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      provider_id: {
        value: cdktf.stringToHclTerraform(this._providerId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      show_all: {
        value: cdktf.booleanToHclTerraform(this._showAll),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
