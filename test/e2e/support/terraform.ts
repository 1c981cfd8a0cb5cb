// Drives the real terraform binary for end-to-end tests: finds it (TF_BINARY or PATH), writes
// a CLI config with dev_overrides pointing at a built provider, and runs commands in a
// workspace directory.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export function findTerraform(): string | undefined {
  const explicit = process.env['TF_BINARY'];
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'terraform');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The terraform binary, or undefined when the suite must be skipped. Under CI=true a missing
 * binary is a failure, never a silent skip.
 */
export function terraformOrSkip(suite: string): string | undefined {
  const bin = findTerraform();
  if (bin) return bin;
  const message = `terraform not found (set TF_BINARY or put terraform on PATH): ${suite} cannot run`;
  if (process.env['CI'] === 'true') throw new Error(message);
  process.stderr.write(`\n!!! SKIPPING ${suite}: ${message} !!!\n\n`);
  return undefined;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  write(file: string, content: string): void;
  run(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** Start a command and hand back the child, for tests that interrupt it. */
  start(args: string[], extraEnv?: NodeJS.ProcessEnv): ReturnType<typeof spawn>;
  state(): TerraformState;
}

export interface TerraformState {
  values?: { root_module?: { resources?: StateResource[] } };
}
export interface StateResource {
  address: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
  sensitive_values?: Record<string, unknown>;
  tainted?: boolean;
}

/** providers: source address -> directory holding the provider executable. */
export function workspace(terraform: string, providers: Record<string, string>, env: NodeJS.ProcessEnv = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'tf-e2e-'));
  const cliConfig = join(dir, '.terraformrc');
  const overrides = Object.entries(providers)
    .map(([source, path]) => `    ${JSON.stringify(source)} = ${JSON.stringify(path)}`)
    .join('\n');
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides {\n${overrides}\n  }\n  direct {}\n}\n`);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_INPUT: '0',
    NO_COLOR: '1',
    ...env,
  };
  delete baseEnv['TF_LOG'];
  delete baseEnv['TF_LOG_PATH'];
  const start = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawn(terraform, [...args], { cwd: dir, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  return {
    dir,
    env: baseEnv,
    write(file, content) {
      const path = join(dir, file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
    },
    start,
    run(args, extraEnv = {}) {
      return new Promise((resolve) => {
        const child = start(withNoColor(args), extraEnv);
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    },
    state() {
      const out = spawnSync(terraform, ['show', '-json'], { cwd: dir, env: baseEnv, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`terraform show failed: ${out.stderr}`);
      return JSON.parse(out.stdout) as TerraformState;
    },
  };
}

const NO_COLOR_COMMANDS = new Set(['plan', 'apply', 'destroy', 'import', 'validate', 'refresh', 'show', 'init', 'state', 'output']);

function withNoColor(args: string[]): string[] {
  return args.length > 0 && NO_COLOR_COMMANDS.has(args[0]!) && !args.includes('-no-color') ? [args[0]!, '-no-color', ...args.slice(1)] : args;
}

export function resources(state: TerraformState): StateResource[] {
  return state.values?.root_module?.resources ?? [];
}

export function resource(state: TerraformState, address: string): StateResource | undefined {
  return resources(state).find((r) => r.address === address);
}
