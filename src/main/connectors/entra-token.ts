import { ConfidentialClientApplication } from '@azure/msal-node';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpsClient } from '../net/https-client';

/** How the app registration proves itself to Entra. */
export type EntraCredential =
  | { readonly kind: 'client-secret'; readonly secret: string }
  | {
      readonly kind: 'certificate';
      readonly privateKeyPem: string;
      readonly certificatePem: string;
      readonly thumbprintSha256Hex: string;
    };

/** Options of {@link createEntraApp}. */
export interface EntraAppOptions {
  /** https://login.microsoftonline.com/{tenant} (or the demo tenant's). */
  readonly authority: string;
  readonly clientId: string;
  readonly credential: EntraCredential;
  readonly https: HttpsClient;
  readonly timeoutMs: number;
  /** Trust a non-Microsoft authority host (the demo tenant) without instance discovery. */
  readonly knownAuthority?: string;
  /** Records what went wrong on the wire, so MSAL's generic errors can be explained. */
  readonly wire?: EntraWire;
  /** Told before the client waits out a 429/503 as Entra's Retry-After asks (seconds). */
  readonly onRetry?: (seconds: number) => void;
}

/** What went wrong on the wire during an Entra request, which MSAL's own errors do not say. */
export type EntraTrouble =
  | { readonly kind: 'status'; readonly status: number; readonly what: EntraCall }
  | { readonly kind: 'not-json'; readonly what: EntraCall }
  | { readonly kind: 'no-answer'; readonly timedOut: boolean; readonly what: EntraCall };

/** The two kinds of call MSAL makes: reading the authority's metadata, and asking for a token. */
export type EntraCall = 'metadata' | 'token';

/**
 * The latest trouble on the wire of one MSAL app. MSAL turns a 503, a cut-off body or a timeout
 * into "endpoints_resolution_error" or "network_error"; this keeps what really happened.
 */
export class EntraWire {
  #last: EntraTrouble | undefined;

  /** Notes a failed request. */
  record(trouble: EntraTrouble): void {
    this.#last = trouble;
  }

  /** The latest trouble, if any. */
  get last(): EntraTrouble | undefined {
    return this.#last;
  }
}

/** A token request that failed, worded for the technician (the cause MSAL's error hides). */
export class EntraTokenError extends Error {
  override readonly name = 'EntraTokenError';
}

/** Longest Retry-After the client waits out once; a longer one is not going to help the call. */
const MAX_RETRY_AFTER_SECONDS = 10;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in whole seconds (the delta form Entra sends), or null when absent or too long. */
function retryAfterSeconds(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d+$/.test(text.trim())) return null;
  const seconds = Number(text.trim());
  return seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : null;
}

/**
 * MSAL's network module over {@link HttpsClient}: every call gets a timeout, and the demo CA is
 * trusted for the demo origin only (MSAL's default client would use the global trust store).
 */
export function msalNetworkModule(
  https: HttpsClient,
  timeoutMs: number,
  wire: EntraWire = new EntraWire(),
  onRetry: (seconds: number) => void = () => undefined,
): INetworkModule {
  const call = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const what: EntraCall = method === 'POST' ? 'token' : 'metadata';
    const send = async (): Promise<Awaited<ReturnType<HttpsClient['send']>>> => {
      try {
        return await https.send({
          url,
          method,
          headers: options?.headers ?? {},
          ...(options?.body === undefined ? {} : { body: options.body }),
          timeoutMs,
        });
      } catch (error: unknown) {
        const message = error instanceof Error ? error.message : String(error);
        wire.record({ kind: 'no-answer', timedOut: /timed? ?out/i.test(message), what });
        throw error;
      }
    };
    let res = await send();
    // MSAL does not retry a throttled or unavailable token endpoint; wait once as Entra asks.
    const wait = res.status === 429 || res.status === 503 ? retryAfterSeconds(res.headers['retry-after']) : null;
    if (wait !== null) {
      onRetry(wait);
      await sleep(wait * 1000);
      res = await send();
    }
    if (res.status === 429 || res.status >= 500) wire.record({ kind: 'status', status: res.status, what });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const text = res.body.toString('utf8');
    const body = parseJsonBody(text, res.status);
    if (isNonJson(body)) wire.record({ kind: 'not-json', what });
    return { headers, body: body as T, status: res.status };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

const NON_JSON = 'invalid_response';

/** Parses a JSON body; a non-JSON one (a proxy's HTML page) becomes an OAuth-shaped error MSAL can report. */
function parseJsonBody(text: string, status: number): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return { error: NON_JSON, error_description: `Non-JSON response (HTTP ${String(status)})` };
  }
}

