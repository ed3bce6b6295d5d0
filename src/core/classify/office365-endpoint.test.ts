import { describe, expect, it } from 'vitest';
import {
  classifyOktaRequestUri,
  parseOffice365Endpoint,
  toRequestPath,
  type Office365EndpointRef,
  type OktaRequestKind,
} from './office365-endpoint';

const KEY = 'exk1a2b3c4D5e6F7g8h9';

describe('parseOffice365Endpoint', () => {
  const cases: readonly { name: string; uri: string | null | undefined; want: Office365EndpointRef | null }[] = [
    {
      name: 'requestUri of the active endpoint (domain reference §1.7a)',
      uri: `/app/office365/${KEY}/sso/wsfed/active`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'url field with the bare trailing "?"',
      uri: `/app/office365/${KEY}/sso/wsfed/active?`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'passive endpoint with its WS-Fed query string',
      uri: `/app/office365/${KEY}/sso/wsfed/passive?username=jdoe%40contoso.com&wa=wsignin1.0&wtrealm=urn:federation:MicrosoftOnline&wctx=`,
      want: { mode: 'wsfed-passive', appKey: KEY },
    },
    {
      name: 'full passiveSignInUri as seen in GetUserRealm (§2.2)',
      uri: 'https://match.okta.com/app/office365/exkeoydqsycke55hh356/sso/wsfed/passive?username=x&wa=wsignin1.0',
      want: { mode: 'wsfed-passive', appKey: 'exkeoydqsycke55hh356' },
    },
    {
      name: 'full active URL with a fragment',
      uri: `https://contoso.okta.com/app/office365/${KEY}/sso/wsfed/active#x`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'protocol-relative URL',
      uri: `//contoso.okta.com/app/office365/${KEY}/sso/wsfed/passive`,
      want: { mode: 'wsfed-passive', appKey: KEY },
    },
    {
      name: 'office365{appType} variant (GCC)',
      uri: `/app/office365_gcc/${KEY}/sso/wsfed/passive`,
      want: { mode: 'wsfed-passive', appKey: KEY },
    },
    {
      name: 'office365{appType} variant without separator',
      uri: `/app/office365gcchigh/${KEY}/sso/wsfed/active`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'upper-case path keeps the key case',
      uri: `/APP/OFFICE365/${KEY}/SSO/WSFED/ACTIVE`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'trailing slash',
      uri: `/app/office365/${KEY}/sso/wsfed/active/`,
      want: { mode: 'wsfed-active', appKey: KEY },
    },
    {
      name: 'surrounding whitespace',
      uri: `  /app/office365/${KEY}/sso/wsfed/passive  `,
      want: { mode: 'wsfed-passive', appKey: KEY },
    },
    {
      name: 'other WS-Fed path of the app',
      uri: `/app/office365/${KEY}/sso/wsfed/signout`,
      want: { mode: 'wsfed-other', appKey: KEY },
    },
    { name: 'bare /sso/wsfed', uri: `/app/office365/${KEY}/sso/wsfed`, want: { mode: 'wsfed-other', appKey: KEY } },
    { name: 'other app (template_wsfed)', uri: `/app/template_wsfed/${KEY}/sso/wsfed/passive`, want: null },
    { name: 'O365 app SAML path, not WS-Fed', uri: `/app/office365/${KEY}/sso/saml`, want: null },
    { name: 'deeper path under wsfed/active', uri: `/app/office365/${KEY}/sso/wsfed/active/extra`, want: null },
    { name: 'missing key', uri: '/app/office365//sso/wsfed/active', want: null },
    { name: 'key with illegal characters', uri: '/app/office365/exk$bad/sso/wsfed/active', want: null },
    {
      name: '"office365" only in the query string',
      uri: '/login/login.htm?fromURI=/app/office365/exk1/sso/wsfed/active',
      want: null,
    },
    { name: 'Okta sign-in API', uri: '/api/v1/authn', want: null },
    { name: 'relative text, not a path', uri: 'app/office365/exk1/sso/wsfed/active', want: null },
    { name: 'empty', uri: '', want: null },
    { name: 'null', uri: null, want: null },
    { name: 'undefined', uri: undefined, want: null },
  ];

  it.each(cases)('$name', ({ uri, want }) => {
    expect(parseOffice365Endpoint(uri)).toEqual(want);
  });
});

describe('classifyOktaRequestUri', () => {
  const cases: readonly { uri: string | null | undefined; want: OktaRequestKind }[] = [
    { uri: `/app/office365/${KEY}/sso/wsfed/active`, want: 'wsfed-active' },
    { uri: `/app/office365/${KEY}/sso/wsfed/active?`, want: 'wsfed-active' },
    { uri: `https://contoso.okta.com/app/office365/${KEY}/sso/wsfed/passive?wa=wsignin1.0`, want: 'wsfed-passive' },
    { uri: `/app/office365_gcc/${KEY}/sso/wsfed/passive`, want: 'wsfed-passive' },
    { uri: `/app/office365/${KEY}/sso/wsfed/signout`, want: 'other' },
    { uri: '/api/v1/authn', want: 'okta-sign-in' },
    { uri: '/api/v1/authn/factors/ost1/verify', want: 'okta-sign-in' },
    { uri: '/idp/idx/identify', want: 'okta-sign-in' },
    { uri: '/idp/idx/challenge/answer', want: 'okta-sign-in' },
    { uri: '/login/login.htm', want: 'okta-sign-in' },
    { uri: '/login/sessionCookieRedirect?token=x', want: 'okta-sign-in' },
    { uri: '/signin/verify/okta/push', want: 'okta-sign-in' },
    { uri: '/oauth2/v1/authorize?client_id=x', want: 'okta-sign-in' },
    { uri: '/oauth2/default/v1/token', want: 'okta-sign-in' },
    { uri: '/sso/idps/0oa1b2c3', want: 'okta-sign-in' },
    { uri: 'https://contoso.okta.com/idp/idx/identify', want: 'okta-sign-in' },
    { uri: '/api/v1/authnothing', want: 'other' },
    { uri: '/api/v1/users/me', want: 'other' },
    { uri: '/app/UserHome', want: 'other' },
    { uri: '/app/salesforce/exk1/sso/saml', want: 'other' },
    { uri: '/', want: 'other' },
    { uri: 'https://contoso.okta.com', want: 'other' },
    { uri: 'not a path', want: 'unknown' },
    { uri: '   ', want: 'unknown' },
    { uri: '', want: 'unknown' },
    { uri: null, want: 'unknown' },
    { uri: undefined, want: 'unknown' },
  ];

  it.each(cases)('$uri → $want', ({ uri, want }) => {
    expect(classifyOktaRequestUri(uri)).toBe(want);
  });
});

describe('toRequestPath', () => {
  const cases: readonly { uri: string | null; want: string | null }[] = [
    { uri: '/a/b?c=d#e', want: '/a/b' },
    { uri: 'https://x.okta.com/a/b?c', want: '/a/b' },
    { uri: 'HTTPS://X.OKTA.COM', want: '/' },
    { uri: '?only=query', want: null },
    { uri: 'relative/path', want: null },
    { uri: null, want: null },
  ];

  it.each(cases)('$uri → $want', ({ uri, want }) => {
    expect(toRequestPath(uri)).toBe(want);
  });
});
