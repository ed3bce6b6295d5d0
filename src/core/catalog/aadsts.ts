/*
 * AADSTS error codes a technician meets when an Okta-federated Microsoft 365 sign-in fails.
 *
 * Names and meanings are paraphrased from Microsoft's reference table
 * (MicrosoftDocs/entra-docs, docs/identity-platform/reference-error-codes.md) unless an entry says
 * otherwise; the "what it usually means here" part comes from docs/domain-reference.md §4 (Okta
 * KBs, Entra docs) and is marked as a likely cause, not a certainty. Microsoft warns that codes and
 * texts change, so every unknown code falls back to the live lookup page.
 */

/**
 * The troubleshooting family of an AADSTS code.
 *
 * Families group codes by what a technician checks next: the password, a lockout, the account
 * object, MFA, a Conditional Access policy, the Okta federation trust, the ImmutableID link,
 * the device code flow, the tenant or app registration, or something else.
 */
export type AadstsFamily =
  | 'credentials'
  | 'lockout'
  | 'account'
  | 'mfa'
  | 'conditional-access'
  | 'federation'
  | 'immutable-id'
  | 'device-code'
  | 'tenant'
  | 'other';

/**
 * One AADSTS code with a plain-language meaning for a technician.
 *
 * `isFailure` is false for success (0) and for interrupts or polling states that are a normal part
 * of a sign-in (70016 authorization_pending, 50140 "Stay signed in?", 50199, 50058, 50125).
 */
export interface AadstsEntry {
  /** The numeric code, as in `status.errorCode` of an Entra sign-in (without the AADSTS prefix). */
  readonly code: number;
  /** Microsoft's symbolic name, or a short description where Microsoft publishes none. */
  readonly name: string;
  /** What the code means, in plain language, and what it usually points at in an Okta-federated tenant. */
  readonly meaning: string;
  /** Troubleshooting family. */
  readonly family: AadstsFamily;
  /** False for success and for expected interrupts that are not a failure the user sees. */
  readonly isFailure: boolean;
}

/**
 * The address of Microsoft's live error-lookup page for a code.
 *
 * Microsoft's reference page recommends this lookup because its own table can lag behind.
 */
export function aadstsLookupUrl(code: number): string {
  return `https://login.microsoftonline.com/error?code=${String(code)}`;
}

// Shorthand so the table below stays one entry per line group.
function entry(code: number, name: string, family: AadstsFamily, meaning: string, isFailure = true): AadstsEntry {
  return { code, name, meaning, family, isFailure };
}

