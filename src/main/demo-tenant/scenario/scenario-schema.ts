import { z } from 'zod';
import { VERDICT_CODES } from '../../../core/diagnosis/verdicts';
import type { VerdictCode } from '../../../core/diagnosis/verdicts';
import { SYMPTOMS } from '../../../core/evidence/symptoms';
import { echoValue } from '../../../core/report/sanitize-text';
import { CLIENT_PRESET_NAMES, ENTRA_APP_PRESET_NAMES } from './client-presets';

/*
 * The demo-tenant scenario file: a declarative description of an Okta org federated with a
 * Microsoft 365 tenant, its users, and what happened to each of them relative to "now".
 *
 * A scenario says *what* happened ("iPhone Mail was denied three times, 10 minutes apart, 45
 * minutes ago"); render-scenario.ts turns it into the vendor objects the simulator serves
 * (System Log events, Entra sign-ins, users, apps, keys, policies, domains). Times are relative
 * so the demo is always "live", and every field that can be broken on purpose (federation URIs,
 * certificates, issuers, ImmutableIDs, statuses, assignments) is an explicit setting.
 *
 * Errors name the field, e.g. `users[3].happenings[1].at: expected a relative time like "-45m"`,
 * because the people who edit scenarios are trainers, not the engine's authors.
 */

/** The format tag of a scenario file. */
export const SCENARIO_FORMAT = 'signin-triage.demo-scenario/v1';

// ---------------------------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DURATION_TEXT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Okta keeps 90 days of System Log; nothing older can be served, so nothing older may be written. */
const MAX_AGE_MS = 90 * DAY_MS;

/**
 * Parses a duration such as "10m", "1h30m", "2d", "45s" to milliseconds; null when it is not one.
 */
export function parseDuration(text: string): number | null {
  const m = DURATION_TEXT.exec(text);
  if (m === null || text === '') return null;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(min ?? 0) * MINUTE_MS + Number(s ?? 0) * 1000;
}

/**
 * Parses a time relative to now, such as "-45m", "-2h", "-1d3h" or "now", to a negative (or
 * zero) offset in milliseconds; null when it is not one or lies more than 90 days back.
 */
export function parseRelativeTime(text: string): number | null {
  if (text === 'now') return 0;
  if (!text.startsWith('-')) return null;
  const ms = parseDuration(text.slice(1));
  return ms === null || ms > MAX_AGE_MS ? null : -ms;
}

const RELATIVE_TIME_ERROR = 'expected a relative time like "-45m" (past, at most 90 days ago)';
const relativeTime = z
  .string({ error: RELATIVE_TIME_ERROR })
  .refine((t) => parseRelativeTime(t) !== null, { error: RELATIVE_TIME_ERROR });
const DURATION_ERROR = 'expected a duration like "10m", "1h30m" or "45s"';
const duration = z
  .string({ error: DURATION_ERROR })
  .refine((t) => (parseDuration(t) ?? 0) > 0, { error: DURATION_ERROR });

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** Okta object ids are 20 characters: a 3-character type prefix and 17 letters or digits. */
function oktaId(prefix: string, what: string) {
  const error = `expected an Okta ${what} id: "${prefix}" followed by 17 letters or digits`;
  return z.string({ error }).regex(new RegExp(`^${prefix}[A-Za-z0-9]{17}$`), { error });
}

const GUID_ERROR = 'expected a GUID like "6f1c4a2e-8d3b-4c5a-9e7f-1a2b3c4d5e6f"';
const guid = z
  .string({ error: GUID_ERROR })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: GUID_ERROR });

const IPV4_ERROR = 'expected an IPv4 address like "203.0.113.24"';
const ipv4 = z
  .string({ error: IPV4_ERROR })
  .regex(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/, { error: IPV4_ERROR });

const CIDR_ERROR = 'expected an IPv4 range like "198.51.100.0/25"';
const cidr = z
  .string({ error: CIDR_ERROR })
  .regex(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(?:3[0-2]|[12]?\d)$/, {
    error: CIDR_ERROR,
  });

const DOMAIN_ERROR = 'expected a DNS domain like "contoso.com"';
const domainName = z
  .string({ error: DOMAIN_ERROR })
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: DOMAIN_ERROR });

