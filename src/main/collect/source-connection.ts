import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import type { Client as OktaClient } from '@okta/okta-sdk-nodejs';
import type { CollectionPorts } from '../../core/collection/collect-evidence';
import { acquireGraphToken, createEntraApp, EntraWire } from '../connectors/entra-token';
import type { EntraCredential } from '../connectors/entra-token';
import { createGraphClient } from '../connectors/graph-client';
import { createOktaClient } from '../connectors/okta-client';
import type { OktaAuthentication } from '../connectors/okta-client';
import type { HttpsClient } from '../net/https-client';
import { GraphSdkSource } from './graph-source';
import { OktaSdkSource } from './okta-source';

/** Time limits of one collection run. */
export interface RunLimits {
  /** One HTTP request, retries excluded. */
  readonly requestTimeoutMs: number;
  /** One collection step, all its pages and retries included. */
  readonly stepTimeoutMs: number;
  /** Cancels the whole run (the wizard's Cancel button, Ctrl+C). */
  readonly signal?: AbortSignal;
}

/** Sensible limits for a call: a step that takes longer than this is not going to help the call. */
export const DEFAULT_RUN_LIMITS: RunLimits = { requestTimeoutMs: 15_000, stepTimeoutMs: 60_000 };

/** Everything needed to reach one Okta org and one Microsoft tenant. */
export interface ConnectionSettings {
  readonly okta: { readonly orgUrl: string; readonly auth: OktaAuthentication; readonly office365AppId?: string };
  readonly entra: {
    /** e.g. https://login.microsoftonline.com/{tenant} */
    readonly authority: string;
    readonly clientId: string;
    readonly credential: EntraCredential;
    /** Set only for a non-Microsoft authority host (the demo tenant). */
    readonly knownAuthority?: string;
  };
  /** https://graph.microsoft.com, or the demo tenant's Graph root. */
  readonly graphUrl: string;
  readonly https: HttpsClient;
}

/** A live connection: the collection ports, and the clients for pre-flight probes. */
export interface SourceConnection {
  readonly ports: CollectionPorts;
  readonly clients: {
    readonly okta: OktaClient;
    readonly entra: ConfidentialClientApplication;
    readonly graph: GraphClient;
    readonly oktaSource: OktaSdkSource;
    readonly graphSource: GraphSdkSource;
  };
  close(): void;
}

/** Builds the SDK clients and the collection sources for one pair of tenants. */
export function connectSources(settings: ConnectionSettings, limits: RunLimits = DEFAULT_RUN_LIMITS): SourceConnection {
  const okta = createOktaClient({
    orgUrl: settings.okta.orgUrl,
    auth: settings.okta.auth,
    requestTimeoutMs: limits.requestTimeoutMs,
    maxRetries: 3,
    https: settings.https,
  });
  // The source observes the client's responses (for "retrying" progress) and the client is the
  // source's transport: the reference closes the loop.
  const sourceRef: { current?: GraphSdkSource } = {};
  const wire = new EntraWire();
  const entra = createEntraApp({
    authority: settings.entra.authority,
    clientId: settings.entra.clientId,
    credential: settings.entra.credential,
    https: settings.https,
    timeoutMs: limits.requestTimeoutMs,
    ...(settings.entra.knownAuthority === undefined ? {} : { knownAuthority: settings.entra.knownAuthority }),
    wire,
    onRetry: (seconds) => {
      sourceRef.current?.retrying(seconds);
    },
  });
  const graph = createGraphClient({
    baseUrl: settings.graphUrl,
    getToken: () => acquireGraphToken(entra, { wire }),
    refreshToken: () => acquireGraphToken(entra, { wire, skipCache: true }),
    https: settings.https,
    timeoutMs: limits.requestTimeoutMs,
    onResponse: (response) => {
      sourceRef.current?.observe(response);
    },
  });
  const graphSource = new GraphSdkSource(graph);
  sourceRef.current = graphSource;
  const oktaSource = new OktaSdkSource(okta, settings.okta.orgUrl, settings.okta.office365AppId);
  return {
    ports: {
      okta: oktaSource,
      graph: graphSource,
      stepSignal: () => {
        const timeout = AbortSignal.timeout(limits.stepTimeoutMs);
        return limits.signal === undefined ? timeout : AbortSignal.any([limits.signal, timeout]);
      },
      now: () => new Date(),
    },
    clients: { okta, entra, graph, oktaSource, graphSource },
    close: () => {
      settings.https.close();
    },
  };
}
