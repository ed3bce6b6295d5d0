import type { EvidenceBundle } from '../evidence/bundle';
import type { Symptom } from '../evidence/symptoms';
import type { GraphSignIn, OktaLogEvent, OktaLogTarget } from '../evidence/vendor-types';
import { CERT_CURRENT } from './certificates';

/*
 * Vendor-shaped fixtures for engine tests, built from the shapes in the domain reference
 * (Okta LogEvent §1.1/§1.7, Graph signIn §3.2, internalDomainFederation §3.4). Each builder
 * makes one realistic record; bundles start healthy and each test breaks one thing.
 */

/** The incident window starts here; `at(n)` is n minutes later. */
export const T0 = Date.parse('2026-11-25T14:00:00.000Z');

/** ISO time `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

export const UPN = 'jdoe@contoso.com';
export const ORG_URL = 'https://contoso.okta.com';
export const OKTA_USER_ID = '00u8ab12cdEFghIJ5d7x';
export const APP_ID = '0oa1b2c3d4E5F6g7h8i9';
export const APP_KEY = 'exk1a2b3c4D5e6F7g8h9';
export const KEY_ID = 'kid-o365-current';
export const ENTRA_USER_ID = '6f1c4a2e-8d3b-4c5a-9e7f-1a2b3c4d5e6f';
/** GUID 748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e5 as Entra Connect writes it (domain reference §6). */
export const IMMUTABLE_ID = 'hi2LdEwsjU+LThoc5MnQ5Q==';

/** User agents from the domain reference §7 and common clients. */
export const UA = {
  outlook2016: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)',
  outlookC2R: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)',
  iosMail: 'Apple-iPhone14C3/2006.5',
  windowsRegistration: 'Windows-AzureAD-Authentication-Provider/1.0',
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36',
  vvx: 'PolycomVVX-VVX_500-UA/5.9.7.3480',
} as const;

export const ACTIVE_URI = `/app/office365/${APP_KEY}/sso/wsfed/active`;
export const PASSIVE_URI = `/app/office365/${APP_KEY}/sso/wsfed/passive`;

