import type { RouteResponse } from '../server/http';
import type { VendorErrors } from '../server/service-host';

/**
 * An Okta error response: `{ errorCode, errorSummary, errorLink, errorId, errorCauses }`, the
 * shape the Okta SDK turns into an OktaApiError.
 */
export function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  requestId: string,
  causes: readonly string[] = [],
  headers?: Readonly<Record<string, string>>,
): RouteResponse {
  return {
    status,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${requestId.slice(0, 19)}`,
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    },
    ...(headers === undefined ? {} : { headers }),
  };
}

/** Okta's own wording for the errors the simulator answers with. */
export const OKTA_ERRORS: VendorErrors = {
  notFound: (id) => oktaError(404, 'E0000007', 'Not found: Resource not found: the requested path', id),
  methodNotAllowed: (id) => oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method', id),
  rateLimited: (id) => oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', id),
  serverError: (id) => oktaError(503, 'E0000009', 'Internal Server Error', id),
  // What Okta answers for an OAuth access token past its (server-side) expiry.
  expiredToken: (id) =>
    oktaError(401, 'E0000011', 'Invalid token provided', id, [], {
      'WWW-Authenticate':
        'Bearer authorization_uri="", realm="", scope="", error="invalid_token", error_description="The token has expired.", resource="/api/v1"',
    }),
};

/** 401 for a missing or unknown token (E0000011). */
export function invalidToken(requestId: string): RouteResponse {
  return oktaError(401, 'E0000011', 'Invalid token provided', requestId, [], { 'WWW-Authenticate': 'SSWS' });
}

/** 403 for an OAuth token without the scope a route needs (E0000006). */
export function insufficientScope(requestId: string, scope: string): RouteResponse {
  return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', requestId, [], {
    'WWW-Authenticate': `Bearer authorization_uri="", realm="", scope="${scope}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1"`,
  });
}

/** 404 for a resource that does not exist (E0000007). */
export function notFound(requestId: string, what: string): RouteResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${what}`, requestId);
}

/** 400 for a bad query parameter (E0000001). */
export function badRequest(requestId: string, cause: string): RouteResponse {
  return oktaError(400, 'E0000001', 'Api validation failed: ' + cause, requestId, [cause]);
}
