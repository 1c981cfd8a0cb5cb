// The scalingo_addon schema and its state model.

import { StringType } from '../../cty/types.js';
import type { Value } from '../../cty/value.js';
import { requiresReplaceIf, useStateForUnknown } from '../../framework/planmodifiers.js';
import { attr, type Schema } from '../../framework/schema.js';
import { timeoutsBlock } from '../../framework/timeouts.js';
import { intBetween, stringMatches, stringOneOf } from '../../framework/validators.js';
import { WEEKDAYS, type MaintenanceWindowValue, type PeriodicBackupsValue } from './settings.js';
import { normalizeAddonProviderId } from '../../scalingo/index.js';
import { appValidator } from '../shared/app.js';

export const DEFAULT_TIMEOUT_MS = 40 * 60_000;

export type AddonTimeouts = { create: string | null; update: string | null; delete: string | null };

export type AddonModel = {
  id: string | null;
  app: string;
  provider_id: string;
  plan: string;
  plan_id: string | null;
  resource_id: string | null;
  database_features: string[] | null;
  status: string | null;
  database_version: string | null;
  expose_database_url: boolean | null;
  database_url: string | null;
  maintenance_window: MaintenanceWindowValue | null;
  periodic_backups: PeriodicBackupsValue | null;
  deletion_protection: boolean | null;
  backup_before_change: boolean | null;
  last_backup_id: string | null;
  timeouts: AddonTimeouts | null;
};

const sameProvider = (prior: Value, planned: Value) =>
  typeof prior === 'string' && typeof planned === 'string' && normalizeAddonProviderId(prior) !== normalizeAddonProviderId(planned);

