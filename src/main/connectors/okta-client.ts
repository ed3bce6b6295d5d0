import { Client, DefaultRequestExecutor } from '@okta/okta-sdk-nodejs';
import type { HttpsClient } from '../net/https-client';

/** How to authenticate to an Okta org. */
export type OktaAuthentication =
  | { readonly kind: 'api-token'; readonly token: string }
  | {
      readonly kind: 'private-key';
      readonly clientId: string;
      readonly privateKeyPem: string;
      readonly keyId?: string;
      readonly scopes: readonly string[];
    };

/** Options of {@link createOktaClient}. */
export interface OktaClientOptions {
  readonly orgUrl: string;
  readonly auth: OktaAuthentication;
  /** Every request, retries included, ends within this time (the SDK's default is none). */
  readonly requestTimeoutMs: number;
  /** 429 retries; the SDK waits until X-Rate-Limit-Reset (minus the response Date, plus 1 s). */
  readonly maxRetries: number;
  /** Trust for the demo tenant's certificate, pinned to its origin; absent for real orgs. */
  readonly https?: HttpsClient;
}

/** The SDK's request options, as its executor receives them. */
type FetchRequest = Parameters<DefaultRequestExecutor['fetch']>[0];

/**
 * The SDK's retrying executor with two corrections:
 * - requests go through an agent that trusts the demo CA for the demo origin only (node-fetch,
 *   which the SDK uses, honours `agent` per request);
 * - a retried request gets the time left of the request budget. The SDK computes it as
 *   `requestTimeout − elapsed − delay`, but `elapsed` already includes the delay, so after a
 *   3 s rate-limit wait a 5 s budget left a negative timeout and the retry failed at once.
 */
class CollectorRequestExecutor extends DefaultRequestExecutor {
  constructor(
    private readonly https: HttpsClient | undefined,
    private readonly budgetMs: number,
    options: { maxRetries: number; requestTimeout: number },
  ) {
    super(options);
  }

  override fetch(request: FetchRequest): ReturnType<DefaultRequestExecutor['fetch']> {
    if (this.https !== undefined && request.url !== undefined) request.agent = this.https.agentFor(request.url);
    return super.fetch(request);
  }

  override buildRetryRequest(request: FetchRequest, requestId: string, delayMs: number): FetchRequest {
    const retry = super.buildRetryRequest(request, requestId, delayMs);
    if (this.budgetMs > 0 && request.startTime !== undefined) {
      // node-fetch's per-request `timeout`, which the SDK's types do not declare.
      (retry as { timeout?: number }).timeout = Math.max(1, this.budgetMs - (Date.now() - Number(request.startTime)));
    }
    return retry;
  }
}

/**
 * Creates an Okta management client through the official SDK.
 *
 * The response cache is off: a troubleshooting tool must see the org as it is now, not as it
 * was five minutes ago.
 */
export function createOktaClient(options: OktaClientOptions): Client {
  const executorOptions = { maxRetries: options.maxRetries, requestTimeout: options.requestTimeoutMs };
  const requestExecutor = new CollectorRequestExecutor(options.https, options.requestTimeoutMs, executorOptions);
  const common = { orgUrl: options.orgUrl, requestExecutor, cacheMiddleware: null };
  if (options.auth.kind === 'api-token') {
    return new Client({ ...common, token: options.auth.token });
  }
  return new Client({
    ...common,
    authorizationMode: 'PrivateKey',
    clientId: options.auth.clientId,
    scopes: [...options.auth.scopes],
    privateKey: options.auth.privateKeyPem,
    ...(options.auth.keyId === undefined ? {} : { keyId: options.auth.keyId }),
  });
}
