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

const TOKEN_PATH = '/oauth2/v1/token';

/** A service app's token request that failed, worded for the technician. */
export class OktaTokenError extends Error {
  override readonly name = 'OktaTokenError';
}

/** What the SDK's OAuth helper answers: a token response, or (see below) an error body. */
interface SdkOAuth {
  getAccessToken(
    ...args: unknown[]
  ): Promise<{ readonly access_token?: unknown; readonly error_description?: unknown }>;
  clearCachedAccessToken(): void;
}

/** The technician's words for a token endpoint answer that carried no access token. */
function describeTokenFailure(status: number | undefined, description: unknown): string {
  if (status === 429) return 'Okta kept throttling the service app’s token requests; try again in a minute.';
  if (status !== undefined && status >= 500)
    return `Okta answered ${String(status)} (a service error) when asked for an access token; try again shortly.`;
  if (typeof description === 'string' && description !== '')
    return `Okta refused the service app’s token request: ${description.slice(0, 200)}`;
  return `Okta answered the service app’s token request without an access token (HTTP ${String(status ?? 0)}).`;
}

/**
 * The SDK (8.x) takes whatever its token endpoint answers for the token, error bodies too (its
 * error filter is not applied there), caches it and then sends "Bearer undefined": a 503 from
 * the token endpoint surfaced as a 401 "invalid token". This checks the answer, forgets a bad
 * one, and throws an error that says what the endpoint answered.
 */
function guardTokenResponses(client: Client, executor: CollectorRequestExecutor): void {
  const oauth = (client as unknown as { oauth?: SdkOAuth }).oauth;
  if (oauth === undefined) return;
  const original = oauth.getAccessToken.bind(oauth);
  oauth.getAccessToken = async (...args: unknown[]) => {
    const token = await original(...args);
    if (typeof token.access_token === 'string' && token.access_token !== '') return token;
    oauth.clearCachedAccessToken();
    throw new OktaTokenError(describeTokenFailure(executor.lastTokenStatus, token.error_description));
  };
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

  /** The status of the latest answer from the org's token endpoint (service-app authentication). */
  lastTokenStatus: number | undefined;

  override fetch(request: FetchRequest): ReturnType<DefaultRequestExecutor['fetch']> {
    if (this.https !== undefined && request.url !== undefined) request.agent = this.https.agentFor(request.url);
    const response = super.fetch(request);
    if (request.url?.endsWith(TOKEN_PATH) !== true) return response;
    // node-fetch's Response, which the SDK's types leave unresolved: only its status is read.
    const answered = response as unknown as Promise<{ readonly status: number }>;
    return answered.then((res) => {
      this.lastTokenStatus = res.status;
      return res;
    });
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
  const client = new Client({
    ...common,
    authorizationMode: 'PrivateKey',
    clientId: options.auth.clientId,
    scopes: [...options.auth.scopes],
    privateKey: options.auth.privateKeyPem,
    ...(options.auth.keyId === undefined ? {} : { keyId: options.auth.keyId }),
  });
  guardTokenResponses(client, requestExecutor);
  return client;
}
