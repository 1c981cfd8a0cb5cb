// Main API: addon providers and their plan catalogues (auth optional).
import { findProvider, plansOf, PROVIDERS } from './catalog.js';
import { json, notFound } from './http.js';
import type { Route } from './router.js';
import { planView, providerView } from './views.js';

export const providerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/addon_providers',
    auth: 'optional',
    handler: () => json(200, { addon_providers: PROVIDERS.map(providerView) }),
  },
  {
    method: 'GET',
    pattern: '/v1/addon_providers/{provider_id}/plans',
    auth: 'optional',
    handler: (_sim, ctx) => {
      // Only canonical ids: legacy aliases such as `scalingo-postgresql` are not found.
      const provider = findProvider(ctx.params.provider_id ?? '');
      if (!provider) throw notFound('addon_provider');
      const showAll = ctx.query.get('show_all') === 'true';
      const plans = plansOf(provider.id).filter((p) => showAll || !p.disabled);
      return json(200, { plans: plans.map(planView) });
    },
  },
];