const UPN_ERROR = 'expected a lower-case user principal name like "jane.doe@contoso.com"';
const upn = z
  .string({ error: UPN_ERROR })
  .regex(/^[a-z0-9._%+'-]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: UPN_ERROR });

const URL_ERROR = 'expected an absolute https URL; "{orgUrl}" stands for the simulator’s Okta org URL';
const urlTemplate = z
  .string({ error: URL_ERROR })
  .regex(/^(?:https?:\/\/[^\s]+|\{orgUrl\}\/[^\s]*)$/, { error: URL_ERROR });

const text = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` });

// ---------------------------------------------------------------------------------------------
// Tenant-level objects
// ---------------------------------------------------------------------------------------------

/** Which of the two certificates the caller supplies (render options `certificates`). */
const certificateChoice = z.enum(['current', 'other'], {
  error: 'expected "current" or "other" (the certificates passed to the renderer)',
});

/** A place users sign in from: an address and what Okta and Entra say about it. */
const placeSchema = z.strictObject({
  ip: ipv4,
  city: text('a city'),
  state: z.string().optional(),
  country: text('a country'),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO country code like "US"' }),
  postalCode: z.string().optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Autonomous system; use the documentation range 64496–64511 for invented ones. */
  asNumber: z.number().int().positive(),
  isp: text('an ISP name'),
  /** The Okta network zone this address falls in, by name; Okta logs it as client.zone. */
  zone: z.string().optional(),
  isProxy: z.boolean().default(false),
});

const networkZoneSchema = z.strictObject({
  id: oktaId('nzo', 'network zone'),
  name: text('a zone name'),
  type: z.enum(['IP', 'DYNAMIC']),
  usage: z.enum(['POLICY', 'BLOCKLIST']),
  gateways: z.array(cidr).optional(),
  /** DYNAMIC zones: ISO country codes, or proxy types such as "ANONYMIZER", "TOR". */
  locations: z.array(z.string()).optional(),
  proxyType: z.enum(['ANY', 'TOR', 'NOT_TOR', 'ANONYMIZER']).optional(),
});

const office365AppSchema = z.strictObject({
  id: oktaId('0oa', 'app'),
  /** The app's external key, the `{key}` of /app/office365/{key}/sso/wsfed/…. */
  externalKey: oktaId('exk', 'app external key'),
  label: text('an app label'),
  /** The Office 365 domain in the app's settings. */
  domain: domainName,
  /** More domains this instance serves (multi-domain federation). */
  domains: z.array(domainName).default([]),
  /** The Microsoft tenant name ("contoso" of contoso.onmicrosoft.com); defaults to the tenant's. */
  msftTenant: z.string().optional(),
  /** The active signing key: `credentials.signing.kid` and the certificate in its x5c. */
  signing: z.strictObject({ kid: text('a key id'), certificate: certificateChoice }),
  /** Older keys still listed under credentials/keys (after a rotation). */
  additionalKeys: z.array(z.strictObject({ kid: text('a key id'), certificate: certificateChoice })).default([]),
});

/** O365 sign-on rule client types (Okta O365 "client" condition, domain reference §2.4). */
const O365_CLIENTS = ['web', 'modern-auth', 'exchange-activesync-legacy'] as const;

const policyRuleSchema = z.strictObject({
  id: z.string().regex(/^(?:rul|0pr)[A-Za-z0-9]{17}$/, {
    error: 'expected an Okta rule id: "rul" (authentication policy) or "0pr" (global session policy) + 17 characters',
  }),
  name: text('a rule name'),
  access: z.enum(['ALLOW', 'DENY']),
  /** Client types the rule matches; omitted means any client. Authentication policies only. */
  clients: z.array(z.enum(O365_CLIENTS)).optional(),
  /** Network condition by zone names; omitted means anywhere. */
  network: z
    .strictObject({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() })
    .optional(),
  /** Group names the rule applies to; omitted means everyone. */
  groups: z.array(z.string()).optional(),
  /** Whether the rule requires a second factor (2FA) when it allows. */
  mfa: z.boolean().default(false),
  /** Okta's built-in last rule (Catch-all Rule / Default Rule), which cannot be edited. */
  system: z.boolean().default(false),
});

const policySchema = z
  .strictObject({
    id: z.string().regex(/^(?:rst|00p)[A-Za-z0-9]{17}$/, {
      error:
        'expected an Okta policy id: "rst" (authentication policy) or "00p" (global session policy) + 17 characters',
    }),
    type: z.enum(['ACCESS_POLICY', 'OKTA_SIGN_ON']),
    name: text('a policy name'),
    /** Authentication policies: the Office 365 app instances that use it. */
    apps: z.array(oktaId('0oa', 'app')).default([]),
    rules: z.array(policyRuleSchema).min(1, { error: 'expected at least one rule (Okta always has a last rule)' }),
  })
  .superRefine((p, ctx) => {
    const prefix = p.type === 'ACCESS_POLICY' ? 'rst' : '00p';
    if (!p.id.startsWith(prefix)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${p.type} policy id starts with "${prefix}"` });
    }
    const rulePrefix = p.type === 'ACCESS_POLICY' ? 'rul' : '0pr';
    p.rules.forEach((r, i) => {
      if (!r.id.startsWith(rulePrefix)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `a rule of a ${p.type} policy has an id starting with "${rulePrefix}"`,
        });
      }
    });
  });

