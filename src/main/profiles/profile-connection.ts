import type { Profile } from '../../shared/ipc/profiles';
import { connectSources } from '../collect/source-connection';
import type { RunLimits, SourceConnection } from '../collect/source-connection';
import { DEFAULT_RUN_LIMITS } from '../collect/source-connection';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { connectToDemoTenant } from '../collect/demo-connection';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import { HttpsClient } from '../net/https-client';
import { ProfileError } from './profile-store';
import type { ProfileStore } from './profile-store';

/** Where a profile's Microsoft side lives; the public cloud unless a test says otherwise. */
export interface MicrosoftCloud {
  /** e.g. https://login.microsoftonline.com */
  readonly loginHost: string;
  /** e.g. https://graph.microsoft.com */
  readonly graphUrl: string;
  /** Trust for the requests; the system trust store for real tenants. */
  readonly https: () => HttpsClient;
  /** Only for a non-Microsoft login host (tests against the demo tenant). */
  readonly knownAuthority?: string;
}

/** Microsoft's public cloud, with the system trust store. */
export const PUBLIC_CLOUD: MicrosoftCloud = {
  loginHost: 'https://login.microsoftonline.com',
  graphUrl: 'https://graph.microsoft.com',
  https: () => new HttpsClient(),
};

/**
 * Connects to a profile's tenants with its secrets from the keychain. Secrets are read here,
 * in the main process, and go straight to the SDK clients.
 */
export async function connectProfile(
  store: ProfileStore,
  profile: Profile,
  cloud: MicrosoftCloud,
  limits: RunLimits = DEFAULT_RUN_LIMITS,
): Promise<SourceConnection> {
  const need = async (kind: Parameters<ProfileStore['readSecret']>[1], what: string): Promise<string> => {
    const value = await store.readSecret(profile.id, kind);
    if (value === null)
      throw new ProfileError(`The profile "${profile.name}" has no ${what} yet; enter it under Tenants.`);
    return value;
  };
  const oktaAuth =
    profile.okta.authMode === 'api-token'
      ? ({ kind: 'api-token', token: await need('okta-api-token', 'Okta API token') } as const)
      : ({
          kind: 'private-key',
          clientId: profile.okta.clientId ?? '',
          privateKeyPem: await need('okta-private-key', 'Okta service app private key'),
          ...(profile.okta.keyId === undefined ? {} : { keyId: profile.okta.keyId }),
          scopes: ['okta.users.read', 'okta.apps.read', 'okta.logs.read', 'okta.policies.read'],
        } as const);
  const credential =
    profile.entra.authMode === 'client-secret'
      ? ({ kind: 'client-secret', secret: await need('entra-client-secret', 'Entra client secret') } as const)
      : await certificateCredential(profile, await need('entra-certificate-key', 'Entra certificate private key'));
  return connectSources(
    {
      okta: {
        orgUrl: profile.okta.orgUrl,
        auth: oktaAuth,
        ...(profile.office365AppId === undefined || profile.office365AppId === ''
          ? {}
          : { office365AppId: profile.office365AppId }),
      },
      entra: {
        authority: `${cloud.loginHost}/${profile.entra.tenant}`,
        clientId: profile.entra.clientId,
        credential,
        ...(cloud.knownAuthority === undefined ? {} : { knownAuthority: cloud.knownAuthority }),
      },
      graphUrl: cloud.graphUrl,
      https: cloud.https(),
    },
    limits,
  );
}

async function certificateCredential(profile: Profile, privateKeyPem: string) {
  const { X509Certificate } = await import('node:crypto');
  const pem = profile.entra.certificatePem ?? '';
  let thumbprint: string;
  try {
    thumbprint = new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();
  } catch {
    throw new ProfileError(`The certificate of "${profile.name}" is not a valid PEM certificate.`);
  }
  return { kind: 'certificate', privateKeyPem, certificatePem: pem, thumbprintSha256Hex: thumbprint } as const;
}

/**
 * Finds a tenant's directory id from one of its domains, through the tenant's public OpenID
 * configuration (its issuer names the tenant id). Needs no credentials.
 */
export async function discoverTenantId(domain: string, cloud: MicrosoftCloud, timeoutMs = 10_000): Promise<string> {
  const https = cloud.https();
  try {
    const res = await https.send({
      url: `${cloud.loginHost}/${encodeURIComponent(domain)}/v2.0/.well-known/openid-configuration`,
      timeoutMs,
    });
    if (res.status === 400 || res.status === 404)
      throw new ProfileError(`No Microsoft Entra tenant uses the domain ${domain}.`);
    if (res.status !== 200) throw new ProfileError(`Microsoft Entra answered ${String(res.status)} for ${domain}.`);
    const issuer = (JSON.parse(res.body.toString('utf8')) as { issuer?: unknown }).issuer;
    const id =
      typeof issuer === 'string'
        ? /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i.exec(issuer)?.[1]
        : undefined;
    if (id === undefined) throw new ProfileError(`The OpenID configuration of ${domain} names no tenant id.`);
    return id.toLowerCase();
  } finally {
    https.close();
  }
}

/**
 * The demo tenant for the built-in profile: started on first use and shared until `stop()`.
 */
export class DemoTenantHost {
  #tenant: Promise<DemoTenant> | undefined;

  /** Optionally around a tenant that is already running (tests). */
  constructor(running?: DemoTenant) {
    if (running !== undefined) this.#tenant = Promise.resolve(running);
  }

  /** The running tenant, starting it if needed. */
  tenant(): Promise<DemoTenant> {
    this.#tenant ??= startDemoTenant();
    return this.#tenant;
  }

  /** A connection to the demo tenant with its per-run credentials. */
  async connect(limits: RunLimits = DEFAULT_RUN_LIMITS): Promise<SourceConnection> {
    return connectToDemoTenant(await this.tenant(), limits);
  }

  /** Stops the tenant if it was started. */
  async stop(): Promise<void> {
    const running = this.#tenant;
    this.#tenant = undefined;
    if (running !== undefined) await (await running).stop();
  }
}
