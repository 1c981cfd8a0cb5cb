// Addons of an app (main API): list, show, provision, plan change, destroy, DB-API token.

import { normalizeAddonProviderId } from './provider-ids.js';
import type { CallOptions, Requester } from './requester.js';
import {
  AddonResponseSchema,
  AddonsResponseSchema,
  ChangePlanResponseSchema,
  ProvisionResponseSchema,
} from './schemas.js';
import type { Addon, ChangePlanResult, ProvisionResult } from './schemas.js';

export interface ProvisionAddonInput {
  /** Addon provider id; aliases such as `scalingo-postgresql` are normalised. */
  readonly providerId: string;
  /** Plan id (not its name; resolve names with `addonProviders.plans`). */
  readonly planId: string;
  /** Provider options; Scalingo documents only `version` (honoured by the public API: unconfirmed). */
  readonly options?: Readonly<Record<string, string>>;
}

export interface DatabaseToken {
  /** A secret: never log it. */
  readonly token: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export class AddonsApi {
  private readonly r: Requester;
  constructor(requester: Requester) {
    this.r = requester;
  }

  /** `GET /v1/apps/{app}/addons`. */
  async list(app: string, opts: CallOptions = {}): Promise<Addon[]> {
    const res = await this.r.send(
      {
        api: 'main', method: 'GET', route: '/apps/{app}/addons', params: { app }, auth: 'bearer',
        expect: [200], schema: AddonsResponseSchema, operation: `list the addons of app ${app}`,
      },
      opts,
    );
    return res.data.addons;
  }

  /** `GET /v1/apps/{app}/addons/{addon_id}`; `NotFoundError` when the app or addon is gone. */
  async get(app: string, addonId: string, opts: CallOptions = {}): Promise<Addon> {
    const res = await this.r.send(
      {
        api: 'main', method: 'GET', route: '/apps/{app}/addons/{addon_id}', params: { app, addon_id: addonId },
        auth: 'bearer', expect: [200], schema: AddonResponseSchema, operation: `show addon ${addonId} of app ${app}`,
      },
      opts,
    );
    return res.data.addon;
  }

  /**
   * `POST /v1/apps/{app}/addons` (201). Never retried once it may have reached the server: an
   * `OutcomeUnknownError` means "list the app's addons to find out whether it was created".
   */
  async provision(app: string, input: ProvisionAddonInput, opts: CallOptions = {}): Promise<ProvisionResult> {
    const providerId = normalizeAddonProviderId(input.providerId);
    const res = await this.r.send(
      {
        api: 'main', method: 'POST', route: '/apps/{app}/addons', params: { app }, auth: 'bearer',
        body: {
          addon: {
            addon_provider_id: providerId,
            plan_id: input.planId,
            ...(input.options ? { options: input.options } : {}),
          },
        },
        expect: [201, 200], schema: ProvisionResponseSchema,
        operation: `provision a ${providerId} addon (plan ${input.planId}) on app ${app}`,
      },
      opts,
    );
    return res.data;
  }

  /**
   * `PATCH /v1/apps/{app}/addons/{addon_id}` with `{"addon": {"plan_id"}}` (200). Not replayed
   * once it may have been processed (a replay during the change it started may be refused): on
   * `OutcomeUnknownError`, read the addon's plan back. The change itself is asynchronous: the
   * database goes `updating`, then `running`.
   */
  async changePlan(app: string, addonId: string, planId: string, opts: CallOptions = {}): Promise<ChangePlanResult> {
    const res = await this.r.send(
      {
        api: 'main', method: 'PATCH', route: '/apps/{app}/addons/{addon_id}', params: { app, addon_id: addonId },
        auth: 'bearer', body: { addon: { plan_id: planId } },
        expect: [200], schema: ChangePlanResponseSchema,
        operation: `change the plan of addon ${addonId} of app ${app} to ${planId}`,
      },
      opts,
    );
    return res.data;
  }

  /**
   * `DELETE /v1/apps/{app}/addons/{addon_id}` (204). Not replayed once it may have been
   * processed: on `OutcomeUnknownError`, look the addon up; a 404 (`NotFoundError`) means it is
   * already gone.
   */
  async destroy(app: string, addonId: string, opts: CallOptions = {}): Promise<void> {
    await this.r.send(
      {
        api: 'main', method: 'DELETE', route: '/apps/{app}/addons/{addon_id}', params: { app, addon_id: addonId },
        auth: 'bearer', expect: [204, 200], operation: `destroy addon ${addonId} of app ${app}`,
      },
      opts,
    );
    this.r.forgetDatabaseToken(app, addonId);
  }

  /**
   * The DB-API token of an addon (`POST /v1/apps/{app}/addons/{addon_id}/token`), cached until
   * 5 minutes before its expiry; the database methods use it automatically.
   */
  async databaseToken(app: string, addonId: string, opts: CallOptions = {}): Promise<DatabaseToken> {
    return this.r.databaseToken(app, addonId, opts.signal);
  }
}
