// The go-plugin process contract of the built provider executable: what Terraform relies on
// before and around the RPCs (shared/reference/terraform-protocol.md §1 and §8).

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { connect as tlsConnect } from 'node:tls';
import { status as grpcStatus } from '@grpc/grpc-js';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateServerCertificate } from '../../src/plugin/certificate.js';
import { grpc as health } from '../../src/plugin/generated/plugin.js';
import { tfplugin6 } from '../../src/protocol/wire.js';
import { PROVIDER_SOURCE } from '../../src/provider/version.js';
import { pluginClient, providerExecutable, requireBuiltProvider } from './support/built_provider.js';

jest.setTimeout(30_000);

let pc: Awaited<ReturnType<typeof pluginClient>>;
beforeAll(async () => {
  requireBuiltProvider();
  pc = await pluginClient();
});

const clientCert = generateServerCertificate();

const running = new Set<{ kill: () => boolean }>();
afterAll(() => {
  // A failed test must not leave a provider process behind.
  for (const child of running) child.kill();
});

async function started(env: Record<string, string> = {}, cert: typeof clientCert | null = clientCert) {
  const plugin = pc.startPlugin(providerExecutable, { env, ...(cert ? { clientCert: cert } : {}) });
  running.add({ kill: () => plugin.child.kill('SIGKILL') });
  const { line, elapsedMs } = await plugin.handshake;
  return { plugin, line, elapsedMs, hs: pc.parseHandshake(line) };
}

async function shutdown(plugin: ReturnType<typeof pc.startPlugin>, hs: ReturnType<typeof pc.parseHandshake>, cert = clientCert) {
  const conn = pc.dial(hs, cert);
  await conn.call('/plugin.GRPCController/Shutdown').catch(() => undefined);
  conn.close();
  return plugin.exited;
}

function runRaw(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(providerExecutable, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What a raw TLS client presenting `cert` gets from the plugin's socket: `served` (the server's
 * HTTP/2 SETTINGS arrive), `alert <code>` (a TLS alert), `closed` (closed without a byte) or
 * `no answer` after 8 s.
 */
function tlsOutcome(hs: ReturnType<typeof pc.parseHandshake>, cert: typeof clientCert | null): Promise<string> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      path: hs.address,
      ca: pc.derToPem(Buffer.from(hs.cert, 'base64')),
      servername: 'localhost',
      ALPNProtocols: ['h2'],
      ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}),
    });
    const done = (outcome: string): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done('no answer'), 8000);
    socket.on('secureConnect', () => socket.write('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'));
    socket.on('data', () => done('served'));
    socket.on('error', (err: NodeJS.ErrnoException) => done(`alert ${err.code ?? err.message}`));
    socket.on('close', () => done('closed'));
  });
}

