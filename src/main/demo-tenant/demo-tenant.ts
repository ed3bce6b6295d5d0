import { createPublicKey, generateKeyPairSync, randomBytes, randomInt, randomUUID, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { generateSelfSignedCertificate } from './crypto/self-signed-certificate';
import type { GeneratedCertificate } from './crypto/self-signed-certificate';
import { ENTRA_ERRORS, entraRoutes } from './entra/entra-service';
import { GRAPH_ERRORS, graphRoutes } from './graph/graph-service';
import { OktaAuth } from './okta/okta-auth';
import { OKTA_ERRORS } from './okta/okta-errors';
import { oktaRoutes } from './okta/okta-service';
import { FaultInjector } from './server/faults';
import type { FaultsInput } from './server/faults';
import type { RouteMatcher } from './server/http';
import { Router } from './server/http';
import { RateLimits } from './server/rate-limits';
import { startServiceHost } from './server/service-host';
import type { ServiceHost } from './server/service-host';
import type { DemoTenantState, TenantEndpoints } from './tenant-state';
import { contosoRenderer, scenarioRenderer } from './contoso';
import type { Scenario } from './scenario/scenario-schema';

/** Scopes the demo Okta service app is granted by default: what the collector needs. */
export const DEFAULT_OKTA_SCOPES = [
  'okta.users.read',
  'okta.apps.read',
  'okta.logs.read',
  'okta.policies.read',
] as const;

/** Graph application roles the demo app registration is granted by default. */
export const DEFAULT_GRAPH_ROLES = ['User.Read.All', 'AuditLog.Read.All', 'Domain.Read.All'] as const;

/** Certificates the rendered tenant needs: the O365 app's signing certificate and a different one. */
export interface SigningCertificates {
  /** base64 DER */
  readonly current: string;
  /** base64 DER of another certificate, for deliberately broken federation. */
  readonly other: string;
}

/** Renders the tenant once its endpoints are known. */
export type TenantRenderer = (endpoints: TenantEndpoints, certificates: SigningCertificates) => DemoTenantState;

/** Options of {@link startDemoTenant}. */
export interface DemoTenantOptions {
  /** The scenario to serve (the built-in Contoso scenario by default), rendered relative to now. */
  readonly scenario?: Scenario;
  /** Or a renderer of its own (the scale generator, a modified state in tests). */
  readonly render?: TenantRenderer;
  readonly faults?: FaultsInput;
  /** Restrict what the demo credentials may do, to exercise 403 paths. */
  readonly grants?: { readonly oktaScopes?: readonly string[]; readonly graphRoles?: readonly string[] };
  /** Okta rate limits: requests per window per route key (default 600), and the window (default 60 s). */
  readonly rateLimits?: {
    readonly perRoute?: Readonly<Record<string, number>>;
    readonly defaultLimit?: number;
    readonly windowSeconds?: number;
  };
  /**
   * Credentials of the caller's choosing instead of fresh random ones: the secret-hygiene tests
   * plant recognisable values and then look for them everywhere. The private key must be a PKCS#8
   * or PKCS#1 RSA key in PEM; the tenant trusts its public half for the Okta service app.
   */
  readonly credentials?: {
    readonly oktaApiToken?: string;
    readonly oktaPrivateKeyPem?: string;
    readonly entraClientSecret?: string;
  };
  /** Called on every routed request (tests count calls). */
  readonly onRequest?: (service: 'okta' | 'entra' | 'graph', key: string, method: string, url: string) => void;
}

/**
 * The demo tenant's credentials. They open only this simulator, are made fresh for every run and
 * are never stored: the app passes them to its clients directly.
 */
export interface DemoCredentials {
  readonly okta: {
    readonly apiToken: string;
    readonly clientId: string;
    readonly privateKeyPem: string;
    readonly keyId: string;
    readonly scopes: readonly string[];
  };
  readonly entra: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly certificatePem: string;
    readonly certificateKeyPem: string;
    readonly thumbprintSha1Hex: string;
    readonly thumbprintSha256Base64Url: string;
  };
}

