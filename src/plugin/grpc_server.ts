// The gRPC side of the plugin process, loaded just after the handshake line (grpc-js, http2 and
// tls take longer to load than the rest of the process layer): a grpc-js server with
// tfplugin6.Provider and go-plugin's controller, stdio and health services, fed the
// connections the process layer accepted on its own listening socket.

import type { Duplex } from 'node:stream';
import { Server, ServerCredentials, status, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from '../log/logger.js';
import { PROVIDER_METHODS, PROVIDER_SERVICE, PROVIDER_STREAMING_METHODS, type ProviderDispatcher } from '../protocol/methods.js';
import { controllerImplementation, controllerService, healthImplementation, healthService, stdioImplementation, stdioService } from './side_services.js';
import { mark, reportStartup } from './startup_trace.js';

// Terraform asks for schemas with a 64 MiB receive limit; Go SDK servers allow 256 MiB.
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export interface GrpcServerOptions {
  readonly log: Logger;
  /** Mutual TLS: our certificate and key, and the client's certificate, our only trusted root. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string; readonly clientCertPem: string };
  readonly getDispatcher: () => Promise<ProviderDispatcher>;
  /** Called when Terraform asks the plugin to shut down (GRPCController.Shutdown). */
  readonly onShutdown: () => void;
}

export interface GrpcServer {
  /** Serve one accepted connection (TLS, then HTTP/2, happen here). */
  inject(connection: Duplex): void;
  /** Let in-flight responses flush, then close every session; forced after graceMs. */
  shutdown(graceMs: number, done: () => void): void;
}

export function startGrpcServer(o: GrpcServerOptions): GrpcServer {
  const credentials = o.tls
    ? // The client's certificate is required: no other local process can drive the provider.
      ServerCredentials.createSsl(Buffer.from(o.tls.clientCertPem), [{ cert_chain: Buffer.from(o.tls.certPem), private_key: Buffer.from(o.tls.keyPem) }], true)
    : ServerCredentials.createInsecure();
  const server = new Server({ 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES, 'grpc.max_send_message_length': MAX_MESSAGE_BYTES });
  const stdioStreams = new Set<ServerWritableStream<Buffer, object>>();
  server.addService(providerServiceDefinition(), providerServiceImplementation(o.getDispatcher, o.log));
  server.addService(controllerService, controllerImplementation(o.onShutdown));
  server.addService(stdioService, stdioImplementation(stdioStreams));
  server.addService(healthService, healthImplementation);
  const injector = server.createConnectionInjector(credentials);
  mark('gRPC server ready');
  return {
    inject: (connection) => injector.injectConnection(connection),
    shutdown(graceMs, done) {
      for (const s of stdioStreams) s.end();
      const force = setTimeout(() => {
        server.forceShutdown();
        done();
      }, graceMs);
      server.tryShutdown(() => {
        clearTimeout(force);
        done();
      });
    },
  };
}

function providerServiceDefinition(): ServiceDefinition {
  const definition: Record<string, ServiceDefinition[string]> = {};
  const streaming = new Set<string>(PROVIDER_STREAMING_METHODS);
  for (const method of [...PROVIDER_METHODS, ...PROVIDER_STREAMING_METHODS]) {
    definition[method] = {
      path: `/${PROVIDER_SERVICE}/${method}`,
      requestStream: false,
      responseStream: streaming.has(method),
      // Bytes in, bytes out: the protocol layer decodes and encodes, once it has loaded.
      requestSerialize: (m: Buffer) => m,
      requestDeserialize: (b: Buffer) => b,
      responseSerialize: (m: Uint8Array) => Buffer.from(m.buffer, m.byteOffset, m.byteLength),
      responseDeserialize: (b: Buffer) => b,
    };
  }
  return definition;
}

function providerServiceImplementation(getDispatcher: () => Promise<ProviderDispatcher>, log: Logger): UntypedServiceImplementation {
  const impl: UntypedServiceImplementation = {};
  for (const method of PROVIDER_METHODS) {
    impl[method] = (call: ServerUnaryCall<Buffer, Uint8Array>, callback: sendUnaryData<Uint8Array>) => {
      const controller = new AbortController();
      call.on('cancelled', () => controller.abort(new Error(`${method} was cancelled by Terraform`)));
      getDispatcher()
        .then((dispatch) => dispatch(method, call.request, controller.signal))
        .then(
          (response) => {
            callback(null, response);
            mark('first RPC answered');
            reportStartup();
          },
          (err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            log.error('RPC failed', { tf_rpc: method, error: message });
            callback({ code: status.INTERNAL, details: message }, null);
          },
        );
    };
  }
  for (const method of PROVIDER_STREAMING_METHODS) {
    impl[method] = (call: ServerWritableStream<Buffer, Uint8Array>) => {
      const controller = new AbortController();
      call.on('cancelled', () => controller.abort(new Error(`${method} was cancelled by Terraform`)));
      const run = async () => {
        const dispatch = await getDispatcher();
        for await (const event of dispatch.stream(method, call.request, controller.signal)) {
          if (controller.signal.aborted) break;
          // Respect back-pressure: wait for the transport to drain before the next event.
          if (!call.write(event)) await new Promise<void>((resolve) => call.once('drain', () => resolve()));
        }
      };
      run().then(
        () => call.end(),
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          log.error('RPC failed', { tf_rpc: method, error: message });
          call.emit('error', { code: status.INTERNAL, details: message });
        },
      );
    };
  }
  return impl;
}
