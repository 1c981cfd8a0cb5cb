// database_url at plan time: null unless exposed, the prior URL kept while the addon stays the
// same, known after apply when it starts being exposed or the addon is new.

import { describe, expect, it } from '@jest/globals';
import { UNKNOWN } from '../../src/cty/value.js';
import type { Planned, PlanRequest } from '../../src/framework/resource.js';
import { planDatabaseUrl } from '../../src/resources/addon/database_url.js';
import type { AddonModel } from '../../src/resources/addon/model.js';

const prior: AddonModel = {
  id: 'ad-1', app: 'app', provider_id: 'postgresql', plan: 'postgresql-starter-512', plan_id: 'p', resource_id: 'db', database_features: null,
  status: 'running', database_version: null, expose_database_url: true, database_url: 'postgresql://u:pw@h:1/db', timeouts: null,
} as AddonModel;

function plan(p: AddonModel | null, planned: Partial<Planned<AddonModel>>): Planned<AddonModel>['database_url'] {
  const request = { prior: p, planned: { ...prior, ...planned }, config: null, requireReplace: () => {}, privateState: null, setPrivateState: () => {} } as unknown as PlanRequest<AddonModel>;
  planDatabaseUrl(request);
  return request.planned!.database_url;
}

describe('planDatabaseUrl', () => {
  it('is null unless exposed', () => {
    expect(plan(prior, { expose_database_url: false, database_url: UNKNOWN })).toBeNull();
  });
  it('keeps the prior URL for the same addon, e.g. across a plan change', () => {
    expect(plan(prior, { plan: 'postgresql-business-1024', database_url: UNKNOWN })).toBe('postgresql://u:pw@h:1/db');
  });
  it('is known after apply for a new addon, a newly exposed one, or another app', () => {
    expect(plan(null, { id: UNKNOWN, database_url: UNKNOWN })).toBe(UNKNOWN);
    expect(plan({ ...prior, expose_database_url: false, database_url: null }, { database_url: null })).toBe(UNKNOWN);
    expect(plan(prior, { app: 'other', database_url: UNKNOWN })).toBe(UNKNOWN);
    expect(plan(prior, { expose_database_url: UNKNOWN, database_url: UNKNOWN })).toBe(UNKNOWN);
  });
});
