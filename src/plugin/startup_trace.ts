// Start-up phases, for bench/handshake.mjs: with TF_PROVIDER_STARTUP_TRACE=1 the process writes
// one JSON line on stderr when its first provider RPC has been answered,
//   {"startup_trace": {"<phase>": <ms since the process started>, ...}}
// and nothing otherwise.

interface Trace {
  readonly marks: Record<string, number>;
  reported: boolean;
}

const enabled = process.env['TF_PROVIDER_STARTUP_TRACE'] === '1';
// One trace per process: the process layer and grpc.cjs are bundled apart, each with its own
// copy of this module.
const KEY = Symbol.for('terraform-provider.startup-trace');
const store = globalThis as unknown as Record<symbol, Trace | undefined>;
const trace: Trace = (store[KEY] ??= { marks: {}, reported: false });

export function mark(phase: string): void {
  if (enabled && !(phase in trace.marks)) trace.marks[phase] = performance.now();
}

export function reportStartup(): void {
  if (!enabled || trace.reported) return;
  trace.reported = true;
  const phases = { 'node bootstrap done': performance.nodeTiming.bootstrapComplete, ...trace.marks };
  process.stderr.write(`${JSON.stringify({ startup_trace: phases })}\n`);
}
