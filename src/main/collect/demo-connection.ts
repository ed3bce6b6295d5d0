import type { CollectionPorts } from '../../core/collection/collect-evidence';
import { acquireGraphToken, createEntraApp } from '../connectors/entra-token';
import { createGraphClient } from '../connectors/graph-client';
import { createOktaClient } from '../connectors/okta-client';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { HttpsClient } from '../net/https-client';
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

/** A connection to the sources, ready for `collectEvidence`. */
export interface SourceConnection {
  readonly ports: CollectionPorts;
  close(): void;
}

/**
 * Connects the collectors to a running demo tenant with its per-run credentials, trusting its
 * certificate for its own three origins only.
 */
export function connectToDemoTenant(tenant: DemoTenant, limits: RunLimits = DEFAULT_RUN_LIMITS): SourceConnection {
  const https = new HttpsClient([
    { origins: [tenant.oktaUrl, tenant.entraHost, tenant.graphUrl], caPem: tenant.caCertPem },
  ]);
  const okta = createOktaClient({
    orgUrl: tenant.oktaUrl,
    auth: { kind: 'api-token', token: tenant.credentials.okta.apiToken },
    requestTimeoutMs: limits.requestTimeoutMs,
    maxRetries: 3,
    https,
  });
  const entra = createEntraApp({
    authority: tenant.entraAuthority,
    clientId: tenant.credentials.entra.clientId,
    credential: { kind: 'client-secret', secret: tenant.credentials.entra.clientSecret },
    https,
    timeoutMs: limits.requestTimeoutMs,
    knownAuthority: new URL(tenant.entraHost).host,
  });
  // The source observes the client's responses (for "retrying" progress) and the client is the
  // source's transport: the reference closes the loop.
  const sourceRef: { current?: GraphSdkSource } = {};
  const graph = createGraphClient({
    baseUrl: tenant.graphUrl,
    getToken: () => acquireGraphToken(entra),
    https,
    timeoutMs: limits.requestTimeoutMs,
    onResponse: (response) => {
      sourceRef.current?.observe(response);
    },
  });
  const graphSource = new GraphSdkSource(graph);
  sourceRef.current = graphSource;
  return {
    ports: {
      okta: new OktaSdkSource(okta, tenant.oktaUrl),
      graph: graphSource,
      stepSignal: () => {
        const timeout = AbortSignal.timeout(limits.stepTimeoutMs);
        return limits.signal === undefined ? timeout : AbortSignal.any([limits.signal, timeout]);
      },
      now: () => new Date(),
    },
    close: () => {
      https.close();
    },
  };
}
