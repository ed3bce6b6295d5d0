import type { KeyObject } from 'node:crypto';
import type { GraphSignIn } from '../../../core/evidence/vendor-types';
import { verifyJwt } from '../crypto/jwt';
import { GRAPH_AUDIENCE } from '../entra/entra-service';
import { matchesODataFilter, ODataQueryError, parseODataFilter } from '../query/odata-filter';
import type { ODataFilter } from '../query/odata-filter';
import type { Route, RouteRequest, RouteResponse } from '../server/http';
import type { VendorErrors } from '../server/service-host';
import type { DemoTenantState } from '../tenant-state';

/** Graph's error envelope: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(
  status: number,
  code: string,
  message: string,
  req: { readonly requestId: string; readonly clientRequestId?: string },
  headers?: Readonly<Record<string, string>>,
): RouteResponse {
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId ?? req.requestId,
        },
      },
    },
    ...(headers === undefined ? {} : { headers }),
  };
}

/** Graph's wording for unknown routes and injected faults; throttling carries Retry-After. */
export const GRAPH_ERRORS: VendorErrors = {
  notFound: (id) => graphError(400, 'BadRequest', 'Resource not found for the segment.', { requestId: id }),
  methodNotAllowed: (id) =>
    graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', {
      requestId: id,
    }),
  rateLimited: (id) =>
    graphError(429, 'TooManyRequests', 'Too many requests.', { requestId: id }, { 'Retry-After': '1' }),
  serverError: (id) =>
    graphError(
      503,
      'ServiceUnavailable',
      'The service is temporarily unavailable.',
      { requestId: id },
      { 'Retry-After': '1' },
    ),
  // Graph's answer to a token past its expiry, whatever the client was told.
  expiredToken: (id) =>
    graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', {
      requestId: id,
    }),
};

/** Properties of a user returned when no $select is given (Graph v1.0 default set). */
const USER_DEFAULT = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Properties a $select may name (a subset of microsoft.graph.user that the simulator knows). */
const USER_SELECTABLE = new Set<string>([
  ...USER_DEFAULT,
  'accountEnabled',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
  'onPremisesSamAccountName',
  'onPremisesUserPrincipalName',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'userType',
  'createdDateTime',
  'usageLocation',
]);

/** Fields that exist only in the beta signIn resource. */
const BETA_ONLY_SIGNIN = [
  'authenticationProtocol',
  'originalTransferMethod',
  'signInEventTypes',
  'incomingTokenType',
  'authenticationRequirementPolicies',
] as const;

const VERSIONS = new Set(['v1.0', 'beta']);

function encodeSkip(offset: number): string {
  return Buffer.from(`o:${String(offset)}`).toString('base64url');
}

function decodeSkip(token: string | null): number | null {
  if (token === null) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** A parsed query option, or the 400 to answer. */
type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: RouteResponse };

/** Keeps the selected properties; Graph returns null for a selected property the object lacks. */
function project(record: object, fields: readonly string[]): Record<string, unknown> {
  const source = record as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = f in source ? source[f] : null;
  return out;
}

/**
 * The Microsoft Graph routes of the simulator: users, sign-in logs (v1.0 and beta), domains and
 * their federation configuration, with Graph's authorization (application roles in the JWT),
 * OData query options and error envelope.
 */
