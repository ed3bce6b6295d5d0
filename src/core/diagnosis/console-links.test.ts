import { describe, expect, it } from 'vitest';
import { logSelectorFor, signInFilter, signInRequestFilter, systemLogQuery } from '../collection/queries';
import type { EvidenceBundle } from '../evidence/bundle';
import { healthyBundle, OKTA_USER_ID } from '../test-support/fixtures';
import {
  consoleLinks,
  DEMO_TENANT_REASON,
  ENTRA_SIGN_IN_LOGS_URL,
  formUrlEncode,
  oktaAdminHost,
  OKTA_SERVICE_DOMAINS,
} from './console-links';

/** A bundle for `upn` in a fixed window, on the given Okta org, with the Okta user as collected. */
function bundleFor(
  upn: string,
  orgUrl: string,
  user: 'found' | 'not-found' | 'not-collected' = 'found',
): EvidenceBundle {
  return healthyBundle((b) => {
    b.subject = { upn, since: '2026-11-25T14:00:00+01:00', until: '2026-11-25T15:30:00.250Z' };
    const okta = { ...(b.okta ?? { orgUrl }), orgUrl };
    if (user === 'not-found') okta.user = null;
    if (user === 'not-collected') delete okta.user;
    b.okta = okta;
  });
}

describe('formUrlEncode', () => {
  it('encodes exactly as URLSearchParams does', () => {
    const params: [string, string][] = [
      ['search', `actor.alternateId eq "o'brien\\"x@contoso.com" and (a or b)`],
      ['q', "~!*'()-._ +&=?#/%é😀"],
    ];
    expect(formUrlEncode(params)).toBe(new URLSearchParams(params).toString());
  });
});

