// https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ScalingoProviderConfig {
  /**
  * Scalingo API token (`tk-us-…`), exchanged for short-lived bearer tokens. Environment: `SCALINGO_API_TOKEN`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#api_token ScalingoProvider#api_token}
  */
  readonly apiToken?: string;
  /**
  * Base URL of the main API; wins over the region's. Environment: `SCALINGO_API_URL`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#api_url ScalingoProvider#api_url}
  */
  readonly apiUrl?: string;
  /**
  * Base URL of the authentication API, which also lists regions. Environment: `SCALINGO_AUTH_URL`. Default `https://auth.scalingo.com`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#auth_api_url ScalingoProvider#auth_api_url}
  */
  readonly authApiUrl?: string;
  /**
  * Base URL of the database API; wins over the region's. Environment: `SCALINGO_DB_API_URL`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#db_api_url ScalingoProvider#db_api_url}
  */
  readonly dbApiUrl?: string;
  /**
  * Scalingo region, e.g. `osc-fr1` or `osc-secnum-fr1`. Its API URLs are used unless `api_url`/`db_api_url` are set. Environment: `SCALINGO_REGION`. Default `osc-fr1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#region ScalingoProvider#region}
  */
  readonly region?: string;
  /**
  * Client-side limit on API requests per minute, shared by every request of a provider process, so that parallel operations never trip Scalingo's rate limit (60 per minute per token). Raise it only if Scalingo raised yours. Environment: `SCALINGO_REQUESTS_PER_MINUTE`. Default `60`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#requests_per_minute ScalingoProvider#requests_per_minute}
  */
  readonly requestsPerMinute?: number;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#alias ScalingoProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs scalingo}
*/
export class ScalingoProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "scalingo";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ScalingoProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ScalingoProvider to import
  * @param importFromId The id of the existing ScalingoProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ScalingoProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "scalingo", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/scalingo-community/scalingo/latest/docs scalingo} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ScalingoProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: ScalingoProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'scalingo',
      terraformGeneratorMetadata: {
        providerName: 'scalingo'
      },
      terraformProviderSource: 'registry.terraform.io/scalingo-community/scalingo'
    });
    this._apiToken = config.apiToken;
    this._apiUrl = config.apiUrl;
    this._authApiUrl = config.authApiUrl;
    this._dbApiUrl = config.dbApiUrl;
    this._region = config.region;
    this._requestsPerMinute = config.requestsPerMinute;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_token - computed: false, optional: true, required: false
  private _apiToken?: string; 
  public get apiToken() {
    return this._apiToken;
  }
  public set apiToken(value: string | undefined) {
    this._apiToken = value;
  }
  public resetApiToken() {
    this._apiToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiTokenInput() {
    return this._apiToken;
  }

  // api_url - computed: false, optional: true, required: false
  private _apiUrl?: string; 
  public get apiUrl() {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  public resetApiUrl() {
    this._apiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiUrlInput() {
    return this._apiUrl;
  }

  // auth_api_url - computed: false, optional: true, required: false
  private _authApiUrl?: string; 
  public get authApiUrl() {
    return this._authApiUrl;
  }
  public set authApiUrl(value: string | undefined) {
    this._authApiUrl = value;
  }
  public resetAuthApiUrl() {
    this._authApiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authApiUrlInput() {
    return this._authApiUrl;
  }

  // db_api_url - computed: false, optional: true, required: false
  private _dbApiUrl?: string; 
  public get dbApiUrl() {
    return this._dbApiUrl;
  }
  public set dbApiUrl(value: string | undefined) {
    this._dbApiUrl = value;
  }
  public resetDbApiUrl() {
    this._dbApiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dbApiUrlInput() {
    return this._dbApiUrl;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this._region;
  }
  public set region(value: string | undefined) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // requests_per_minute - computed: false, optional: true, required: false
  private _requestsPerMinute?: number; 
  public get requestsPerMinute() {
    return this._requestsPerMinute;
  }
  public set requestsPerMinute(value: number | undefined) {
    this._requestsPerMinute = value;
  }
  public resetRequestsPerMinute() {
    this._requestsPerMinute = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get requestsPerMinuteInput() {
    return this._requestsPerMinute;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      api_token: cdktf.stringToTerraform(this._apiToken),
      api_url: cdktf.stringToTerraform(this._apiUrl),
      auth_api_url: cdktf.stringToTerraform(this._authApiUrl),
      db_api_url: cdktf.stringToTerraform(this._dbApiUrl),
      region: cdktf.stringToTerraform(this._region),
      requests_per_minute: cdktf.numberToTerraform(this._requestsPerMinute),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_token: {
        value: cdktf.stringToHclTerraform(this._apiToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      api_url: {
        value: cdktf.stringToHclTerraform(this._apiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auth_api_url: {
        value: cdktf.stringToHclTerraform(this._authApiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      db_api_url: {
        value: cdktf.stringToHclTerraform(this._dbApiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      requests_per_minute: {
        value: cdktf.numberToHclTerraform(this._requestsPerMinute),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