/** A running demo tenant. */
export interface DemoTenant {
  /** The Okta org URL, e.g. https://127.0.0.1:40123 */
  readonly oktaUrl: string;
  /** The login host, e.g. https://127.0.0.1:40124 (authority = `${entraHost}/${tenantId}`). */
  readonly entraHost: string;
  /** The MSAL authority for the tenant. */
  readonly entraAuthority: string;
  /** The Graph root, e.g. https://127.0.0.1:40125 (paths start /v1.0 or /beta). */
  readonly graphUrl: string;
  readonly tenantId: string;
  /** The self-signed certificate every service presents; trust it for these origins only. */
  readonly caCertPem: string;
  readonly credentials: DemoCredentials;
  readonly state: DemoTenantState;
  stop(): Promise<void>;
}

interface KeyMaterial {
  readonly tls: GeneratedCertificate;
  readonly signing: SigningCertificates;
  readonly oktaClientKey: { readonly privateKey: KeyObject; readonly publicKey: KeyObject };
  readonly entraAppCertificate: GeneratedCertificate;
  readonly entraTokenKey: { readonly privateKey: KeyObject; readonly publicKey: KeyObject };
}

let material: KeyMaterial | undefined;

/**
 * Key material for every run of this process. RSA key generation is the slowest part of
 * starting a tenant, and these keys protect nothing but a loopback simulator, so they are made
 * once per process.
 */
function keyMaterial(): KeyMaterial {
  material ??= {
    // A CA certificate: Electron's BoringSSL accepts a self-signed certificate passed as `ca`
    // only if it may sign certificates (keyCertSign), unlike Node's OpenSSL.
    tls: generateSelfSignedCertificate({
      commonName: 'Sign-in Triage demo tenant',
      subjectAltNames: [{ ip: '127.0.0.1' }, { dns: 'localhost' }],
      validDays: 30,
      isCa: true,
    }),
    signing: {
      current: generateSelfSignedCertificate({
        commonName: 'Okta Office 365 (demo)',
        validDays: 3650,
        purpose: 'signing',
      }).certDerBase64,
      other: generateSelfSignedCertificate({ commonName: 'Another IdP (demo)', validDays: 3650, purpose: 'signing' })
        .certDerBase64,
    },
    oktaClientKey: generateKeyPairSync('rsa', { modulusLength: 2048 }),
    entraAppCertificate: generateSelfSignedCertificate({
      commonName: 'signin-triage-demo-app',
      validDays: 365,
      purpose: 'signing',
    }),
    entraTokenKey: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  };
  return material;
}

/** The O365 signing certificates of this process's demo tenants, for bundles written without a running tenant. */
export function demoSigningCertificates(): SigningCertificates {
  return keyMaterial().signing;
}

/** A matcher whose routes are set once the tenant has been rendered. */
class LateRouter implements RouteMatcher {
  router: RouteMatcher = new Router([]);

  match(method: string, path: string): ReturnType<RouteMatcher['match']> {
    return this.router.match(method, path);
  }
}

/**
 * Starts the demo tenant: Okta, the Microsoft identity platform and Microsoft Graph, each on its
 * own HTTPS port on 127.0.0.1 with a self-signed certificate, serving the rendered scenario.
 */
