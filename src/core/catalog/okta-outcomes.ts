/*
 * Okta sign-in outcome reasons: `outcome.reason` of System Log events and the rich-client
 * `debugContext.debugData.loginResult` values, explained for a technician.
 *
 * Sources (see docs/domain-reference.md §1.3, §1.4):
 * - the RichClientDebugData `login_result` examples in Okta's event catalog (event-types.json);
 * - the descriptions of the old Events API `core.user_auth.login_failed.*` object types
 *   (okta-developer-docs events reference, e.g. "Sign-in Failed - No connected agents found");
 * - Okta KBs "Common Okta login failures", "NOT_ACTIVATED error in the System Log" and the AD JIT
 *   VERIFICATION_ERROR article;
 * - "Sign-on policy evaluation resulted in ALLOW" as seen in Elastic's Okta fixtures, with DENY,
 *   CHALLENGE and ENROLL by analogy (ENROLL is listed in Okta's catalog).
 * Okta itself warns that debugData keys and values may change between releases.
 */

/**
 * The troubleshooting family of an Okta outcome reason.
 *
 * `agent` means the AD/LDAP delegated-authentication agents; `policy` means an Okta sign-on or
 * authentication policy decided the outcome.
 */
export type OktaReasonFamily = 'credentials' | 'lockout' | 'account' | 'policy' | 'mfa' | 'agent' | 'other';

/**
 * One Okta outcome reason with a plain-language meaning.
 *
 * `reason` is the canonical token (e.g. "INVALID_CREDENTIALS") or the canonical policy sentence
 * (e.g. "Sign-on policy evaluation resulted in DENY"), whatever text the caller passed.
 */
export interface OktaReasonEntry {
  /** Canonical reason token or policy sentence. */
  readonly reason: string;
  /** What it means for the user's sign-in, in plain language. */
  readonly meaning: string;
  /** Troubleshooting family. */
  readonly family: OktaReasonFamily;
}

// Shorthand so each catalog row stays readable.
function reason(token: string, family: OktaReasonFamily, meaning: string): OktaReasonEntry {
  return { reason: token, meaning, family };
}

const POLICY_PREFIX = 'Sign-on policy evaluation resulted in';