export const addonSchema: Schema = {
  // Version 0 is the official provider's state (database_features as a list); 1 is ours.
  version: 1,
  block: {
    description:
      'An addon of a Scalingo app, such as a PostgreSQL database. Changing `plan` scales the addon in place; the plan shows what the change will do (downtime or failover) before anything happens.',
    attributes: {
      id: attr.string({ computed: true, description: 'Addon ID (`ad-…`).', planModifiers: [useStateForUnknown()] }),
      app: attr.string({
        required: true,
        description:
          'ID of the app the addon belongs to (the app name works too, but the ID survives renames). Moving the addon to another app replaces it; writing the same app by name instead of ID (or the reverse) changes nothing.',
        validators: [appValidator()],
      }),
      provider_id: attr.string({
        required: true,
        description: 'Addon provider, e.g. `postgresql` or `redis`. Legacy aliases such as `scalingo-postgresql` are accepted and never cause a replacement. Changing the provider replaces the addon.',
        validators: [stringMatches(/^[a-z0-9][a-z0-9-]*$/, 'An addon provider ID is made of lowercase letters, digits and hyphens, such as "postgresql"')],
        planModifiers: [requiresReplaceIf(sameProvider, 'changing to another provider replaces the addon')],
      }),
      plan: attr.string({
        required: true,
        description: 'Plan name, as `scalingo addons-plans <provider>` lists it (e.g. `postgresql-starter-512`). Changing it scales the addon in place.',
      }),
      plan_id: attr.string({ computed: true, description: 'ID of the plan.' }),
      resource_id: attr.string({ computed: true, description: 'Resource ID of the addon, e.g. the database name.', planModifiers: [useStateForUnknown()] }),
      database_features: attr.setOf(StringType, {
        optional: true,
        computed: true,
        description:
          'Database features to enable, e.g. `force-ssl`, `publicly-available` (needs `force-ssl`), or for Redis `redis-rdb`, `redis-aof`, `redis-cache`. When set, features not listed are disabled. When not set, the enabled features are recorded as they are.',
      }),
      status: attr.string({ computed: true, description: 'Addon status: `provisioning`, `running` or `suspended`.' }),
      database_version: attr.string({
        optional: true,
        computed: true,
        description:
          'Database version. Leave unset to record the version Scalingo runs (e.g. `17.9.0-2`). Set a major (`"16"`) or a full version (`"16.15.0-1"`) to upgrade to it: the plan shows the path Scalingo prescribes (latest minor of the current major first, then one major at a time) and its downtime; a downgrade is refused. PostgreSQL only.',
        validators: [stringMatches(/^\d+(\.\d+\.\d+-\d+)?$/, 'Use a major version such as "16" or a full version such as "16.15.0-1"')],
      }),
      expose_database_url: attr.bool({
        optional: true,
        computed: true,
        default: false,
        description:
          'Set to `true` to read the addon\'s connection URL into `database_url`. Off by default: reading it costs one more API request per app on every refresh (shared by the app\'s addons), under Scalingo\'s 60 requests a minute. To keep the URL out of the state altogether, use the ephemeral `scalingo_database_credentials` instead.',
      }),
      database_url: attr.string({
        computed: true,
        sensitive: true,
        description:
          'Connection URL of the addon\'s default user, as the app\'s `SCALINGO_<TECH>_URL` variable holds it (e.g. `postgresql://<user>:<password>@<host>:<port>/<db>?sslmode=prefer`); null unless `expose_database_url = true`. A password rotated on the platform shows as an update of this attribute at the next refresh, never a replacement. Stored in the state (sensitive).',
      }),
      maintenance_window: attr.single(
        {
          weekday: attr.string({
            required: true,
            description: 'Day of the week the window starts on, in UTC: `monday` … `sunday`.',
            validators: [stringOneOf(WEEKDAYS)],
          }),
          starting_hour_utc: attr.number({ required: true, description: 'Hour the window starts at, in UTC (0–23).', validators: [intBetween(0, 23)] }),
          duration_hours: attr.number({ computed: true, description: 'Length of the window in hours, set by Scalingo (8 on Shared Resources).' }),
        },
        {
          optional: true,
          computed: true,
          description:
            'Weekly window in which Scalingo may run maintenance on the database (PostgreSQL and other databases). Leave unset to keep the platform\'s window (a random weekday, 21:00 UTC, 8 hours), which is recorded in state without ever showing a diff. Once Scalingo has notified a maintenance, the window cannot be moved until it is over; `scalingo_database_maintenances` lists them.',
        },
      ),
      periodic_backups: attr.single(
        {
          enabled: attr.bool({ required: true, description: 'Whether Scalingo takes a daily backup of the database.' }),
          hour_utc: attr.number({
            optional: true,
            computed: true,
            description: 'Hour of the daily backup, in UTC (0–23). Leave unset to keep the platform\'s.',
            validators: [intBetween(0, 23)],
          }),
        },
        {
          optional: true,
          computed: true,
          description:
            'Daily (periodic) backups of the database. Leave unset to keep the platform\'s setting, recorded in state without a diff. Retention follows the plan (Starter: 7 daily and 4 weekly; Business: 7 daily, 8 weekly and 12 monthly).',
        },
      ),
      deletion_protection: attr.bool({
        optional: true,
        computed: true,
        default: false,
        description:
          'While `true`, Terraform refuses to destroy the addon or to replace it (a change of `app` or `provider_id`), at plan time: set it to `false` and apply first. Default `false`.',
      }),
      backup_before_change: attr.bool({
        optional: true,
        computed: true,
        default: false,
        description:
          'When `true`, a plan change that reduces disk or memory, or a major version upgrade, is preceded by a manual backup, and waits until it is `done`; if the backup fails, nothing is changed. The plan says when a backup will be taken. Default `false`.',
      }),
      last_backup_id: attr.string({ computed: true, description: 'ID of the last backup taken because of `backup_before_change`.' }),
    },
    blocks: { timeouts: timeoutsBlock(['create', 'update', 'delete'], DEFAULT_TIMEOUT_MS) },
  },
};