const ENTRIES: readonly AadstsEntry[] = [
  entry(0, 'Success', 'other', 'The sign-in succeeded.', false),

  // --- credentials -------------------------------------------------------------------------------
  entry(
    50126,
    'InvalidUserNameOrPassword',
    'credentials',
    'Wrong username or password. For a federated user on the legacy/WS-Trust path it most likely means Okta refused the credentials (check the Okta log for INVALID_CREDENTIALS or a policy DENY at the same time).',
  ),
  entry(
    50055,
    'InvalidPasswordExpiredPassword',
    'credentials',
    "The user's password has expired in Entra. Applies to cloud (managed/password-hash-sync) users; for federated users the password lives in Okta/AD.",
  ),
  entry(
    50056,
    'Invalid or null password',
    'credentials',
    'No password exists in Entra for this user, or none was sent. The user should enter the password again.',
  ),
  entry(50064, 'CredentialAuthenticationError', 'credentials', 'Validation of the username or password failed.'),
  entry(
    50144,
    'InvalidPasswordExpiredOnPremPassword',
    'credentials',
    "The user's Active Directory password has expired; reset it or have the user use self-service reset.",
  ),
  entry(
    50132,
    'SsoArtifactInvalidOrExpired',
    'credentials',
    'The session is no longer valid because the password expired or was changed recently; the user must sign in again.',
  ),
  entry(
    50133,
    'SsoArtifactRevoked',
    'credentials',
    'The session is no longer valid because the password expired or was changed recently; the user must sign in again.',
  ),
  entry(
    50173,
    'FreshTokenNeeded',
    'credentials',
    "The user's tokens were revoked (by an admin or the user, often after a password change); the app must sign in again.",
  ),

  // --- lockout -----------------------------------------------------------------------------------
  entry(
    50053,
    'IdsLocked',
    'lockout',
    'Either the account is locked by Entra Smart Lockout after too many bad attempts, or the sign-in came from an IP address with malicious activity. The sign-in log failure reason says which.',
  ),

  // --- account -----------------------------------------------------------------------------------
  entry(50057, 'UserDisabled', 'account', 'The Entra user is disabled (accountEnabled = false).'),
  entry(
    50034,
    'UserAccountNotFound',
    'account',
    'No such user in this tenant: a mistyped username, or the account lives in another tenant.',
  ),
  entry(
    50020,
    'UserUnauthorized',
    'account',
    'The account from the identity provider does not exist in this tenant; it must be added as an external (B2B) user first.',
  ),
  entry(
    16000,
    'InteractionRequired',
    'account',
    'The account from the identity provider does not exist in this tenant and cannot use the app there; it must be added as an external user, or the user signed in with the wrong account.',
  ),
  entry(
    50105,
    'EntitlementGrantsNotFound',
    'account',
    'The user is not assigned to the application (the enterprise app requires assignment).',
  ),

  // --- MFA ---------------------------------------------------------------------------------------
  entry(
    50074,
    'UserStrongAuthClientAuthNRequiredInterrupt',
    'mfa',
    'Strong authentication (MFA) was required and the user did not complete it.',
  ),
  entry(
    50076,
    'UserStrongAuthClientAuthNRequired',
    'mfa',
    'MFA is required (Conditional Access, per-user MFA or a new location) and was not presented. After an Okta success this usually means Okta did not pass the MFA claim.',
  ),
  entry(
    50079,
    'UserStrongAuthEnrollmentRequired',
    'mfa',
    'MFA is required; a managed user must register security info, and a federated user must bring the MFA claim from the identity provider. In an Okta-federated tenant: Okta did not send the MFA claim.',
  ),
  entry(
    50072,
    'UserStrongAuthEnrollmentRequiredInterrupt',
    'mfa',
    'The user must register for multifactor authentication before continuing.',
  ),
  entry(
    50078,
    'UserStrongAuthExpired',
    'mfa',
    "The MFA the user presented has expired under the admin's policy; the user must do MFA again.",
  ),
  entry(
    50158,
    'ExternalSecurityChallenge',
    'mfa',
    'An external security challenge (external MFA, custom control or the federated IdP) was not satisfied.',
  ),
  entry(
    500121,
    'Authentication failed during strong authentication request',
    'mfa',
    "The MFA step failed: the user denied or did not answer the prompt, or the method failed. (Not in Microsoft's reference table; text as shown in sign-in logs — confirm with the live lookup.)",
  ),

  // --- Conditional Access ------------------------------------------------------------------------
  entry(
    53003,
    'BlockedByConditionalAccess',
    'conditional-access',
    'A Conditional Access policy blocked token issuance. Check the CA tab of the sign-in: typical causes are a legacy-authentication block, a device-code-flow (authentication flows) block, or a location policy.',
  ),
  entry(
    530035,
    'BlockedBySecurityDefaults',
    'conditional-access',
    'Security Defaults blocked the request: it used legacy authentication or was judged unsafe.',
  ),
  entry(
    530032,
    'BlockedByConditionalAccessOnSecurityPolicy',
    'conditional-access',
    'A tenant-level security policy blocked the request.',
  ),
  entry(
    530003,
    'Device must be managed (no symbolic name published)',
    'conditional-access',
    'Conditional Access requires a managed (compliant or hybrid-joined) device and this device is not. Not in Microsoft\'s reference table; message "Your device is required to be managed to access this resource" per Microsoft docs that mention it.',
  ),
  entry(
    53000,
    'DeviceNotCompliant',
    'conditional-access',
    'Conditional Access requires a compliant device and this device is not compliant (enrol it in Intune or the approved MDM).',
  ),
  entry(
    53001,
    'DeviceNotDomainJoined',
    'conditional-access',
    'Conditional Access requires a domain-joined (hybrid-joined) device and this device is not.',
  ),
  entry(
    53002,
    'ApplicationUsedIsNotAnApprovedApp',
    'conditional-access',
    'Conditional Access requires an approved client app and this app is not one.',
  ),
  entry(50097, 'DeviceAuthenticationRequired', 'conditional-access', 'Device authentication is required by policy.'),
  entry(
    50131,
    'ConditionalAccessFailed',
    'conditional-access',
    'A Conditional Access error: bad Windows device state, a request blocked as suspicious, or an access/security policy decision.',
  ),
  entry(
    53004,
    'ProofUpBlockedDueToRisk',
    'conditional-access',
    'The user must complete MFA registration but registration is blocked because of risk.',
  ),

  // --- federation (the Okta trust) ----------------------------------------------------------------
  entry(
    50107,
    'InvalidRealmUri',
    'federation',
    "The requested federation realm object does not exist. Likely cause: the issuer in Okta's token does not match the domain's federation issuerUri (multi-domain setups, wrong issuer).",
  ),
  entry(
    50008,
    'InvalidSamlToken',
    'federation',
    'The SAML assertion is missing or misconfigured. Likely a problem in the token Okta sent (certificate or claims).',
  ),
  entry(
    50006,
    'InvalidSignature',
    'federation',
    "Signature verification failed. Likely cause: the signing certificate Okta uses does not match the one in Entra's federation settings.",
  ),
  entry(
    50012,
    'AuthenticationFailed',
    'federation',
    "Authentication failed: the signing certificate is not valid or not authorised (subject, chain or thumbprint), among other reasons. Compare the Okta signing certificate with Entra's.",
  ),
  entry(20001, 'WsFedSignInResponseError', 'federation', 'Problem with the federated identity provider (Okta).'),
  entry(20012, 'WsFedMessageInvalid', 'federation', 'Problem with the federated identity provider (Okta).'),
  entry(
    90081,
    'OrgIdWsFederationMessageInvalid',
    'federation',
    'Entra could not process the WS-Federation message: it is not valid.',
  ),
  entry(
    90123,
    'IdentityProviderAccessDenied',
    'federation',
    'The token cannot be issued because the identity or claims provider denied the request.',
  ),

  // --- ImmutableID (the link between the Okta user and the Entra user) ---------------------------
  entry(
    51004,
    'UserAccountNotInDirectory',
    'immutable-id',
    "No Entra user matches what Okta sent. In WS-Fed this usually means an ImmutableID mismatch: Okta's app-user immutableId differs from Entra's onPremisesImmutableId.",
  ),
  entry(
    90072,
    'PassThroughUserMfaError',
    'immutable-id',
    'The external account does not exist in the tenant, so it cannot satisfy MFA; Microsoft notes it also occurs for synced users whose ImmutableID (sourceAnchor) differs between AD and Entra.',
  ),
  entry(
    90020,
    'SAML 1.1 assertion is missing ImmutableID',
    'immutable-id',
    "The SAML 1.1 assertion has no ImmutableID: Okta sent none for this user (check the app user's immutableId).",
  ),

  // --- device code flow ---------------------------------------------------------------------------
  entry(
    70016,
    'AuthorizationPending',
    'device-code',
    'Device code flow: the user has not finished signing in yet; the device keeps polling. Normal, not a failure.',
    false,
  ),
  entry(70018, 'BadVerificationCode', 'device-code', 'Device code flow: the user typed a wrong code.'),
  entry(
    70019,
    'CodeExpired',
    'device-code',
    'Device code flow: the code expired (15 minutes by default); start again.',
  ),
  entry(
    50134,
    'DeviceFlowAuthorizeWrongDatacenter',
    'device-code',
    'Device code flow: the code was entered against a different datacenter than the one that issued it.',
  ),
  entry(90119, 'InvalidUserCode', 'device-code', 'Device code flow: the user code was empty.'),
  entry(
    90120,
    'InvalidDeviceFlowRequest',
    'device-code',
    'Device code flow: the request was already authorised or declined.',
  ),

  // --- tenant / app registration ------------------------------------------------------------------
  entry(
    700016,
    'UnauthorizedClient_DoesNotMatchRequest',
    'tenant',
    'The application was not found in this tenant: wrong app id or the request went to the wrong tenant.',
  ),
  entry(90002, 'InvalidTenantName', 'tenant', 'The tenant name or id was not found.'),
  entry(
    50059,
    'MissingTenantRealmAndNoUserInformationProvided',
    'tenant',
    'Entra could not tell which tenant the request was for.',
  ),
  entry(50128, 'Invalid domain name', 'tenant', "No tenant could be found from the request or the username's domain."),
  entry(
    65001,
    'DelegationDoesNotExist',
    'tenant',
    'The user or an administrator has not consented to the application; an admin may need to grant consent.',
  ),

  // --- other / interrupts -------------------------------------------------------------------------
  entry(
    50089,
    'Flow token expired',
    'other',
    'The sign-in took too long and its flow token expired; the user should start again.',
  ),
  entry(
    50140,
    'KmsiInterrupt',
    'other',
    'The "Stay signed in?" prompt interrupted the sign-in. Expected, not a failure the user sees.',
    false,
  ),
  entry(
    50199,
    'CmsiInterrupt',
    'other',
    'The user was asked to confirm the app they are signing in to (mobile/webview redirect). Expected, no action needed.',
    false,
  ),
  entry(
    50058,
    'UserInformationNotProvided',
    'other',
    'A silent sign-in found no signed-in session, so the app falls back to an interactive prompt. Expected; only a problem if it repeats right after a successful sign-in.',
    false,
  ),
  entry(
    50125,
    'PasswordResetRegistrationRequiredInterrupt',
    'other',
    'Sign-in was interrupted to show password reset or security info registration. An interrupt, not a failure.',
    false,
  ),
  entry(
    7000218,
    'Missing client_assertion or client_secret',
    'other',
    'The token request had no client secret or assertion. With device code or username/password flows this usually means the app registration is not set to allow public client flows.',
  ),
  entry(
    81010,
    'DesktopSsoAuthTokenInvalid',
    'other',
    "Seamless SSO failed: the user's Kerberos ticket expired or is invalid. Seamless SSO applies to managed domains, not to Okta-federated ones.",
  ),
  entry(
    81012,
    'DesktopSsoMismatchBetweenTokenUpnAndChosenUpn',
    'other',
    'Seamless SSO: the user signing in to Entra is not the user signed in to the device.',
  ),
];