describe('handshake environment', () => {
  it('refuses to run without the magic cookie, explaining on stderr, with nothing on stdout', async () => {
    const r = await runRaw({ TF_PLUGIN_MAGIC_COOKIE: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('This binary is a plugin. These are not meant to be executed directly.');
  });

  it('refuses a host that does not accept protocol version 6', async () => {
    const r = await runRaw({ TF_PLUGIN_MAGIC_COOKIE: pc.MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: '4,5' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/speaks Terraform plugin protocol version 6.*accepts only version\(s\) 4,5/s);
  });
});

describe('handshake line and AutoMTLS', () => {
  it('prints 1|6|unix|<socket>|grpc|<certificate> as its first stdout line', async () => {
    const { plugin, line, hs } = await started();
    expect(line).toMatch(/^1\|6\|unix\|\/[^|]+\|grpc\|[A-Za-z0-9+/]+$/);
    expect(hs.cert).not.toMatch(/=/); // Go's RawStdEncoding: no padding
    const cert = new X509Certificate(Buffer.from(hs.cert, 'base64'));
    expect(cert.subjectAltName).toBe('DNS:localhost');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(Date.now());
    // The socket lives in a private directory.
    expect(statSync(dirname(hs.address)).mode & 0o777).toBe(0o700);
    expect(existsSync(hs.address)).toBe(true);
    await shutdown(plugin, hs);
  });

  it('serves a client holding the certificate from PLUGIN_CLIENT_CERT and refuses any other', async () => {
    const { plugin, hs } = await started();
    const good = pc.dial(hs, clientCert);
    const schema = tfplugin6.GetProviderSchema.Response.decode(await good.call('/tfplugin6.Provider/GetProviderSchema'));
    expect(schema.provider?.block).toBeTruthy();
    expect(schema.serverCapabilities?.getProviderSchemaOptional).toBe(true);
    expect(schema.serverCapabilities?.planDestroy).toBe(true);
    good.close();

    // Refused at the TLS layer: the server never speaks HTTP/2 to them, and says so at once
    // (a deadline or a hang would not be a refusal).
    const stranger = generateServerCertificate();
    expect(await tlsOutcome(hs, null)).toMatch(/^alert ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED$/);
    expect(await tlsOutcome(hs, stranger)).toMatch(/^(closed|alert ERR_SSL_\w+)$/);
    expect(await tlsOutcome(hs, clientCert)).toBe('served');
    for (const cert of [undefined, stranger]) {
      const conn = pc.dial(hs, cert);
      const err = await conn.call('/tfplugin6.Provider/GetProviderSchema', new Uint8Array(), 10_000).then(
        () => null,
        (e: unknown) => e as { code?: number },
      );
      conn.close();
      expect(err?.code).toBe(grpcStatus.UNAVAILABLE); // not DEADLINE_EXCEEDED
    }
    await shutdown(plugin, hs);
  });

  it('serves plaintext when Terraform disables TLS (no PLUGIN_CLIENT_CERT)', async () => {
    const { plugin, hs } = await started({ TF_DISABLE_PLUGIN_TLS: '1' }, null);
    expect(hs.cert).toBe('');
    const conn = pc.dial(hs);
    const r = tfplugin6.GetMetadata.Response.decode(await conn.call('/tfplugin6.Provider/GetMetadata'));
    expect(r.resources.map((x) => x.typeName)).toContain('scalingo_addon');
    conn.close();
    await shutdown(plugin, hs, undefined);
  });
});

describe('side services and lifecycle', () => {
  it('reports the service "plugin" as SERVING on grpc.health.v1', async () => {
    const { plugin, hs } = await started();
    const conn = pc.dial(hs, clientCert);
    const req = health.health.v1.HealthCheckRequest.encode({ service: 'plugin' }).finish();
    const res = health.health.v1.HealthCheckResponse.decode(await conn.call('/grpc.health.v1.Health/Check', req));
    expect(res.status).toBe(health.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    conn.close();
    await shutdown(plugin, hs);
  });

  it('ignores SIGINT (Terraform coordinates Ctrl-C itself) and exits at once on Shutdown, removing its socket', async () => {
    const { plugin, hs } = await started();
    plugin.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    expect(plugin.child.exitCode).toBeNull();
    const conn = pc.dial(hs, clientCert);
    await conn.call('/tfplugin6.Provider/GetMetadata');
    const before = performance.now();
    await conn.call('/plugin.GRPCController/Shutdown');
    conn.close();
    const { code } = await plugin.exited;
    const exitMs = performance.now() - before;
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(1000); // Terraform SIGKILLs after 2 s
    expect(existsSync(dirname(hs.address))).toBe(false);
  });

  it('accepts messages far beyond gRPC\'s default 4 MiB limit', async () => {
    const { plugin, hs } = await started();
    const conn = pc.dial(hs, clientCert);
    const big = tfplugin6.ValidateResourceConfig.Request.encode({ typeName: 'scalingo_nope', config: { json: new Uint8Array(20 * 1024 * 1024).fill(32) } }).finish();
    const res = tfplugin6.ValidateResourceConfig.Response.decode(await conn.call('/tfplugin6.Provider/ValidateResourceConfig', big, 20_000));
    expect(res.diagnostics[0]?.summary).toBe('Unknown resource type');
    conn.close();
    await shutdown(plugin, hs);
  });

  it('writes hclog JSON to stderr, with microsecond timestamps, at the TF_LOG level', async () => {
    const { plugin, hs } = await started({ TF_LOG: 'DEBUG' });
    await shutdown(plugin, hs);
    const lines = plugin
      .stderr()
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const entry = JSON.parse(l) as Record<string, string>;
      expect(entry['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(['trace', 'debug', 'info', 'warn', 'error']).toContain(entry['@level']);
      expect(typeof entry['@message']).toBe('string');
    }
  });

  it('prints TF_REATTACH_PROVIDERS in --debug mode and serves without Terraform', async () => {
    const child = spawn(providerExecutable, ['--debug'], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add({ kill: () => child.kill('SIGKILL') });
    let out = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('TF_REATTACH_PROVIDERS=')) resolve();
      }),
    );
    const json = /TF_REATTACH_PROVIDERS='(.+)'/.exec(out)![1]!;
    const reattach = JSON.parse(json) as Record<string, { Protocol: string; ProtocolVersion: number; Pid: number; Addr: { Network: string; String: string } }>;
    const entry = reattach[`registry.terraform.io/${PROVIDER_SOURCE}`]!;
    expect(entry).toMatchObject({ Protocol: 'grpc', ProtocolVersion: 6, Pid: child.pid, Addr: { Network: 'unix' } });
    expect(reattach[`registry.opentofu.org/${PROVIDER_SOURCE}`]).toBeTruthy();
    expect(Object.keys(reattach).some((k) => /\/scalingo\/scalingo$/i.test(k))).toBe(false);
    const conn = pc.dial({ network: 'unix', address: entry.Addr.String, cert: '' });
    const md = tfplugin6.GetMetadata.Response.decode(await conn.call('/tfplugin6.Provider/GetMetadata'));
    expect(md.resources.length).toBeGreaterThan(0);
    conn.close();
    child.kill('SIGINT'); // in debug mode Ctrl-C stops it
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
