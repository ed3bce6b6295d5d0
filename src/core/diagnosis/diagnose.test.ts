import { describe, expect, it } from 'vitest';
import type { EvidenceBundle } from '../evidence/bundle';
import { parseEvidenceBundle } from '../evidence/bundle';
import { CERT_OTHER, CERT_SHORT_LIVED } from '../test-support/certificates';
import {
  addEvents,
  addSignIns,
  APP_ID,
  browserSso,
  healthyBundle,
  legacyDeny,
  oktaEvent,
  passiveDeny,
  richClientFailure,
  signIn,
  UA,
} from '../test-support/fixtures';
import { diagnose } from './diagnose';
import type { VerdictCode } from './verdicts';
import { VERDICT_CODES } from './verdicts';

/** A case that must produce `code`: as the primary, or (informational) as a finding. */
interface Yields {
  readonly name: string;
  readonly code: VerdictCode;
  readonly bundle: EvidenceBundle;
  readonly informational?: true;
}

/** A near miss: looks like `code` but must not produce it. */
interface NearMiss {
  readonly name: string;
  readonly not: VerdictCode;
  readonly bundle: EvidenceBundle;
  /** What the primary should be instead, when it matters. */
  readonly primary?: VerdictCode;
}

const deviceCodeBlock = (protocol: string | undefined, policy: string) =>
  signIn({
    minute: 50,
    code: 53003,
    app: 'Microsoft Teams',
    ...(protocol ? { protocol } : {}),
    caPolicies: [{ displayName: policy, result: 'failure' }],
  });