/**
 * Every AADSTS code the app explains, keyed by number.
 *
 * Covers the codes of domain reference §4 plus the interrupts and adjacent codes a technician
 * meets in the same sign-in logs; anything else goes through {@link describeAadsts}'s fallback.
 */
export const AADSTS_CATALOG: ReadonlyMap<number, AadstsEntry> = new Map(ENTRIES.map((e) => [e.code, e]));

/**
 * Describes an AADSTS code, falling back to a generic entry for codes not in the catalog.
 *
 * The fallback names the live lookup page (https://login.microsoftonline.com/error?code=N) and
 * counts as a failure unless the code is 0.
 */
export function describeAadsts(code: number): AadstsEntry {
  const known = AADSTS_CATALOG.get(code);
  if (known !== undefined) return known;
  return {
    code,
    name: 'Unknown code',
    meaning: `Not in this app's catalog. Look it up at ${aadstsLookupUrl(code)}.`,
    family: 'other',
    isFailure: code !== 0,
  };
}

/**
 * Finds the AADSTS code in an error text, an error URI or a bare number.
 *
 * "AADSTS50126: Error validating credentials…" → 50126; "…/error?code=50126" → 50126; "50126" →
 * 50126. The first AADSTS code wins when a text carries several. Null when none is found.
 */
export function parseAadstsCode(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const prefixed = /AADSTS(\d{1,9})(?!\d)/i.exec(text);
  const lookup = prefixed ?? /[?&]code=(\d{1,9})(?!\d)/i.exec(text) ?? /^\s*(\d{1,9})\s*$/.exec(text);
  const digits = lookup?.[1];
  return digits === undefined ? null : Number.parseInt(digits, 10);
}