let counter = 0;
/** A unique id with a readable prefix (deterministic within a test run). */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(6, '0')}`;
}

/** Options of {@link oktaEvent}. */
export interface OktaEventOptions {
  readonly type: string;
  readonly minute: number;
  readonly result?: string;
  readonly reason?: string | null;
  readonly ua?: string | null;
  readonly ip?: string;
  readonly uri?: string | null;
  readonly tx?: string;
  readonly zone?: string | null;
  readonly targets?: readonly OktaLogTarget[];
  readonly displayMessage?: string;
  readonly actorId?: string;
  readonly debug?: Readonly<Record<string, unknown>>;
}

/** One Okta System Log event. */
export function oktaEvent(o: OktaEventOptions): OktaLogEvent {
  const uri = o.uri === undefined ? null : o.uri;
  return {
    uuid: nextId('evt-'),
    published: at(o.minute),
    eventType: o.type,
    version: '0',
    severity: o.result === 'FAILURE' || o.result === 'DENY' ? 'WARN' : 'INFO',
    displayMessage: o.displayMessage ?? o.type,
    actor: { id: o.actorId ?? OKTA_USER_ID, type: 'User', alternateId: UPN, displayName: 'Jane Doe' },
    client: {
      userAgent: o.ua === null ? null : { rawUserAgent: o.ua ?? UA.chrome, os: 'Windows 10', browser: 'UNKNOWN' },
      zone: o.zone ?? 'null',
      device: 'Computer',
      ipAddress: o.ip ?? '198.51.100.23',
    },
    authenticationContext: { credentialType: 'PASSWORD', externalSessionId: null, interface: null },
    outcome: { result: o.result ?? 'SUCCESS', reason: o.reason ?? null },
    target: o.targets ? [...o.targets] : null,
    transaction: { type: 'WEB', id: o.tx ?? nextId('tx-'), detail: {} },
    debugContext: {
      debugData: { ...(uri !== null ? { requestUri: uri, url: `${uri}?` } : {}), threatSuspected: 'false', ...o.debug },
    },
  } as OktaLogEvent;
}

/** The policy targets of an OIE Office 365 authentication policy deny (§1.7 a). */
export const O365_POLICY_TARGETS: readonly OktaLogTarget[] = [
  {
    id: 'rst9xyzPolicy01',
    type: 'PolicyEntity',
    alternateId: 'unknown',
    displayName: 'Microsoft Office 365',
    detailEntry: { policyType: 'ACCESS_POLICY' },
  },
  { id: 'rul9xyzRule0001', type: 'PolicyRule', alternateId: 'rst9xyzPolicy01', displayName: 'Catch-all Rule' },
];

/** A legacy (WS-Trust) request: password accepted, then the O365 rule denies it (§1.7 a). */
export function legacyDeny(minute: number, ua: string = UA.outlook2016, ip = '198.51.100.23'): OktaLogEvent[] {
  const tx = nextId('tx-');
  return [
    oktaEvent({
      type: 'user.session.start',
      minute,
      result: 'SUCCESS',
      ua,
      ip,
      uri: ACTIVE_URI,
      tx,
      displayMessage: 'User login to Okta',
    }),
    oktaEvent({
      type: 'policy.evaluate_sign_on',
      minute,
      result: 'DENY',
      reason: 'Sign-on policy evaluation resulted in DENY',
      ua,
      ip,
      uri: ACTIVE_URI,
      tx,
      targets: O365_POLICY_TARGETS,
      displayMessage: 'Evaluation of sign-on policy',
    }),
  ];
}

/** A rich-client failure on the active endpoint (§1.7 b). */
export function richClientFailure(
  minute: number,
  reason = 'INVALID_CREDENTIALS',
  ua: string = UA.outlookC2R,
  ip = '198.51.100.23',
): OktaLogEvent {
  return oktaEvent({
    type: 'user.authentication.auth_via_richclient',
    minute,
    result: 'FAILURE',
    reason,
    ua,
    ip,
    uri: ACTIVE_URI,
    displayMessage: 'Authentication of a user via Rich Client',
    debug: { appName: 'office365', instanceId: APP_ID, loginResult: reason },
  });
}

/** A browser SSO to Office 365 through the passive endpoint. */
export function browserSso(minute: number, result = 'SUCCESS', ip = '198.51.100.23'): OktaLogEvent {
  return oktaEvent({
    type: 'user.authentication.sso',
    minute,
    result,
    ua: UA.chrome,
    ip,
    uri: PASSIVE_URI,
    displayMessage: 'User single sign on to app',
  });
}

/** A browser request on the passive endpoint denied by an Okta rule. */
export function passiveDeny(minute: number, zone: string | null = null, ip = '203.0.113.9'): OktaLogEvent {
  return oktaEvent({
    type: 'policy.evaluate_sign_on',
    minute,
    result: 'DENY',
    reason: 'Sign-on policy evaluation resulted in DENY',
    ua: UA.chrome,
    ip,
    uri: PASSIVE_URI,
    zone,
    targets: O365_POLICY_TARGETS,
    displayMessage: 'Evaluation of sign-on policy',
  });
}

/** Options of {@link signIn}. */
export interface SignInOptions {
  readonly minute: number;
  readonly code?: number;
  readonly app?: string;
  readonly clientAppUsed?: string;
  readonly ua?: string;
  readonly ip?: string;
  readonly protocol?: string;
  readonly transfer?: string;
  readonly caPolicies?: readonly { readonly displayName: string; readonly result: string }[];
  readonly failureReason?: string;
  readonly incomingTokenType?: string;
}

/** One Entra sign-in (beta shape when `protocol` is given). */
export function signIn(o: SignInOptions): GraphSignIn {
  return {
    id: nextId('si-'),
    createdDateTime: at(o.minute),
    userPrincipalName: UPN,
    userId: ENTRA_USER_ID,
    appDisplayName: o.app ?? 'Office 365 Exchange Online',
    appId: '00000002-0000-0ff1-ce00-000000000000',
    clientAppUsed: o.clientAppUsed ?? 'Browser',
    correlationId: nextId('corr-'),
    ipAddress: o.ip ?? '198.51.100.23',
    isInteractive: true,
    userAgent: o.ua ?? UA.chrome,
    status: {
      errorCode: o.code ?? 0,
      failureReason: o.failureReason ?? (o.code ? `AADSTS${o.code}` : null),
      additionalDetails: null,
    },
    conditionalAccessStatus: o.caPolicies?.some((p) => p.result === 'failure') ? 'failure' : 'notApplied',
    appliedConditionalAccessPolicies: (o.caPolicies ?? []).map((p) => ({ id: nextId('ca-'), ...p })),
    authenticationRequirement: 'singleFactorAuthentication',
    tokenIssuerType: 'ADFederationServices',
    incomingTokenType: o.incomingTokenType ?? 'saml11',
    ...(o.protocol !== undefined ? { authenticationProtocol: o.protocol } : {}),
    ...(o.transfer !== undefined ? { originalTransferMethod: o.transfer } : {}),
  };
}

/** A mutable copy of a bundle for a test to break one thing in. */
export type MutableBundle = {
  -readonly [K in keyof EvidenceBundle]: EvidenceBundle[K] extends infer V
    ? V extends object
      ? { -readonly [P in keyof V]: V[P] }
      : V
    : never;
};

/**
 * A healthy federated user: active in Okta, assigned to Office 365 with matching ImmutableIDs,
 * domain federated to this org with the right certificate, a successful browser sign-in on
 * both sides and Outlook signing in with modern authentication. `patch` breaks what the test is about.
 */
export function healthyBundle(patch?: (b: MutableBundle) => void, symptom?: Symptom): EvidenceBundle {
  const bundle: MutableBundle = {
    format: 'signin-triage.evidence/v1',
    collectedAt: at(120),
    subject: { upn: UPN, since: at(0), until: at(120), ...(symptom !== undefined ? { symptom } : {}) },
    okta: {
      orgUrl: ORG_URL,
      user: { id: OKTA_USER_ID, status: 'ACTIVE', profile: { login: UPN, email: UPN } },
      o365Apps: [
        {
          id: APP_ID,
          name: 'office365',
          label: 'Microsoft Office 365',
          status: 'ACTIVE',
          signOnMode: 'SAML_1_1',
          settings: { app: { domain: 'contoso.com', msftTenant: 'contoso' } },
          credentials: { signing: { kid: KEY_ID } },
        },
      ],
      appUsers: {
        [APP_ID]: {
          id: OKTA_USER_ID,
          status: 'PROVISIONED',
          scope: 'GROUP',
          credentials: { userName: UPN },
          profile: { immutableId: IMMUTABLE_ID },
        },
      },
      logEvents: [browserSso(30)],
      signingKeys: { [APP_ID]: [{ kid: KEY_ID, x5c: [CERT_CURRENT], expiresAt: '2036-11-18T20:53:27.000Z' }] },
    },
    graph: {
      user: {
        id: ENTRA_USER_ID,
        userPrincipalName: UPN,
        accountEnabled: true,
        onPremisesImmutableId: IMMUTABLE_ID,
        onPremisesSyncEnabled: true,
      },
      // A healthy user signs in from a browser and from Outlook (modern authentication).
      signIns: [
        signIn({ minute: 30 }),
        signIn({
          minute: 31,
          clientAppUsed: 'Mobile Apps and Desktop clients',
          ua: UA.outlookC2R,
          incomingTokenType: 'primaryRefreshToken',
        }),
      ],
      domain: { id: 'contoso.com', authenticationType: 'Federated', isVerified: true },
      federationConfiguration: [
        {
          id: 'fed-contoso',
          issuerUri: `http://www.okta.com/${APP_KEY}`,
          passiveSignInUri: `${ORG_URL}${PASSIVE_URI}`,
          activeSignInUri: `${ORG_URL}${ACTIVE_URI}`,
          signingCertificate: CERT_CURRENT,
          preferredAuthenticationProtocol: 'wsFed',
          federatedIdpMfaBehavior: 'enforceMfaByFederatedIdp',
        },
      ],
    },
    gaps: [],
  };
  patch?.(bundle);
  return bundle;
}

/** Appends Okta events to a mutable bundle. */
export function addEvents(b: MutableBundle, ...events: OktaLogEvent[]): void {
  b.okta = { ...(b.okta ?? { orgUrl: ORG_URL }), logEvents: [...(b.okta?.logEvents ?? []), ...events] };
}

/** Appends Entra sign-ins to a mutable bundle. */
export function addSignIns(b: MutableBundle, ...signIns: GraphSignIn[]): void {
  b.graph = { ...(b.graph ?? {}), signIns: [...(b.graph?.signIns ?? []), ...signIns] };
}