function isNonJson(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { error?: unknown }).error === NON_JSON;
}

/** Creates the MSAL confidential client for the client-credentials flow. */
export function createEntraApp(options: EntraAppOptions): ConfidentialClientApplication {
  const credential =
    options.credential.kind === 'client-secret'
      ? { clientSecret: options.credential.secret }
      : {
          clientCertificate: {
            thumbprintSha256: options.credential.thumbprintSha256Hex,
            privateKey: options.credential.privateKeyPem,
            x5c: options.credential.certificatePem,
          },
        };
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: options.authority,
      ...credential,
      ...(options.knownAuthority === undefined ? {} : { knownAuthorities: [options.knownAuthority] }),
    },
    system: { networkClient: msalNetworkModule(options.https, options.timeoutMs, options.wire, options.onRetry) },
  });
}

/** The scope for application access to Microsoft Graph. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** How {@link acquireGraphToken} gets its token. */
export interface AcquireOptions {
  /**
   * Ask Entra for a new token even though MSAL holds one it believes valid: Graph refused that
   * one (revoked, or outlived by a key roll-over), and MSAL only renews 5 minutes before expiry.
   */
  readonly skipCache?: boolean;
  /** The app's wire record, to say what MSAL's error hides. */
  readonly wire?: EntraWire;
}

/** The technician's words for a token request that failed on the wire. */
function describeTrouble(trouble: EntraTrouble): string {
  const asking = trouble.what === 'token' ? 'when asked for an access token' : 'when asked for its sign-in metadata';
  switch (trouble.kind) {
    case 'status':
      return trouble.status === 429
        ? `Microsoft Entra kept throttling the app ${asking}; try again in a minute.`
        : `Microsoft Entra answered ${String(trouble.status)} (a service error) ${asking}; try again shortly.`;
    case 'not-json':
      return `Microsoft Entra sent a response that is not valid JSON ${asking}.`;
    case 'no-answer':
      return trouble.timedOut
        ? `Microsoft Entra did not answer in time ${asking}.`
        : `Microsoft Entra could not be reached ${asking}.`;
  }
}

/**
 * Acquires a Graph token for the app (MSAL caches it in memory until it nears expiry). A failure
 * on the wire (a 5xx, a throttle, a cut-off body, a timeout) is rethrown as an
 * {@link EntraTokenError} that says which; MSAL's own errors (a wrong secret …) pass unchanged.
 */
export async function acquireGraphToken(
  app: ConfidentialClientApplication,
  options: AcquireOptions = {},
): Promise<string> {
  const before = options.wire?.last;
  let result;
  try {
    result = await app.acquireTokenByClientCredential({
      scopes: [GRAPH_DEFAULT_SCOPE],
      ...(options.skipCache === true ? { skipCache: true } : {}),
    });
  } catch (error: unknown) {
    const trouble = options.wire?.last;
    // Only trouble from this attempt explains this error.
    if (trouble !== undefined && trouble !== before) throw new EntraTokenError(describeTrouble(trouble));
    throw error;
  }
  if (result === null) throw new Error('Microsoft Entra returned no access token.');
  return result.accessToken;
}
