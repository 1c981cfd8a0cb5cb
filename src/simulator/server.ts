// The simulator's HTTP server and its in-process API (startSimulator). One loopback server
// serves the auth API and main API (/v1/...), the database API (/api/...) and /_sim.
import { createServer, maxHeaderSize } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { MemoryBackend } from './backend.js';
import type { DatabaseBackend } from './backend.js';
import { SimClock } from './clock.js';
import { Simulator } from './core.js';
import type { FaultAction } from './faults.js';
import { HttpError, json } from './http.js';
import type { ApiResponse, RequestContext } from './http.js';
import { loadState } from './persistence.js';
import { PostgresBackend } from './postgres.js';
import type { Router, RouteMatch } from './router.js';
import { buildRouter } from './routes.js';
import { seedState } from './state.js';
import type { SimState } from './state.js';
import { apiTokenId, basicOf, bearerOf, decodeToken, verifyAdmin, verifyToken } from './tokens.js';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  stateFile?: string;
  speed?: number;
  rateLimitPerMinute?: number;
  postgres?: 'auto' | 'off';
  log?: (line: string) => void;
}

export interface RunningSimulator {
  url: string;
  apiToken: string;
  /** Bearer token of the /_sim admin API. */
  adminToken: string;
  apps: { id: string; name: string }[];
  postgres: 'real' | 'memory';
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function writeResponse(res: ServerResponse, response: ApiResponse, requestId: string): void {
  const headers: Record<string, string> = { 'X-Request-ID': requestId, ...(response.headers ?? {}) };
  let payload: string | undefined;
  if (response.body.kind === 'json') {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    payload = JSON.stringify(response.body.value);
  } else if (response.body.kind === 'text') {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    payload = response.body.value;
  }
  if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** The rate-limit budget a request draws from: its API token's, whichever JWT carries it. */
function rateLimitKey(state: SimState, authorization: string | undefined): string {
  const basic = basicOf(authorization);
  if (basic) return basic.password === state.apiToken ? apiTokenId(state.apiToken) : 'anonymous';
  const jwt = bearerOf(authorization);
  const claims = jwt ? decodeToken(jwt) : null;
  return claims ? claims.tid : 'anonymous';
}

function authorize(sim: Simulator, match: RouteMatch, authorization: string | undefined): void {
  switch (match.route.auth) {
    case 'bearer':
      verifyToken(sim.state, authorization, 'bearer');
      return;
    case 'db':
      verifyToken(sim.state, authorization, 'db', match.params.addon_id);
      return;
    case 'admin':
      verifyAdmin(sim.state, authorization);
      return;
    default:
      return; // none, basic (checked by the handler), optional
  }
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(json(400, { error: 'the request body is not valid JSON' }));
  }
}

class RequestPipeline {
  constructor(
    private readonly sim: Simulator,
    private readonly router: Router,
    private readonly log: (line: string) => void,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');
    const requestId = randomUUID();
    const logLine = (status: number | string): void => this.log(`${method} ${path} ${status} ${(performance.now() - started).toFixed(1)}ms`);

    const match = this.router.match(method, path);
    const raw = await readBody(req).catch(() => Buffer.alloc(0));
    if (!match) {
      writeResponse(res, json(404, { error: 'not found' }), requestId);
      logLine(404);
      return;
    }
    const isAdmin = match.route.auth === 'admin';

    if (!isAdmin) {
      this.sim.countRequest(match.key);
      this.sim.logRequest(match.key, method, path);
      const fault = this.sim.faults.pick(match.key, 'before');
      if (fault && (await this.applyFault(fault, req, res, requestId, logLine))) return;
      const retryAfter = this.sim.rateLimiter.take(rateLimitKey(this.sim.state, req.headers.authorization));
      if (retryAfter !== null) {
        writeResponse(res, this.sim.rateLimiter.rejection(retryAfter), requestId);
        logLine(429);
        return;
      }
    }

    let response: ApiResponse;
    if (raw === 'too_large') response = json(413, { error: 'request body too large' });
    else response = await this.process(match, method, path, query, req, raw);

    if (!isAdmin) {
      const fault = this.sim.faults.pick(match.key, 'after');
      if (fault && (await this.applyFault(fault, req, res, requestId, logLine))) return;
    }
    writeResponse(res, response, requestId);
    logLine(response.status);
  }

