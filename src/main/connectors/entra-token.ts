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
}

/**
 * MSAL's network module over {@link HttpsClient}: every call gets a timeout, and the demo CA is
 * trusted for the demo origin only (MSAL's default client would use the global trust store).
 */
export function msalNetworkModule(https: HttpsClient, timeoutMs: number): INetworkModule {
  const call = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const res = await https.send({
      url,
      method,
      headers: options?.headers ?? {},
      ...(options?.body === undefined ? {} : { body: options.body }),
      timeoutMs,
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    return { headers, body: parseJsonBody(res.body.toString('utf8'), res.status) as T, status: res.status };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

/** Parses a JSON body; a non-JSON one (a proxy's HTML page) becomes an OAuth-shaped error MSAL can report. */
function parseJsonBody(text: string, status: number): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return { error: 'invalid_response', error_description: `Non-JSON response (HTTP ${String(status)})` };
  }
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
    system: { networkClient: msalNetworkModule(options.https, options.timeoutMs) },
  });
}

/** The scope for application access to Microsoft Graph. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** Acquires a Graph token for the app (MSAL caches it in memory until it nears expiry). */
export async function acquireGraphToken(app: ConfidentialClientApplication): Promise<string> {
  const result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
  if (result === null) throw new Error('Microsoft Entra returned no access token.');
  return result.accessToken;
}
