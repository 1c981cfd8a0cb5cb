// The Scalingo provider: its configuration, and the registry of resources and data sources.

import type { ValueObject } from '../cty/value.js';
import type { ActionDefinition, DataSourceDefinition, EphemeralResourceDefinition, ListResourceDefinition, ProviderDefinition, ResourceDefinition } from '../framework/resource.js';
import { addonResource } from '../resources/addon/index.js';
import { databaseBackupAction } from '../resources/actions/backup.js';
import { databaseRestoreAction } from '../resources/actions/restore.js';
import { addonListResource } from '../resources/addon/list.js';
import { appDataSource } from '../resources/data/app.js';
import { addonPlansDataSource } from '../resources/data/addon_plans.js';
import { addonsDataSource } from '../resources/data/addons.js';
import { ScalingoContext } from '../resources/shared/context.js';
import { databaseExtensionResource } from '../resources/database_extension/index.js';
import { databaseFirewallRuleResource } from '../resources/database_firewall_rule/index.js';
import { databaseFirewallManagedRangesDataSource } from '../resources/data/database_firewall_managed_ranges.js';
import { databaseUserResource } from '../resources/database_user/index.js';
import { databaseUserListResource } from '../resources/database_user/list.js';
import { databaseBackupsDataSource } from '../resources/data/database_backups.js';
import { databaseMaintenancesDataSource } from '../resources/data/database_maintenances.js';
import { databaseUsersDataSource } from '../resources/data/database_users.js';
import { databaseCredentialsEphemeralResource } from '../resources/ephemeral/database_credentials.js';
import { loadScalingoClient } from '../scalingo/index.js';
import { providerSchema, resolveSettings } from './config.js';
import { PROVIDER_VERSION } from './version.js';

export const resources = [addonResource, databaseUserResource, databaseExtensionResource, databaseFirewallRuleResource] as unknown as readonly ResourceDefinition<ValueObject, ScalingoContext>[];
export const dataSources = [
  addonPlansDataSource,
  addonsDataSource,
  appDataSource,
  databaseBackupsDataSource,
  databaseMaintenancesDataSource,
  databaseUsersDataSource,
  databaseFirewallManagedRangesDataSource,
] as unknown as readonly DataSourceDefinition<ValueObject, ScalingoContext>[];
export const ephemeralResources = [databaseCredentialsEphemeralResource] as unknown as readonly EphemeralResourceDefinition<ValueObject, ScalingoContext>[];

// Terraform 1.14: `list` blocks of `terraform query`, and actions.
export const listResources = [addonListResource, databaseUserListResource] as unknown as readonly ListResourceDefinition<ValueObject, ScalingoContext>[];
export const actions = [databaseBackupAction, databaseRestoreAction] as unknown as readonly ActionDefinition<ValueObject, ScalingoContext>[];

export const scalingoProvider: ProviderDefinition<ScalingoContext> = {
  typeName: 'scalingo',
  version: PROVIDER_VERSION,
  schema: providerSchema,
  async configure({ config, diags, log }) {
    const settings = resolveSettings(config, process.env, diags);
    if (!settings) return undefined;
    log.debug('configuring the Scalingo client', {
      region: settings.region,
      auth_api_url: settings.authUrl,
      api_url: settings.apiUrl ?? '(from region)',
      db_api_url: settings.dbApiUrl ?? '(from region)',
    });
    // Loaded here, not at start-up: a launch that only serves schemas or validates never needs it.
    const ScalingoClient = await loadScalingoClient();
    const client = new ScalingoClient({
      apiToken: settings.apiToken,
      version: PROVIDER_VERSION,
      authUrl: settings.authUrl,
      region: settings.region,
      ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
      ...(settings.dbApiUrl ? { dbApiUrl: settings.dbApiUrl } : {}),
      rateLimit: { requestsPerMinute: settings.requestsPerMinute },
      logger: (level, message, fields) => log.log(level, message, { ...fields, '@module': 'scalingo-client' }),
    });
    return new ScalingoContext(client);
  },
  resources,
  dataSources,
  ephemeralResources,
  listResources,
  actions,
};
