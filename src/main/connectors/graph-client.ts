import { Client, MiddlewareFactory } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { HttpsClient } from '../net/https-client';

/** Options of {@link createGraphClient}. */
export interface GraphClientOptions {
  /** https://graph.microsoft.com (or the demo tenant's Graph root), no trailing slash. */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  readonly https: HttpsClient;
  readonly timeoutMs: number;
  /** Sees every response (for "retrying in n s" progress on 429/503). */
  readonly onResponse?: (response: Response) => void;
}

/**
 * The last middleware of the chain: sends through {@link HttpsClient} instead of the global
 * fetch, for the per-call timeout and the per-origin trust of the demo CA.
 */
class PinnedHttpHandler implements Middleware {
  constructor(
    private readonly fetchFn: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
    private readonly onResponse: ((response: Response) => void) | undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    const response = await this.fetchFn(context.request, context.options);
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
  chain[chain.length - 1] = new PinnedHttpHandler(options.https.fetch(options.timeoutMs), options.onResponse);
  const host = new URL(options.baseUrl).host;
  const isMicrosoft = host === 'graph.microsoft.com';
  return Client.initWithMiddleware({
    middleware: chain,
    baseUrl: `${options.baseUrl}/`,
    // Without customHosts the SDK sends no Authorization header to a non-Microsoft host.
    ...(isMicrosoft ? {} : { customHosts: new Set([host.split(':')[0] ?? host]) }),
  });
}