const yields: readonly Yields[] = [
  {
    name: 'an O365 rule denies Outlook on the active endpoint',
    code: 'LEGACY_AUTH_BLOCKED',
    bundle: healthyBundle((b) => addEvents(b, ...legacyDeny(40), ...legacyDeny(55)), 'outlook-desktop'),
  },
  {
    name: 'Outlook replays an old password three times',
    code: 'LEGACY_AUTH_STALE_PASSWORD',
    bundle: healthyBundle(
      (b) => addEvents(b, richClientFailure(10), richClientFailure(20), richClientFailure(30)),
      'outlook-desktop',
    ),
  },
  {
    name: 'a mail app leaves no trace on either side',
    code: 'LEGACY_CLIENT_NO_TRACE',
    bundle: healthyBundle(undefined, 'mail-app'),
  },
  {
    name: 'the Okta app user has no immutableId',
    code: 'IMMUTABLEID_MISSING_IN_OKTA',
    bundle: healthyBundle((b) => {
      b.okta = { ...b.okta!, appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: '' } } } };
    }),
  },
  {
    name: 'the Entra user has onPremisesImmutableId null',
    code: 'IMMUTABLEID_MISSING_IN_ENTRA',
    bundle: healthyBundle((b) => {
      b.graph = { ...b.graph!, user: { id: 'e', accountEnabled: true, onPremisesImmutableId: null } };
      addSignIns(b, signIn({ minute: 40, code: 51004 }));
    }),
  },
  {
    name: 'Okta sends its 00u fallback id while Entra holds a GUID',
    code: 'IMMUTABLEID_MISMATCH',
    bundle: healthyBundle((b) => {
      b.okta = { ...b.okta!, appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: '00u8ab12cdEFghIJ5d7x' } } } };
      addSignIns(b, signIn({ minute: 40, code: 51004 }));
    }),
  },
  {
    name: 'Okta sends the big-endian base64 of the same GUID',
    code: 'IMMUTABLEID_ENCODING_MISMATCH',
    bundle: healthyBundle((b) => {
      b.okta = {
        ...b.okta!,
        appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: 'dIsthixMT42LThoc5MnQ5Q==' } } },
      };
    }),
  },
  {
    name: 'Entra says the assertion lacks the ImmutableID',
    code: 'IMMUTABLEID_NOT_SENT',
    bundle: healthyBundle((b) => addSignIns(b, signIn({ minute: 40, code: 90020 }))),
  },
  {
    name: 'CA blocks a device-code sign-in from a Teams phone',
    code: 'DEVICE_CODE_BLOCKED_BY_POLICY',
    bundle: healthyBundle((b) => addSignIns(b, deviceCodeBlock('deviceCode', 'Block device code flow')), 'teams-phone'),
  },
  {
    name: 'the device code expired',
    code: 'DEVICE_CODE_EXPIRED',
    bundle: healthyBundle(
      (b) => addSignIns(b, signIn({ minute: 50, code: 70019, protocol: 'deviceCode' })),
      'teams-room',
    ),
  },
  {
    name: 'the user typed the wrong code',
    code: 'DEVICE_CODE_WRONG_CODE',
    bundle: healthyBundle(
      (b) => addSignIns(b, signIn({ minute: 50, code: 70018, protocol: 'deviceCode' })),
      'teams-phone',
    ),
  },
  {
    name: 'the user declined the device sign-in',
    code: 'DEVICE_CODE_DECLINED',
    bundle: healthyBundle(
      (b) =>
        addSignIns(
          b,
          signIn({
            minute: 50,
            code: 70000,
            protocol: 'deviceCode',
            failureReason: 'authorization_declined: the user declined the request',
          }),
        ),
      'teams-phone',
    ),
  },
  {
    name: 'the browser half of a desk-phone pairing is denied by Okta',
    code: 'DEVICE_CODE_OKTA_DENIED',
    bundle: healthyBundle((b) => addEvents(b, passiveDeny(45)), 'desk-phone'),
  },
  {
    name: 'Okta has no such user',
    code: 'OKTA_USER_NOT_FOUND',
    bundle: healthyBundle((b) => {
      b.okta = { ...b.okta!, user: null, appUsers: {} };
    }),
  },
  {
    name: 'the Okta user is locked out',
    code: 'OKTA_USER_LOCKED_OUT',
    bundle: healthyBundle((b) => {
      b.okta = { ...b.okta!, user: { id: 'u', status: 'LOCKED_OUT' } };
      addEvents(
        b,
        richClientFailure(10),
        richClientFailure(11),
        oktaEvent({ type: 'user.account.lock', minute: 11, result: 'SUCCESS' }),
      );
    }, 'outlook-desktop'),
  },
  {
    name: 'the Okta user is suspended',
    code: 'OKTA_USER_SUSPENDED',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, user: { id: 'u', status: 'SUSPENDED' } })),
  },
  {
    name: 'the Okta password expired',
    code: 'OKTA_PASSWORD_EXPIRED',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, user: { id: 'u', status: 'PASSWORD_EXPIRED' } })),
  },
  {
    name: 'the Okta user is deactivated',
    code: 'OKTA_USER_DEPROVISIONED',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, user: { id: 'u', status: 'DEPROVISIONED' } })),
  },
  {
    name: 'the Okta user was never activated',
    code: 'OKTA_USER_NOT_ACTIVATED',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, user: { id: 'u', status: 'STAGED' } })),
  },
  {
    name: 'the user is not assigned to Office 365',
    code: 'OKTA_USER_NOT_ASSIGNED_O365',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, appUsers: { [APP_ID]: null } })),
  },
  {
    name: 'the domain is managed',
    code: 'DOMAIN_NOT_FEDERATED',
    bundle: healthyBundle(
      (b) =>
        (b.graph = {
          ...b.graph!,
          domain: { id: 'contoso.com', authenticationType: 'Managed' },
          federationConfiguration: [],
        }),
    ),
  },
  {
    name: 'the domain is federated to AD FS',
    code: 'FEDERATION_POINTS_ELSEWHERE',
    bundle: healthyBundle((b) => {
      const fed = b.graph!.federationConfiguration![0]!;
      b.graph = {
        ...b.graph!,
        federationConfiguration: [{ ...fed, passiveSignInUri: 'https://adfs.contoso.com/adfs/ls/' }],
      };
    }),
  },
  {
    name: 'Entra trusts another certificate',
    code: 'FEDERATION_SIGNING_CERT_MISMATCH',
    bundle: healthyBundle((b) => {
      const fed = b.graph!.federationConfiguration![0]!;
      b.graph = { ...b.graph!, federationConfiguration: [{ ...fed, signingCertificate: CERT_OTHER }] };
      addSignIns(b, signIn({ minute: 40, code: 50008 }));
    }),
  },
  {
    name: 'both sides use a certificate that has expired',
    code: 'FEDERATION_SIGNING_CERT_MISMATCH',
    bundle: healthyBundle((b) => {
      const fed = b.graph!.federationConfiguration![0]!;
      b.graph = { ...b.graph!, federationConfiguration: [{ ...fed, signingCertificate: CERT_SHORT_LIVED }] };
      b.okta = { ...b.okta!, signingKeys: { [APP_ID]: [{ kid: 'kid-o365-current', x5c: [CERT_SHORT_LIVED] }] } };
    }),
  },
  {
    name: 'Entra rejects the issuer',
    code: 'FEDERATION_ISSUER_MISMATCH',
    bundle: healthyBundle((b) => addSignIns(b, signIn({ minute: 40, code: 50107 }))),
  },
  {
    name: 'Entra demands MFA right after Okta signed the user in, twice',
    code: 'MFA_CLAIM_NOT_PASSED',
    bundle: healthyBundle((b) => {
      addEvents(b, browserSso(60), browserSso(62));
      addSignIns(b, signIn({ minute: 60, code: 50076 }), signIn({ minute: 62, code: 50076 }));
    }, 'browser'),
  },
  {
    name: 'Okta MFA fails twice',
    code: 'MFA_FAILED',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        oktaEvent({
          type: 'user.authentication.auth_via_mfa',
          minute: 40,
          result: 'FAILURE',
          reason: 'INVALID_CREDENTIALS',
        }),
        oktaEvent({
          type: 'user.authentication.auth_via_mfa',
          minute: 41,
          result: 'FAILURE',
          reason: 'INVALID_CREDENTIALS',
        }),
      ),
    ),
  },
  {
    name: 'Okta blocks the request by network zone',
    code: 'NETWORK_ZONE_DENIED',
    bundle: healthyBundle(
      (b) =>
        addEvents(
          b,
          oktaEvent({
            type: 'security.request.blocked',
            minute: 40,
            result: 'DENY',
            zone: 'BlockedIpZone',
            ip: '203.0.113.50',
          }),
        ),
      'browser',
    ),
  },
  {
    name: 'an Okta rule denies the browser',
    code: 'OKTA_SIGN_ON_POLICY_DENIED',
    bundle: healthyBundle((b) => addEvents(b, passiveDeny(40)), 'browser'),
  },
  {
    name: 'the Entra account is disabled',
    code: 'ENTRA_ACCOUNT_DISABLED',
    bundle: healthyBundle((b) => (b.graph = { ...b.graph!, user: { ...b.graph!.user!, accountEnabled: false } })),
  },
  {
    name: 'CA requires a compliant device for a browser sign-in',
    code: 'ENTRA_CA_BLOCKED',
    bundle: healthyBundle(
      (b) =>
        addSignIns(
          b,
          signIn({
            minute: 40,
            code: 53003,
            caPolicies: [{ displayName: 'Require compliant device', result: 'failure' }],
          }),
        ),
      'browser',
    ),
  },
  {
    name: 'Windows device registration is denied on the active endpoint',
    code: 'WINDOWS_DEVICE_REGISTRATION_NOISE',
    informational: true,
    bundle: healthyBundle((b) =>
      addEvents(b, ...legacyDeny(20, UA.windowsRegistration), ...legacyDeny(80, UA.windowsRegistration)),
    ),
  },
  {
    name: 'failures with no user agent from four addresses',
    code: 'LEGACY_AUTH_SPRAY_SUSPECTED',
    informational: true,
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        ...['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'].map((ip, i) =>
          oktaEvent({
            type: 'user.session.start',
            minute: 10 + i,
            result: 'FAILURE',
            reason: 'INVALID_CREDENTIALS',
            ua: null,
            ip,
            uri: '/app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active',
          }),
        ),
      ),
    ),
  },
  { name: 'a healthy user', code: 'NO_FAILURE_FOUND', bundle: healthyBundle(undefined, 'outlook-desktop') },
  {
    name: 'sign-in logs unreadable without P1',
    code: 'INSUFFICIENT_EVIDENCE',
    bundle: healthyBundle((b) => {
      b.graph = { ...b.graph!, signIns: undefined as never };
      delete (b.graph as { signIns?: unknown }).signIns;
      b.gaps = [
        { source: 'graph.signIns', reason: 'Reading sign-in logs needs a Microsoft Entra ID P1 or P2 licence' },
      ];
    }),
  },
];