export function graphRoutes(state: DemoTenantState, tokenKey: KeyObject, baseUrl: () => string): Route[] {
  const usersByKey = new Map<string, DemoTenantState['graph']['users'][number]>();
  for (const user of state.graph.users) {
    usersByKey.set(user.id.toLowerCase(), user);
    if (user.userPrincipalName !== undefined) usersByKey.set(user.userPrincipalName.toLowerCase(), user);
  }
  /** A per-user source fault when the request singles out a faulted user (see DemoTenantState.faults). */
  const faultFor = (source: 'graph.user' | 'graph.signIns', req: RouteRequest, text: string): RouteResponse | null => {
    const lower = text.toLowerCase();
    for (const fault of state.faults ?? []) {
      if (fault.source !== source) continue;
      const user = usersByKey.get(fault.upn);
      if (lower.includes(fault.upn) || (user !== undefined && lower.includes(user.id.toLowerCase()))) {
        return graphError(fault.status, fault.code, fault.message, ctxOf(req));
      }
    }
    return null;
  };

  // Newest first, as Graph returns sign-ins.
  const signInsNewestFirst = [...state.graph.signIns].reverse();

  const ctxOf = (req: RouteRequest) => ({
    requestId: req.requestId,
    ...(typeof req.headers['client-request-id'] === 'string'
      ? { clientRequestId: req.headers['client-request-id'] }
      : {}),
  });

  /** Checks the bearer token and that it carries one of the roles; null when allowed. */
  const authorize = (req: RouteRequest, roles: readonly string[]): RouteResponse | null => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (token === '')
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', ctxOf(req), {
        'WWW-Authenticate': 'Bearer realm=""',
      });
    const verified = verifyJwt(token, {
      publicKeys: [tokenKey],
      audience: [GRAPH_AUDIENCE, `${GRAPH_AUDIENCE}/`],
      requireClaims: ['exp', 'tid'],
    });
    if (!verified.ok) {
      const expired = /exp/i.test(verified.reason);
      return graphError(
        401,
        'InvalidAuthenticationToken',
        expired
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token validation failure. Invalid audience or signature.',
        ctxOf(req),
      );
    }
    const granted = Array.isArray(verified.claims.roles) ? (verified.claims.roles as unknown[]) : [];
    if (!roles.some((r) => granted.includes(r) || granted.includes('Directory.Read.All'))) {
      return graphError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
        ctxOf(req),
      );
    }
    return null;
  };

  const badVersion = (req: RouteRequest): RouteResponse | null =>
    VERSIONS.has(req.params.version ?? '')
      ? null
      : graphError(400, 'BadRequest', `Invalid version: ${req.params.version ?? ''}`, ctxOf(req));

  const parseFilter = (req: RouteRequest): Parsed<ODataFilter | null> => {
    const text = req.url.searchParams.get('$filter');
    if (text === null || text === '') return { ok: true, value: null };
    try {
      return { ok: true, value: parseODataFilter(text) };
    } catch (error: unknown) {
      if (error instanceof ODataQueryError)
        return { ok: false, response: graphError(400, error.code, error.message, ctxOf(req)) };
      throw error;
    }
  };

  const selectFields = (req: RouteRequest): Parsed<readonly string[]> => {
    const select = req.url.searchParams.get('$select');
    if (select === null || select === '') return { ok: true, value: USER_DEFAULT };
    const fields = select
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    const unknown = fields.find((f) => !USER_SELECTABLE.has(f));
    if (unknown !== undefined) {
      return {
        ok: false,
        response: graphError(
          400,
          'BadRequest',
          `Parsing OData Select and Expand failed: Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
          ctxOf(req),
        ),
      };
    }
    return { ok: true, value: fields };
  };

  const getUser = (req: RouteRequest, key: string): RouteResponse => {
    const denied = badVersion(req) ?? authorize(req, ['User.Read.All', 'User.ReadBasic.All']);
    if (denied !== null) return denied;
    const fields = selectFields(req);
    if (!fields.ok) return fields.response;
    const user = usersByKey.get(key.toLowerCase());
    const faulted = faultFor('graph.user', req, `${key} ${user?.userPrincipalName ?? ''}`);
    if (faulted !== null) return faulted;
    if (user === undefined)
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
        ctxOf(req),
      );
    const context = `${baseUrl()}/${req.params.version ?? 'v1.0'}/$metadata#users(${fields.value.join(',')})/$entity`;
    return { status: 200, body: { '@odata.context': context, ...project(user, fields.value) } };
  };

  const page = <T>(
    req: RouteRequest,
    items: readonly T[],
    maxTop: number,
    defaultTop: number,
    map: (item: T) => unknown,
  ): RouteResponse => {
    const topText = req.url.searchParams.get('$top');
    const top = topText === null ? defaultTop : Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > maxTop)
      return graphError(
        400,
        'BadRequest',
        `Invalid page size specified: '${topText ?? ''}'. Must be between 1 and ${String(maxTop)} inclusive.`,
        ctxOf(req),
      );
    const offset = decodeSkip(req.url.searchParams.get('$skiptoken'));
    if (offset === null) return graphError(400, 'BadRequest', 'Invalid $skiptoken.', ctxOf(req));
    const slice = items.slice(offset, offset + top);
    const body: Record<string, unknown> = { value: slice.map(map) };
    if (offset + slice.length < items.length) {
      const next = new URL(`${baseUrl()}${req.url.pathname}`);
      for (const [k, v] of req.url.searchParams) if (k !== '$skiptoken') next.searchParams.set(k, v);
      next.searchParams.set('$skiptoken', encodeSkip(offset + slice.length));
      body['@odata.nextLink'] = next.toString();
    }
    return { status: 200, body };
  };

  const listUsers = (req: RouteRequest): RouteResponse => {
    const denied = badVersion(req) ?? authorize(req, ['User.Read.All', 'User.ReadBasic.All']);
    if (denied !== null) return denied;
    const fields = selectFields(req);
    if (!fields.ok) return fields.response;
    const filter = parseFilter(req);
    if (!filter.ok) return filter.response;
    const predicate = filter.value;
    const users =
      predicate === null ? state.graph.users : state.graph.users.filter((u) => matchesODataFilter(predicate, u));
    return page(req, users, 999, 100, (u) => project(u, fields.value));
  };

  const listSignIns = (req: RouteRequest): RouteResponse => {
    const denied = badVersion(req) ?? authorize(req, ['AuditLog.Read.All']);
    if (denied !== null) return denied;
    if (!state.entra.hasP1) {
      return graphError(
        403,
        'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
        "Neither tenant is B2C or tenant doesn't have premium license",
        ctxOf(req),
      );
    }
    const beta = req.params.version === 'beta';
    const filterText = req.url.searchParams.get('$filter') ?? '';
    if (!beta && /signInEventTypes/i.test(filterText)) {
      return graphError(
        400,
        'BadRequest',
        "Could not find a property named 'signInEventTypes' on type 'microsoft.graph.signIn'.",
        ctxOf(req),
      );
    }
    const faulted = faultFor('graph.signIns', req, filterText);
    if (faulted !== null) return faulted;
    const filter = parseFilter(req);
    if (!filter.ok) return filter.response;
    const predicate = filter.value;
    // Both versions list interactive sign-ins unless the (beta) filter asks for other types.
    const interactiveOnly = !/signInEventTypes/i.test(filterText);
    const matching = signInsNewestFirst.filter(
      (s) =>
        (!interactiveOnly || s.isInteractive !== false) && (predicate === null || matchesODataFilter(predicate, s)),
    );
    const strip = (s: GraphSignIn): unknown => {
      if (beta) return s;
      const betaOnly: ReadonlySet<string> = new Set(BETA_ONLY_SIGNIN);
      return Object.fromEntries(Object.entries(s).filter(([key]) => !betaOnly.has(key)));
    };
    return page(req, matching, 1000, 1000, strip);
  };

  const domainRoute =
    (withFederation: boolean) =>
    (req: RouteRequest): RouteResponse => {
      const denied = badVersion(req) ?? authorize(req, ['Domain.Read.All']);
      if (denied !== null) return denied;
      const domain = state.graph.domains.find((d) => d.id.toLowerCase() === (req.params.domain ?? '').toLowerCase());
      if (domain === undefined)
        return graphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${req.params.domain ?? ''}' does not exist or one of its queried reference-property objects are not present.`,
          ctxOf(req),
        );
      if (!withFederation) return { status: 200, body: domain };
      const federation = state.graph.federation[domain.id] ?? [];
      return {
        status: 200,
        body: {
          '@odata.context': `${baseUrl()}/${req.params.version ?? 'v1.0'}/$metadata#domains('${domain.id}')/federationConfiguration`,
          value: federation,
        },
      };
    };

  return [
    { method: 'GET', path: '/:version/users', key: 'graph.users', handle: listUsers },
    {
      method: 'GET',
      path: '/:version/users/:key',
      key: 'graph.users',
      handle: (req) => getUser(req, req.params.key ?? ''),
    },
    { method: 'GET', path: '/:version/auditLogs/signIns', key: 'graph.signIns', handle: listSignIns },
    {
      method: 'GET',
      path: '/:version/domains/:domain/federationConfiguration',
      key: 'graph.domains',
      handle: domainRoute(true),
    },
    { method: 'GET', path: '/:version/domains/:domain', key: 'graph.domains', handle: domainRoute(false) },
    {
      // /users('$odd@contoso.com'): the key form Graph requires for UPNs starting with '$'.
      method: 'GET',
      path: '/:version/:segment',
      key: 'graph.users',
      handle: (req) => {
        const m = /^users\('(.+)'\)$/.exec(req.params.segment ?? '');
        if (m?.[1] === undefined)
          return graphError(
            400,
            'BadRequest',
            `Resource not found for the segment '${req.params.segment ?? ''}'.`,
            ctxOf(req),
          );
        return getUser(req, m[1].replaceAll("''", "'"));
      },
    },
  ];
}