const conditionalAccessPolicySchema = z.strictObject({
  id: guid,
  displayName: text('a policy name'),
  /** Built-in grant controls, e.g. "block", "mfa", "compliantDevice", "domainJoinedDevice". */
  grantControls: z.array(z.string()).min(1),
  state: z.enum(['enabled', 'enabledForReportingButNotEnforced']).default('enabled'),
});

const federationSchema = z.strictObject({
  /**
   * The Office 365 app instance the domain is federated to: its URIs, issuer and certificate are
   * the defaults. Omit it for a domain federated to another identity provider, and give
   * passiveSignInUri, activeSignInUri, issuerUri and signingCertificate instead.
   */
  app: oktaId('0oa', 'app').optional(),
  /** Deliberate breakage: every field below overrides what the app would give. */
  passiveSignInUri: urlTemplate.optional(),
  activeSignInUri: urlTemplate.optional(),
  metadataExchangeUri: urlTemplate.optional(),
  signOutUri: urlTemplate.optional(),
  issuerUri: z.string().min(1).optional(),
  /** The certificate Entra trusts; defaults to the app's signing certificate. */
  signingCertificate: certificateChoice.optional(),
  nextSigningCertificate: certificateChoice.nullable().default(null),
  federatedIdpMfaBehavior: z
    .enum(['acceptIfMfaDoneByFederatedIdp', 'enforceMfaByFederatedIdp', 'rejectMfaByFederatedIdp'])
    .default('enforceMfaByFederatedIdp'),
  preferredAuthenticationProtocol: z.enum(['wsFed', 'saml']).default('wsFed'),
  promptLoginBehavior: z
    .enum(['translateToFreshPasswordAuthentication', 'nativeSupport', 'disabled'])
    .default('nativeSupport'),
  displayName: z.string().optional(),
});

const domainSchema = z
  .strictObject({
    name: domainName,
    authenticationType: z.enum(['Federated', 'Managed']),
    isVerified: z.boolean().default(true),
    isDefault: z.boolean().default(false),
    isInitial: z.boolean().default(false),
    federation: federationSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.authenticationType === 'Federated' && d.federation === undefined) {
      ctx.addIssue({ code: 'custom', path: ['federation'], message: 'a Federated domain needs federation settings' });
    }
    if (d.authenticationType === 'Managed' && d.federation !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['federation'], message: 'a Managed domain has no federation settings' });
    }
    const f = d.federation;
    if (f?.app === undefined && f !== undefined) {
      for (const key of ['passiveSignInUri', 'activeSignInUri', 'issuerUri', 'signingCertificate'] as const) {
        if (f[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['federation', key],
            message: 'required when the domain is not federated to one of the scenario’s Office 365 apps ("app")',
          });
        }
      }
    }
  });

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/**
 * How an ImmutableID value is produced. Objects, not magic strings, so a literal value can never
 * be mistaken for an instruction.
 *
 * - `{ "from": "objectGuid", "encoding"? }`: from the user's AD objectGUID;
 * - `{ "guid": "…", "encoding"? }`: from another GUID (a deleted AD object, another forest);
 * - `{ "from": "oktaId" }`: Okta's fallback, the 00u… user id;
 * - `{ "value": "…" }`: exactly this text;
 * - `null`: not set.
 *
 * Encodings: `base64` (what Entra Connect writes, the default), `base64-big-endian`, `text`
 * (the GUID as text), `text-base64` (base64 of the GUID text) — domain reference §6.
 */
const IMMUTABLE_ID_ENCODINGS = ['base64', 'base64-big-endian', 'text', 'text-base64'] as const;
const immutableIdSpec = z.union(
  [
    z.strictObject({ from: z.literal('objectGuid'), encoding: z.enum(IMMUTABLE_ID_ENCODINGS).default('base64') }),
    z.strictObject({ guid, encoding: z.enum(IMMUTABLE_ID_ENCODINGS).default('base64') }),
    z.strictObject({ from: z.literal('oktaId') }),
    z.strictObject({ value: z.string().min(1) }),
    z.null(),
  ],
  {
    error:
      'expected {"from":"objectGuid"}, {"guid":"…"}, {"from":"oktaId"}, {"value":"…"} or null (see scenario-schema.ts)',
  },
);

