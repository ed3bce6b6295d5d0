import { describe, expect, it } from 'vitest';
import { describeOktaReason, OKTA_REASON_CATALOG, type OktaReasonFamily } from './okta-outcomes';

// Every reason the brief names (domain reference §1.3/§1.4) with its family.
const KNOWN: readonly (readonly [string, OktaReasonFamily])[] = [
  ['INVALID_CREDENTIALS', 'credentials'],
  ['LOCKED_OUT', 'lockout'],
  ['UNKNOWN_USER', 'account'],
  ['PASSWORD_BASED_LOGIN_DISALLOWED', 'policy'],
  ['VERIFICATION_ERROR', 'credentials'],
  ['GENERAL_NONSUCCESS', 'other'],
  ['NOT_ACTIVATED', 'account'],
  ['PASSWORD_EXPIRED', 'credentials'],
  ['PENDING_ACTIVATION', 'account'],
  ['USER_ACCOUNT_EXPIRED', 'account'],
  ['INACTIVE_ORG', 'other'],
  ['SSO_AUTHENTICATION_FAILURE', 'other'],
  ['DEL_AUTH_NO_CONNECTED_AGENTS', 'agent'],
  ['DEL_AUTH_TIMEOUT', 'agent'],
  ['ADDITIONAL_CREDENTIALS_REQUIRED', 'mfa'],
  ['SERVICE_NOT_AVAILABLE', 'other'],
  ['NOT_SPECIFIED', 'other'],
  ['SUCCESS', 'other'],
  ['Sign-on policy evaluation resulted in DENY', 'policy'],
  ['Sign-on policy evaluation resulted in CHALLENGE', 'policy'],
  ['Sign-on policy evaluation resulted in ALLOW', 'policy'],
  ['Sign-on policy evaluation resulted in ENROLL', 'policy'],
];

describe('describeOktaReason: canonical values', () => {
  it.each(KNOWN)('%s → %s', (reason, family) => {
    const got = describeOktaReason(reason);
    expect(got?.reason).toBe(reason);
    expect(got?.family).toBe(family);
    expect(got?.meaning.length).toBeGreaterThan(10);
    expect(OKTA_REASON_CATALOG.get(reason)).toBe(got);
  });

  it('holds exactly the reasons listed above', () => {
    expect([...OKTA_REASON_CATALOG.keys()].sort()).toEqual(KNOWN.map(([r]) => r).sort());
  });
});

describe('describeOktaReason: other spellings and free text', () => {
  const cases: readonly { text: string | null | undefined; want: string | null }[] = [
    { text: 'invalid_credentials', want: 'INVALID_CREDENTIALS' },
    { text: '  Locked_Out  ', want: 'LOCKED_OUT' },
    { text: 'Authentication failed: INVALID_CREDENTIALS', want: 'INVALID_CREDENTIALS' },
    { text: 'loginResult=DEL_AUTH_TIMEOUT (agent)', want: 'DEL_AUTH_TIMEOUT' },
    { text: 'User is locked out', want: 'LOCKED_OUT' },
    { text: 'Unknown user', want: 'UNKNOWN_USER' },
    { text: 'password expired', want: 'PASSWORD_EXPIRED' },
    { text: 'sign-on policy evaluation resulted in deny', want: 'Sign-on policy evaluation resulted in DENY' },
    {
      text: 'Sign-on policy evaluation resulted in CHALLENGE',
      want: 'Sign-on policy evaluation resulted in CHALLENGE',
    },
    { text: 'Sign on policy evaluation resulted in ALLOW.', want: 'Sign-on policy evaluation resulted in ALLOW' },
    // Whole words only: NONSUCCESS is not SUCCESS, and a longer compound is not its part.
    { text: 'GENERAL_NONSUCCESS', want: 'GENERAL_NONSUCCESS' },
    { text: 'NONSUCCESS', want: null },
    { text: 'XINVALID_CREDENTIALS', want: null },
    { text: 'INVALID_CREDENTIALS_V2', want: null },
    { text: 'SUNONE_PASSWORD_EXPIRED', want: null },
    { text: 'Sign-on policy evaluation resulted in MAYBE', want: null },
    { text: 'Access denied by policy', want: null },
    { text: '', want: null },
    { text: '   ', want: null },
    { text: null, want: null },
    { text: undefined, want: null },
  ];

  it.each(cases)('$text → $want', ({ text, want }) => {
    expect(describeOktaReason(text)?.reason ?? null).toBe(want);
  });
});
