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

/** node-fetch request options the executor passes through. */
interface FetchRequest {
  url: string;
  agent?: unknown;
}

/**
 * The SDK's retrying executor, sending through an agent that trusts the demo CA for the demo
 * origin only. node-fetch (which the SDK uses) honours `agent` per request.
 */
class PinnedRequestExecutor extends DefaultRequestExecutor {
  constructor(
    private readonly https: HttpsClient,
    options: { maxRetries: number; requestTimeout: number },
  ) {
    super(options);
  }

  override fetch(request: FetchRequest): Promise<unknown> {
    request.agent = this.https.agentFor(request.url);
    return super.fetch(request) as Promise<unknown>;
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
  const requestExecutor =
    options.https === undefined
      ? new DefaultRequestExecutor(executorOptions)
      : new PinnedRequestExecutor(options.https, executorOptions);
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
