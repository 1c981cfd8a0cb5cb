// The tfplugin6.Provider service as a dispatcher: decodes each request with the generated
// messages, runs its handler (handlers/, one file per RPC), encodes the response. Unexpected
// failures become an error diagnostic rather than a gRPC error, which Terraform would show
// as an opaque "plugin error".

import type { ProviderServer } from '../framework/server/server.js';
import type { Logger } from '../log/logger.js';
import { applyResourceChange } from './handlers/apply_resource_change.js';
import { closeEphemeralResource } from './handlers/close_ephemeral_resource.js';
import { configureProvider } from './handlers/configure_provider.js';
import { generateResourceConfig } from './handlers/generate_resource_config.js';
import { getMetadata } from './handlers/get_metadata.js';
import { getProviderSchema } from './handlers/get_provider_schema.js';
import { getResourceIdentitySchemas } from './handlers/get_resource_identity_schemas.js';
import { importResourceState } from './handlers/import_resource_state.js';
import { invokeAction } from './handlers/invoke_action.js';
import { listResource } from './handlers/list_resource.js';
import { openEphemeralResource } from './handlers/open_ephemeral_resource.js';
import { planAction } from './handlers/plan_action.js';
import { planResourceChange } from './handlers/plan_resource_change.js';
import { readDataSource } from './handlers/read_data_source.js';
import { readResource } from './handlers/read_resource.js';
import { renewEphemeralResource } from './handlers/renew_ephemeral_resource.js';
import { stopProvider } from './handlers/stop_provider.js';
import { upgradeResourceIdentity } from './handlers/upgrade_resource_identity.js';
import { upgradeResourceState } from './handlers/upgrade_resource_state.js';
import { validateActionConfig } from './handlers/validate_action_config.js';
import { validateDataResourceConfig } from './handlers/validate_data_resource_config.js';
import { validateEphemeralResourceConfig } from './handlers/validate_ephemeral_resource_config.js';
import { validateListResourceConfig } from './handlers/validate_list_resource_config.js';
import { validateProviderConfig } from './handlers/validate_provider_config.js';
import { validateResourceConfig } from './handlers/validate_resource_config.js';
import type { ProviderDispatcher, ProviderMethod, ProviderStreamingMethod } from './methods.js';
import { tfplugin6 } from './wire.js';

interface MessageClass<T> {
  decode(bytes: Uint8Array): T;
  encode(message: object): { finish(): Uint8Array };
}

interface Rpc<Req> {
  request: MessageClass<Req>;
  response: MessageClass<unknown>;
  handle: (server: ProviderServer, request: Req, signal: AbortSignal) => object | Promise<object>;
  /** False for responses without a diagnostics field. */
  diagnostics?: boolean;
}

function rpc<Req>(r: Rpc<Req>): Rpc<unknown> {
  return r as Rpc<unknown>;
}

const RPCS: Record<ProviderMethod, Rpc<unknown>> = {
  GetMetadata: rpc({ request: tfplugin6.GetMetadata.Request, response: tfplugin6.GetMetadata.Response, handle: (s) => getMetadata(s) }),
  GetProviderSchema: rpc({ request: tfplugin6.GetProviderSchema.Request, response: tfplugin6.GetProviderSchema.Response, handle: (s) => getProviderSchema(s) }),
  ValidateProviderConfig: rpc({ request: tfplugin6.ValidateProviderConfig.Request, response: tfplugin6.ValidateProviderConfig.Response, handle: validateProviderConfig }),
  ValidateResourceConfig: rpc({ request: tfplugin6.ValidateResourceConfig.Request, response: tfplugin6.ValidateResourceConfig.Response, handle: validateResourceConfig }),
  ValidateDataResourceConfig: rpc({
    request: tfplugin6.ValidateDataResourceConfig.Request,
    response: tfplugin6.ValidateDataResourceConfig.Response,
    handle: validateDataResourceConfig,
  }),
  UpgradeResourceState: rpc({ request: tfplugin6.UpgradeResourceState.Request, response: tfplugin6.UpgradeResourceState.Response, handle: upgradeResourceState }),
  GetResourceIdentitySchemas: rpc({
    request: tfplugin6.GetResourceIdentitySchemas.Request,
    response: tfplugin6.GetResourceIdentitySchemas.Response,
    handle: (s) => getResourceIdentitySchemas(s),
  }),
  UpgradeResourceIdentity: rpc({
    request: tfplugin6.UpgradeResourceIdentity.Request,
    response: tfplugin6.UpgradeResourceIdentity.Response,
    handle: upgradeResourceIdentity,
  }),
  ConfigureProvider: rpc({ request: tfplugin6.ConfigureProvider.Request, response: tfplugin6.ConfigureProvider.Response, handle: configureProvider }),
  ReadResource: rpc({ request: tfplugin6.ReadResource.Request, response: tfplugin6.ReadResource.Response, handle: readResource }),
  PlanResourceChange: rpc({ request: tfplugin6.PlanResourceChange.Request, response: tfplugin6.PlanResourceChange.Response, handle: planResourceChange }),
  ApplyResourceChange: rpc({ request: tfplugin6.ApplyResourceChange.Request, response: tfplugin6.ApplyResourceChange.Response, handle: applyResourceChange }),
  ImportResourceState: rpc({ request: tfplugin6.ImportResourceState.Request, response: tfplugin6.ImportResourceState.Response, handle: importResourceState }),
  ReadDataSource: rpc({ request: tfplugin6.ReadDataSource.Request, response: tfplugin6.ReadDataSource.Response, handle: readDataSource }),
  ValidateEphemeralResourceConfig: rpc({
    request: tfplugin6.ValidateEphemeralResourceConfig.Request,
    response: tfplugin6.ValidateEphemeralResourceConfig.Response,
    handle: validateEphemeralResourceConfig,
  }),
  OpenEphemeralResource: rpc({ request: tfplugin6.OpenEphemeralResource.Request, response: tfplugin6.OpenEphemeralResource.Response, handle: openEphemeralResource }),
  RenewEphemeralResource: rpc({ request: tfplugin6.RenewEphemeralResource.Request, response: tfplugin6.RenewEphemeralResource.Response, handle: renewEphemeralResource }),
  CloseEphemeralResource: rpc({ request: tfplugin6.CloseEphemeralResource.Request, response: tfplugin6.CloseEphemeralResource.Response, handle: closeEphemeralResource }),
  GenerateResourceConfig: rpc({
    request: tfplugin6.GenerateResourceConfig.Request,
    response: tfplugin6.GenerateResourceConfig.Response,
    handle: generateResourceConfig,
  }),
  ValidateListResourceConfig: rpc({
    request: tfplugin6.ValidateListResourceConfig.Request,
    response: tfplugin6.ValidateListResourceConfig.Response,
    handle: validateListResourceConfig,
  }),
  PlanAction: rpc({ request: tfplugin6.PlanAction.Request, response: tfplugin6.PlanAction.Response, handle: planAction }),
  ValidateActionConfig: rpc({ request: tfplugin6.ValidateActionConfig.Request, response: tfplugin6.ValidateActionConfig.Response, handle: validateActionConfig }),
  StopProvider: rpc({ request: tfplugin6.StopProvider.Request, response: tfplugin6.StopProvider.Response, handle: (s) => stopProvider(s), diagnostics: false }),
};

