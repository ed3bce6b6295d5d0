import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultInjector } from './faults';
import type { RouteMatcher, RouteResponse } from './http';
import { readBody, send } from './http';
import type { RateLimits } from './rate-limits';

/** How a vendor words its own errors (Okta errorCode JSON, Graph OData error, Entra OAuth error). */
export interface VendorErrors {
  readonly notFound: (requestId: string) => RouteResponse;
  readonly methodNotAllowed: (requestId: string) => RouteResponse;
  readonly rateLimited: (requestId: string) => RouteResponse;
  readonly serverError: (requestId: string) => RouteResponse;
  /** The 401 for an access token the service no longer accepts (services that take access tokens). */
  readonly expiredToken?: (requestId: string) => RouteResponse;
}

/** Options of {@link startServiceHost}. */
export interface ServiceHostOptions {
  readonly name: string;
  readonly router: RouteMatcher;
  readonly tls: { readonly cert: string; readonly key: string };
  readonly faults: FaultInjector;
  /** Okta puts rate-limit headers on every response; other vendors have none. */
  readonly rateLimits?: RateLimits;
  readonly errors: VendorErrors;
  /** The response header that carries the request id (X-Okta-Request-Id, request-id …). */
  readonly requestIdHeader: string;
  /** Called for every request, after routing, for tests that count calls. */
  readonly onRequest?: (key: string, method: string, url: string) => void;
}

/** A running simulated service. */
export interface ServiceHost {
  /** https://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  stop(): Promise<void>;
}

function newRequestId(): string {
  return randomBytes(12).toString('base64url');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Serves a router over HTTPS on 127.0.0.1 (loopback only), applying the fault injector and,
 * for Okta, the rate-limit buckets. `stop()` also ends hung and keep-alive connections, so a
 * test never waits on a socket the simulator left open.
 */
export async function startServiceHost(options: ServiceHostOptions): Promise<ServiceHost> {
  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    void (async () => {
      const requestId = newRequestId();
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const method = req.method ?? 'GET';
      const match = options.router.match(method, url.pathname);
      const idHeader = { [options.requestIdHeader]: requestId };
      if (match === null || match === 'method') {
        send(
          res,
          match === null ? options.errors.notFound(requestId) : options.errors.methodNotAllowed(requestId),
          idHeader,
        );
        return;
      }
      const key = match.route.key;
      options.onRequest?.(key, method, req.url ?? '/');
      const fault = options.faults.decide(key, {
        accessToken: /^(?:Bearer|DPoP)\s/i.test(req.headers.authorization ?? ''),
      });
      if (fault.kind === 'hang') return; // never answer; stop() closes the socket
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (fault.kind === 'rate-limit') options.rateLimits?.exhaust(key);
      const limit = options.rateLimits?.take(key);
      const headers = { ...idHeader, ...limit?.headers };
      if (fault.kind === 'rate-limit' || limit?.limited === true) {
        send(res, options.errors.rateLimited(requestId), headers);
        return;
      }
      if (fault.kind === 'expired-token' && options.errors.expiredToken !== undefined) {
        send(res, options.errors.expiredToken(requestId), headers);
        return;
      }
      if (fault.kind === 'server-error') {
        send(res, options.errors.serverError(requestId), headers);
        return;
      }
      try {
        const body = method === 'POST' ? await readBody(req) : '';
        const response = await match.route.handle({
          method,
          url,
          params: match.params,
          headers: req.headers,
          body,
          requestId,
        });
        send(res, response, headers, fault.kind === 'none' && fault.truncate);
      } catch (error: unknown) {
        // A bug in the simulator must look like a vendor 500, not hang the client.
        console.error(
          `[demo-tenant:${options.name}] ${key}: ${error instanceof Error ? error.message : String(error)}`,
        );
        send(res, options.errors.serverError(requestId), headers);
      }
    })();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${String(port)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
