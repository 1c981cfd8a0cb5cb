// Entry point: `node dist/simulator/main.js [--port N] [--host H] [--state-file F] [--speed X]
// [--rate-limit N] [--postgres auto|off]`. The first stdout line is one JSON object describing
// the running simulator; then one line per request.
import { startSimulator } from './server.js';
import type { SimulatorOptions } from './server.js';

const USAGE = 'usage: main.js [--port N] [--host 127.0.0.1] [--state-file F] [--speed X] [--rate-limit N] [--postgres auto|off]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): SimulatorOptions {
  const options: SimulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const number = (min: number): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) fail(`${flag} must be a number >= ${min}`);
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = number(0);
        break;
      case '--host':
        options.host = value();
        break;
      case '--state-file':
        options.stateFile = value();
        break;
      case '--speed':
        options.speed = number(Number.MIN_VALUE);
        break;
      case '--rate-limit':
        options.rateLimitPerMinute = number(1);
        break;
      case '--postgres': {
        const mode = value();
        if (mode !== 'auto' && mode !== 'off') fail('--postgres must be auto or off');
        options.postgres = mode;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      default:
        fail(`unknown argument ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // Until the first line is out, diagnostics go to stderr: stdout's first line is the JSON.
  let ready = false;
  options.log = (line) => (ready ? process.stdout.write(`${line}\n`) : process.stderr.write(`${line}\n`));
  const sim = await startSimulator(options);
  process.stdout.write(`${JSON.stringify({ url: sim.url, api_token: sim.apiToken, admin_token: sim.adminToken, apps: sim.apps, postgres: sim.postgres })}\n`);
  ready = true;

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
