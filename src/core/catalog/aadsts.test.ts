import { describe, expect, it } from 'vitest';
import {
  AADSTS_CATALOG,
  aadstsLookupUrl,
  describeAadsts,
  parseAadstsCode,
  type AadstsEntry,
  type AadstsFamily,
} from './aadsts';

// Every code of domain reference §4 (plus the brief's extra codes), with the name from
// Microsoft's reference-error-codes table, the family and whether it is a failure.
const KNOWN: readonly (readonly [number, string, AadstsFamily, boolean])[] = [
  // §4 table
  [50126, 'InvalidUserNameOrPassword', 'credentials', true],
  [50053, 'IdsLocked', 'lockout', true],
  [50055, 'InvalidPasswordExpiredPassword', 'credentials', true],
  [50057, 'UserDisabled', 'account', true],
  [50074, 'UserStrongAuthClientAuthNRequiredInterrupt', 'mfa', true],
  [50076, 'UserStrongAuthClientAuthNRequired', 'mfa', true],
  [50079, 'UserStrongAuthEnrollmentRequired', 'mfa', true],
  [50158, 'ExternalSecurityChallenge', 'mfa', true],
  [53003, 'BlockedByConditionalAccess', 'conditional-access', true],
  [530035, 'BlockedBySecurityDefaults', 'conditional-access', true],
  [530032, 'BlockedByConditionalAccessOnSecurityPolicy', 'conditional-access', true],
  [530003, 'Device must be managed (no symbolic name published)', 'conditional-access', true],
  [50097, 'DeviceAuthenticationRequired', 'conditional-access', true],
  [50107, 'InvalidRealmUri', 'federation', true],
  [50008, 'InvalidSamlToken', 'federation', true],
  [50006, 'InvalidSignature', 'federation', true],
  [50012, 'AuthenticationFailed', 'federation', true],
  [90020, 'SAML 1.1 assertion is missing ImmutableID', 'immutable-id', true],
  [51004, 'UserAccountNotInDirectory', 'immutable-id', true],
  [90072, 'PassThroughUserMfaError', 'immutable-id', true],
  [50034, 'UserAccountNotFound', 'account', true],
  [50020, 'UserUnauthorized', 'account', true],
  [50089, 'Flow token expired', 'other', true],
  [70016, 'AuthorizationPending', 'device-code', false],
  [70018, 'BadVerificationCode', 'device-code', true],
  [70019, 'CodeExpired', 'device-code', true],
  [50134, 'DeviceFlowAuthorizeWrongDatacenter', 'device-code', true],
  [90119, 'InvalidUserCode', 'device-code', true],
  [90120, 'InvalidDeviceFlowRequest', 'device-code', true],
  [700016, 'UnauthorizedClient_DoesNotMatchRequest', 'tenant', true],
  // extra codes asked for in the brief
  [0, 'Success', 'other', false],
  [50125, 'PasswordResetRegistrationRequiredInterrupt', 'other', false],
  [50140, 'KmsiInterrupt', 'other', false],
  [50199, 'CmsiInterrupt', 'other', false],
  [65001, 'DelegationDoesNotExist', 'tenant', true],
  [7000218, 'Missing client_assertion or client_secret', 'other', true],
  [16000, 'InteractionRequired', 'account', true],
  [50058, 'UserInformationNotProvided', 'other', false],
  [81010, 'DesktopSsoAuthTokenInvalid', 'other', true],
  [81012, 'DesktopSsoMismatchBetweenTokenUpnAndChosenUpn', 'other', true],
  // adjacent codes in the same logs
  [50056, 'Invalid or null password', 'credentials', true],
  [50064, 'CredentialAuthenticationError', 'credentials', true],
  [50144, 'InvalidPasswordExpiredOnPremPassword', 'credentials', true],
  [50132, 'SsoArtifactInvalidOrExpired', 'credentials', true],
  [50133, 'SsoArtifactRevoked', 'credentials', true],
  [50173, 'FreshTokenNeeded', 'credentials', true],
  [50105, 'EntitlementGrantsNotFound', 'account', true],
  [50072, 'UserStrongAuthEnrollmentRequiredInterrupt', 'mfa', true],
  [50078, 'UserStrongAuthExpired', 'mfa', true],
  [500121, 'Authentication failed during strong authentication request', 'mfa', true],
  [53000, 'DeviceNotCompliant', 'conditional-access', true],
  [53001, 'DeviceNotDomainJoined', 'conditional-access', true],
  [53002, 'ApplicationUsedIsNotAnApprovedApp', 'conditional-access', true],
  [50131, 'ConditionalAccessFailed', 'conditional-access', true],
  [53004, 'ProofUpBlockedDueToRisk', 'conditional-access', true],
  [20001, 'WsFedSignInResponseError', 'federation', true],
  [20012, 'WsFedMessageInvalid', 'federation', true],
  [90081, 'OrgIdWsFederationMessageInvalid', 'federation', true],
  [90123, 'IdentityProviderAccessDenied', 'federation', true],
  [90002, 'InvalidTenantName', 'tenant', true],
  [50059, 'MissingTenantRealmAndNoUserInformationProvided', 'tenant', true],
  [50128, 'Invalid domain name', 'tenant', true],
];