const OKTA_USER_STATUSES = [
  'ACTIVE',
  'STAGED',
  'PROVISIONED',
  'RECOVERY',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;

/** Evidence sources a scenario can make unreadable for one user (the "essential" ones). */
export const FAULTABLE_SOURCES = ['okta.user', 'okta.logEvents', 'graph.user', 'graph.signIns'] as const;

/** Okta reasons rich clients report (RichClientDebugData login_result, domain reference §1.3). */
const RICH_CLIENT_RESULTS = [
  'INVALID_CREDENTIALS',
  'NOT_ACTIVATED',
  'LOCKED_OUT',
  'PASSWORD_EXPIRED',
  'UNKNOWN_USER',
  'PASSWORD_BASED_LOGIN_DISALLOWED',
  'VERIFICATION_ERROR',
  'GENERAL_NONSUCCESS',
  'USER_ACCOUNT_EXPIRED',
] as const;

const clientPreset = z.enum(CLIENT_PRESET_NAMES, {
  error: `expected a client preset: ${CLIENT_PRESET_NAMES.join(', ')}`,
});

const appPreset = z.union(
  [z.enum(ENTRA_APP_PRESET_NAMES), z.strictObject({ id: guid, displayName: text('an app name') })],
  { error: `expected an app preset (${ENTRA_APP_PRESET_NAMES.join(', ')}) or {"id":GUID,"displayName":…}` },
);

const caResult = z.strictObject({
  /** A Conditional Access policy of the scenario, by display name. */
  policy: z.string().min(1),
  result: z.enum(['success', 'failure', 'notApplied', 'reportOnlySuccess', 'reportOnlyFailure', 'notEnabled']),
});

/** Fields of an Entra sign-in, shared by the `sign-in` happening and the Entra half of an Okta one. */
const entraFields = {
  errorCode: z.number().int().nonnegative().default(0),
  app: appPreset.optional(),
  /** Entra's clientAppUsed; defaults from the client ("Browser", "Mobile Apps and Desktop clients", …). */
  clientAppUsed: z.string().optional(),
  /** Beta authenticationProtocol. */
  protocol: z
    .enum(['none', 'oAuth2', 'ropc', 'wsFederation', 'saml20', 'deviceCode', 'authenticationTransfer', 'nativeAuth'])
    .optional(),
  /** Beta originalTransferMethod (protocol tracking). */
  originalTransferMethod: z.enum(['none', 'deviceCodeFlow', 'authenticationTransfer']).optional(),
  caPolicies: z.array(caResult).default([]),
  /** Defaults to Microsoft's text for the code; "{oktaImmutableId}", "{tenantId}", "{upn}" are filled in. */
  failureReason: z.string().optional(),
  additionalDetails: z.string().optional(),
  incomingTokenType: z.enum(['none', 'primaryRefreshToken', 'saml11', 'saml20', 'remoteDesktopToken']).optional(),
  tokenIssuerType: z.enum(['AzureAD', 'ADFederationServices']).optional(),
  interactive: z.boolean().default(true),
  authenticationRequirement: z.enum(['singleFactorAuthentication', 'multiFactorAuthentication']).optional(),
};

const entraFieldsSchema = z.strictObject(entraFields);

/** The Entra half of an Okta happening: "none" when Okta's answer never reached Entra. */
const entraHalf = z.union([z.literal('none'), entraFieldsSchema.extend({ delay: duration.default('3s') })]);

/** Fields every happening has: when, how often, from where, with what client. */
const base = {
  at: relativeTime,
  repeat: z.number().int().min(1).max(100_000).default(1),
  every: duration.optional(),
  /** A place of the scenario (its address, geography, zone); defaults to the user's `from`. */
  from: z.string().optional(),
  /** Overrides the place's address (the geography stays the place's). */
  ip: ipv4.optional(),
  client: clientPreset.optional(),
  /** A raw user agent instead of the client preset's; null records no user agent. */
  userAgent: z.string().nullable().optional(),
};

const browserSso = z.strictObject({
  kind: z.literal('browser-sso'),
  ...base,
  /** The Office 365 rule that allowed it, by name; defaults to the first ALLOW rule. */
  rule: z.string().optional(),
  /** The SSO outcome; FAILURE is Okta's own error page (e.g. "account not configured"). */
  result: z.enum(['SUCCESS', 'FAILURE']).default('SUCCESS'),
  reason: z.string().optional(),
  /** What Entra did with Okta's token; defaults to a success, none when the SSO failed. */
  entra: entraHalf.optional(),
});

const oktaSignIn = z.strictObject({ kind: z.literal('okta-sign-in'), ...base });

const legacyDeny = z.strictObject({
  kind: z.literal('legacy-deny'),
  ...base,
  rule: z.string().optional(),
  entra: entraHalf.default('none'),
});

const windowsRegistrationDeny = z.strictObject({
  kind: z.literal('windows-registration-deny'),
  ...base,
  rule: z.string().optional(),
});

const richClientFailure = z.strictObject({
  kind: z.literal('rich-client-failure'),
  ...base,
  reason: z.enum(RICH_CLIENT_RESULTS),
  entra: entraHalf.default('none'),
});

const richClientSuccess = z.strictObject({
  kind: z.literal('rich-client-success'),
  ...base,
  entra: entraHalf.optional(),
});

const passiveDeny = z.strictObject({
  kind: z.literal('passive-deny'),
  ...base,
  rule: z.string().optional(),
  /** The matched network zone; defaults to the place's zone. null forces "no zone". */
  zone: z.string().nullable().optional(),
});

const oktaSignInDeny = z.strictObject({
  kind: z.literal('okta-sign-in-deny'),
  ...base,
  rule: z.string().optional(),
  zone: z.string().nullable().optional(),
});

const zoneBlock = z.strictObject({
  kind: z.literal('zone-block'),
  ...base,
  /** The blocklist zone that matched, by name. */
  zone: z.string().min(1),
});

const MFA_FACTORS = ['okta-verify-push', 'okta-verify-totp', 'google-authenticator', 'sms', 'phone-call'] as const;

const mfaFailure = z.strictObject({
  kind: z.literal('mfa-failure'),
  ...base,
  factor: z.enum(MFA_FACTORS).default('okta-verify-push'),
  reason: z.string().default('INVALID_CREDENTIALS'),
});

const mfaSuccess = z.strictObject({
  kind: z.literal('mfa-success'),
  ...base,
  factor: z.enum(MFA_FACTORS).default('okta-verify-push'),
});

const accountLock = z.strictObject({
  kind: z.literal('account-lock'),
  ...base,
  /** user.account.lock.limit: the lockout limit was reached and there is no auto-unlock. */
  limit: z.boolean().default(false),
});

const passwordChange = z.strictObject({ kind: z.literal('password-change'), ...base });

const ADMIN_ACTIONS = [
  'create',
  'activate',
  'suspend',
  'unsuspend',
  'deactivate',
  'unlock',
  'reset-password',
  'assign-o365',
  'unassign-o365',
] as const;

const adminAction = z.strictObject({
  kind: z.literal('admin-action'),
  ...base,
  action: z.enum(ADMIN_ACTIONS),
  /** Who did it: the scenario's administrator, or Okta itself (imports, group rules, workflows). */
  by: z.enum(['administrator', 'system']).default('administrator'),
});

const spray = z.strictObject({
  kind: z.literal('spray'),
  ...base,
  /** How many distinct addresses the attempts come from (taken from 192.0.2.0/24 and 203.0.113.0/24). */
  ips: z.number().int().min(1).max(200),
  attemptsPerIp: z.number().int().min(1).max(100).default(1),
  /** Spray tools send no user agent or forge Windows' WS-Trust one (domain reference §7). */
  spoof: z.enum(['none', 'forged-windows']).default('none'),
  /** Okta ThreatInsight flagged the requests (debugData.threatSuspected). */
  threatInsight: z.boolean().default(false),
});

const signIn = z.strictObject({ kind: z.literal('sign-in'), ...base, ...entraFields });

/** Every kind of happening, by its `kind`. */
export const HAPPENING_KINDS = [
  'browser-sso',
  'okta-sign-in',
  'legacy-deny',
  'windows-registration-deny',
  'rich-client-failure',
  'rich-client-success',
  'passive-deny',
  'okta-sign-in-deny',
  'zone-block',
  'mfa-failure',
  'mfa-success',
  'account-lock',
  'password-change',
  'admin-action',
  'spray',
  'sign-in',
] as const;

const happeningSchema = z.discriminatedUnion(
  'kind',
  [
    browserSso,
    oktaSignIn,
    legacyDeny,
    windowsRegistrationDeny,
    richClientFailure,
    richClientSuccess,
    passiveDeny,
    oktaSignInDeny,
    zoneBlock,
    mfaFailure,
    mfaSuccess,
    accountLock,
    passwordChange,
    adminAction,
    spray,
    signIn,
  ],
  { error: `expected a happening kind: ${HAPPENING_KINDS.join(', ')}` },
);

const userSchema = z.strictObject({
  upn,
  displayName: text('a display name'),
  symptom: z.enum(SYMPTOMS, { error: `expected a symptom: ${SYMPTOMS.join(', ')}` }),
  expectedVerdict: z.enum(VERDICT_CODES as readonly [VerdictCode, ...VerdictCode[]], {
    error: 'expected a verdict code from src/core/diagnosis/verdicts.ts',
  }),
  title: text('a one-line title'),
  story: text('a story'),
  /** The place the user usually signs in from. */
  from: z.string().min(1),
  /** The Okta account; null when Okta has none at all. */
  okta: z
    .strictObject({
      id: oktaId('00u', 'user'),
      status: z.enum(OKTA_USER_STATUSES),
      /** Okta's username; a login other than the UPN makes GET /users/{upn} answer 404. */
      login: z.string().optional(),
      /** Where the account is mastered: Active Directory (imported) or Okta itself. */
      source: z.enum(['ACTIVE_DIRECTORY', 'OKTA']).default('ACTIVE_DIRECTORY'),
      groups: z.array(z.string()).default([]),
    })
    .nullable(),
  /** The on-premises AD account, when there is one (synced users). */
  ad: z
    .strictObject({ objectGuid: guid, samAccountName: z.string().min(1), dnsDomain: domainName.optional() })
    .optional(),
  /** The two ImmutableIDs; by default both come from the AD objectGUID (or the Okta id for cloud users). */
  immutableId: z
    .strictObject({
      okta: immutableIdSpec.optional(),
      /** "absent": the Graph user lacks the property altogether (unknown, not null). */
      entra: z.union([immutableIdSpec, z.literal('absent')]).optional(),
    })
    .optional(),
  office365: z
    .strictObject({
      assigned: z.boolean(),
      app: oktaId('0oa', 'app').optional(),
      scope: z.enum(['USER', 'GROUP']).default('GROUP'),
      status: z.enum(['PROVISIONED', 'ACTIVE', 'PENDING', 'STAGED']).default('PROVISIONED'),
    })
    .default({ assigned: true, scope: 'GROUP', status: 'PROVISIONED' }),
  /** The Entra account; null when Entra has none. */
  entra: z.strictObject({ id: guid, accountEnabled: z.boolean().default(true) }).nullable(),
  /** Sources the simulator refuses to serve for this user (so a collector records a gap). */
  unavailable: z
    .array(
      z.strictObject({
        source: z.enum(FAULTABLE_SOURCES),
        status: z.number().int().min(400).max(599),
        /** The vendor's error code, e.g. "Authorization_RequestDenied" (Graph) or "E0000006" (Okta). */
        code: text('a vendor error code'),
        message: text('an error message'),
      }),
    )
    .default([]),
  happenings: z.array(happeningSchema),
});

const administratorSchema = z.strictObject({
  id: oktaId('00u', 'user'),
  login: z.string().min(3),
  displayName: text('a display name'),
});

const scenarioObject = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: `expected "${SCENARIO_FORMAT}"` }),
  tenant: z.strictObject({
    /** What the demo calls the organisation, e.g. "Contoso". */
    name: text('an organisation name'),
    /** The Entra directory (tenant) id. */
    tenantId: guid,
    /** The initial domain's prefix: "contoso" of contoso.onmicrosoft.com. */
    tenantName: z.string().regex(/^[a-z0-9]{1,27}$/, { error: 'expected the .onmicrosoft.com prefix, e.g. "contoso"' }),
    /** Without Entra ID P1/P2, Graph answers 403 to every sign-in log query. */
    hasP1: z.boolean(),
  }),
  administrator: administratorSchema,
  places: z.record(z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a kebab-case place key' }), placeSchema),
  networkZones: z.array(networkZoneSchema).default([]),
  office365Apps: z.array(office365AppSchema).min(1, { error: 'expected at least one Office 365 app instance' }),
  domains: z.array(domainSchema).min(1),
  policies: z.array(policySchema),
  conditionalAccessPolicies: z.array(conditionalAccessPolicySchema).default([]),
  users: z.array(userSchema),
});

