import type { IncomingMessage, ServerResponse } from 'node:http';

/** One parsed request, as a route handler sees it. */
export interface RouteRequest {
  readonly method: string;
  readonly url: URL;
  /** Path parameters, already percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingMessage['headers'];
  /** The raw body (POST forms); empty for GET. */
  readonly body: string;
  /** The id sent back in the vendor's request-id header, for error bodies. */
  readonly requestId: string;
}

/** What a handler answers: status, JSON (or text) body and extra headers. */
export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send `body` as text/plain instead of JSON. */
  readonly text?: boolean;
}

/** A route: a method, a path pattern with `:name` parameters, and a key for faults and rate limits. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** e.g. "okta.logs": names the route in fault settings and rate-limit buckets. */
  readonly key: string;
  readonly handle: (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;
}

interface CompiledRoute extends Route {
  readonly regex: RegExp;
  readonly names: readonly string[];
}

/**
 * Compiles `/api/v1/users/:id/appLinks` into a matcher. A parameter matches one path segment;
 * a trailing `*name` matches the rest of the path.
 */
function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = route.path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      if (segment.startsWith('*')) {
        names.push(segment.slice(1));
        return '(.+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${pattern}$`), names };
}

/** The route matching a method and path, with its decoded parameters. */
export interface Match {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** Anything that maps a method and path to a route (a {@link Router}, or one set later). */
export interface RouteMatcher {
  match(method: string, path: string): Match | null | 'method';
}

/** A table of routes, matched in order. */
export class Router implements RouteMatcher {
  readonly #routes: readonly CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map(compile);
  }

  /** Finds the route for a request, or null (404) / 'method' (405). */
  match(method: string, path: string): Match | null | 'method' {
    let wrongMethod = false;
    for (const route of this.#routes) {
      const m = route.regex.exec(path);
      if (m === null) continue;
      if (route.method !== method) {
        wrongMethod = true;
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        try {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        } catch {
          return null; // a malformed %-escape names no resource
        }
      }
      return { route, params };
    }
    return wrongMethod ? 'method' : null;
  }
}

/** Largest request body the simulator accepts (token requests are small). */
const MAX_BODY = 64 * 1024;

/** Reads a request body up to {@link MAX_BODY}; longer bodies are refused. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Writes a route response as JSON (or text), with the given extra headers. */
export function send(
  res: ServerResponse,
  response: RouteResponse,
  extra: Readonly<Record<string, string>>,
  truncate = false,
): void {
  const isText = response.text === true;
  let payload =
    response.body === undefined
      ? ''
      : isText && typeof response.body === 'string'
        ? response.body
        : JSON.stringify(response.body);
  // A truncated-JSON fault cuts the body in half but keeps the headers honest about the type.
  // An empty list ("[]") is cut too: to "[".
  if (truncate && payload.length >= 2) payload = payload.slice(0, Math.floor(payload.length / 2));
  res.writeHead(response.status, {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
    ...response.headers,
  });
  res.end(payload);
}
