// A bounded fault soak: the real terraform and the built provider against the simulator, with
// every unknown-outcome fault (500, 502, 503, reset, hang: processed by Scalingo, answer lost)
// on create, plan change and delete, a 500 on each read route during a wait, and Ctrl-C while
// Scalingo hangs. After each faulted run: no addon lost (remote but not in state), none
// duplicated, none orphaned (in state but not remote); then the configuration converges to an
// empty plan. Cases run in lanes, one simulator per lane (faults are per simulator).

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HEADER, scalingoWorld, type ScalingoWorld } from './support/scalingo.js';
import { resource, resources, terraformOrSkip, type RunResult, type Workspace } from './support/terraform.js';

jest.setTimeout(420_000);

const terraform = terraformOrSkip('fault soak');
const maybe = terraform ? describe : describe.skip;

const LANES = 3;
// Hung requests are cut by the operation's budget (the client's own per-request timeout is 30 s).
const HANG_BUDGET = '8s';
const FROM = 'postgresql-starter-512';
const TO = 'postgresql-starter-1024';

type Op = 'create' | 'plan change' | 'delete';
interface Case {
  readonly name: string;
  readonly op: Op;
  readonly fault: Record<string, unknown>;
  readonly hang?: boolean;
}

const WRITE_ROUTES: Record<Op, string> = {
  create: 'POST /v1/apps/{app}/addons',
  'plan change': 'PATCH /v1/apps/{app}/addons/{addon_id}',
  delete: 'DELETE /v1/apps/{app}/addons/{addon_id}',
};
const UNKNOWN_OUTCOMES: [string, Record<string, unknown>][] = [
  ['500', { status: 500 }],
  ['502', { status: 502 }],
  ['503', { status: 503 }],
  ['reset', { reset: true }],
  ['hang', { hang: true }],
];
const READ_ROUTES = ['GET /v1/apps/{app}/addons', 'GET /v1/apps/{app}/addons/{addon_id}', 'GET /api/databases/{addon_id}', 'POST /v1/tokens/exchange', 'POST /v1/apps/{app}/addons/{addon_id}/token'];

const CASES: Case[] = [
  ...(['create', 'plan change', 'delete'] as Op[]).flatMap((op) =>
    UNKNOWN_OUTCOMES.map(([name, fault]): Case => ({ name: `${name} after ${op}`, op, fault: { route: WRITE_ROUTES[op], when: 'after', count: 1, ...fault }, hang: 'hang' in fault })),
  ),
  ...READ_ROUTES.map((route): Case => ({ name: `500 twice on ${route} during a create`, op: 'create', fault: { route, status: 500, count: 2 } })),
  { name: '429 with Retry-After on the provisioning', op: 'create', fault: { route: WRITE_ROUTES.create, status: 429, retry_after: 1, count: 1 } },
];

interface SimAddon {
  id: string;
  appId: string;
  planId: string;
  database: { status: string };
}

interface Figures {
  cases: number;
  firstRunOk: number;
  timedOut: number;
  lost: string[];
  duplicated: string[];
  orphaned: string[];
  converged: number;
}

let worlds: ScalingoWorld[] = [];

beforeAll(async () => {
  if (!terraform) return;
  worlds = await Promise.all(Array.from({ length: LANES }, () => scalingoWorld(terraform, { speed: 200, rateLimitPerMinute: 100_000 })));
});
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.close()));
});

function config(app: string, plan: string, hang: boolean): string {
  const timeouts = hang ? `  timeouts {\n    create = "${HANG_BUDGET}"\n    update = "${HANG_BUDGET}"\n    delete = "${HANG_BUDGET}"\n  }\n` : '';
  return `${HEADER}resource "scalingo_addon" "db" {\n  app = "${app}"\n  provider_id = "postgresql"\n  plan = "${plan}"\n${timeouts}}\n`;
}

async function newApp(world: ScalingoWorld): Promise<string> {
  return (await world.newApp('soak')).id;
}

async function remoteAddons(world: ScalingoWorld, app: string): Promise<SimAddon[]> {
  const state = (await world.admin('GET', '/_sim/state')) as { addons: SimAddon[] };
  return state.addons.filter((a) => a.appId === app);
}

function stateIds(ws: Workspace): string[] {
  return resources(ws.state())
    .filter((r) => r.type === 'scalingo_addon')
    .map((r) => r.values['id'] as string);
}

/** Lost, duplicated and orphaned addons of one case, comparing the state with the platform. */
async function audit(world: ScalingoWorld, ws: Workspace, app: string, label: string, figures: Figures): Promise<void> {
  const remote = (await remoteAddons(world, app)).map((a) => a.id);
  const recorded = stateIds(ws);
  if (remote.length > 1) figures.duplicated.push(`${label}: ${remote.join(', ')}`);
  for (const id of remote) if (!recorded.includes(id)) figures.lost.push(`${label}: ${id}`);
  for (const id of recorded) if (!remote.includes(id)) figures.orphaned.push(`${label}: ${id}`);
}

