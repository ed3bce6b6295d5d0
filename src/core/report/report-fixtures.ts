import { diagnose } from '../diagnosis/diagnose';
import type { EvidenceBundle } from '../evidence/bundle';
import type { GraphSignIn, OktaLogEvent } from '../evidence/vendor-types';
import {
  addEvents,
  addSignIns,
  APP_ID,
  healthyBundle,
  legacyDeny,
  ORG_URL,
  oktaEvent,
  passiveDeny,
  richClientFailure,
  signIn,
  UA,
} from '../test-support/fixtures';
import type { ReportInput } from './report-types';

/*
 * Incidents for the report's tests, built with the real engine from the shared vendor-shaped
 * fixtures: the three verdicts issue 8 names, and a realistic bad morning full of what an
 * external report must hide. Test-only; nothing in the app imports this file.
 */

/** The incident id every fixture incident has. */
export const INCIDENT_ID = 'inc-20261125T160000Z-1a2b3c4d';
/** When the fixture reports are generated. */
export const GENERATED_AT = '2026-11-25T16:15:00.000Z';

/** A stored incident around a bundle, diagnosed by the engine. */
export function incidentInput(
  bundle: EvidenceBundle,
  work: Partial<ReportInput['work']> = {},
  overrides: Partial<Omit<ReportInput, 'work'>> = {},
): ReportInput {
  return {
    incidentId: INCIDENT_ID,
    createdAt: '2026-11-25T16:00:00.000Z',
    updatedAt: '2026-11-25T16:10:00.000Z',
    status: 'draft',
    tenantName: 'Contoso production',
    diagnosis: diagnose(bundle),
    work: { step: 'fix', done: [0], notes: 'Called the user; walked through the first step.', ...work },
    bundle,
    generatedAt: GENERATED_AT,
    appVersion: '1.8.0',
    ...overrides,
  };
}

/** Outlook's legacy (WS-Trust) requests denied by the Office 365 rule: LEGACY_AUTH_BLOCKED. */
export function legacyAuthBundle(): EvidenceBundle {
  return healthyBundle((b) => {
    addEvents(b, ...legacyDeny(40), ...legacyDeny(55));
  }, 'outlook-desktop');
}

/** Okta sends its 00u fallback id while Entra holds a GUID: IMMUTABLEID_MISMATCH. */
export function immutableIdBundle(): EvidenceBundle {
  return healthyBundle((b) => {
    b.okta = {
      ...(b.okta ?? { orgUrl: ORG_URL }),
      appUsers: { [APP_ID]: { id: 'x', profile: { immutableId: '00u8ab12cdEFghIJ5d7x' } } },
    };
    addSignIns(b, signIn({ minute: 40, code: 51004 }));
  });
}

/** Conditional Access blocks a Teams phone's device-code sign-in: DEVICE_CODE_BLOCKED_BY_POLICY. */
export function deviceCodeBundle(): EvidenceBundle {
  return healthyBundle((b) => {
    addSignIns(
      b,
      signIn({
        minute: 50,
        code: 53003,
        app: 'Microsoft Teams',
        protocol: 'deviceCode',
        caPolicies: [{ displayName: 'Block device code flow', result: 'failure' }],
      }),
    );
  }, 'teams-phone');
}

/** Values the realistic incident holds that an external report must not show. */
export const SENSITIVE = {
  otherUsers: [
    'dana.whitfield@contoso.com',
    'scan-to-email@contoso.com',
    'svc-triage@contoso.com',
    'it.admin@contoso.com',
    'mallory@fabrikam.com',
  ],
  names: ['Dana Whitfield', 'Ivan Admin'],
  ips: [
    '2001:db8:85a3::8a2e:370:7334',
    '198.51.100.23',
    '203.0.113.57',
    '192.0.2.120',
    '::ffff:198.51.100.74',
    '198.51.100.201',
  ],
  deviceIds: [
    '3b1f7c2a-9d4e-4f6a-8b2c-5e7d9a1c3f40',
    '00:1b:63:84:45:e6',
    'guo4a5b6c7D8e9F0g1h2',
    'DESKTOP-8F3K2L',
    'Ivan’s laptop',
  ],
  tenantIds: ['fcc78fc2-c520-4f63-a719-4a83d541c6db'],
  secrets: [
    '00Ab1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3a',
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJqZG9lQGNvbnRvc28uY29tIiwiYXVkIjoiMDAwMDAwMDMifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtbG9uZw',
  ],
} as const;