const nearMisses: readonly NearMiss[] = [
  {
    name: 'a legacy deny from Windows device registration is not a legacy-auth block',
    not: 'LEGACY_AUTH_BLOCKED',
    primary: 'NO_FAILURE_FOUND',
    bundle: healthyBundle((b) => addEvents(b, ...legacyDeny(40, UA.windowsRegistration)), 'outlook-desktop'),
  },
  {
    name: 'one typo then success is not a stale password',
    not: 'LEGACY_AUTH_STALE_PASSWORD',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        richClientFailure(10),
        oktaEvent({
          type: 'user.authentication.auth_via_richclient',
          minute: 12,
          result: 'SUCCESS',
          ua: UA.outlookC2R,
          uri: '/app/office365/exk1a2b3c4D5e6F7g8h9/sso/wsfed/active',
        }),
      ),
    ),
  },
  {
    name: 'a mail app seen on the active endpoint is not "no trace"',
    not: 'LEGACY_CLIENT_NO_TRACE',
    primary: 'LEGACY_AUTH_BLOCKED',
    bundle: healthyBundle((b) => addEvents(b, ...legacyDeny(40, UA.iosMail)), 'mail-app'),
  },
  {
    name: 'identical ImmutableIDs are not missing in Okta',
    not: 'IMMUTABLEID_MISSING_IN_OKTA',
    primary: 'NO_FAILURE_FOUND',
    bundle: healthyBundle(),
  },
  {
    name: 'an ImmutableID that was not $select-ed is unknown, not missing',
    not: 'IMMUTABLEID_MISSING_IN_ENTRA',
    bundle: healthyBundle((b) => (b.graph = { ...b.graph!, user: { id: 'e', accountEnabled: true } })),
  },
  {
    name: 'the same GUID in two encodings is not a different object',
    not: 'IMMUTABLEID_MISMATCH',
    primary: 'IMMUTABLEID_ENCODING_MISMATCH',
    bundle: healthyBundle(
      (b) =>
        (b.okta = {
          ...b.okta!,
          appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: '748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e5' } } },
        }),
    ),
  },
  {
    name: 'a different object is not an encoding difference',
    not: 'IMMUTABLEID_ENCODING_MISMATCH',
    primary: 'IMMUTABLEID_MISMATCH',
    bundle: healthyBundle(
      (b) =>
        (b.okta = {
          ...b.okta!,
          appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: 'yYuRNW0Z6kCXeYidebdT8A==' } } },
        }),
    ),
  },
  {
    name: 'AADSTS51004 is not "ImmutableID not sent"',
    not: 'IMMUTABLEID_NOT_SENT',
    bundle: healthyBundle((b) => addSignIns(b, signIn({ minute: 40, code: 51004 }))),
  },
  {
    name: 'a compliant-device block of a browser is not a device-code block',
    not: 'DEVICE_CODE_BLOCKED_BY_POLICY',
    primary: 'ENTRA_CA_BLOCKED',
    bundle: healthyBundle((b) => addSignIns(b, deviceCodeBlock(undefined, 'Require compliant device')), 'browser'),
  },
  {
    name: 'an expired code followed by a successful device sign-in is resolved',
    not: 'DEVICE_CODE_EXPIRED',
    bundle: healthyBundle(
      (b) =>
        addSignIns(
          b,
          signIn({ minute: 50, code: 70019, protocol: 'deviceCode' }),
          signIn({ minute: 55, protocol: 'deviceCode' }),
        ),
      'teams-room',
    ),
  },
  {
    name: 'authorization_pending (70016) while polling is not a wrong code',
    not: 'DEVICE_CODE_WRONG_CODE',
    primary: 'NO_FAILURE_FOUND',
    bundle: healthyBundle(
      (b) => addSignIns(b, signIn({ minute: 50, code: 70016, protocol: 'deviceCode' })),
      'teams-phone',
    ),
  },
  {
    name: '"declined" on a browser sign-in is not a device-code decline',
    not: 'DEVICE_CODE_DECLINED',
    bundle: healthyBundle((b) =>
      addSignIns(b, signIn({ minute: 50, code: 65004, failureReason: 'The user declined to consent' })),
    ),
  },
  {
    name: 'a passive deny without device context is not a device-code deny',
    not: 'DEVICE_CODE_OKTA_DENIED',
    primary: 'OKTA_SIGN_ON_POLICY_DENIED',
    bundle: healthyBundle((b) => addEvents(b, passiveDeny(45)), 'browser'),
  },
  { name: 'an existing user is found', not: 'OKTA_USER_NOT_FOUND', bundle: healthyBundle() },
  {
    name: 'a lock that was unlocked, on an ACTIVE user, is not a lockout',
    not: 'OKTA_USER_LOCKED_OUT',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        oktaEvent({ type: 'user.account.lock', minute: 11 }),
        oktaEvent({ type: 'user.account.unlock_by_admin', minute: 20 }),
      ),
    ),
  },
  { name: 'an ACTIVE user is not suspended', not: 'OKTA_USER_SUSPENDED', bundle: healthyBundle() },
  {
    name: 'a PASSWORD_EXPIRED event on an ACTIVE user is history, not a verdict',
    not: 'OKTA_PASSWORD_EXPIRED',
    bundle: healthyBundle((b) =>
      addEvents(b, oktaEvent({ type: 'user.session.start', minute: 5, result: 'FAILURE', reason: 'PASSWORD_EXPIRED' })),
    ),
  },
  { name: 'an ACTIVE user is not deactivated', not: 'OKTA_USER_DEPROVISIONED', bundle: healthyBundle() },
  { name: 'an ACTIVE user is activated', not: 'OKTA_USER_NOT_ACTIVATED', bundle: healthyBundle() },
  {
    name: 'an app user that was not collected is not "not assigned"',
    not: 'OKTA_USER_NOT_ASSIGNED_O365',
    bundle: healthyBundle((b) => (b.okta = { ...b.okta!, appUsers: {} })),
  },
  { name: 'a federated domain is federated', not: 'DOMAIN_NOT_FEDERATED', bundle: healthyBundle() },
  { name: 'federation to this org is not elsewhere', not: 'FEDERATION_POINTS_ELSEWHERE', bundle: healthyBundle() },
  {
    name: 'Okta’s new certificate staged as Entra’s next certificate is a rollover, not a mismatch',
    not: 'FEDERATION_SIGNING_CERT_MISMATCH',
    bundle: healthyBundle((b) => {
      const fed = b.graph!.federationConfiguration![0]!;
      b.graph = {
        ...b.graph!,
        federationConfiguration: [
          { ...fed, signingCertificate: CERT_OTHER, nextSigningCertificate: fed.signingCertificate ?? null },
        ],
      };
    }),
  },
  { name: 'a consistent issuer is not a mismatch', not: 'FEDERATION_ISSUER_MISMATCH', bundle: healthyBundle() },
  {
    name: 'a domain federated to another IdP is not a certificate mismatch with Okta',
    not: 'FEDERATION_SIGNING_CERT_MISMATCH',
    primary: 'FEDERATION_POINTS_ELSEWHERE',
    bundle: healthyBundle((b) => {
      const fed = b.graph!.federationConfiguration![0]!;
      b.graph = {
        ...b.graph!,
        federationConfiguration: [
          { ...fed, passiveSignInUri: 'https://adfs.contoso.com/adfs/ls/', signingCertificate: CERT_OTHER },
        ],
      };
    }),
  },
  {
    name: 'a group rule that denies someone who happens to be in the office zone is not a zone deny',
    not: 'NETWORK_ZONE_DENIED',
    primary: 'OKTA_SIGN_ON_POLICY_DENIED',
    bundle: healthyBundle((b) => {
      addEvents(b, passiveDeny(40, 'Office'));
      b.okta = {
        ...b.okta!,
        policyRules: {
          rst9xyzPolicy01: [
            {
              id: 'rul9xyzRule0001',
              name: 'Catch-all Rule',
              conditions: { people: { groups: { include: ['00g1'] } } },
            },
          ],
        },
      };
    }, 'browser'),
  },
  {
    name: 'an MFA interrupt followed by success is not a loop',
    not: 'MFA_CLAIM_NOT_PASSED',
    primary: 'NO_FAILURE_FOUND',
    bundle: healthyBundle((b) => {
      addEvents(b, browserSso(60));
      addSignIns(b, signIn({ minute: 60, code: 50074 }), signIn({ minute: 61 }));
    }),
  },
  {
    name: 'an MFA failure followed by success is resolved',
    not: 'MFA_FAILED',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        oktaEvent({ type: 'user.authentication.auth_via_mfa', minute: 40, result: 'FAILURE' }),
        oktaEvent({ type: 'user.authentication.auth_via_mfa', minute: 41, result: 'SUCCESS' }),
      ),
    ),
  },
  {
    name: 'a rule deny outside any zone is not a zone deny',
    not: 'NETWORK_ZONE_DENIED',
    bundle: healthyBundle((b) => addEvents(b, passiveDeny(40)), 'browser'),
  },
  {
    name: 'a desk-phone pairing deny is not a plain sign-on deny',
    not: 'OKTA_SIGN_ON_POLICY_DENIED',
    primary: 'DEVICE_CODE_OKTA_DENIED',
    bundle: healthyBundle((b) => addEvents(b, passiveDeny(40)), 'desk-phone'),
  },
  { name: 'an enabled account is enabled', not: 'ENTRA_ACCOUNT_DISABLED', bundle: healthyBundle() },
  {
    name: 'a device-code CA block is not a generic CA block',
    not: 'ENTRA_CA_BLOCKED',
    primary: 'DEVICE_CODE_BLOCKED_BY_POLICY',
    bundle: healthyBundle((b) => addSignIns(b, deviceCodeBlock('deviceCode', 'Block device code flow')), 'teams-phone'),
  },
  {
    name: 'the Windows user agent from many addresses is spraying, not registration noise',
    not: 'WINDOWS_DEVICE_REGISTRATION_NOISE',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        ...['203.0.113.1', '203.0.113.2', '203.0.113.3'].flatMap((ip, i) =>
          legacyDeny(10 + i, UA.windowsRegistration, ip),
        ),
      ),
    ),
  },
  {
    name: 'a user’s own device failing from two addresses is not a spray',
    not: 'LEGACY_AUTH_SPRAY_SUSPECTED',
    bundle: healthyBundle((b) =>
      addEvents(
        b,
        richClientFailure(10, 'INVALID_CREDENTIALS', UA.outlookC2R, '198.51.100.23'),
        richClientFailure(20, 'INVALID_CREDENTIALS', UA.outlookC2R, '198.51.100.24'),
      ),
    ),
  },
  {
    name: 'a legacy block is not "no failure"',
    not: 'NO_FAILURE_FOUND',
    bundle: healthyBundle((b) => addEvents(b, ...legacyDeny(40))),
  },
  { name: 'a complete bundle is not insufficient', not: 'INSUFFICIENT_EVIDENCE', bundle: healthyBundle() },
];

