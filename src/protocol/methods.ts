// The tfplugin6.Provider RPCs this provider serves. Kept free of imports so the process layer
// can register the service before the rest of the provider has loaded.
export const PROVIDER_SERVICE = 'tfplugin6.Provider';

export const PROVIDER_METHODS = [
  'GetMetadata',
  'GetProviderSchema',
  'ValidateProviderConfig',
  'ValidateResourceConfig',
  'ValidateDataResourceConfig',
  'UpgradeResourceState',
  'GetResourceIdentitySchemas',
  'UpgradeResourceIdentity',
  'ConfigureProvider',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'ReadDataSource',
  'ValidateEphemeralResourceConfig',
  'OpenEphemeralResource',
  'RenewEphemeralResource',
  'CloseEphemeralResource',
  'GenerateResourceConfig',
  'ValidateListResourceConfig',
  'PlanAction',
  'ValidateActionConfig',
  'StopProvider',
] as const;

export type ProviderMethod = (typeof PROVIDER_METHODS)[number];

/** Server-streaming RPCs (protocol 6.10): one request, a stream of events back. */
export const PROVIDER_STREAMING_METHODS = ['ListResource', 'InvokeAction'] as const;

export type ProviderStreamingMethod = (typeof PROVIDER_STREAMING_METHODS)[number];

/**
 * Serves one RPC: request bytes in, response bytes out; `stream` serves a server-streaming
 * RPC, each event's bytes in turn.
 */
export interface ProviderDispatcher {
  (method: string, request: Uint8Array, signal: AbortSignal): Promise<Uint8Array>;
  stream(method: string, request: Uint8Array, signal: AbortSignal): AsyncIterable<Uint8Array>;
}
