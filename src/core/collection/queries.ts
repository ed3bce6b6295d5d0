/**
 * Okta System Log event types that can explain an Office 365 sign-in failure (domain reference
 * §1.2, §1.6): primary auth, rich clients, SSO, policy decisions, lockouts, MFA, blocks.
 */
export const RELEVANT_EVENT_TYPES = [
  'user.session.start',
  'user.authentication.auth_via_richclient',
  'user.authentication.sso',
  'policy.evaluate_sign_on',
  'application.policy.sign_on.deny_access',
  'user.authentication.auth_via_mfa',
  'user.mfa.okta_verify.deny_push',
  'user.account.lock',
  'user.account.lock.limit',
  'user.account.unlock',
  'user.account.unlock_by_admin',
  'security.request.blocked',
  'security.threat.detected',
] as const;

/**
 * An Okta filter string literal: a JSON string, so `"` and `\` are escaped and the value can
 * never close the literal early (values from users and logs are data, never filter syntax).
 */
export function oktaStringLiteral(value: string): string {
  return JSON.stringify(value);
}

/** How the System Log query finds the user's events. */
export type LogSelector =
  | { readonly kind: 'actor-id'; readonly oktaUserId: string }
  | { readonly kind: 'alternate-id'; readonly login: string }
  | { readonly kind: 'keyword'; readonly upn: string };

/**
 * How the collector looks a user up in the System Log, given what the Okta user lookup gave:
 * by the user's id when Okta knows them; by a keyword on the typed UPN when Okta answered "no
 * such user" (`null`: Okta logs failed attempts by unknown users under the name that was typed);
 * by login when the lookup itself failed (`undefined`), since the user may well exist.
 *
 * The console links call this with the bundle's `okta.user` (same meaning: `undefined` is "not
 * collected"), so the link opens exactly the query the collector ran.
 */
export function logSelectorFor(upn: string, user: { readonly id: string } | null | undefined): LogSelector {
  if (user === null) return { kind: 'keyword', upn };
  if (user === undefined) return { kind: 'alternate-id', login: upn };
  return { kind: 'actor-id', oktaUserId: user.id };
}

/**
 * The System Log query for a user: a `filter` on the actor restricted to the relevant event
 * types, or — for a login Okta does not know — a `q` keyword search on the UPN (Okta records
 * failed attempts under the name that was typed).
 */
export function systemLogQuery(selector: LogSelector): { readonly filter?: string; readonly q?: string } {
  const types = `(${RELEVANT_EVENT_TYPES.map((t) => `eventType eq ${oktaStringLiteral(t)}`).join(' or ')})`;
  switch (selector.kind) {
    case 'actor-id':
      return { filter: `actor.id eq ${oktaStringLiteral(selector.oktaUserId)} and ${types}` };
    case 'alternate-id':
      return { filter: `actor.alternateId eq ${oktaStringLiteral(selector.login)} and ${types}` };
    case 'keyword':
      return { q: selector.upn };
  }
}

/** An OData string literal: single-quoted, with `'` doubled (OData URL conventions). */
export function odataStringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** An OData DateTimeOffset literal (unquoted, whole seconds, UTC). */
export function odataDateTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

/** The Graph `$filter` for a user's sign-ins in a window. UPNs are stored lower-case. */
export function signInFilter(upn: string, since: string, until: string): string {
  return `userPrincipalName eq ${odataStringLiteral(upn.toLowerCase())} and createdDateTime ge ${odataDateTime(since)} and createdDateTime le ${odataDateTime(until)}`;
}

/** A Graph API version the sign-in collector can call (it tries beta, then falls back to v1.0). */
export type SignInApiVersion = 'beta' | 'v1.0';

/**
 * The version the sign-in collector asks first: only beta carries authenticationProtocol and
 * originalTransferMethod (device code), and only beta can include non-interactive sign-ins.
 */
export const PREFERRED_SIGN_IN_API_VERSION: SignInApiVersion = 'beta';

/** Beta filter clause selecting interactive and non-interactive user sign-ins. */
const ALL_USER_SIGN_INS = "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')";

/**
 * The `$filter` the collector sends to `/auditLogs/signIns` on a given version. Both versions
 * list interactive sign-ins only by default; on beta the collector adds non-interactive ones,
 * which is where a device's code polling (70016/70019) and token refreshes are logged.
 */
export function signInRequestFilter(filter: string, version: SignInApiVersion): string {
  return version === 'beta' ? `(${filter}) and ${ALL_USER_SIGN_INS}` : filter;
}

/**
 * Splits a window into consecutive slices of at most `maxSliceMs`, so a week of System Log can
 * be fetched as several bounded queries in parallel (each ends; together they cover the window).
 *
 * The slices are of equal length, and when there is more than one their number is a multiple of
 * `lanes` (how many run at once): 7 one-day slices on 4 lanes ran in two waves, the second with a
 * lane idle, so a week took as long as 2 days of log; 8 slices of 21 hours take as long as 42 hours.
 */
export function timeSlices(
  since: string,
  until: string,
  maxSliceMs: number,
  lanes = 1,
): readonly { readonly since: string; readonly until: string }[] {
  const start = Date.parse(since);
  const end = Date.parse(until);
  if (!(end > start)) return [];
  const needed = Math.ceil((end - start) / maxSliceMs);
  const count = needed > 1 ? Math.ceil(needed / Math.max(1, lanes)) * Math.max(1, lanes) : 1;
  const at = (i: number): string =>
    new Date(i === count ? end : start + Math.round(((end - start) * i) / count)).toISOString();
  return Array.from({ length: count }, (_, i) => ({ since: at(i), until: at(i + 1) }));
}
