import type { Result } from '../../shared/result';
import {
  logSelectorFor,
  PREFERRED_SIGN_IN_API_VERSION,
  signInFilter,
  signInRequestFilter,
  systemLogQuery,
} from '../collection/queries';
import type { EvidenceBundle } from '../evidence/bundle';

/**
 * Okta's service domains. An org at `{org}.{domain}` has its admin console at
 * `{org}-admin.{domain}`; main's external-link allow-list names the same domains.
 */
export const OKTA_SERVICE_DOMAINS = [
  'okta.com',
  'oktapreview.com',
  'okta-emea.com',
  'okta-gov.com',
  'okta.mil',
  'trexcloud.com',
] as const;

/**
 * The Entra admin center's sign-in logs blade. Microsoft documents no deep link that carries a
 * filter, so the link opens the blade and the filter travels as text beside it.
 */
export const ENTRA_SIGN_IN_LOGS_URL = 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SignInLogsList.ReactView';

/** Graph Explorer, which opens a request given in its query string. */
export const GRAPH_EXPLORER_URL = 'https://developer.microsoft.com/en-us/graph/graph-explorer';

/** Why the demo tenant's System Log cannot be opened in a browser. */
export const DEMO_TENANT_REASON = 'The demo tenant has no admin console';

/** The System Log query the collector ran, and the admin-console page that runs it when there is one. */
export interface OktaSystemLogLink {
  /** The admin console's System Log with the query and window filled in; null when the host is not known. */
  readonly url: string | null;
  /** Why there is no URL, and what to do instead. */
  readonly reason?: string;
  /** The filter expression (or keyword) to paste into the System Log search. */
  readonly query: string;
  /** The window, ISO 8601 UTC. */
  readonly since: string;
  readonly until: string;
}

/** The Entra sign-in logs blade, with the filter the collector used to paste or copy. */
export interface EntraSignInLogsLink {
  readonly url: string;
  /** The exact OData `$filter` the collector sent (before the beta-only sign-in-type clause). */
  readonly filter: string;
  /** How to set the same filter in the portal by hand. */
  readonly instruction: string;
}

/** Graph Explorer with the collector's own request. */
export interface GraphExplorerLink {
  readonly url: string;
  /** The request as Graph Explorer shows it: path and query, relative to the version. */
  readonly request: string;
}

/** "Open the same query" in each console, for a diagnosis's subject and window. */
export interface ConsoleLinks {
  readonly okta: OktaSystemLogLink;
  readonly entra: EntraSignInLogsLink;
  readonly graphExplorer: GraphExplorerLink;
}

/**
 * `application/x-www-form-urlencoded` serialisation, as `URLSearchParams` writes it (space as
 * `+`; only `*-._` and alphanumerics left bare). The pure core has no URL classes.
 */
export function formUrlEncode(params: readonly (readonly [string, string])[]): string {
  const encode = (value: string): string =>
    encodeURIComponent(value)
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replaceAll('%20', '+');
  return params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The Okta admin console's host for an org URL: `acme.okta.com` → `acme-admin.okta.com` (and
 * the same on Okta's other service domains). An error names why there is none: the demo tenant
 * on loopback, a custom domain (whose admin console host cannot be derived from it), or
 * something that is not an Okta org URL.
 */
export function oktaAdminHost(orgUrl: string): Result<string, string> {
  const elsewhere = (what: string): Result<string, string> => ({
    ok: false,
    error: `${what}: open Reports › System Log in your Okta admin console`,
  });
  const authority = /^https:\/\/([^/?#]+)(?:[/?#]|$)/i.exec(orgUrl.trim())?.[1]?.toLowerCase();
  if (authority === undefined || authority.includes('@')) return elsewhere('unrecognised Okta org URL');
  const portAt = authority.lastIndexOf(':');
  const host = portAt > authority.lastIndexOf(']') ? authority.slice(0, portAt) : authority;
  const port = host === authority ? '' : authority.slice(portAt + 1);
  if (LOOPBACK.test(host)) return { ok: false, error: DEMO_TENANT_REASON };
  if (port !== '' && port !== '443') return elsewhere('unrecognised Okta org URL');
  const domain = OKTA_SERVICE_DOMAINS.find((d) => host.endsWith(`.${d}`));
  if (domain === undefined) {
    // Okta's own website is no org; any other well-formed name is an org's custom domain.
    if ((OKTA_SERVICE_DOMAINS as readonly string[]).includes(host)) return elsewhere('unrecognised Okta org URL');
    const labels = host.split('.');
    return labels.length > 1 && labels.every((l) => HOST_LABEL.test(l))
      ? elsewhere('custom domain')
      : elsewhere('unrecognised Okta org URL');
  }
  const org = host.slice(0, -domain.length - 1);
  // One label only: `a.b.okta.com` is no org of Okta's.
  if (!HOST_LABEL.test(org)) return elsewhere('unrecognised Okta org URL');
  return { ok: true, value: org.endsWith('-admin') ? host : `${org}-admin.${domain}` };
}

/** An instant as ISO 8601 UTC with milliseconds, the form both consoles accept. */
const iso = (instant: string): string => new Date(instant).toISOString();

function oktaLink(bundle: EvidenceBundle): OktaSystemLogLink {
  const { upn } = bundle.subject;
  // The same selector and query the collector used (by id, by login, or by keyword).
  const query = systemLogQuery(logSelectorFor(upn, bundle.okta?.user));
  const search = query.filter ?? query.q ?? upn;
  const since = iso(bundle.subject.since);
  const until = iso(bundle.subject.until);
  const orgUrl = bundle.okta?.orgUrl;
  if (orgUrl === undefined) {
    return { url: null, reason: 'No Okta org was queried for this diagnosis', query: search, since, until };
  }
  const host = oktaAdminHost(orgUrl);
  if (!host.ok) return { url: null, reason: host.error, query: search, since, until };
  const params = formUrlEncode([
    ['search', search],
    ['fromTime', since],
    ['toTime', until],
  ]);
  return { url: `https://${host.value}/report/system_log_2?${params}`, query: search, since, until };
}

/**
 * Links that open the collector's own queries in the consoles: the Okta System Log, the Entra
 * sign-in logs and Graph Explorer. Everything a link carries is also given as text, because two
 * of the three cannot always be opened with the query in place (custom domains, the Entra blade).
 */
export function consoleLinks(bundle: EvidenceBundle): ConsoleLinks {
  const { upn, since, until } = bundle.subject;
  const filter = signInFilter(upn, since, until);
  // The collector asks beta first (with non-interactive sign-ins); Graph Explorer runs the same.
  const version = PREFERRED_SIGN_IN_API_VERSION;
  const request = `auditLogs/signIns?$filter=${signInRequestFilter(filter, version)}`;
  return {
    okta: oktaLink(bundle),
    entra: {
      url: ENTRA_SIGN_IN_LOGS_URL,
      filter,
      instruction: `In Sign-in logs, set Date to a custom time range from ${iso(since)} to ${iso(until)} (UTC), add the filter "User principal name" with ${upn.toLowerCase()}, and look at both the interactive and the non-interactive user sign-ins.`,
    },
    graphExplorer: {
      url: `${GRAPH_EXPLORER_URL}?${formUrlEncode([
        ['request', request],
        ['method', 'GET'],
        ['version', version],
      ])}`,
      request,
    },
  };
}
