// The built entry point (dist/simulator/main.js, from `npx tsc -p tsconfig.json`).
import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { call } from './helpers.js';

const entry = resolve('dist/simulator/main.js');
const describeBuilt = existsSync(entry) ? describe : describe.skip;
if (!existsSync(entry)) console.warn(`Skipping the entry-point tests: ${entry} is missing (run npx tsc -p tsconfig.json)`);

interface Started {
  child: ChildProcessWithoutNullStreams;
  first: { url: string; api_token: string; admin_token: string; apps: { id: string; name: string }[]; postgres: string };
  lines: string[];
  stderr: () => string;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('no first line within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        lines.push(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (lines.length === 1) {
          clearTimeout(timer);
          resolvePromise({ child, first: JSON.parse(lines[0]!), lines, stderr: () => stderr });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}

describeBuilt('node dist/simulator/main.js', () => {
  test('first stdout line is the JSON object; one log line per request without secrets; SIGTERM stops it with 0 and persists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-main-'));
    try {
      const stateFile = join(dir, 'state.json');
      const { child, first, lines, stderr } = await start(['--port', '0', '--postgres', 'auto', '--state-file', stateFile, '--speed', '10', '--rate-limit', '100']);
      expect(Object.keys(first).sort()).toEqual(['admin_token', 'api_token', 'apps', 'postgres', 'url']);
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.api_token).toMatch(/^tk-us-/);
      expect(first.admin_token).toMatch(/^sim-admin-[0-9a-f]{48}$/);
      expect(first.apps).toHaveLength(2);
      expect(['real', 'memory']).toContain(first.postgres);
      const basic = `Basic ${Buffer.from(`:${first.api_token}`).toString('base64')}`;
      const ex = await call(first.url, 'POST', '/v1/tokens/exchange', { headers: { Authorization: basic } });
      expect(ex.status).toBe(200);
      await call(first.url, 'GET', '/v1/apps?secret=1', { token: ex.body.token });
      const pgPort = /private cluster on 127\.0\.0\.1:(\d+)/.exec(stderr())?.[1];
      expect(first.postgres === 'real').toBe(pgPort !== undefined);
      if (pgPort) expect(await listening(Number(pgPort))).toBe(true);
      const exit = exitCode(child);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      const log = lines.slice(1).join('\n');
      expect(log).toMatch(/^POST \/v1\/tokens\/exchange 200 [\d.]+ms$/m);
      expect(log).toMatch(/^GET \/v1\/apps 200 [\d.]+ms$/m);
      expect(log).not.toContain(first.api_token);
      expect(log).not.toContain(ex.body.token);
      expect(log).not.toContain('secret');
      expect(JSON.parse(readFileSync(stateFile, 'utf8')).apiToken).toBe(first.api_token);
      // Its PostgreSQL cluster was stopped too.
      if (pgPort) expect(await listening(Number(pgPort))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test('bad arguments exit with 2', async () => {
    const child = spawn(process.execPath, [entry, '--postgres', 'maybe'], { stdio: ['pipe', 'pipe', 'pipe'] });
    expect(await exitCode(child)).toBe(2);
  });
});