export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const keys = keyMaterial();
  const faults = new FaultInjector(options.faults);
  const tls = { cert: keys.tls.certPem, key: keys.tls.keyPem };
  const routers = { okta: new LateRouter(), entra: new LateRouter(), graph: new LateRouter() };
  const hosts: ServiceHost[] = [];
  const note = (service: 'okta' | 'entra' | 'graph') => (key: string, method: string, url: string) =>
    options.onRequest?.(service, key, method, url);
  try {
    const limits = options.rateLimits;
    const okta = await startServiceHost({
      name: 'okta',
      router: routers.okta,
      tls,
      faults,
      rateLimits: new RateLimits(limits?.perRoute ?? {}, limits?.defaultLimit ?? 600, limits?.windowSeconds ?? 60),
      errors: OKTA_ERRORS,
      requestIdHeader: 'X-Okta-Request-Id',
      onRequest: note('okta'),
    });
    hosts.push(okta);
    const entra = await startServiceHost({
      name: 'entra',
      router: routers.entra,
      tls,
      faults,
      errors: ENTRA_ERRORS,
      requestIdHeader: 'x-ms-request-id',
      onRequest: note('entra'),
    });
    hosts.push(entra);
    const graph = await startServiceHost({
      name: 'graph',
      router: routers.graph,
      tls,
      faults,
      errors: GRAPH_ERRORS,
      requestIdHeader: 'request-id',
      onRequest: note('graph'),
    });
    hosts.push(graph);

    const render =
      options.render ?? (options.scenario === undefined ? contosoRenderer() : scenarioRenderer(options.scenario));
    const state = render({ oktaOrgUrl: okta.url }, keys.signing);
    const oktaScopes = options.grants?.oktaScopes ?? DEFAULT_OKTA_SCOPES;
    const chosen = options.credentials;
    const oktaPrivateKeyPem =
      chosen?.oktaPrivateKeyPem ?? keys.oktaClientKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const oktaPublicKey =
      chosen?.oktaPrivateKeyPem === undefined ? keys.oktaClientKey.publicKey : createPublicKey(oktaPrivateKeyPem);
    const credentials: DemoCredentials = {
      okta: {
        apiToken: chosen?.oktaApiToken ?? `00${randomBytes(30).toString('base64url')}`,
        clientId: `0oa${randomBytes(9).toString('hex').slice(0, 17)}`,
        privateKeyPem: oktaPrivateKeyPem,
        keyId: 'demo-key-1',
        scopes: oktaScopes,
      },
      entra: {
        clientId: randomUUID(),
        // The shape of a real Entra secret (three characters, a digit, "Q~", 34 more), so redaction is exercised.
        clientSecret:
          chosen?.entraClientSecret ??
          `dem${String(randomInt(10))}Q~${randomBytes(26).toString('base64url').slice(0, 34)}`,
        certificatePem: keys.entraAppCertificate.certPem,
        certificateKeyPem: keys.entraAppCertificate.keyPem,
        thumbprintSha1Hex: keys.entraAppCertificate.thumbprintSha1Hex,
        thumbprintSha256Base64Url: keys.entraAppCertificate.thumbprintSha256Base64Url,
      },
    };
    const oktaAuth = new OktaAuth(
      {
        apiTokens: [credentials.okta.apiToken],
        oauthClients: [{ clientId: credentials.okta.clientId, publicKeys: [oktaPublicKey], scopes: oktaScopes }],
      },
      () => okta.url,
      faults.tokenLifetimeSeconds,
    );
    const now = (): Date => new Date();
    routers.okta.router = new Router(oktaRoutes(state, oktaAuth, () => okta.url, now));
    routers.entra.router = new Router(
      entraRoutes(
        state,
        [
          {
            clientId: credentials.entra.clientId,
            secrets: [credentials.entra.clientSecret],
            // Entra keeps an uploaded certificate's public key; assertions are checked against it.
            certificateKeys: [new X509Certificate(keys.entraAppCertificate.certPem).publicKey],
            roles: options.grants?.graphRoles ?? DEFAULT_GRAPH_ROLES,
          },
        ],
        {
          kid: 'demo-tenant-signing-1',
          privateKey: keys.entraTokenKey.privateKey,
          publicKey: keys.entraTokenKey.publicKey,
        },
        () => entra.url,
        faults.tokenLifetimeSeconds,
      ),
    );
    routers.graph.router = new Router(graphRoutes(state, keys.entraTokenKey.publicKey, () => graph.url));

    return {
      oktaUrl: okta.url,
      entraHost: entra.url,
      entraAuthority: `${entra.url}/${state.entra.tenantId}`,
      graphUrl: graph.url,
      tenantId: state.entra.tenantId,
      caCertPem: keys.tls.certPem,
      credentials,
      state,
      stop: async () => {
        await Promise.all(hosts.map((h) => h.stop()));
      },
    };
  } catch (error: unknown) {
    await Promise.all(hosts.map((h) => h.stop()));
    throw error;
  }
}