  private async process(match: RouteMatch, method: string, path: string, query: URLSearchParams, req: IncomingMessage, raw: Buffer): Promise<ApiResponse> {
    const run = async (): Promise<ApiResponse> => {
      try {
        this.sim.settle();
        authorize(this.sim, match, req.headers.authorization);
        const ctx: RequestContext = { method, path, params: match.params, query, headers: req.headers, body: parseJsonBody(raw) };
        return await match.route.handler(this.sim, ctx);
      } catch (err) {
        if (err instanceof HttpError) return err.response;
        this.log(`error ${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
        return json(500, { error: "Internal error occured, we're on it!" });
      } finally {
        try {
          this.sim.persistIfDirty();
        } catch (err) {
          this.log(`error persisting state: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    // Reads run concurrently; mutations one at a time (they may await the database backend).
    return method === 'GET' ? run() : this.sim.exclusive(run);
  }

  /** Applies a fault; returns true when the request has been dealt with. */
  private async applyFault(
    fault: FaultAction,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    logLine: (status: number | string) => void,
  ): Promise<boolean> {
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    switch (fault.kind) {
      case 'delay':
        return false;
      case 'reset':
        req.socket.destroy();
        logLine('reset');
        return true;
      case 'hang':
        logLine('hang');
        return true; // never answered; the socket is destroyed on close
      case 'respond':
        writeResponse(res, fault.response, requestId);
        logLine(fault.response.status);
        return true;
    }
  }
}

/** Requests Node's parser refuses before any handler runs: a status and a text that say why. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket, log: (line: string) => void): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', `request line and headers too large: they must fit in ${Math.round(maxHeaderSize / 1024)} KiB (a long URL counts)`]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request timeout']
        : [400, 'Bad Request', 'malformed HTTP request'];
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  log(`- - ${status} (${err.code ?? 'client error'})`);
}

async function openBackend(mode: 'auto' | 'off', log: (line: string) => void): Promise<DatabaseBackend> {
  if (mode === 'off') return new MemoryBackend();
  try {
    const backend = await PostgresBackend.start();
    log(`postgres: private cluster on ${backend.endpoint.host}:${backend.endpoint.port}, started in ${backend.startupMs} ms`);
    return backend;
  } catch (err) {
    log(`postgres: memory mode (${err instanceof Error ? err.message : String(err)})`);
    return new MemoryBackend();
  }
}

/** A new cluster knows nothing: recreate every database and role the state holds. */
async function restoreBackend(sim: Simulator, log: (line: string) => void): Promise<void> {
  if (sim.backend.mode !== 'real') return;
  for (const addon of sim.state.addons) {
    if (addon.database.type !== 'postgresql') continue;
    try {
      await sim.backend.createDatabase(addon.resourceId, { name: addon.resourceId, password: addon.password, readOnly: false });
      for (const user of addon.database.users.filter((u) => !u.protected)) {
        await sim.backend.createUser(addon.resourceId, addon.resourceId, { name: user.name, password: user.password, readOnly: user.readOnly });
      }
      for (const extension of addon.database.extensions ?? []) await sim.backend.restoreExtension(addon.resourceId, addon.resourceId, extension);
    } catch (err) {
      log(`postgres: could not restore ${addon.resourceId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

async function snapshotAllExtensions(sim: Simulator, log: (line: string) => void): Promise<void> {
  for (const addon of sim.state.addons) {
    await sim.snapshotExtensions(addon).catch((err: unknown) => log(`postgres: could not read the extensions of ${addon.resourceId}: ${err instanceof Error ? err.message : String(err)}`));
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const restored = options.stateFile ? loadState(options.stateFile) : null;
  let state: SimState;
  let clock: SimClock;
  if (restored) {
    state = restored;
    clock = new SimClock(state.clock);
    if (options.speed !== undefined && options.speed !== clock.speed) clock.setSpeed(options.speed);
  } else {
    const clockState = { segments: [] };
    clock = new SimClock(clockState);
    if (options.speed !== undefined && options.speed !== 1) clock.setSpeed(options.speed);
    state = seedState(clockState);
  }
  if (options.rateLimitPerMinute !== undefined) state.rateLimit.perMinute = options.rateLimitPerMinute;

  const backend = await openBackend(options.postgres ?? 'auto', log);
  const sim = new Simulator(state, clock, backend, options.stateFile);
  const router = buildRouter();
  const pipeline = new RequestPipeline(sim, router, log);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    pipeline.handle(req, res).catch((err: unknown) => {
      log(`error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) writeResponse(res, json(500, { error: "Internal error occured, we're on it!" }), randomUUID());
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, log));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await restoreBackend(sim, log);
    const port = await listen(server, options.port ?? 0, host);
    sim.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    sim.settle();
    sim.persistNow();
  } catch (err) {
    await backend.close();
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    url: sim.url,
    apiToken: state.apiToken,
    adminToken: state.adminToken,
    apps: state.apps.map((a) => ({ id: a.id, name: a.name })),
    postgres: backend.mode,
    close(): Promise<void> {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy(); // includes hung requests
        });
        try {
          await sim.drain();
          await snapshotAllExtensions(sim, log);
          sim.persistNow();
        } finally {
          await backend.close();
        }
      })();
      return closing;
    },
  };
}