describe('describeAadsts: catalog entries', () => {
  it.each(KNOWN)('%i is %s (%s, failure=%s)', (code, name, family, isFailure) => {
    const got = describeAadsts(code);
    expect(got.code).toBe(code);
    expect(got.name).toBe(name);
    expect(got.family).toBe(family);
    expect(got.isFailure).toBe(isFailure);
    expect(got.meaning.length).toBeGreaterThan(10);
    expect(AADSTS_CATALOG.get(code)).toBe(got);
  });

  it('holds exactly the codes listed above, so a new entry gets a test row', () => {
    expect([...AADSTS_CATALOG.keys()].sort((a, b) => a - b)).toEqual(KNOWN.map(([code]) => code).sort((a, b) => a - b));
  });

  it('keys every entry by its own code', () => {
    for (const [code, entry] of AADSTS_CATALOG) expect(entry.code).toBe(code);
  });

  it('points the ImmutableID codes at the ImmutableID link', () => {
    expect(describeAadsts(51004).meaning).toMatch(/ImmutableID/);
    expect(describeAadsts(90072).meaning).toMatch(/ImmutableID/);
    expect(describeAadsts(90020).meaning).toMatch(/ImmutableID/);
  });
});

describe('describeAadsts: unknown codes', () => {
  const cases: readonly { code: number; isFailure: boolean }[] = [
    { code: 12345, isFailure: true },
    { code: 9999999, isFailure: true },
    { code: 1, isFailure: true },
  ];

  it.each(cases)('$code gets a generic entry with the lookup link', ({ code, isFailure }) => {
    const got: AadstsEntry = describeAadsts(code);
    expect(got).toEqual({
      code,
      name: 'Unknown code',
      meaning: `Not in this app's catalog. Look it up at https://login.microsoftonline.com/error?code=${String(code)}.`,
      family: 'other',
      isFailure,
    });
  });

  it('builds the lookup URL', () => {
    expect(aadstsLookupUrl(50058)).toBe('https://login.microsoftonline.com/error?code=50058');
  });
});

describe('parseAadstsCode', () => {
  const cases: readonly { text: string | null | undefined; want: number | null }[] = [
    { text: 'AADSTS50126: Error validating credentials due to invalid username or password.', want: 50126 },
    {
      text: "AADSTS70011: The provided value for the input parameter 'scope' isn't valid.\r\nTrace ID: 0000aaaa",
      want: 70011,
    },
    { text: 'error_description: AADSTS7000218: The request body must contain', want: 7000218 },
    { text: 'aadsts53003 blocked', want: 53003 },
    { text: 'Connect-Graph: AADSTS53003: Access has been blocked by Conditional Access policies.', want: 53003 },
    { text: 'first AADSTS50076 then AADSTS50079', want: 50076 },
    { text: 'https://login.microsoftonline.com/error?code=50058', want: 50058 },
    { text: 'see login.microsoftonline.com/error?foo=1&code=90072 for details', want: 90072 },
    { text: '50126', want: 50126 },
    { text: ' 0 ', want: 0 },
    { text: 'Status 50126 happened', want: null },
    { text: 'AADSTS', want: null },
    { text: 'AADB2C90118: forgotten password', want: null },
    { text: '', want: null },
    { text: null, want: null },
    { text: undefined, want: null },
  ];

  it.each(cases)('$text → $want', ({ text, want }) => {
    expect(parseAadstsCode(text)).toBe(want);
  });
});