interface StreamingRpc<Req> {
  request: MessageClass<Req>;
  event: MessageClass<unknown>;
  handle: (server: ProviderServer, request: Req, signal: AbortSignal) => AsyncIterable<object>;
  /** The event that reports an unexpected failure. */
  failure: (diagnostics: tfplugin6.Diagnostic.$Properties[]) => object;
}

function streamingRpc<Req>(r: StreamingRpc<Req>): StreamingRpc<unknown> {
  return r as StreamingRpc<unknown>;
}

const STREAMING_RPCS: Record<ProviderStreamingMethod, StreamingRpc<unknown>> = {
  ListResource: streamingRpc({ request: tfplugin6.ListResource.Request, event: tfplugin6.ListResource.Event, handle: listResource, failure: (diagnostic) => ({ diagnostic }) }),
  InvokeAction: streamingRpc({
    request: tfplugin6.InvokeAction.Request,
    event: tfplugin6.InvokeAction.Event,
    handle: invokeAction,
    failure: (diagnostics) => ({ completed: { diagnostics } }),
  }),
};

async function* serveStream(r: StreamingRpc<unknown>, server: ProviderServer, log: Logger, method: string, bytes: Uint8Array, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const started = performance.now();
  log.trace('received RPC', { tf_rpc: method });
  let events = 0;
  try {
    for await (const event of r.handle(server, r.request.decode(bytes), signal)) {
      events++;
      yield r.event.encode(event).finish();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error('RPC failed', { tf_rpc: method, error: message });
    yield r.event.encode(r.failure([{ severity: tfplugin6.Diagnostic.Severity.ERROR, summary: `Provider error in ${method}`, detail: message }])).finish();
  }
  log.trace('served RPC', { tf_rpc: method, events, duration_ms: Math.round(performance.now() - started) });
}

export function providerDispatcher(server: ProviderServer, log: Logger): ProviderDispatcher {
  const stream = (method: string, bytes: Uint8Array, signal: AbortSignal): AsyncIterable<Uint8Array> => {
    const r = STREAMING_RPCS[method as ProviderStreamingMethod];
    if (!r) throw new Error(`unsupported streaming method ${method}`);
    return serveStream(r, server, log, method, bytes, signal);
  };
  return Object.assign(unary(server, log), { stream });
}

function unary(server: ProviderServer, log: Logger): (method: string, bytes: Uint8Array, signal: AbortSignal) => Promise<Uint8Array> {
  return async (method, bytes, signal) => {
    const r = RPCS[method as ProviderMethod];
    if (!r) throw new Error(`unsupported method ${method}`);
    const started = performance.now();
    log.trace('received RPC', { tf_rpc: method });
    let response: object;
    try {
      response = await r.handle(server, r.request.decode(bytes), signal);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.error('RPC failed', { tf_rpc: method, error: message });
      response =
        r.diagnostics === false
          ? { Error: message }
          : { diagnostics: [{ severity: tfplugin6.Diagnostic.Severity.ERROR, summary: `Provider error in ${method}`, detail: message }] };
    }
    log.trace('served RPC', { tf_rpc: method, duration_ms: Math.round(performance.now() - started) });
    return r.response.encode(response).finish();
  };
}
