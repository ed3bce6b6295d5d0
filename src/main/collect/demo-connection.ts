import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { HttpsClient } from '../net/https-client';
import { connectSources, DEFAULT_RUN_LIMITS } from './source-connection';
import type { RunLimits, SourceConnection } from './source-connection';

export { DEFAULT_RUN_LIMITS } from './source-connection';
export type { RunLimits, SourceConnection } from './source-connection';

/**
 * What connecting to a demo tenant needs: its addresses, certificate and per-run credentials. A
 * tenant running in this process is one; the facts a tenant in a child process reports are too.
 */
export type DemoTenantConnectionFacts = Pick<
  DemoTenant,
  'oktaUrl' | 'entraHost' | 'entraAuthority' | 'graphUrl' | 'caCertPem' | 'credentials'
>;

/**
 * Connects the collectors to a running demo tenant with its per-run credentials, trusting its
 * certificate for its own three origins only.
 */
export function connectToDemoTenant(
  tenant: DemoTenantConnectionFacts,
  limits: RunLimits = DEFAULT_RUN_LIMITS,
  oktaAuth: 'api-token' | 'private-key' = 'api-token',
): SourceConnection {
  const c = tenant.credentials;
  return connectSources(
    {
      okta: {
        orgUrl: tenant.oktaUrl,
        auth:
          oktaAuth === 'api-token'
            ? { kind: 'api-token', token: c.okta.apiToken }
            : {
                kind: 'private-key',
                clientId: c.okta.clientId,
                privateKeyPem: c.okta.privateKeyPem,
                keyId: c.okta.keyId,
                scopes: c.okta.scopes,
              },
      },
      entra: {
        authority: tenant.entraAuthority,
        clientId: c.entra.clientId,
        credential: { kind: 'client-secret', secret: c.entra.clientSecret },
        knownAuthority: new URL(tenant.entraHost).host,
      },
      graphUrl: tenant.graphUrl,
      https: new HttpsClient([
        { origins: [tenant.oktaUrl, tenant.entraHost, tenant.graphUrl], caPem: tenant.caCertPem },
      ]),
    },
    limits,
  );
}
