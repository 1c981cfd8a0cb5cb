// go-plugin's side services: GRPCController (Shutdown), GRPCStdio (a stream we keep open and
// never write to: our logs go to stderr, which Terraform reads directly), and gRPC health,
// which reports the service "plugin" as SERVING.

import type { ServerUnaryCall, ServerWritableStream, sendUnaryData, ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import { grpc, plugin } from './generated/plugin.js';

const empty = Buffer.alloc(0);
const passthrough = {
  requestSerialize: (m: Buffer) => m,
  requestDeserialize: (b: Buffer) => b,
};

export const controllerService: ServiceDefinition = {
  Shutdown: {
    path: '/plugin.GRPCController/Shutdown',
    requestStream: false,
    responseStream: false,
    ...passthrough,
    responseSerialize: () => empty,
    responseDeserialize: () => ({}),
  },
};

export function controllerImplementation(onShutdown: () => void): UntypedServiceImplementation {
  return {
    Shutdown: (_call: ServerUnaryCall<Buffer, object>, callback: sendUnaryData<object>) => {
      callback(null, {});
      onShutdown();
    },
  };
}

export const stdioService: ServiceDefinition = {
  StreamStdio: {
    path: '/plugin.GRPCStdio/StreamStdio',
    requestStream: false,
    responseStream: true,
    ...passthrough,
    responseSerialize: (m: plugin.StdioData.$Properties) => Buffer.from(plugin.StdioData.encode(m).finish()),
    responseDeserialize: (b: Buffer) => plugin.StdioData.decode(b),
  },
};

export function stdioImplementation(open: Set<ServerWritableStream<Buffer, object>>): UntypedServiceImplementation {
  return {
    StreamStdio: (call: ServerWritableStream<Buffer, object>) => {
      open.add(call);
      call.on('cancelled', () => open.delete(call));
      call.on('close', () => open.delete(call));
    },
  };
}

const HealthCheckResponse = grpc.health.v1.HealthCheckResponse;

export const healthService: ServiceDefinition = {
  Check: {
    path: '/grpc.health.v1.Health/Check',
    requestStream: false,
    responseStream: false,
    requestSerialize: (m: object) => Buffer.from(grpc.health.v1.HealthCheckRequest.encode(m).finish()),
    requestDeserialize: (b: Buffer) => grpc.health.v1.HealthCheckRequest.decode(b),
    responseSerialize: (m: object) => Buffer.from(HealthCheckResponse.encode(m).finish()),
    responseDeserialize: (b: Buffer) => HealthCheckResponse.decode(b),
  },
};

export const healthImplementation: UntypedServiceImplementation = {
  Check: (call: ServerUnaryCall<grpc.health.v1.HealthCheckRequest, object>, callback: sendUnaryData<object>) => {
    const service = call.request.service;
    if (service === '' || service === 'plugin') callback(null, { status: HealthCheckResponse.ServingStatus.SERVING });
    else callback({ code: 5, details: `unknown service ${service}` }, null);
  },
};