const [DANA, SCANNER, SERVICE, ADMIN, MALLORY] = SENSITIVE.otherUsers;
const [HOME_IPV6, OFFICE_IP, SCANNER_IP, VPN_IP, MAPPED_IP, ADMIN_IP] = SENSITIVE.ips;
const [ENTRA_DEVICE_ID, SCANNER_MAC, OKTA_DEVICE_ID, DEVICE_NAME, LAPTOP_NAME] = SENSITIVE.deviceIds;
const [TENANT_ID] = SENSITIVE.tenantIds;
const [SSWS, JWT] = SENSITIVE.secrets;

/** An Okta admin unlocking the subject: another person as the actor, with a display name. */
function adminUnlock(): OktaLogEvent {
  const event = oktaEvent({
    type: 'user.account.unlock_by_admin',
    minute: 70,
    result: 'SUCCESS',
    ip: ADMIN_IP,
    displayMessage: `Unlock user account by ${ADMIN}`,
  });
  return {
    ...event,
    actor: { id: '00uAdmin0000000000x1', type: 'User', alternateId: ADMIN, displayName: 'Ivan Admin' },
    device: { id: OKTA_DEVICE_ID, name: LAPTOP_NAME },
  } as OktaLogEvent;
}

/** A sign-in from the subject's registered PC, naming its device and tenant. */
function deviceSignIn(): GraphSignIn {
  const base = signIn({
    minute: 50,
    code: 53003,
    ip: MAPPED_IP,
    caPolicies: [{ displayName: `Block legacy auth (owner: Dana Whitfield <${DANA}>)`, result: 'failure' }],
  });
  return {
    ...base,
    homeTenantId: TENANT_ID,
    resourceTenantId: TENANT_ID,
    deviceDetail: {
      deviceId: ENTRA_DEVICE_ID,
      displayName: DEVICE_NAME,
      operatingSystem: 'Windows 10',
      trustType: 'Azure AD joined',
    },
  } as GraphSignIn;
}

/**
 * A realistic bad morning for jdoe: Outlook at home (IPv6) replays an old password, the copy-room
 * scanner (its user agent names its account and MAC) is denied legacy auth, a browser sign-in
 * from a VPN is denied by zone, an admin unlocks the account from their own laptop, Entra blocks
 * a sign-in from the registered PC under a policy named after its owner, a mail from another
 * company's user lands in a reason, and one source could not be read for an error naming a
 * service account, an API token and the tenant.
 */
export function realisticBundle(): EvidenceBundle {
  return healthyBundle((b) => {
    addEvents(
      b,
      ...[10, 20, 30].map((minute) => richClientFailure(minute, 'INVALID_CREDENTIALS', UA.outlook2016, HOME_IPV6)),
      ...legacyDeny(40, `ScanCo-MFP/2.1 (${SCANNER}; ${SCANNER_MAC})`, SCANNER_IP),
      passiveDeny(45, 'Anonymizers (blocklist)', VPN_IP),
      oktaEvent({
        type: 'user.authentication.sso',
        minute: 46,
        result: 'FAILURE',
        reason: `Forwarded for ${MALLORY} via ${OFFICE_IP}`,
        ip: OFFICE_IP,
      }),
      adminUnlock(),
    );
    addSignIns(b, deviceSignIn());
    b.gaps = [
      {
        source: 'okta.policies',
        reason: `Okta answered 403 to SSWS ${SSWS} of ${SERVICE} (tenant ${TENANT_ID}) while reading for JDoe@Contoso.com`,
      },
    ];
  }, 'outlook-desktop');
}

/** The technician's notes on the realistic incident: people, addresses, a device and a pasted token. */
export const REALISTIC_NOTES = [
  `Called Jane. Her manager Dana Whitfield <${DANA}> says the scanner at ${SCANNER_IP} uses ${SCANNER}.`,
  `Her PC is ${DEVICE_NAME} (deviceId: ${ENTRA_DEVICE_ID}); home address ${HOME_IPV6}.`,
  `Token she pasted into chat: Bearer ${JWT}`,
].join('\n');
