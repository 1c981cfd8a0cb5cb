// Route table: "<METHOD> <pattern>" with `{name}` placeholders, matched against decoded paths.
import type { ApiResponse, RequestContext } from './http.js';
import type { Simulator } from './core.js';

/**
 * none: no credentials; basic: API token as Basic password; bearer: user JWT; optional: bearer
 * when given; db: addon token (scoped to `{addon_id}` when the path has one); admin: /_sim.
 */
export type AuthMode = 'none' | 'basic' | 'bearer' | 'optional' | 'db' | 'admin';

export type Handler = (sim: Simulator, ctx: RequestContext) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  method: string;
  pattern: string;
  auth: AuthMode;
  handler: Handler;
}

interface CompiledRoute extends Route {
  key: string;
  regex: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  key: string;
  params: Record<string, string>;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, key: `${route.method} ${route.pattern}`, regex: new RegExp(`^${source}/?$`), names };
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map(compile);
  }

  match(method: string, path: string): RouteMatch | null {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        r.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
      } catch {
        return null; // malformed percent-encoding: no such resource
      }
      return { route: r, key: r.key, params };
    }
    return null;
  }

  /** Every "<METHOD> <pattern>" key except the admin API's. */
  apiKeys(): Set<string> {
    return new Set(this.routes.filter((r) => r.auth !== 'admin').map((r) => r.key));
  }
}
