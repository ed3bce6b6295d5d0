/*
 * Okta request-URI classification: which Okta endpoint a System Log event came through.
 *
 * The Office 365 app's WS-Fed endpoints are `/app/office365/{exk…}/sso/wsfed/active` (WS-Trust,
 * used by thick clients, Exchange Online relaying basic auth and Windows device registration) and
 * `/app/office365/{exk…}/sso/wsfed/passive` (browser WS-Fed). Okta's rate-limit tables write the
 * path as `/app/office365{appType}/{key}/…`, so the first segment may carry a suffix. See
 * docs/domain-reference.md §1.6 and §2.2.
 *
 * Events carry the path in `debugContext.debugData.requestUri` and, in `url`, the path plus query
 * (often with a bare trailing "?"). Callers may also pass a full https URL, e.g. Entra's
 * `federationConfiguration.passiveSignInUri`. Core is ES2023 only (no WHATWG `URL`), so the
 * scheme and host are stripped with a pattern.
 */

/**
 * Which Office 365 WS-Fed endpoint a request hit.
 *
 * `wsfed-other` is any other path under `/sso/wsfed` of the app (for example a bare
 * `/sso/wsfed`), kept apart so a caller never mistakes it for the active or passive endpoint.
 */
export type Office365Endpoint = 'wsfed-active' | 'wsfed-passive' | 'wsfed-other';

/**
 * An Office 365 WS-Fed endpoint and the app it belongs to.
 *
 * `appKey` is the app's external key (`exk…`), the value Entra's federation settings point at; it
 * keeps its case because Okta ids are case-sensitive.
 */
export interface Office365EndpointRef {
  /** Which WS-Fed endpoint of the app was used. */
  readonly mode: Office365Endpoint;
  /** The app's external key as written in the path, normally `exk` followed by 17 characters. */
  readonly appKey: string;
}

/**
 * Coarse kind of any Okta request URI.
 *
 * `okta-sign-in` covers Okta's own sign-in UI and APIs (Classic authn, OIE IdX, login pages,
 * OAuth, IdP routing); `other` is any other parseable path; `unknown` means there was no usable
 * URI at all (missing, blank, or not a path).
 */
export type OktaRequestKind = 'wsfed-active' | 'wsfed-passive' | 'okta-sign-in' | 'other' | 'unknown';

// "/app/office365…/{key}/sso/wsfed[/{mode}]". The first segment starts with "office365" to allow
// the "{appType}" variants (e.g. office365_gcc); keys are Okta ids, letters and digits only.
const OFFICE365_WSFED_PATH = /^\/app\/office365[^/]*\/([A-Za-z0-9]+)\/sso\/wsfed(?:\/([^/]*))?\/?$/i;

// Okta's own sign-in surfaces (domain reference §1.6 item 3, plus Classic's /signin/ pages and
// the OAuth and IdP-routing endpoints, which are also part of an interactive Okta sign-in).
const OKTA_SIGN_IN_PREFIXES: readonly string[] = [
  '/api/v1/authn',
  '/idp/idx/',
  '/login/',
  '/signin/',
  '/oauth2/',
  '/sso/idps/',
];

/**
 * Reduces a request URI or URL to its path: no scheme, host, query or fragment.
 *
 * Returns null when nothing path-like remains, so callers can report `unknown` rather than guess.
 */
export function toRequestPath(uri: string | null | undefined): string | null {
  if (uri === null || uri === undefined) return null;
  let rest = uri.trim();
  if (rest === '') return null;
  // Absolute ("https://org.okta.com/…") or protocol-relative ("//org.okta.com/…") URL: drop the authority.
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i.exec(rest);
  if (authority !== null) rest = rest.slice(authority[0].length);
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  if (rest === '') return authority !== null ? '/' : null;
  return rest.startsWith('/') ? rest : null;
}

/**
 * Parses an Okta `requestUri` / `url` (or a full URL) as an Office 365 WS-Fed endpoint.
 *
 * Accepts "/app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active?", the passive form with its
 * query string, full https URLs, and the "/app/office365{appType}/{key}/…" variants (a first
 * segment that starts with "office365", such as "office365_gcc"). Returns null for anything that
 * is not an Office 365 WS-Fed endpoint.
 */
export function parseOffice365Endpoint(uri: string | null | undefined): Office365EndpointRef | null {
  const path = toRequestPath(uri);
  if (path === null) return null;
  const match = OFFICE365_WSFED_PATH.exec(path);
  if (match === null) return null;
  const appKey = match[1];
  if (appKey === undefined) return null;
  const suffix = (match[2] ?? '').toLowerCase();
  const mode: Office365Endpoint =
    suffix === 'active' ? 'wsfed-active' : suffix === 'passive' ? 'wsfed-passive' : 'wsfed-other';
  return { mode, appKey };
}

/**
 * Classifies any Okta request URI by the kind of endpoint it names.
 *
 * O365 active and passive WS-Fed endpoints first; then Okta's own sign-in UI and APIs
 * ("/api/v1/authn", "/idp/idx/…", "/login/…", "/signin/…", "/oauth2/…", "/sso/idps/…"); any
 * other path is `other`, and a missing or unparseable URI is `unknown`. Other WS-Fed paths of the
 * O365 app are `other` because they are neither sign-in flow.
 */
export function classifyOktaRequestUri(uri: string | null | undefined): OktaRequestKind {
  const path = toRequestPath(uri);
  if (path === null) return 'unknown';
  const endpoint = parseOffice365Endpoint(path);
  if (endpoint !== null) {
    if (endpoint.mode === 'wsfed-active') return 'wsfed-active';
    if (endpoint.mode === 'wsfed-passive') return 'wsfed-passive';
    return 'other';
  }
  const lower = path.toLowerCase();
  // "/api/v1/authn" is matched as a whole segment so "/api/v1/authnothing" is not sign-in.
  const isSignIn = OKTA_SIGN_IN_PREFIXES.some((prefix) =>
    prefix.endsWith('/') ? lower.startsWith(prefix) : lower === prefix || lower.startsWith(`${prefix}/`),
  );
  return isSignIn ? 'okta-sign-in' : 'other';
}
