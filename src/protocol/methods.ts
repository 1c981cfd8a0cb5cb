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
  'StopProvider',
] as const;

export type ProviderMethod = (typeof PROVIDER_METHODS)[number];

/** Serves one RPC: request bytes in, response bytes out. */
export type ProviderDispatcher = (method: string, request: Uint8Array, signal: AbortSignal) => Promise<Uint8Array>;