describe('diagnose: every verdict has a bundle that yields it', () => {
  it.each(yields)('$code: $name', ({ code, bundle, informational }) => {
    expect(parseEvidenceBundle(bundle).ok).toBe(true);
    const diagnosis = diagnose(bundle);
    if (informational === true) {
      expect(diagnosis.findings.map((f) => f.code)).toContain(code);
      expect(diagnosis.primary?.code).not.toBe(code);
    } else {
      expect(diagnosis.primary?.code).toBe(code);
    }
    const finding = diagnosis.findings.find((f) => f.code === code);
    expect(finding?.evidence.length ?? 0).toBeGreaterThan(0);
    expect(finding?.remediation.length ?? 0).toBeGreaterThan(0);
    expect(finding?.summary).toMatch(/\S/);
  });

  it('covers the whole catalogue', () => {
    expect(new Set(yields.map((y) => y.code))).toEqual(new Set(VERDICT_CODES));
  });
});

describe('diagnose: near misses do not yield the verdict', () => {
  it.each(nearMisses)('not $not: $name', ({ not, bundle, primary }) => {
    const diagnosis = diagnose(bundle);
    expect(diagnosis.findings.map((f) => f.code)).not.toContain(not);
    if (primary !== undefined) expect(diagnosis.primary?.code).toBe(primary);
  });

  it('covers the whole catalogue', () => {
    expect(new Set(nearMisses.map((n) => n.not))).toEqual(new Set(VERDICT_CODES));
  });
});

