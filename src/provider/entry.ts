// Loaded after the handshake: builds the provider server and its RPC dispatcher.

import { TerraformRunMemo } from '../framework/server/plan_memo.js';
import { ProviderServer } from '../framework/server/server.js';
import type { Logger } from '../log/logger.js';
import type { ProviderDispatcher } from '../protocol/methods.js';
import { providerDispatcher } from '../protocol/provider_service.js';
import { scalingoProvider } from './provider.js';

export function createDispatcher(log: Logger): ProviderDispatcher {
  return providerDispatcher(new ProviderServer(scalingoProvider, log, new TerraformRunMemo()), log);
}
