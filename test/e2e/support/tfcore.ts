// Drives tfcore, the Terraform 1.14 stand-in (protocol 6.10: identity, query, actions), for the
// features no terraform installed here has. scripts/tfcore.mjs finds its source
// (<repo>/../shared/tools/tfcore) and builds it once into a cache directory; this file runs
// its commands in a workspace: `-provider` is the built provider, `-dir` the workspace,
// `-state` its state file.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerExecutable, requireBuiltProvider } from './built_provider.js';
import { projectRoot } from './fixture_provider.js';
import type { RunResult } from './terraform.js';

/**
 * The tfcore executable, or undefined when the suite must be skipped. Under CI=true a missing
 * tfcore source or a failed build is a failure, never a silent skip.
 */
export function tfcoreOrSkip(suite: string): string | undefined {
  const script = join(projectRoot, 'scripts', 'tfcore.mjs');
  const found = spawnSync(process.execPath, [script, '--source'], { encoding: 'utf8' });
  if (found.status !== 0) {
    const message = `tfcore not found (set TFCORE_SRC or put it at <repo>/../shared/tools/tfcore): ${suite} cannot run`;
    if (process.env['CI'] === 'true') throw new Error(message);
    process.stderr.write(`\n!!! SKIPPING ${suite}: ${message} !!!\n\n`);
    return undefined;
  }
  const built = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (built.status !== 0) throw new Error(`tfcore build failed: ${built.stderr}`);
  return built.stdout.trim();
}

export interface TfcoreObject {
  type: string;
  name: string;
  attributes: Record<string, unknown>;
  identity?: Record<string, unknown>;
  identity_schema_version?: number;
}

export interface TfcoreWorkspace {
  readonly dir: string;
  readonly stateFile: string;
  write(file: string, content: string): void;
  /** `tfcore <command> -provider … -dir … [-state …] ...args`. */
  run(command: string, args?: string[], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** The objects of the state file (empty before the first apply or import). */
  objects(): TfcoreObject[];
  object(address: string): TfcoreObject | undefined;
}

const STATEFUL = new Set(['plan', 'apply', 'destroy', 'refresh', 'import']);

export function tfcoreWorkspace(tfcore: string, env: NodeJS.ProcessEnv): TfcoreWorkspace {
  requireBuiltProvider();
  const dir = mkdtempSync(join(tmpdir(), 'tfcore-e2e-'));
  const stateFile = join(dir, 'state.json');
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete baseEnv['TFCORE_LOG'];
  const objects = (): TfcoreObject[] => (existsSync(stateFile) ? ((JSON.parse(readFileSync(stateFile, 'utf8')) as { resources?: TfcoreObject[] }).resources ?? []) : []);
  return {
    dir,
    stateFile,
    write(file, content) {
      const path = join(dir, file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
    },
    run(command, args = [], extraEnv = {}) {
      const full = [command, '-provider', providerExecutable, '-dir', dir, ...(STATEFUL.has(command) ? ['-state', stateFile] : []), ...args];
      return new Promise((resolve) => {
        const child = spawn(tfcore, full, { cwd: dir, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    },
    objects,
    object: (address) => objects().find((o) => `${o.type}.${o.name}` === address),
  };
}
