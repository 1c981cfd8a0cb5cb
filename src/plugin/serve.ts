// Serving the provider as a go-plugin process: check the handshake environment, make the
// AutoMTLS certificate, listen on a unix socket in a private directory, print the handshake
// line (the first and only thing written to stdout), then serve tfplugin6.Provider plus
// go-plugin's controller, stdio and health services until Terraform calls Shutdown.
//
// Start-up is paid on every Terraform command, several times: before the handshake line only
// Node's own net module runs (the socket listens, connections wait in its backlog). gRPC
// (grpc-js, http2, tls: ./grpc_server.ts) loads just after the line, while Terraform connects,
// and is handed the connections accepted meanwhile; the provider itself (framework, resources)
// follows, and the Scalingo API client only when an RPC needs it.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import type { ProviderDispatcher } from '../protocol/methods.js';
import { certificateForHandshake, generateServerCertificate } from './certificate.js';
import type { GrpcServer } from './grpc_server.js';
import { checkMagicCookie, handshakeLine, negotiateProtocolVersion } from './handshake.js';
import { mark } from './startup_trace.js';

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
  mark('serve called');
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
  const cert = useTls ? generateServerCertificate() : undefined;
  mark('certificate made');

  // Connections accepted before gRPC has loaded wait here; what they send is buffered, and TLS
  // or HTTP/2 take it over when the socket is handed to them.
  let grpc: GrpcServer | undefined;
  const waiting: Socket[] = [];
  const listener = createServer((socket) => (grpc ? grpc.inject(socket) : waiting.push(socket)));
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(socketPath, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  mark('listening');
  listener.on('error', (err) => log.error('plugin socket failed', { error: err.message }));

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let shuttingDown = false;
  const shutdown = () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.debug('shutting down plugin server');
    listener.close();
    for (const s of waiting.splice(0)) s.destroy();
    const finish = () => {
      removeSocketDir();
      resolveClosed();
    };
    // Let in-flight responses (Shutdown's own) flush, then stop; force it if a client holds
    // on, well within the 2 s after which Terraform kills the process.
    if (grpc) grpc.shutdown(500, finish);
    else finish();
  };

  if (options.debug) {
    options.stdout(reattachInstructions(options.providerAddresses, socketPath));
  } else {
    options.stdout(handshakeLine(protocolVersion, 'unix', socketPath, cert ? certificateForHandshake(cert.der) : ''));
  }
  mark('handshake line written');

  let dispatcher: Promise<ProviderDispatcher> | undefined;
  const getDispatcher = () => (dispatcher ??= options.loadDispatcher().finally(() => mark('provider core loaded')));
  const { startGrpcServer } = await import('./grpc_server.js');
  mark('gRPC loaded');
  grpc = startGrpcServer({
    log,
    ...(cert && clientCert ? { tls: { certPem: cert.certPem, keyPem: cert.keyPem, clientCertPem: clientCert } } : {}),
    getDispatcher,
    onShutdown: shutdown,
  });
  for (const socket of waiting.splice(0)) grpc.inject(socket);
  // Load the provider while Terraform sets up its connection.
  setImmediate(() => getDispatcher().catch((err: unknown) => log.error('failed to load the provider', { error: err instanceof Error ? err.message : String(err) })));
  log.debug('plugin server listening', { network: 'unix', address: socketPath, tls: useTls, protocol_version: protocolVersion });

  return { socketPath, closed, shutdown };
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
