// Start-up work, checked on the source: Terraform starts the provider several times per
// command, so what a launch evaluates is kept to what it needs. Static imports are evaluated at
// load; `await import()` defers a module (and what only it imports) until it is called.
//   - before the handshake line (src/main.ts): no gRPC, HTTP/2 or TLS, which load just after it;
//   - the provider core (src/provider/entry.ts), which every RPC needs, schema-only launches
//     included: no API client (undici, zod) and no PostgreSQL driver, loaded when a request
//     needs them.

import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module a static import chain reaches from `entry`, with the chain that reached it. */
function staticGraph(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      let target: string;
      if (spec.startsWith('.')) {
        const js = join(dirname(file), spec);
        target = existsSync(js.replace(/\.js$/, '.ts')) ? js.replace(/\.js$/, '.ts') : js;
      } else {
        target = spec.startsWith('node:') ? spec : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
      }
      if (reached.has(target)) continue;
      reached.set(target, [...reached.get(file)!, target]);
      if (spec.startsWith('.') && existsSync(target)) queue.push(target);
    }
  }
  return reached;
}

function forbidden(entry: string, modules: string[]): string[] {
  const graph = staticGraph(entry);
  return modules.filter((m) => graph.has(m)).map((m) => graph.get(m)!.map((f) => relative('.', f)).join(' -> '));
}

describe('start-up imports', () => {
  it('load no gRPC, HTTP/2 or TLS before the handshake line', () => {
    expect(forbidden(join('src', 'main.ts'), ['@grpc/grpc-js', 'node:http2', 'node:tls', 'protobufjs'])).toEqual([]);
  });

  it('load neither the API client nor the PostgreSQL driver with the provider core', () => {
    expect(forbidden(join('src', 'provider', 'entry.ts'), ['undici', 'zod', 'pg', 'src/scalingo/client.ts', 'src/scalingo/schemas.ts'])).toEqual([]);
  });

  it('see through re-exports, so that the checks above can fail', () => {
    const graph = staticGraph(join('src', 'scalingo', 'client.ts'));
    expect(graph.has('undici')).toBe(true);
    expect(graph.has('zod')).toBe(true);
    expect(staticGraph(join('src', 'plugin', 'grpc_server.ts')).has('@grpc/grpc-js')).toBe(true);
  });
});