const ENTRIES: readonly OktaReasonEntry[] = [
  reason(
    'INVALID_CREDENTIALS',
    'credentials',
    'Okta rejected the password (or, in OIE, a factor answer). On the Office 365 active endpoint, repeats from one device usually mean a client is replaying an old saved password.',
  ),
  reason(
    'LOCKED_OUT',
    'lockout',
    'The Okta account is locked out after too many failed attempts; often caused by a device or mail client retrying an old password.',
  ),
  reason(
    'UNKNOWN_USER',
    'account',
    'Okta has no user with this username: a typo, a UPN that differs from the Okta login, or a user not (yet) in Okta.',
  ),
  reason(
    'PASSWORD_BASED_LOGIN_DISALLOWED',
    'policy',
    'Password sign-in is not allowed for this user (for example a passwordless-only policy or a user routed to another identity provider), so the password the client sent was refused.',
  ),
  reason(
    'VERIFICATION_ERROR',
    'credentials',
    'Okta could not verify the user: a credential or factor verification failed. Also produced when AD just-in-time provisioning cannot match the username format.',
  ),
  reason(
    'GENERAL_NONSUCCESS',
    'other',
    'Sign-in failed without a more specific reason; look at the other events of the same transaction.',
  ),
  reason(
    'NOT_ACTIVATED',
    'account',
    'The Okta user is not activated. Together with "Authentication of a user via Rich Client: failure" it usually means a device or app keeps replaying old cached credentials.',
  ),
  reason(
    'PASSWORD_EXPIRED',
    'credentials',
    "The user's password has expired; thick clients cannot show the change-password page, so the user must change it in a browser first.",
  ),
  reason('PENDING_ACTIVATION', 'account', 'The Okta user was created but has not completed activation yet.'),
  reason(
    'USER_ACCOUNT_EXPIRED',
    'account',
    'The user account has expired (for example in the directory Okta delegates to).',
  ),
  reason('INACTIVE_ORG', 'other', 'The Okta org is inactive; sign-ins to it are refused.'),
  reason(
    'SSO_AUTHENTICATION_FAILURE',
    'other',
    'Okta recorded "SSO authentication failed": the single sign-on step itself failed.',
  ),
  reason(
    'DEL_AUTH_NO_CONNECTED_AGENTS',
    'agent',
    'Okta delegates passwords to AD/LDAP but no agent was connected to check this one ("No connected agents found"). Check the Okta AD/LDAP agents.',
  ),
  reason(
    'DEL_AUTH_TIMEOUT',
    'agent',
    'The AD/LDAP agent did not answer in time ("AD authentication connection failed"). Check the agent servers and their reach to the domain controllers.',
  ),
  reason(
    'ADDITIONAL_CREDENTIALS_REQUIRED',
    'mfa',
    'The password was accepted but more verification (an MFA factor) is required. Legacy clients cannot do MFA, so they stop here.',
  ),
  reason('SERVICE_NOT_AVAILABLE', 'other', 'Okta reported the service as unavailable for this sign-in; retry later.'),
  reason('NOT_SPECIFIED', 'other', 'Okta did not record a specific login result.'),
  reason('SUCCESS', 'other', 'Okta accepted the sign-in.'),
  reason(
    `${POLICY_PREFIX} DENY`,
    'policy',
    'An Okta sign-on/authentication policy rule denied access. On the Office 365 active endpoint this is the O365 app rule refusing a legacy or rich client (or Windows device registration); on the passive endpoint a browser, network-zone or modern-auth rule.',
  ),
  reason(
    `${POLICY_PREFIX} CHALLENGE`,
    'policy',
    'The policy allowed access only after another factor (MFA); legacy clients cannot answer this.',
  ),
  reason(`${POLICY_PREFIX} ALLOW`, 'policy', 'The policy allowed access.'),
  reason(`${POLICY_PREFIX} ENROLL`, 'policy', 'The policy requires the user to enrol an authenticator first.'),
];

// Each token becomes a pattern in which "_", spaces and hyphens are interchangeable, so
// "locked out" and "Sign-on policy …" match like the raw tokens do. The lookarounds make it a
// whole word ("_" counts as a word character): "SUCCESS" must not match inside
// "GENERAL_NONSUCCESS". Matching runs on upper-cased text.
function tokenPattern(token: string): RegExp {
  const words = token
    .toUpperCase()
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  return new RegExp(`(?<![A-Z0-9_])${words.join('[\\s_-]+')}(?![A-Z0-9_])`);
}

// Longest first, so the policy sentences and longer tokens are tried before shorter ones.
const MATCHERS: readonly (readonly [RegExp, OktaReasonEntry])[] = [...ENTRIES]
  .sort((a, b) => b.reason.length - a.reason.length)
  .map((e) => [tokenPattern(e.reason), e] as const);

/**
 * Every Okta outcome reason the app explains, keyed by canonical token or policy sentence.
 *
 * Use {@link describeOktaReason} for lookups; it also accepts other casings and free text.
 */
export const OKTA_REASON_CATALOG: ReadonlyMap<string, OktaReasonEntry> = new Map(ENTRIES.map((e) => [e.reason, e]));

/**
 * Explains an Okta `outcome.reason` or `debugData.loginResult` value.
 *
 * Case-insensitive, and tolerant of free text that contains one of the tokens (such as
 * "Authentication failed: INVALID_CREDENTIALS") as long as the token stands as a whole word.
 * Returns null for a missing value or text with no known token.
 */
export function describeOktaReason(reasonText: string | null | undefined): OktaReasonEntry | null {
  if (reasonText === null || reasonText === undefined) return null;
  const text = reasonText.toUpperCase();
  for (const [pattern, found] of MATCHERS) {
    if (pattern.test(text)) return found;
  }
  return null;
}