describe('oktaAdminHost', () => {
  it.each([
    ['https://acme.okta.com', 'acme-admin.okta.com'],
    ['https://acme.okta.com/', 'acme-admin.okta.com'],
    ['https://ACME.Okta.com:443/app/UserHome', 'acme-admin.okta.com'],
    ['https://acme.oktapreview.com', 'acme-admin.oktapreview.com'],
    ['https://acme.okta-emea.com', 'acme-admin.okta-emea.com'],
    ['https://acme.okta-gov.com', 'acme-admin.okta-gov.com'],
    ['https://acme.okta.mil', 'acme-admin.okta.mil'],
    ['https://acme.trexcloud.com', 'acme-admin.trexcloud.com'],
    ['https://dev-12345678.okta.com', 'dev-12345678-admin.okta.com'],
    // Already the admin host: kept.
    ['https://acme-admin.okta.com', 'acme-admin.okta.com'],
  ])('%s → %s', (orgUrl, host) => {
    expect(oktaAdminHost(orgUrl)).toEqual({ ok: true, value: host });
  });

  it('covers every Okta service domain', () => {
    for (const domain of OKTA_SERVICE_DOMAINS) {
      expect(oktaAdminHost(`https://org.${domain}`)).toEqual({ ok: true, value: `org-admin.${domain}` });
    }
  });

  it.each([
    ['https://127.0.0.1:50123', DEMO_TENANT_REASON],
    ['https://localhost:8443', DEMO_TENANT_REASON],
    ['https://[::1]:8443', DEMO_TENANT_REASON],
    ['https://login.contoso.com', 'custom domain: open Reports › System Log in your Okta admin console'],
    ['https://sso.fabrikam.co.uk/', 'custom domain: open Reports › System Log in your Okta admin console'],
    ['http://acme.okta.com', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
    ['https://a.b.okta.com', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
    ['https://okta.com', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
    ['https://acme.okta.com:8443', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
    ['https://user@acme.okta.com', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
    ['https://acme.okta.com.evil.example', 'custom domain: open Reports › System Log in your Okta admin console'],
    ['not a url', 'unrecognised Okta org URL: open Reports › System Log in your Okta admin console'],
  ])('%s has no derivable admin host', (orgUrl, reason) => {
    expect(oktaAdminHost(orgUrl)).toEqual({ ok: false, error: reason });
  });
});

describe('consoleLinks', () => {
  it('opens the Okta System Log with the collector’s own query and window', () => {
    const links = consoleLinks(bundleFor('Jane.Doe@contoso.com', 'https://contoso.okta.com'));
    const query = systemLogQuery({ kind: 'actor-id', oktaUserId: OKTA_USER_ID }).filter;
    expect(links.okta).toEqual({
      url: expect.any(String) as unknown,
      query,
      since: '2026-11-25T13:00:00.000Z',
      until: '2026-11-25T15:30:00.250Z',
    });
    const url = new URL(links.okta.url ?? '');
    expect(url.origin).toBe('https://contoso-admin.okta.com');
    expect(url.pathname).toBe('/report/system_log_2');
    expect([...url.searchParams]).toEqual([
      ['search', query],
      ['fromTime', '2026-11-25T13:00:00.000Z'],
      ['toTime', '2026-11-25T15:30:00.250Z'],
    ]);
  });

  it('uses the same selector as the collector when Okta did not know the user, or was not asked', () => {
    const upn = 'jane@contoso.com';
    const unknown = consoleLinks(bundleFor(upn, 'https://contoso.okta.com', 'not-found')).okta;
    expect(unknown.query).toBe(upn);
    expect(unknown.query).toBe(systemLogQuery(logSelectorFor(upn, null)).q);
    const notCollected = consoleLinks(bundleFor(upn, 'https://contoso.okta.com', 'not-collected')).okta;
    expect(notCollected.query).toBe(systemLogQuery({ kind: 'alternate-id', login: upn }).filter);
    expect(new URL(notCollected.url ?? '').searchParams.get('search')).toBe(notCollected.query);
  });

  it('keeps quotes in a UPN literal in every query and link', () => {
    const upn = `o'brien"x@contoso.com`;
    const links = consoleLinks(bundleFor(upn, 'https://contoso.okta.com', 'not-collected'));
    // Okta: a JSON string literal, the quote escaped; the URL carries it intact.
    expect(links.okta.query).toContain(`actor.alternateId eq "o'brien\\"x@contoso.com"`);
    expect(new URL(links.okta.url ?? '').searchParams.get('search')).toBe(links.okta.query);
    expect(links.okta.url).not.toMatch(/["' ]/);
    // Entra: an OData literal, the apostrophe doubled.
    expect(links.entra.filter).toBe(signInFilter(upn, '2026-11-25T13:00:00Z', '2026-11-25T15:30:00.250Z'));
    expect(links.entra.filter).toContain(`userPrincipalName eq 'o''brien"x@contoso.com'`);
    // Graph Explorer: the request, with the same filter, survives the round trip.
    const explorer = new URL(links.graphExplorer.url);
    expect(explorer.searchParams.get('request')).toBe(links.graphExplorer.request);
    expect(links.graphExplorer.url).not.toMatch(/["' ]/);
  });

  it('gives no Okta URL, but the query, for the demo tenant, a custom domain or no Okta at all', () => {
    const demo = consoleLinks(bundleFor('jane@contoso.com', 'https://127.0.0.1:50123')).okta;
    expect(demo).toMatchObject({ url: null, reason: DEMO_TENANT_REASON, since: '2026-11-25T13:00:00.000Z' });
    expect(demo.query).toContain(`actor.id eq "${OKTA_USER_ID}"`);
    const custom = consoleLinks(bundleFor('jane@contoso.com', 'https://login.contoso.com')).okta;
    expect(custom).toMatchObject({
      url: null,
      reason: 'custom domain: open Reports › System Log in your Okta admin console',
    });
    const entraOnly = consoleLinks(
      healthyBundle((b) => {
        delete b.okta;
      }),
    ).okta;
    expect(entraOnly.url).toBeNull();
    expect(entraOnly.reason).toMatch(/No Okta org/);
  });

  it('opens the Entra sign-in logs with the filter and how to set it', () => {
    const { entra } = consoleLinks(bundleFor('Jane.Doe@contoso.com', 'https://contoso.okta.com'));
    expect(entra.url).toBe(ENTRA_SIGN_IN_LOGS_URL);
    expect(entra.filter).toBe(
      "userPrincipalName eq 'jane.doe@contoso.com' and createdDateTime ge 2026-11-25T13:00:00Z and createdDateTime le 2026-11-25T15:30:00Z",
    );
    expect(entra.instruction).toContain('jane.doe@contoso.com');
    expect(entra.instruction).toContain('2026-11-25T13:00:00.000Z');
    expect(entra.instruction).toContain('User principal name');
  });

  it('opens Graph Explorer on the collector’s own beta request', () => {
    const { graphExplorer, entra } = consoleLinks(bundleFor('jane@contoso.com', 'https://contoso.okta.com'));
    expect(graphExplorer.request).toBe(`auditLogs/signIns?$filter=${signInRequestFilter(entra.filter, 'beta')}`);
    expect(graphExplorer.request).toContain("signInEventTypes/any(t: t eq 'interactiveUser'");
    const url = new URL(graphExplorer.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://developer.microsoft.com/en-us/graph/graph-explorer');
    expect([...url.searchParams]).toEqual([
      ['request', graphExplorer.request],
      ['method', 'GET'],
      ['version', 'beta'],
    ]);
    expect(graphExplorer.url).toBe(
      `https://developer.microsoft.com/en-us/graph/graph-explorer?${new URLSearchParams({ request: graphExplorer.request, method: 'GET', version: 'beta' }).toString()}`,
    );
  });
});
