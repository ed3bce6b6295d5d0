import { describe, expect, it } from 'vitest';
import { ENTRA_USER_ID, UPN } from '../test-support/fixtures';
import type { RedactionContext, RedactionOptions, RedactionReport } from './options';
import { REDACTION_LEVELS } from './options';
import { redactText } from './redact-text';

const TENANT_ID = 'fcc78fc2-c520-4f63-a719-4a83d541c6db';
const DEVICE_ID = '3b1f7c2a-9d4e-4f6a-8b2c-5e7d9a1c3f40';
const SHARE = REDACTION_LEVELS.screenShare;
const NOTHING: RedactionReport = { otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 0 };

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: string;
  /** The non-zero counts; the rest must be 0. */
  readonly report?: Partial<RedactionReport>;
  readonly options?: RedactionOptions;
  readonly context?: RedactionContext;
}

const cases: readonly Case[] = [
  // --- people ---
  { name: 'the subject’s own UPN', text: `Okta has no user ${UPN}.`, expected: `Okta has no user ${UPN}.` },
  { name: 'the subject’s UPN in another case', text: 'login JDoe@Contoso.COM', expected: 'login JDoe@Contoso.COM' },
  {
    name: 'the subject’s URL-encoded UPN',
    text: '/api/v1/users/jdoe%40contoso.com',
    expected: '/api/v1/users/jdoe%40contoso.com',
  },
  {
    name: 'a subject alias from the context',
    text: 'Okta login jane.doe@contoso.com',
    expected: 'Okta login jane.doe@contoso.com',
    context: { subjectAliases: ['Jane.Doe@contoso.com'] },
  },
  {
    name: 'another user',
    text: 'unlocked by dana.whitfield@contoso.com',
    expected: 'unlocked by [other user 1]',
    report: { otherUsers: 1 },
  },
  {
    name: 'two other users and a repeat, numbered in order',
    text: 'a@contoso.com, B@fabrikam.com, then A@Contoso.com again',
    expected: '[other user 1], [other user 2], then [other user 1] again',
    report: { otherUsers: 2 },
  },
  {
    name: 'a URL-encoded other user',
    text: '/login/login.htm?username=dana.whitfield%40contoso.com&x=1',
    expected: '/login/login.htm?username=[other user 1]&x=1',
    report: { otherUsers: 1 },
  },
  {
    name: 'a display name before an address in angle brackets',
    text: 'From: Dana Whitfield <dana.whitfield@contoso.com> wrote',
    expected: 'From: [other user 1] wrote',
    report: { otherUsers: 1 },
  },
  {
    name: 'a quoted display name',
    text: 'owner "Dana Whitfield" <dana.whitfield@contoso.com>',
    expected: 'owner [other user 1]',
    report: { otherUsers: 1 },
  },
  {
    name: 'a display name before an address in parentheses',
    text: 'admin Dana Whitfield (dana.whitfield@contoso.com) unlocked',
    expected: 'admin [other user 1] unlocked',
    report: { otherUsers: 1 },
  },
  {
    name: 'a display name after an address',
    text: 'actor dana.whitfield@contoso.com (Dana Whitfield).',
    expected: 'actor [other user 1].',
    report: { otherUsers: 1 },
  },
  {
    name: 'a parenthesis that is not a name',
    text: 'scan-to-email@contoso.com (3rd floor)',
    expected: '[other user 1] (3rd floor)',
    report: { otherUsers: 1 },
  },
  {
    name: 'an apostrophe in a local part and quotes around an address',
    text: "'o'brien@contoso.com' and 'jdoe@contoso.com'",
    expected: "'[other user 1]' and 'jdoe@contoso.com'",
    report: { otherUsers: 1 },
  },
  {
    name: 'an address cut short by the label’s ellipsis',
    text: 'Unrecognised client (ScanCo-MFP/2.1 (dana.whitfield@conto…) and scan@contoso...',
    expected: 'Unrecognised client (ScanCo-MFP/2.1 ([other user 1]…) and [other user 2]...',
    report: { otherUsers: 2 },
  },
  {
    name: 'the subject next to a display name',
    text: 'Jane Doe <jdoe@contoso.com>',
    expected: 'Jane Doe <jdoe@contoso.com>',
  },
  {
    name: 'an @ that is not an address',
    text: '@contoso.com, user@localhost, @ 10 minutes, x@1.2',
    expected: '@contoso.com, user@localhost, @ 10 minutes, x@1.2',
  },
  // --- addresses ---
  {
    name: 'the same address twice and another',
    text: 'at 198.51.100.23 then 198.51.100.23 and 2001:db8::7',
    expected: 'at [IP address] then [IP address] and [IP address]',
    report: { ipAddresses: 2 },
  },
  // --- devices ---
  {
    name: 'a device id after its name',
    text: `deviceDetail.deviceId: ${DEVICE_ID}; sign-in ${ENTRA_USER_ID}`,
    expected: `deviceDetail.deviceId: [device id]; sign-in ${ENTRA_USER_ID}`,
    report: { deviceIds: 1 },
  },
  {
    name: 'a device id in JSON',
    text: `{"deviceId":"${DEVICE_ID}","id":"${ENTRA_USER_ID}"}`,
    expected: `{"deviceId":"[device id]","id":"${ENTRA_USER_ID}"}`,
    report: { deviceIds: 1 },
  },
  {
    name: 'a known device id without context',
    text: `seen ${DEVICE_ID.toUpperCase()}`,
    expected: 'seen [device id]',
    report: { deviceIds: 1 },
    context: { deviceIds: [DEVICE_ID] },
  },
  {
    name: 'an Okta device id',
    text: 'device guo4a5b6c7D8e9F0g1h2 enrolled',
    expected: 'device [device id] enrolled',
    report: { deviceIds: 1 },
  },
  {
    name: 'MAC addresses in three notations',
    text: 'macs 00:1B:63:84:45:E6, 00-1b-63-84-45-e7 and 001b.6384.45e8',
    expected: 'macs [device id], [device id] and [device id]',
    report: { deviceIds: 3 },
  },
  {
    name: 'a desk phone’s bare MAC in its user agent',
    text: 'Yealink SIP-T46S 66.86.0.15 805ec0123456',
    // The firmware stands alone like an address; with nothing to tell them apart, it is hidden too.
    expected: 'Yealink SIP-T46S [IP address] [device id]',
    report: { deviceIds: 1, ipAddresses: 1 },
  },
  {
    name: 'GUIDs without a device or tenant context',
    text: `event 7d1c5a8e-2b4f-4e6a-9c8d-0f1e2d3c4b5a, sign-in ${ENTRA_USER_ID}, app 00000002-0000-0ff1-ce00-000000000000`,
    expected: `event 7d1c5a8e-2b4f-4e6a-9c8d-0f1e2d3c4b5a, sign-in ${ENTRA_USER_ID}, app 00000002-0000-0ff1-ce00-000000000000`,
  },
  // --- tenants ---
  {
    name: 'a tenant id after its name',
    text: `Directory (tenant) ID: ${TENANT_ID}`,
    expected: 'Directory (tenant) ID: [tenant id]',
    report: { tenantIds: 1 },
  },
  {
    name: 'a tenant id in an AADSTS message',
    text: `AADSTS700016: Application with identifier 'abc' was not found in the directory '${TENANT_ID}'.`,
    expected: "AADSTS700016: Application with identifier 'abc' was not found in the directory '[tenant id]'.",
    report: { tenantIds: 1 },
  },
  {
    name: 'a tenant id in an authority URL',
    text: `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`,
    expected: 'https://login.microsoftonline.com/[tenant id]/oauth2/v2.0/token',
    report: { tenantIds: 1 },
  },
  {
    name: 'tenant ids in JSON keys',
    text: `{"homeTenantId":"${TENANT_ID}","resourceTenantId": "${TENANT_ID}"}`,
    expected: '{"homeTenantId":"[tenant id]","resourceTenantId": "[tenant id]"}',
    report: { tenantIds: 1 },
  },
  {
    name: 'a known tenant id without context',
    text: `id ${TENANT_ID}`,
    expected: 'id [tenant id]',
    report: { tenantIds: 1 },
    context: { tenantIds: [TENANT_ID] },
  },
  {
    name: 'an Okta org id',
    text: 'org 00o1a2b3c4D5e6F7g8h9; user 00u8ab12cdEFghIJ5d7x',
    expected: 'org [tenant id]; user 00u8ab12cdEFghIJ5d7x',
    report: { tenantIds: 1 },
  },
  // --- tokens, at every level ---
  {
    name: 'a token at level none',
    text: 'Authorization: SSWS 00abcdef from 198.51.100.23 by dana@contoso.com',
    expected: 'Authorization: SSWS [redacted] from 198.51.100.23 by dana@contoso.com',
    report: { tokens: 1 },
    options: REDACTION_LEVELS.none,
  },
  // --- one option at a time ---
  {
    name: 'only addresses',
    text: `dana@contoso.com at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    expected: `dana@contoso.com at [IP address] on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    report: { ipAddresses: 1 },
    options: { ...REDACTION_LEVELS.none, ipAddresses: true },
  },
  {
    name: 'only other users',
    text: `dana@contoso.com at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    expected: `[other user 1] at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    report: { otherUsers: 1 },
    options: { ...REDACTION_LEVELS.none, otherUsers: true },
  },
  {
    name: 'only device ids',
    text: `dana@contoso.com at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    expected: `dana@contoso.com at 10.0.0.1 on [device id] in tenant ${TENANT_ID}`,
    report: { deviceIds: 1 },
    options: { ...REDACTION_LEVELS.none, deviceIds: true },
  },
  {
    name: 'only tenant ids',
    text: `dana@contoso.com at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant ${TENANT_ID}`,
    expected: 'dana@contoso.com at 10.0.0.1 on 00:1b:63:84:45:e6 in tenant [tenant id]',
    report: { tenantIds: 1 },
    options: { ...REDACTION_LEVELS.none, tenantIds: true },
  },
  // --- what must never be touched ---
  {
    name: 'a verdict sentence with codes, times and versions',
    text: 'Entra blocked once (AADSTS53003) at 2026-11-25T14:50:00.000Z from Outlook 16.0.17928.20114 via /app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active.',
    expected:
      'Entra blocked once (AADSTS53003) at 2026-11-25T14:50:00.000Z from Outlook 16.0.17928.20114 via /app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active.',
  },
];

describe('redactText', () => {
  it.each(cases)('$name', ({ text, expected, report, options, context }) => {
    const result = redactText(text, UPN, options ?? SHARE, context);
    expect(result).toEqual({ text: expected, report: { ...NOTHING, ...report } });
  });

  it('gives the same answer every time', () => {
    const text = 'b@x.com a@x.com 10.0.0.1 SSWS abc';
    expect(redactText(text, UPN, SHARE)).toEqual(redactText(text, UPN, SHARE));
  });
});

describe('REDACTION_LEVELS', () => {
  it.each([
    ['none', { otherUsers: false, ipAddresses: false, deviceIds: false, tenantIds: false, tokens: true }],
    ['internal', { otherUsers: false, ipAddresses: false, deviceIds: false, tenantIds: false, tokens: true }],
    ['external', { otherUsers: true, ipAddresses: true, deviceIds: true, tenantIds: true, tokens: true }],
    ['screenShare', { otherUsers: true, ipAddresses: true, deviceIds: true, tenantIds: true, tokens: true }],
  ] as const)('%s hides what it documents', (level, options) => {
    expect(REDACTION_LEVELS[level]).toEqual(options);
    expect(Object.isFrozen(REDACTION_LEVELS[level])).toBe(true);
  });
});