/** A happening, as parsed (defaults applied). */
export type Happening = DeepReadonly<z.output<typeof happeningSchema>>;
/** A user of a scenario, as parsed. */
export type ScenarioUser = DeepReadonly<z.output<typeof userSchema>>;
/** An ImmutableID recipe (see {@link immutableIdSpec}'s comment). */
export type ImmutableIdSpec = DeepReadonly<z.output<typeof immutableIdSpec>>;
/** A place users sign in from. */
export type ScenarioPlace = DeepReadonly<z.output<typeof placeSchema>>;
/** An Office 365 app instance of a scenario. */
export type ScenarioApp = DeepReadonly<z.output<typeof office365AppSchema>>;
/** A policy of a scenario. */
export type ScenarioPolicy = DeepReadonly<z.output<typeof policySchema>>;
/** A policy rule of a scenario. */
export type ScenarioPolicyRule = DeepReadonly<z.output<typeof policyRuleSchema>>;
/** A domain of a scenario. */
export type ScenarioDomain = DeepReadonly<z.output<typeof domainSchema>>;
/** The Entra half of an Okta happening. */
export type EntraHalf = DeepReadonly<z.output<typeof entraHalf>>;
/** Entra sign-in fields shared by `sign-in` and Entra halves. */
export type EntraSignInFields = DeepReadonly<z.output<typeof entraFieldsSchema>>;
/** A whole scenario, as parsed (defaults applied). */
export type Scenario = DeepReadonly<z.output<typeof scenarioObject>>;
/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioObject>;

