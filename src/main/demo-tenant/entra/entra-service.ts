import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { publicJwkOf, signJwt, verifyJwt } from '../crypto/jwt';
import type { Route, RouteRequest, RouteResponse } from '../server/http';
import type { VendorErrors } from '../server/service-host';
import type { DemoTenantState } from '../tenant-state';

/** An app registration that may use client credentials, and the Graph application roles it was granted. */
export interface EntraAppRegistration {
  readonly clientId: string;
  /** Client secrets (any one works). */
  readonly secrets: readonly string[];
  /** Public keys of uploaded certificates (client assertion). */
  readonly certificateKeys: readonly KeyObject[];
  /** Graph application permissions, e.g. User.Read.All, AuditLog.Read.All, Domain.Read.All. */
  readonly roles: readonly string[];
}

/** The tenant's token-signing key. */
export interface EntraSigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** The audience of Graph tokens. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** An Entra OAuth error: `{ error, error_description, error_codes, timestamp, trace_id, correlation_id }`. */
function oauthError(
  status: number,
  error: string,
  code: number,
  description: string,
  requestId: string,
): RouteResponse {
  const traceId = randomUUID();
  const now = new Date().toISOString().replace('T', ' ').replace('Z', 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${String(code)}: ${description} Trace ID: ${traceId} Correlation ID: ${requestId} Timestamp: ${now}`,
      error_codes: [code],
      timestamp: now,
      trace_id: traceId,
      correlation_id: requestId,
    },
  };
}

/** Entra's wording for the faults and unknown routes. */
export const ENTRA_ERRORS: VendorErrors = {
  notFound: (id) => oauthError(404, 'invalid_request', 900561, 'The endpoint only accepts POST requests.', id),
  methodNotAllowed: (id) => oauthError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.', id),
  rateLimited: (id) => ({
    ...oauthError(429, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', id),
    headers: { 'Retry-After': '1' },
  }),
  serverError: (id) =>
    oauthError(503, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', id),
};

/**
 * The Microsoft identity platform endpoints of the simulator: OpenID discovery, signing keys,
 * and the v2.0 token endpoint for client credentials (secret or certificate assertion).
 * Tokens are RS256 JWTs for Graph carrying `roles`, `tid` and `appid`, as Entra issues them.
 */
export function entraRoutes(
  state: DemoTenantState,
  apps: readonly EntraAppRegistration[],
  signingKey: EntraSigningKey,
  baseUrl: () => string,
  tokenLifetimeSeconds: number,
): Route[] {
  const tenantId = state.entra.tenantId;
  const aliases = new Set([
    tenantId.toLowerCase(),
    `${state.entra.tenantName}.onmicrosoft.com`.toLowerCase(),
    ...state.graph.domains.map((d) => d.id.toLowerCase()),
  ]);
  const knownTenant = (t: string | undefined): boolean => t !== undefined && aliases.has(t.toLowerCase());
  const unknownTenant = (req: RouteRequest): RouteResponse =>
    oauthError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${req.params.tenant ?? ''}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      req.requestId,
    );

  const openIdConfiguration = (req: RouteRequest): RouteResponse => {
    if (!knownTenant(req.params.tenant)) return unknownTenant(req);
    const root = `${baseUrl()}/${tenantId}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${root}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${root}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${root}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${baseUrl()}/oidc/userinfo`,
        authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${root}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'roles'],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
      },
    };
  };

  const token = (req: RouteRequest): RouteResponse => {
    if (!knownTenant(req.params.tenant)) return unknownTenant(req);
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
        req.requestId,
      );
    }
    const clientId = form.get('client_id') ?? '';
    const app = apps.find((a) => a.clientId === clientId);
    if (app === undefined) {
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${state.entra.tenantName}'.`,
        req.requestId,
      );
    }
    const scope = form.get('scope') ?? '';
    if (!scope.split(' ').some((s) => s === `${GRAPH_AUDIENCE}/.default` || s === `${GRAPH_AUDIENCE}//.default`)) {
      return oauthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        req.requestId,
      );
    }
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (!app.secrets.includes(secret)) {
        return oauthError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
          req.requestId,
        );
      }
    } else if (assertion !== null && form.get('client_assertion_type') === ASSERTION_TYPE) {
      const audiences = [
        `${baseUrl()}/${req.params.tenant ?? ''}/oauth2/v2.0/token`,
        `${baseUrl()}/${tenantId}/oauth2/v2.0/token`,
      ];
      // MSAL signs certificate assertions with PS256 when given a SHA-256 thumbprint; Entra accepts both.
      const verified = verifyJwt(assertion, {
        publicKeys: app.certificateKeys,
        audience: audiences,
        issuer: clientId,
        requireClaims: ['sub', 'exp', 'jti'],
        algorithms: ['RS256', 'PS256'],
        // Entra allows five minutes of clock skew on assertions (MSAL rounds nbf up to the next second).
        clockToleranceSeconds: 300,
      });
      if (!verified.ok || verified.claims.sub !== clientId) {
        return oauthError(
          401,
          'invalid_client',
          700027,
          'The certificate with identifier used to sign the client assertion is not registered on application, or the assertion is invalid.',
          req.requestId,
        );
      }
    } else {
      return oauthError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        req.requestId,
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const accessToken = signJwt(
      {
        aud: GRAPH_AUDIENCE,
        iss: `https://sts.windows.net/${tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + tokenLifetimeSeconds,
        appid: clientId,
        azp: clientId,
        idtyp: 'app',
        oid: randomUUID(),
        sub: randomUUID(),
        tid: tenantId,
        roles: app.roles,
        ver: '1.0',
      },
      signingKey.privateKey,
      { typ: 'JWT', kid: signingKey.kid },
    );
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: tokenLifetimeSeconds,
        ext_expires_in: tokenLifetimeSeconds,
        access_token: accessToken,
      },
    };
  };

  return [
    {
      method: 'GET',
      path: '/:tenant/v2.0/.well-known/openid-configuration',
      key: 'entra.discovery',
      handle: openIdConfiguration,
    },
    {
      method: 'GET',
      path: '/:tenant/discovery/v2.0/keys',
      key: 'entra.discovery',
      handle: () => ({ status: 200, body: { keys: [publicJwkOf(signingKey.publicKey, signingKey.kid)] } }),
    },
    { method: 'POST', path: '/:tenant/oauth2/v2.0/token', key: 'entra.token', handle: token },
  ];
}
