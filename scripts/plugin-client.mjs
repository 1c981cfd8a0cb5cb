// A minimal go-plugin host, standing in for Terraform: starts a provider executable with the
// handshake environment and a client certificate, parses the handshake line, and dials the
// provider over mutual TLS. Used to warm the code cache at build time, by the benchmarks, and
// by the tests of the process contract.
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';

export const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

export function derToPem(der) {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}

/** Parse `1|6|unix|/path|grpc|<cert>`. */
export function parseHandshake(line) {
  const [core, app, network, address, protocol, cert = ''] = line.trim().split('|');
  return { core: Number(core), app: Number(app), network, address, protocol, cert };
}

/**
 * Start the provider and wait for its handshake line.
 * @param {string} executable
 * @param {{ env?: Record<string,string>, clientCert?: { certPem: string, keyPem: string }, timeoutMs?: number }} [o]
 */
export function startPlugin(executable, o = {}) {
  const env = { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5,6', ...(o.env ?? {}) };
  if (o.clientCert) env.PLUGIN_CLIENT_CERT = o.clientCert.certPem;
  const started = performance.now();
  const child = spawn(executable, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const handshake = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no handshake within ${o.timeoutMs ?? 10000} ms; stderr: ${stderr}`)), o.timeoutMs ?? 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve({ line: out.slice(0, nl), elapsedMs: performance.now() - started });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`plugin exited before the handshake; stderr: ${stderr}`));
    });
  });
  return { child, handshake, exited, stderr: () => stderr };
}

/** A gRPC client for the plugin's socket, using mutual TLS when the handshake carries a certificate. */
export function dial(handshake, clientCert) {
  const target = handshake.network === 'unix' ? `unix://${handshake.address}` : handshake.address;
  let creds = grpc.credentials.createInsecure();
  if (handshake.cert) {
    const serverPem = derToPem(Buffer.from(handshake.cert, 'base64'));
    creds = clientCert
      ? grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem))
      : grpc.credentials.createSsl(Buffer.from(serverPem));
  }
  const client = new grpc.Client(target, creds, { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' });
  const call = (path, request = Buffer.alloc(0), timeoutMs = 10000) =>
    new Promise((resolve, reject) =>
      client.makeUnaryRequest(path, (b) => b, (b) => b, Buffer.from(request), new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (err, res) =>
        err ? reject(err) : resolve(res),
      ),
    );
  return { client, call, close: () => client.close() };
}

export function certificateInfo(handshake) {
  return new X509Certificate(Buffer.from(handshake.cert, 'base64'));
}
