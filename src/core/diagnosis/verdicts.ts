/**
 * The verdict catalogue: every stable code the engine can return, with its family.
 *
 * Codes are an API: reports, tickets and scripts key on them. Add codes; never rename or reuse
 * one. docs/verdicts.md documents each, and a test keeps the two in step.
 */
export const VERDICTS = {
  // legacy-auth
  LEGACY_AUTH_BLOCKED: 'legacy-auth',
  LEGACY_AUTH_STALE_PASSWORD: 'legacy-auth',
  LEGACY_CLIENT_NO_TRACE: 'legacy-auth',
  // immutable-id
  IMMUTABLEID_MISSING_IN_OKTA: 'immutable-id',
  IMMUTABLEID_MISSING_IN_ENTRA: 'immutable-id',
  IMMUTABLEID_MISMATCH: 'immutable-id',
  IMMUTABLEID_ENCODING_MISMATCH: 'immutable-id',
  IMMUTABLEID_NOT_SENT: 'immutable-id',
  // device-code
  DEVICE_CODE_BLOCKED_BY_POLICY: 'device-code',
  DEVICE_CODE_EXPIRED: 'device-code',
  DEVICE_CODE_WRONG_CODE: 'device-code',
  DEVICE_CODE_DECLINED: 'device-code',
  DEVICE_CODE_OKTA_DENIED: 'device-code',
  // okta-account
  OKTA_USER_NOT_FOUND: 'okta-account',
  OKTA_USER_LOCKED_OUT: 'okta-account',
  OKTA_USER_SUSPENDED: 'okta-account',
  OKTA_PASSWORD_EXPIRED: 'okta-account',
  OKTA_USER_DEPROVISIONED: 'okta-account',
  OKTA_USER_NOT_ACTIVATED: 'okta-account',
  OKTA_USER_NOT_ASSIGNED_O365: 'okta-account',
  // federation
  DOMAIN_NOT_FEDERATED: 'federation',
  FEDERATION_POINTS_ELSEWHERE: 'federation',
  FEDERATION_SIGNING_CERT_MISMATCH: 'federation',
  FEDERATION_ISSUER_MISMATCH: 'federation',
  // access
  MFA_CLAIM_NOT_PASSED: 'access',
  MFA_FAILED: 'access',
  NETWORK_ZONE_DENIED: 'access',
  OKTA_SIGN_ON_POLICY_DENIED: 'access',
  ENTRA_ACCOUNT_DISABLED: 'access',
  ENTRA_CA_BLOCKED: 'access',
  // informational, never primary
  WINDOWS_DEVICE_REGISTRATION_NOISE: 'informational',
  LEGACY_AUTH_SPRAY_SUSPECTED: 'informational',
  // none
  NO_FAILURE_FOUND: 'none',
  INSUFFICIENT_EVIDENCE: 'none',
} as const;

/** A stable verdict code. */
export type VerdictCode = keyof typeof VERDICTS;

/** The family of a verdict. */
export type VerdictFamily = (typeof VERDICTS)[VerdictCode];

/** Every verdict code, in catalogue order. */
export const VERDICT_CODES = Object.keys(VERDICTS) as readonly VerdictCode[];

/** The family of a code. */
export function familyOf(code: VerdictCode): VerdictFamily {
  return VERDICTS[code];
}
