// The self-contained executables of `make release`: each one is the platform's own ELF
// executable (no script, no Node.js needed), and serves the go-plugin handshake and the
// provider's RPCs with nothing on PATH. The linux_arm64 one runs under qemu-user.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateServerCertificate } from '../../src/plugin/certificate.js';
import { tfplugin6 } from '../../src/protocol/wire.js';
import { pluginClient } from './support/built_provider.js';
import { executable, platforms, requireRelease, type Platform } from './support/release.js';

jest.setTimeout(180_000);

const ELF_MACHINE: Record<string, number> = { amd64: 0x3e, arm64: 0xb7 };
let temp: string;
let mod: Awaited<ReturnType<typeof platforms>>;
let pc: Awaited<ReturnType<typeof pluginClient>>;

beforeAll(async () => {
  requireRelease();
  temp = mkdtempSync(join(tmpdir(), 'tf-sea-'));
  mod = await platforms();
  pc = await pluginClient();
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function elfHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  const b = Buffer.alloc(20);
  readSync(fd, b, 0, 20, 0);
  closeSync(fd);
  return b;
}

/** The executable, or a one-line sh wrapper that runs it under qemu-user (startPlugin takes one path). */
function runnable(p: Platform): string {
  const runner = mod.runnerFor(p);
  if (runner.length === 0) return executable(p);
  const wrapper = join(temp, `run-${p.arch}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec ${[...runner, executable(p)].map((a) => `'${a}'`).join(' ')}\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

describe.each(['amd64', 'arm64'])('linux_%s executable', (arch) => {
  const platform = (): Platform => mod.PLATFORMS.find((p) => p.os === 'linux' && p.arch === arch)!;

  it('is an ELF executable for its CPU, not a script', () => {
    const h = elfHeader(executable(platform()));
    expect(h.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(h.readUInt16LE(18)).toBe(ELF_MACHINE[arch]);
  });

  it('runs with no Node.js and nothing on PATH, accepting the code caches built for it', () => {
    const runner = mod.runnerFor(platform());
    const argv = [...runner, executable(platform())];
    const r = spawnSync(argv[0]!, argv.slice(1), { env: { PATH: temp, TF_PROVIDER_SEA_CHECK: '1' }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { arch: string; codeCache: Record<string, string> };
    expect(report.arch).toBe(platform().nodeArch);
    expect(Object.keys(report.codeCache)).toEqual(expect.arrayContaining(['provider.cjs', 'core.cjs']));
    for (const verdict of Object.values(report.codeCache)) expect(verdict).toBe('accepted');
  });

  it('answers the go-plugin handshake and serves the provider schema over mTLS', async () => {
    const clientCert = generateServerCertificate();
    const plugin = pc.startPlugin(runnable(platform()), { clientCert, env: { PATH: temp }, timeoutMs: 120_000 });
    try {
      const { line } = await plugin.handshake;
      const hs = pc.parseHandshake(line);
      expect(hs).toMatchObject({ core: 1, app: 6, network: 'unix', protocol: 'grpc' });
      const conn = pc.dial(hs, clientCert);
      try {
        const schema = tfplugin6.GetProviderSchema.Response.decode(await conn.call('/tfplugin6.Provider/GetProviderSchema', undefined, 120_000));
        expect(Object.keys(schema.resourceSchemas)).toContain('scalingo_addon');
        await conn.call('/plugin.GRPCController/Shutdown', undefined, 60_000);
      } finally {
        conn.close();
      }
      expect(await plugin.exited).toEqual({ code: 0, signal: null });
    } finally {
      plugin.child.kill('SIGKILL');
    }
  });
});
