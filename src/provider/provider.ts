// Placeholder until the provider configuration lands.
import type { ProviderDefinition } from '../framework/resource.js';
import { PROVIDER_VERSION } from './version.js';

export const scalingoProvider: ProviderDefinition<unknown> = {
  typeName: 'scalingo',
  version: PROVIDER_VERSION,
  schema: { version: 0, block: { attributes: {} } },
  async configure() {
    return {};
  },
  resources: [],
  dataSources: [],
};
