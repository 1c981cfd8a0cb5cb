// The provider process: flags, logger, signals, serve, exit. Shared by the real provider's
// entry point and the test fixture provider.

import { writeSync } from 'node:fs';
import { stderrLogger, type Logger } from '../log/logger.js';
import type { ProviderDispatcher } from '../protocol/methods.js';
import { HandshakeError } from './handshake.js';
import { serve } from './serve.js';

export interface ProcessOptions {
  readonly name: string;
  readonly version: string;
  readonly providerAddresses: readonly string[];
  readonly loadDispatcher: (log: Logger) => Promise<ProviderDispatcher>;
}

export async function runProviderProcess(options: ProcessOptions): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${options.name} ${options.version}\n`);
    return;
  }
  const debug = args.includes('--debug');
  const log = stderrLogger(process.env, debug ? 'info' : 'warn');

  // Ctrl-C reaches the whole process group; Terraform coordinates cancellation itself through
  // StopProvider, so the provider must survive SIGINT (as go-plugin servers do). In debug
  // mode the user started us and Ctrl-C means stop.
  let running: Awaited<ReturnType<typeof serve>> | undefined;
  process.on('SIGINT', () => {
    if (debug) running?.shutdown();
  });
  process.on('SIGTERM', () => running?.shutdown());

  try {
    running = await serve({
      env: process.env,
      log,
      debug,
      providerAddresses: options.providerAddresses,
      loadDispatcher: () => options.loadDispatcher(log),
      // One small synchronous write: the handshake line goes out without setting up
      // process.stdout's stream, and nothing else is ever written there.
      stdout: (text) => writeSync(1, text),
    });
  } catch (err) {
    if (err instanceof HandshakeError) {
      process.stderr.write(err.message);
      process.exit(1);
    }
    throw err;
  }
  await running.closed;
  process.exit(0);
}