describe('diagnose: properties', () => {
  it('gives a healthy user whose log holds only Windows device-registration denies NO_FAILURE_FOUND', () => {
    const bundle = healthyBundle(
      (b) => addEvents(b, ...legacyDeny(10, UA.windowsRegistration), ...legacyDeny(70, UA.windowsRegistration)),
      'outlook-desktop',
    );
    const diagnosis = diagnose(bundle);
    expect(diagnosis.primary?.code).toBe('NO_FAILURE_FOUND');
    expect(diagnosis.findings.map((f) => f.code)).toEqual(['NO_FAILURE_FOUND', 'WINDOWS_DEVICE_REGISTRATION_NOISE']);
  });

  it('locks out: the stale-password client is named in the lockout and listed as its own finding', () => {
    const bundle = yields.find((y) => y.code === 'OKTA_USER_LOCKED_OUT')?.bundle;
    if (bundle === undefined) throw new Error('missing case');
    const diagnosis = diagnose(bundle);
    expect(diagnosis.primary?.summary).toContain('replaying an old password');
    expect(diagnosis.findings.map((f) => f.code)).toContain('LEGACY_AUTH_STALE_PASSWORD');
  });

  it('cites the exact records: Okta uuids and sign-in ids that are in the bundle', () => {
    for (const { bundle } of yields) {
      const ids = new Set([
        ...(bundle.okta?.logEvents ?? []).map((e) => e.uuid),
        ...(bundle.graph?.signIns ?? []).map((s) => s.id),
      ]);
      for (const f of diagnose(bundle).findings) {
        for (const e of f.evidence) {
          if (e.source === 'okta.logEvent' || e.source === 'graph.signIn')
            expect(ids.has(e.id), `${f.code} cites ${e.id}`).toBe(true);
        }
      }
    }
  });

  it('never advises allowing legacy authentication for everyone', () => {
    for (const { bundle } of yields) {
      for (const f of diagnose(bundle).findings) {
        for (const step of f.remediation)
          expect(`${step.title} ${step.detail ?? ''}`).not.toMatch(
            /(?<!not )allow (legacy|basic) auth\w* for (all|everyone)/i,
          );
      }
    }
  });

  it('is deterministic', () => {
    for (const { bundle } of yields.slice(0, 5)) expect(diagnose(bundle)).toEqual(diagnose(bundle));
  });

  it('names the missing sources when evidence is insufficient', () => {
    const bundle = yields.find((y) => y.code === 'INSUFFICIENT_EVIDENCE')?.bundle;
    if (bundle === undefined) throw new Error('missing case');
    const diagnosis = diagnose(bundle);
    expect(diagnosis.primary?.summary).toContain('the Entra sign-in logs');
    expect(diagnosis.primary?.explanation).toContain('P1');
    expect(diagnosis.gaps).toEqual([
      { source: 'graph.signIns', reason: 'Reading sign-in logs needs a Microsoft Entra ID P1 or P2 licence' },
    ]);
  });
});