/** Readonly all the way down, so rendered scenarios cannot be edited by accident. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

// ---------------------------------------------------------------------------------------------
// Cross-references: the checks no single field can make
// ---------------------------------------------------------------------------------------------

type Issue = { readonly path: readonly (string | number)[]; readonly message: string };

/** Happening kinds possible for a login Okta does not know: nothing that needs a valid password. */
const UNKNOWN_USER_KINDS: ReadonlySet<string> = new Set(['rich-client-failure', 'spray', 'zone-block', 'sign-in']);
/** Happenings that need a deny rule of the Office 365 policy when they name none. */
const O365_DENY_KINDS: ReadonlySet<string> = new Set(['legacy-deny', 'windows-registration-deny', 'passive-deny']);

function crossReferences(s: z.output<typeof scenarioObject>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: readonly (string | number)[], message: string): void => {
    issues.push({ path, message });
  };
  const zones = new Map(s.networkZones.map((z) => [z.name, z]));
  const apps = new Set(s.office365Apps.map((a) => a.id));
  const domains = new Set(s.domains.map((d) => d.name));
  const caNames = new Set(s.conditionalAccessPolicies.map((p) => p.displayName));
  const accessPolicies = s.policies.filter((p) => p.type === 'ACCESS_POLICY');
  const globalPolicy = s.policies.find((p) => p.type === 'OKTA_SIGN_ON');
  const firstApp = s.office365Apps[0]?.id;
  const policyForApp = (appId: string | undefined): (typeof accessPolicies)[number] | undefined =>
    accessPolicies.find((p) => appId !== undefined && p.apps.includes(appId)) ??
    (accessPolicies.length === 1 ? accessPolicies[0] : undefined);

  for (const [key, place] of Object.entries(s.places)) {
    if (place.zone !== undefined && !zones.has(place.zone)) {
      add(['places', key, 'zone'], `no network zone is named "${place.zone}"`);
    }
  }
  s.policies.forEach((p, i) => {
    p.apps.forEach((a, j) => {
      if (!apps.has(a)) add(['policies', i, 'apps', j], `no Office 365 app has the id ${a}`);
    });
    p.rules.forEach((r, j) => {
      for (const [side, names] of [
        ['include', r.network?.include],
        ['exclude', r.network?.exclude],
      ] as const) {
        names?.forEach((n, k) => {
          if (!zones.has(n)) add(['policies', i, 'rules', j, 'network', side, k], `no network zone is named "${n}"`);
        });
      }
    });
  });
  s.domains.forEach((d, i) => {
    if (d.federation?.app !== undefined && !apps.has(d.federation.app)) {
      add(['domains', i, 'federation', 'app'], `no Office 365 app has the id ${d.federation.app}`);
    }
  });
  if (!s.domains.some((d) => d.isInitial)) {
    add(['domains'], `expected the initial domain ${s.tenant.tenantName}.onmicrosoft.com with "isInitial": true`);
  }

  const seen = { upn: new Map<string, number>(), okta: new Map<string, number>(), entra: new Map<string, number>() };
  const once = (map: Map<string, number>, value: string, i: number, path: (string | number)[], what: string): void => {
    const first = map.get(value);
    if (first !== undefined) add(path, `${what} ${value} is already used by users[${first}]`);
    else map.set(value, i);
  };
  s.users.forEach((u, i) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['users', i, ...rest];
    once(seen.upn, u.upn, i, at('upn'), 'the UPN');
    if (u.okta !== null) once(seen.okta, u.okta.id, i, at('okta', 'id'), 'the Okta id');
    if (u.entra !== null) once(seen.entra, u.entra.id, i, at('entra', 'id'), 'the Entra id');
    const domain = u.upn.slice(u.upn.indexOf('@') + 1);
    if (!domains.has(domain)) add(at('upn'), `the domain ${domain} is not one of the scenario’s domains`);
    if (!(u.from in s.places)) add(at('from'), `no place is named "${u.from}"`);
    const app = u.office365.app ?? firstApp;
    if (u.office365.app !== undefined && !apps.has(u.office365.app)) {
      add(at('office365', 'app'), `no Office 365 app has the id ${u.office365.app}`);
    }
    if (u.office365.assigned && u.okta === null) {
      add(at('office365', 'assigned'), 'a user without an Okta account cannot be assigned to Office 365');
    }
    const usesObjectGuid = [u.immutableId?.okta, u.immutableId?.entra].some(
      (spec) => spec !== null && typeof spec === 'object' && 'from' in spec && spec.from === 'objectGuid',
    );
    if (usesObjectGuid && u.ad === undefined) {
      add(at('immutableId'), 'an ImmutableID "from": "objectGuid" needs the user’s "ad" account');
    }
    if (
      u.okta === null &&
      [u.immutableId?.okta, u.immutableId?.entra].some(
        (spec) => spec !== null && typeof spec === 'object' && 'from' in spec && spec.from === 'oktaId',
      )
    ) {
      add(at('immutableId'), 'an ImmutableID "from": "oktaId" needs an Okta account');
    }
    const knownToOkta = u.okta !== null && (u.okta.login === undefined || u.okta.login === u.upn);
    const policy = policyForApp(app);

    u.happenings.forEach((h, j) => {
      const hp = (...rest: (string | number)[]): (string | number)[] => at('happenings', j, ...rest);
      if (h.repeat > 1 && h.every === undefined) add(hp('every'), 'a repeated happening needs "every", e.g. "10m"');
      const start = parseRelativeTime(h.at) ?? 0;
      const step = h.every === undefined ? 0 : (parseDuration(h.every) ?? 0);
      if (start + (h.repeat - 1) * step > 0) {
        add(hp('repeat'), `${h.repeat} times every ${h.every ?? ''} from ${h.at} runs into the future; start earlier`);
      }
      if (h.from !== undefined && !(h.from in s.places)) add(hp('from'), `no place is named "${h.from}"`);
      if (!knownToOkta && !UNKNOWN_USER_KINDS.has(h.kind)) {
        add(
          hp('kind'),
          `Okta has no user with the login ${u.upn}, so only ${[...UNKNOWN_USER_KINDS].join(', ')} can happen`,
        );
      }
      if (!knownToOkta && h.kind === 'rich-client-failure' && h.reason !== 'UNKNOWN_USER') {
        add(hp('reason'), 'Okta has no user with this login: a rich client can only fail with UNKNOWN_USER');
      }
      const entra =
        h.kind === 'sign-in' ? h : 'entra' in h && h.entra !== undefined && h.entra !== 'none' ? h.entra : null;
      if (entra !== null) {
        if (u.entra === null) add(hp(h.kind === 'sign-in' ? 'kind' : 'entra'), 'this user has no Entra account');
        entra.caPolicies.forEach((c, k) => {
          if (!caNames.has(c.policy)) {
            const path = h.kind === 'sign-in' ? hp('caPolicies', k, 'policy') : hp('entra', 'caPolicies', k, 'policy');
            add(path, `no Conditional Access policy is named "${c.policy}"`);
          }
        });
      }
      if ('zone' in h && typeof h.zone === 'string' && !zones.has(h.zone)) {
        add(hp('zone'), `no network zone is named "${h.zone}"`);
      }
      if (h.kind === 'zone-block' && zones.get(h.zone)?.usage !== 'BLOCKLIST' && zones.has(h.zone)) {
        add(hp('zone'), `"${h.zone}" is not a BLOCKLIST zone`);
      }
      if ('rule' in h) {
        const rulePolicy = h.kind === 'okta-sign-in-deny' ? globalPolicy : policy;
        const what = h.kind === 'okta-sign-in-deny' ? 'the global session policy' : 'the Office 365 policy';
        if (rulePolicy === undefined) {
          add(hp('kind'), `${what} is missing: add it to "policies"`);
        } else if (h.rule !== undefined) {
          if (!rulePolicy.rules.some((r) => r.name === h.rule)) {
            add(hp('rule'), `${what} "${rulePolicy.name}" has no rule named "${h.rule}"`);
          }
        } else {
          const wanted = h.kind === 'browser-sso' ? 'ALLOW' : 'DENY';
          if (
            (O365_DENY_KINDS.has(h.kind) || h.kind === 'okta-sign-in-deny' || h.kind === 'browser-sso') &&
            !rulePolicy.rules.some((r) => r.access === wanted)
          ) {
            add(hp('rule'), `${what} "${rulePolicy.name}" has no ${wanted} rule; name one with "rule"`);
          }
        }
      }
    });
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** Renders a path as `users[3].happenings[1].at`; keys come from the file, so each is echoed clipped and visible. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? echoValue(String(key), 64) : `.${echoValue(String(key), 64)}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** How many problems one message lists before "(and N more)". */
const SHOWN_PROBLEMS = 5;

function report(problems: readonly string[]): string {
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
  return `${problems.slice(0, SHOWN_PROBLEMS).join('; ')}${more}`;
}

/**
 * Validates a parsed JSON value as a scenario, applying defaults.
 *
 * Never throws. The error names each offending field, e.g.
 * `users[3].happenings[1].at: expected a relative time like "-45m" (past, at most 90 days ago)`;
 * field checks come first, then cross-references (unknown places, zones, rules, apps, policies,
 * duplicate ids).
 */
export function parseScenario(json: unknown): { ok: true; value: Scenario } | { ok: false; error: string } {
  const parsed = scenarioObject.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${pathText([...issue.path, key])}: unknown field`)
        : [`${pathText(issue.path)}: ${issue.message}`],
    );
    return { ok: false, error: report(problems) };
  }
  const issues = crossReferences(parsed.data);
  if (issues.length > 0) return { ok: false, error: report(issues.map((i) => `${pathText(i.path)}: ${i.message}`)) };
  return { ok: true, value: parsed.data };
}
