// ConfigureProvider: the provider builds what its resources need (an API client).

import type { ValueObject } from '../../cty/value.js';
import type { Diagnostics } from '../diagnostics.js';
import { guarded, type ProviderServer } from './server.js';

export async function configureProvider<P>(
  server: ProviderServer<P>,
  config: ValueObject,
  terraformVersion: string,
  diags: Diagnostics,
  signal?: AbortSignal,
): Promise<void> {
  const data = await guarded(diags, 'Provider configuration', () =>
    server.provider.configure({ config, terraformVersion, diags, log: server.log, signal: signal ? AbortSignal.any([server.stopSignal, signal]) : server.stopSignal }),
  );
  server.setConfigured(diags.hasErrors() ? undefined : data);
}
