// Serving the provider as a go-plugin process: check the handshake environment, make the
// AutoMTLS certificate, listen on a unix socket in a private directory, print the handshake
// line (the first and only thing written to stdout), then serve tfplugin6.Provider plus
// go-plugin's controller, stdio and health services until Terraform calls Shutdown.
//
// The provider itself (framework, resources, API client) is loaded lazily, while Terraform
// connects: the service is registered at once with handlers that wait for it, so no RPC can
// arrive before it exists.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, ServerCredentials, status, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from '../log/logger.js';
import { PROVIDER_METHODS, PROVIDER_SERVICE, type ProviderDispatcher } from '../protocol/methods.js';
import { certificateForHandshake, generateServerCertificate } from './certificate.js';
import { checkMagicCookie, handshakeLine, negotiateProtocolVersion } from './handshake.js';
import { controllerImplementation, controllerService, healthImplementation, healthService, stdioImplementation, stdioService } from './side_services.js';

// Terraform asks for schemas with a 64 MiB receive limit; Go SDK servers allow 256 MiB.
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export interface ServeOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  /** Serve without Terraform starting us: plaintext, and print TF_REATTACH_PROVIDERS. */
  readonly debug: boolean;
  /** Provider source addresses, for the reattach instructions in debug mode. */
  readonly providerAddresses: readonly string[];
  readonly loadDispatcher: () => Promise<ProviderDispatcher>;
  readonly stdout: (text: string) => void;
}

export interface RunningPlugin {
  readonly socketPath: string;
  readonly closed: Promise<void>;
  shutdown(): void;
}

export async function serve(options: ServeOptions): Promise<RunningPlugin> {
  const { env, log } = options;
  let protocolVersion = 6;
  if (!options.debug) {
    checkMagicCookie(env);
    protocolVersion = negotiateProtocolVersion(env);
  }

  // A private directory (0700): no other local user can reach the socket, and a stale socket
  // never collides with the next run.
  const dir = mkdtempSync(join(env['PLUGIN_UNIX_SOCKET_DIR'] || tmpdir(), 'tf-provider-scalingo-'));
  const socketPath = join(dir, 'plugin.sock');
  const removeSocketDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeSocketDir);

  const clientCert = env['PLUGIN_CLIENT_CERT'];
  const useTls = !options.debug && clientCert !== undefined && clientCert.trim() !== '';
  let handshakeCert = '';
  let credentials = ServerCredentials.createInsecure();
  if (useTls) {
    const cert = generateServerCertificate();
    // The client's certificate is our only trusted root and is required: no other local
    // process can drive the provider.
    credentials = ServerCredentials.createSsl(Buffer.from(clientCert), [{ cert_chain: Buffer.from(cert.certPem), private_key: Buffer.from(cert.keyPem) }], true);
    handshakeCert = certificateForHandshake(cert.der);
  }

  const server = new Server({ 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES, 'grpc.max_send_message_length': MAX_MESSAGE_BYTES });
  const stdioStreams = new Set<ServerWritableStream<Buffer, object>>();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let shuttingDown = false;
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.debug('shutting down plugin server');
    for (const s of stdioStreams) s.end();
    // Let in-flight responses (Shutdown's own) flush, then stop; force it if a client holds
    // on, well within the 2 s after which Terraform kills the process.
    const finish = () => {
      removeSocketDir();
      resolveClosed();
    };
    const force = setTimeout(() => {
      server.forceShutdown();
      finish();
    }, 500);
    server.tryShutdown(() => {
      clearTimeout(force);
      finish();
    });
  };

  let dispatcher: Promise<ProviderDispatcher> | undefined;
  const getDispatcher = () => (dispatcher ??= options.loadDispatcher());
  server.addService(providerServiceDefinition(), providerServiceImplementation(getDispatcher, log));
  server.addService(controllerService, controllerImplementation(shutdown));
  server.addService(stdioService, stdioImplementation(stdioStreams));
  server.addService(healthService, healthImplementation);

  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${socketPath}`, credentials, (err) => (err ? reject(err) : resolve())),
  );

  if (options.debug) {
    options.stdout(reattachInstructions(options.providerAddresses, socketPath));
  } else {
    options.stdout(handshakeLine(protocolVersion, 'unix', socketPath, handshakeCert));
  }
  // Start loading the provider while Terraform connects.
  getDispatcher().catch((err: unknown) => log.error('failed to load the provider', { error: err instanceof Error ? err.message : String(err) }));
  log.debug('plugin server listening', { network: 'unix', address: socketPath, tls: useTls, protocol_version: protocolVersion });

  return { socketPath, closed, shutdown };
}

function providerServiceDefinition(): ServiceDefinition {
  const definition: Record<string, ServiceDefinition[string]> = {};
  for (const method of PROVIDER_METHODS) {
    definition[method] = {
      path: `/${PROVIDER_SERVICE}/${method}`,
      requestStream: false,
      responseStream: false,
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
          (response) => callback(null, response),
          (err: unknown) => {
            const message = err instanceof Error ? err.message : String(err);
            log.error('RPC failed', { tf_rpc: method, error: message });
            callback({ code: status.INTERNAL, details: message }, null);
          },
        );
    };
  }
  return impl;
}

function reattachInstructions(addresses: readonly string[], socketPath: string): string {
  const entry = { Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: 'unix', String: socketPath } };
  const value = JSON.stringify(Object.fromEntries(addresses.map((a) => [a, entry])));
  return (
    'Provider started in debug mode. To attach Terraform or OpenTofu, set this in another shell:\n\n' +
    `\tTF_REATTACH_PROVIDERS='${value}'\n\n` +
    'Press Ctrl-C to stop the provider.\n'
  );
}
