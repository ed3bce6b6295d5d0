import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { verifyJwt } from '../crypto/jwt';
import type { RouteRequest, RouteResponse } from '../server/http';
import { insufficientScope, invalidToken } from './okta-errors';

/** An Okta OAuth service app: its public keys and the scopes it was granted. */
export interface OktaOAuthClient {
  readonly clientId: string;
  readonly publicKeys: readonly KeyObject[];
  readonly scopes: readonly string[];
}

/** Who may call the simulated Okta org. */
export interface OktaAuthConfig {
  /** SSWS API tokens; an API token acts with its admin's (read-only here) rights: every scope. */
  readonly apiTokens: readonly string[];
  readonly oauthClients: readonly OktaOAuthClient[];
}

interface IssuedToken {
  readonly scopes: ReadonlySet<string>;
  readonly expiresAt: number;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Okta authentication: SSWS API tokens, and OAuth 2.0 client credentials with a private-key
 * JWT assertion (`/oauth2/v1/token`), issuing opaque access tokens with the granted scopes.
 */
export class OktaAuth {
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly config: OktaAuthConfig,
    private readonly orgUrl: () => string,
    private readonly tokenLifetimeSeconds: number,
  ) {}

  /** POST /oauth2/v1/token. */
  token(req: RouteRequest): RouteResponse {
    const form = new URLSearchParams(req.body);
    const fail = (status: number, error: string, description: string): RouteResponse => ({
      status,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'client_credentials')
      return fail(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].',
      );
    if (form.get('client_assertion_type') !== ASSERTION_TYPE)
      return fail(401, 'invalid_client', 'The client_assertion_type is invalid.');
    const assertion = form.get('client_assertion') ?? '';
    const audience = `${this.orgUrl()}/oauth2/v1/token`;
    const client = this.config.oauthClients.find((c) => {
      const result = verifyJwt(assertion, {
        publicKeys: c.publicKeys,
        audience,
        issuer: c.clientId,
        requireClaims: ['sub', 'exp'],
        // Authorization servers tolerate clock skew between client and server.
        clockToleranceSeconds: 300,
      });
      return result.ok && result.claims.sub === c.clientId;
    });
    if (client === undefined) return fail(401, 'invalid_client', 'The client_assertion signature is invalid.');
    const requested = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
    const refused = requested.filter((s) => !client.scopes.includes(s));
    if (requested.length === 0 || refused.length > 0) {
      return fail(
        400,
        'invalid_scope',
        `The following scopes are not allowed: ${refused.join(' ') || '(none requested)'}`,
      );
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.#tokens.set(accessToken, {
      scopes: new Set(requested),
      expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000,
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
        access_token: accessToken,
        scope: requested.join(' '),
      },
    };
  }

  /**
   * Checks a request's credential for a scope: null when allowed, else Okta's 401 or 403.
   * An expired token answers 401, which makes the SDK fetch a new one and retry once.
   */
  authorize(req: RouteRequest, scope: string): RouteResponse | null {
    const header = req.headers.authorization ?? '';
    const [scheme, value] = header.split(/\s+/, 2);
    if (scheme === 'SSWS' && value !== undefined && this.config.apiTokens.includes(value)) return null;
    if ((scheme === 'Bearer' || scheme === 'DPoP') && value !== undefined) {
      const token = this.#tokens.get(value);
      if (token === undefined || token.expiresAt <= Date.now()) return invalidToken(req.requestId);
      return token.scopes.has(scope) ? null : insufficientScope(req.requestId, scope);
    }
    return invalidToken(req.requestId);
  }
}