async function runCase(world: ScalingoWorld, c: Case, figures: Figures): Promise<void> {
  const app = await newApp(world);
  const ws = world.workspace();
  const hang = c.hang === true;
  ws.write('main.tf', config(app, FROM, hang));
  if (c.op !== 'create') expect(await ok(ws.run(['apply', '-auto-approve']), `${c.name}: setup`)).toBe(0);
  if (c.op === 'plan change') ws.write('main.tf', config(app, TO, hang));
  const command = c.op === 'delete' ? ['destroy', '-auto-approve'] : ['apply', '-auto-approve'];

  await world.admin('PUT', '/_sim/faults', { faults: [c.fault] });
  let first: RunResult;
  try {
    first = await ws.run(command);
  } finally {
    await world.admin('PUT', '/_sim/faults', { faults: [] });
  }
  if (first.code === 0) figures.firstRunOk++;
  if (/timed out after 8s while waiting for/i.test((first.stdout + first.stderr).replace(/\s+/g, " "))) figures.timedOut++;
  else if (first.code !== 0) process.stderr.write(`fault soak: ${c.name}: first run failed:\n${first.stdout}\n${first.stderr}\n`);
  await audit(world, ws, app, c.name, figures);

  // Recovery: the same command again, then the plan must be empty.
  if (first.code !== 0) await ws.run(command);
  const remote = await remoteAddons(world, app);
  const converged =
    c.op === 'delete'
      ? remote.length === 0 && stateIds(ws).length === 0
      : (await ws.run(['plan', '-detailed-exitcode'])).code === 0 && remote.length === 1 && stateIds(ws)[0] === remote[0]!.id;
  if (converged) figures.converged++;
  else process.stderr.write(`fault soak: ${c.name}: did not converge\n`);
}

async function ok(pending: Promise<RunResult>, what: string): Promise<number | null> {
  const r = await pending;
  if (r.code !== 0) process.stderr.write(`${what} failed:\n${r.stdout}\n${r.stderr}\n`);
  return r.code;
}

maybe('fault soak', () => {
  it('loses, duplicates and orphans no addon under any unknown-outcome or read fault, and always converges', async () => {
    const started = Date.now();
    const figures: Figures = { cases: CASES.length, firstRunOk: 0, timedOut: 0, lost: [], duplicated: [], orphaned: [], converged: 0 };
    const lanes = worlds.map((world, lane) => CASES.filter((_, i) => i % LANES === lane).reduce<Promise<void>>((p, c) => p.then(() => runCase(world, c, figures)), Promise.resolve()));
    await Promise.all(lanes);
    process.stdout.write(
      `fault soak: ${figures.cases} cases in ${Math.round((Date.now() - started) / 1000)} s on ${LANES} lanes; first run succeeded ${figures.firstRunOk}, ` +
        `timed out as configured ${figures.timedOut}; lost ${figures.lost.length}, duplicated ${figures.duplicated.length}, orphaned ${figures.orphaned.length}; ` +
        `converged ${figures.converged}/${figures.cases}\n`,
    );
    expect(figures.lost).toEqual([]);
    expect(figures.duplicated).toEqual([]);
    expect(figures.orphaned).toEqual([]);
    expect(figures.converged).toBe(figures.cases);
    // Every fault but a hang is absorbed: retried (reads) or reconciled (writes), never an error.
    const hangs = CASES.filter((c) => c.hang);
    expect(figures.firstRunOk).toBe(CASES.length - hangs.filter((c) => c.op !== 'delete').length);
    // A hung create or plan change ends with the configured budget, reported as a timeout.
    expect(figures.timedOut).toBe(hangs.filter((c) => c.op !== 'delete').length);
  });
});

/** Start `terraform apply`, press Ctrl-C once `route` has been hit (and hangs), and wait for the exit. */
async function interruptWhenHung(world: ScalingoWorld, ws: Workspace, route: string): Promise<{ code: number | null; output: string; exitMs: number }> {
  const child = ws.start(['apply', '-auto-approve', '-no-color']);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (let i = 0; i < 600 && !((await world.requests())[route]! >= 1); i++) await new Promise((r) => setTimeout(r, 100));
  expect((await world.requests())[route]).toBe(1);
  const pressed = Date.now();
  child.kill('SIGINT');
  const code = await closed;
  return { code, output: output.replace(/\s+/g, ' '), exitMs: Date.now() - pressed };
}

maybe('Ctrl-C while Scalingo hangs', () => {
  it.each([
    ['GET /api/databases/{addon_id}', 'the wait for the new database'],
    ['POST /v1/apps/{app}/addons', 'the provisioning request (processed, never answered)'],
  ])('a hang on %s (%s): terraform exits, nothing is retried after the stop, and the addon is in the state', async (route) => {
    const world = worlds[0]!;
    const app = await newApp(world);
    const ws = world.workspace();
    ws.write('main.tf', config(app, FROM, false));
    await world.admin('DELETE', '/_sim/requests');
    await world.admin('PUT', '/_sim/faults', { faults: [{ route, hang: true, when: route.startsWith('POST') ? 'after' : 'before' }] });
    let run: Awaited<ReturnType<typeof interruptWhenHung>>;
    try {
      run = await interruptWhenHung(world, ws, route);
    } finally {
      await world.admin('PUT', '/_sim/faults', { faults: [] });
    }
    process.stdout.write(`Ctrl-C with ${route} hanging: terraform exited ${run.exitMs} ms after SIGINT\n`);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Creating the resource cancelled/);
    // The hung request was the last one: no retry, no further poll after the stop.
    expect((await world.requests())[route]).toBe(1);
    const [remote] = await remoteAddons(world, app);
    expect(resource(ws.state(), 'scalingo_addon.db')?.values['id']).toBe(remote!.id);
    // Interrupted while being created, it is tainted: the next apply replaces it, then all is quiet.
    expect((await ws.run(['apply', '-auto-approve'])).code).toBe(0);
    expect((await ws.run(['plan', '-detailed-exitcode'])).code).toBe(0);
    expect(await remoteAddons(world, app)).toHaveLength(1);
  });
});
