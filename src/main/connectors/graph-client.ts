import { Client, MiddlewareFactory } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { HttpsClient } from '../net/https-client';

/** Options of {@link createGraphClient}. */
export interface GraphClientOptions {
  /** https://graph.microsoft.com (or the demo tenant's Graph root), no trailing slash. */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  /**
   * A new token, not the cached one: called once when Graph answers 401 to a token the client
   * still believes valid (revoked, outlived by a key roll-over), before the request is sent again.
   */
  readonly refreshToken?: () => Promise<string>;
  readonly https: HttpsClient;
  readonly timeoutMs: number;
  /** Sees every response (for "retrying in n s" progress on 429/503). */
  readonly onResponse?: (response: Response) => void;
}

/** Shares one refresh among the requests that were refused together. */
function coalesced(refresh: () => Promise<string>): () => Promise<string> {
  let inFlight: Promise<string> | undefined;
  return () => {
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/**
 * The last middleware of the chain: sends through {@link HttpsClient} instead of the global
 * fetch, for the per-call timeout and the per-origin trust of the demo CA. A 401 to a bearer
 * token is answered once with a fresh token: MSAL renews only near the expiry it was told, so a
 * token the service stopped accepting early would otherwise fail every call of the run.
 */
class PinnedHttpHandler implements Middleware {
  constructor(
    private readonly fetchFn: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
    private readonly onResponse: ((response: Response) => void) | undefined,
    private readonly refreshToken: (() => Promise<string>) | undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    let response = await this.fetchFn(context.request, context.options);
    const headers = new Headers(context.options?.headers);
    if (
      response.status === 401 &&
      this.refreshToken !== undefined &&
      /^Bearer /i.test(headers.get('authorization') ?? '')
    ) {
      const token = await this.refreshToken();
      headers.set('authorization', `Bearer ${token}`);
      response = await this.fetchFn(context.request, { ...context.options, headers });
    }
    this.onResponse?.(response);
    context.response = response;
  }
}

/**
 * Creates a Microsoft Graph client with the SDK's own middleware (authentication, the
 * RetryHandler that honours Retry-After on 429/503/504, redirects) and a pinned HTTP handler.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: options.getToken };
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  chain[chain.length - 1] = new PinnedHttpHandler(
    options.https.fetch(options.timeoutMs),
    options.onResponse,
    options.refreshToken === undefined ? undefined : coalesced(options.refreshToken),
  );
  const host = new URL(options.baseUrl).host;
  const isMicrosoft = host === 'graph.microsoft.com';
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${options.baseUrl}/`,
    // Without customHosts the SDK sends no Authorization header to a non-Microsoft host.
    ...(isMicrosoft ? {} : { customHosts: new Set([host.split(':')[0] ?? host]) }),
  });
}
