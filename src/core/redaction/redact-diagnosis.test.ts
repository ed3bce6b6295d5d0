import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnosis/diagnose';
import type { Diagnosis, EvidenceItem, Finding } from '../diagnosis/model';
import type { EvidenceBundle } from '../evidence/bundle';
import {
  addEvents,
  addSignIns,
  healthyBundle,
  legacyDeny,
  oktaEvent,
  passiveDeny,
  richClientFailure,
  signIn,
  UA,
  UPN,
} from '../test-support/fixtures';
import { isIpv4, isIpv6 } from './ip-addresses';
import type { RedactionReport } from './options';
import { REDACTION_LEVELS } from './options';
import { redactDiagnosis } from './redact-diagnosis';

const TENANT_ID = 'fcc78fc2-c520-4f63-a719-4a83d541c6db';
const ENTRA_DEVICE_ID = '3b1f7c2a-9d4e-4f6a-8b2c-5e7d9a1c3f40';
const SCANNER_MAC = '00:1b:63:84:45:e6';
const HOME_IPV6 = '2001:db8:85a3::8a2e:370:7334';
const IPS = [HOME_IPV6, '198.51.100.23', '203.0.113.57', '192.0.2.120', '::ffff:198.51.100.74'];
const OTHER_USERS = ['dana.whitfield@contoso.com', 'scan-to-email@contoso.com', 'svc-triage@contoso.com'];
const SSWS = 'SSWS 00Ab1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3a';

/** Vendor-shaped ids: Okta event uuids and Entra sign-in ids are GUIDs. */
function guid(n: number): string {
  const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');
  return `${hex(0x7d1c5a00 + n, 8)}-2b4f-4e6a-9c8d-${hex(0x0f1e2d3c4b00 + n, 12)}`;
}

/**
 * A realistic bad morning for jdoe: Outlook on a home PC (IPv6) replays an old password, the
 * copy-room scanner (a user agent naming its account and MAC) is denied legacy auth, a browser
 * sign-in from a VPN is denied by zone, a push is rejected, Entra CA blocks a sign-in under a policy
 * named after its owner, and one source could not be read for an error naming the service account
 * and the tenant — with the subject's own UPN in it too, in another case.
 */
function realisticBundle(): EvidenceBundle {
  const bundle = healthyBundle((b) => {
    addEvents(
      b,
      ...[10, 20, 30].map((minute) => richClientFailure(minute, 'INVALID_CREDENTIALS', UA.outlook2016, HOME_IPV6)),
      ...legacyDeny(40, `ScanCo-MFP/2.1 (scan-to-email@contoso.com; ${SCANNER_MAC})`, '203.0.113.57'),
      passiveDeny(45, 'Anonymizers (blocklist)', '192.0.2.120'),
      oktaEvent({ type: 'user.mfa.okta_verify.deny_push', minute: 47, result: 'DENY', reason: 'USER_REJECTED' }),
    );
    addSignIns(
      b,
      signIn({
        minute: 50,
        code: 53003,
        ip: '::ffff:198.51.100.74',
        caPolicies: [
          { displayName: 'Block legacy auth (owner: Dana Whitfield <dana.whitfield@contoso.com>)', result: 'failure' },
        ],
      }),
    );
    b.gaps = [
      {
        source: 'okta.policies',
        reason: `Okta answered 403 to ${SSWS} of svc-triage@contoso.com (tenant ${TENANT_ID}) while reading for JDoe@Contoso.com`,
      },
    ];
  }, 'outlook-desktop');
  // Okta event uuids and Entra sign-in ids are GUIDs in real data; the fixtures' readable ids are not.
  let n = 0;
  const ids = new Map<string, string>();
  const real = (id: string): string => {
    let out = ids.get(id);
    if (out === undefined) {
      out = guid((n += 1));
      ids.set(id, out);
    }
    return out;
  };
  return {
    ...bundle,
    okta: { ...bundle.okta!, logEvents: bundle.okta!.logEvents!.map((e) => ({ ...e, uuid: real(e.uuid) })) },
    graph: { ...bundle.graph!, signIns: bundle.graph!.signIns!.map((s) => ({ ...s, id: real(s.id) })) },
  };
}

/**
 * The real engine's diagnosis, plus what no rule cites yet but the model allows and the wizard
 * would show: the Entra device of the blocked sign-in, and the tenant it happened in.
 */
function realisticDiagnosis(): Diagnosis {
  const diagnosis = diagnose(realisticBundle());
  const ca = diagnosis.findings.find((f) => f.code === 'ENTRA_CA_BLOCKED')!;
  const signInId = ca.evidence[0]!.id;
  const extra: readonly EvidenceItem[] = [
    { source: 'graph.signIn', id: signInId, field: 'deviceDetail.deviceId', value: ENTRA_DEVICE_ID },
    { source: 'graph.signIn', id: signInId, field: 'deviceDetail.operatingSystem', value: 'Windows 10' },
    { source: 'graph.signIn', id: signInId, field: 'resourceTenantId', value: TENANT_ID },
    {
      source: 'graph.signIn',
      id: signInId,
      field: 'status.additionalDetails',
      value: `Device ${ENTRA_DEVICE_ID.toUpperCase()} is not compliant.`,
    },
  ];
  const withDevice: Finding = { ...ca, evidence: [...ca.evidence, ...extra] };
  const swap = (f: Finding): Finding => (f === ca ? withDevice : f);
  return {
    ...diagnosis,
    primary: diagnosis.primary === null ? null : swap(diagnosis.primary),
    findings: diagnosis.findings.map(swap),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const evidenceIds = (d: Diagnosis): string[] => d.findings.flatMap((f) => f.evidence.map((e) => e.id));
const timelineIds = (d: Diagnosis): string[] => d.timeline.flatMap((t) => [t.id, ...t.relatedIds]);

describe('redactDiagnosis of a realistic diagnosis for screen sharing', () => {
  const input = deepFreeze(realisticDiagnosis());
  const before = JSON.stringify(input);
  const { diagnosis, report } = redactDiagnosis(input, REDACTION_LEVELS.screenShare);
  const json = JSON.stringify(diagnosis);

  it('starts from a diagnosis that holds everything screen sharing must hide', () => {
    for (const value of [...IPS, ...OTHER_USERS, SCANNER_MAC, ENTRA_DEVICE_ID, TENANT_ID, SSWS]) {
      expect(before).toContain(value);
    }
    expect(input.primary?.code).toBe('ENTRA_CA_BLOCKED');
    expect(input.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['LEGACY_AUTH_STALE_PASSWORD', 'MFA_FAILED']),
    );
  });

  it('shows no e-mail-like identity but the subject’s', () => {
    const identities = json.match(/[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(identities.length).toBeGreaterThan(0);
    for (const identity of identities) expect(identity.toLowerCase()).toBe(UPN);
    for (const user of OTHER_USERS) expect(json).not.toContain(user);
    expect(json).not.toContain('Dana Whitfield');
  });

  it('shows no IPv4 or IPv6 address', () => {
    for (const ip of IPS) expect(json).not.toContain(ip);
    const candidates = json.match(/[0-9A-Fa-f:.]{3,}/g) ?? [];
    for (const candidate of candidates) {
      const trimmed = candidate.replace(/^[.:]+|[.:]+$/g, '');
      expect(isIpv4(trimmed) || isIpv6(trimmed), candidate).toBe(false);
    }
    expect(diagnosis.timeline.some((t) => 'ipAddress' in t)).toBe(false);
  });

  it('shows no device id, tenant id or token', () => {
    for (const value of [SCANNER_MAC, ENTRA_DEVICE_ID, TENANT_ID, SSWS.slice(5)]) {
      expect(json.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('keeps the subject, the verdicts and every record id', () => {
    expect(json).toContain(UPN);
    expect(json).toContain('JDoe@Contoso.com');
    expect(diagnosis.subject).toEqual(input.subject);
    expect(diagnosis.primary?.code).toBe(input.primary?.code);
    expect(diagnosis.findings.map((f) => f.code)).toEqual(input.findings.map((f) => f.code));
    expect(evidenceIds(diagnosis)).toEqual(evidenceIds(input));
    expect(timelineIds(diagnosis)).toEqual(timelineIds(input));
    expect(evidenceIds(diagnosis).filter((id) => /^[0-9a-f]{8}-/.test(id)).length).toBeGreaterThan(3);
  });

  it('keeps codes, times, client labels and the AADSTS code readable', () => {
    expect(diagnosis.timeline.map((t) => [t.at, t.code, t.outcome])).toEqual(
      input.timeline.map((t) => [t.at, t.code, t.outcome]),
    );
    expect(json).toContain('AADSTS53003');
    expect(json).toContain('Outlook 2016 (MSI) on Windows');
    expect(json).toContain('Unrecognised client (ScanCo-MFP/2.1 ([other user 2]; [device id]))');
  });

  it('gives each other person one placeholder, numbered in reading order', () => {
    const ca = diagnosis.findings.find((f) => f.code === 'ENTRA_CA_BLOCKED')!;
    expect(ca.summary).toContain('Block legacy auth (owner: [other user 1])');
    expect(ca.evidence[0]?.note).toContain('(owner: [other user 1])');
    expect(diagnosis.gaps[0]?.reason).toBe(
      'Okta answered 403 to SSWS [redacted] of [other user 3] (tenant [tenant id]) while reading for JDoe@Contoso.com',
    );
  });

  it('masks evidence values by their field, and the same value everywhere', () => {
    const ca = diagnosis.findings.find((f) => f.code === 'ENTRA_CA_BLOCKED')!;
    expect(ca.evidence.slice(-4).map((e) => [e.field, e.value])).toEqual([
      ['deviceDetail.deviceId', '[device id]'],
      ['deviceDetail.operatingSystem', 'Windows 10'],
      ['resourceTenantId', '[tenant id]'],
      ['status.additionalDetails', 'Device [device id] is not compliant.'],
    ]);
  });

  it('counts each hidden value once, and each token', () => {
    expect(report).toEqual({ otherUsers: 3, ipAddresses: 5, deviceIds: 2, tenantIds: 1, tokens: 1 });
  });

  it('leaves the input as it was and keeps the primary one of the findings', () => {
    expect(JSON.stringify(input)).toBe(before);
    expect(input.primary).toBe(input.findings[0]);
    expect(diagnosis.primary).toBe(diagnosis.findings[0]);
  });

  it('is deterministic', () => {
    expect(redactDiagnosis(input, REDACTION_LEVELS.screenShare)).toEqual({ diagnosis, report });
  });
});

describe('redactDiagnosis at the levels that keep people and addresses', () => {
  const input = deepFreeze(realisticDiagnosis());

  it.each(['none', 'internal'] as const)('%s changes nothing but the token', (level) => {
    const { diagnosis, report } = redactDiagnosis(input, REDACTION_LEVELS[level]);
    const gap = input.gaps[0]!;
    expect(diagnosis).toEqual({
      ...input,
      gaps: [{ ...gap, reason: gap.reason.replace(SSWS, 'SSWS [redacted]') }],
    });
    expect(report).toEqual<RedactionReport>({ otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 1 });
  });

  it('keeps prose that only looks like a credential (the MFA_FAILED explanation)', () => {
    const mfa = redactDiagnosis(input, REDACTION_LEVELS.none).diagnosis.findings.find((f) => f.code === 'MFA_FAILED');
    expect(mfa?.explanation).toContain('trying their password: treat it as a possible compromise');
  });
});

describe('redactDiagnosis with context and field names', () => {
  const base = diagnose(healthyBundle((b) => addEvents(b, ...legacyDeny(40))));
  const primary = base.primary!;
  const withEvidence = (...items: EvidenceItem[]): Diagnosis => {
    const finding: Finding = { ...primary, evidence: [...primary.evidence, ...items] };
    return { ...base, primary: finding, findings: base.findings.map((f) => (f === primary ? finding : f)) };
  };
  const lastEvidence = (d: Diagnosis): EvidenceItem | undefined => d.primary?.evidence.at(-1);

  it.each([
    { field: 'deviceDetail.deviceId', value: ENTRA_DEVICE_ID, shown: '[device id]' },
    { field: 'deviceDetail.displayName', value: 'DESKTOP-8F3K2L', shown: '[device id]' },
    { field: 'client.device', value: 'Computer', shown: 'Computer' },
    { field: 'device.id', value: 'guo4a5b6c7D8e9F0g1h2', shown: '[device id]' },
    { field: 'deviceCode', value: 'true', shown: 'true' },
    { field: 'tenantId', value: TENANT_ID, shown: '[tenant id]' },
    { field: 'settings.app.msftTenant', value: 'contoso', shown: 'contoso' },
    { field: 'actor.alternateId', value: 'dwhitfield', shown: '[other user 1]' },
    { field: 'actor.alternateId', value: 'JDOE@contoso.com', shown: 'JDOE@contoso.com' },
    { field: 'actor.alternateId', value: 'unknown', shown: 'unknown' },
    { field: 'profile.login', value: 'jdoe', shown: 'jdoe' },
    { field: 'credentials.userName', value: 'CONTOSO\\JDoe', shown: 'CONTOSO\\JDoe' },
    { field: 'profile.login', value: 'jdoe@fabrikam.com', shown: '[other user 1]' },
    { field: 'credentials.userName', value: 'CONTOSO\\dwhitfield', shown: '[other user 1]' },
    { field: 'ipAddress', value: '198.51.100.9', shown: '[IP address]' },
  ])('shows $field = $value as $shown', ({ field, value, shown }) => {
    const d = withEvidence({ source: 'okta.logEvent', id: 'a1b2c3d4-0000-4000-8000-000000000001', field, value });
    const out = redactDiagnosis(d, REDACTION_LEVELS.screenShare).diagnosis;
    expect(lastEvidence(out)).toEqual({
      source: 'okta.logEvent',
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      field,
      value: shown,
    });
  });

  it('masks a known tenant id from the context anywhere, but no other GUID', () => {
    const d = withEvidence({ source: 'subject', id: ENTRA_DEVICE_ID, note: `in ${TENANT_ID}` });
    const out = redactDiagnosis(d, REDACTION_LEVELS.external, { tenantIds: [TENANT_ID] });
    expect(lastEvidence(out.diagnosis)).toEqual({ source: 'subject', id: ENTRA_DEVICE_ID, note: 'in [tenant id]' });
    expect(out.report.tenantIds).toBe(1);
  });

  it('keeps the subject’s aliases from the context', () => {
    const d = withEvidence({ source: 'okta.user', id: 'x', field: 'profile.login', value: 'jane.doe@contoso.com' });
    const out = redactDiagnosis(d, REDACTION_LEVELS.screenShare, { subjectAliases: ['jane.doe@contoso.com'] });
    expect(lastEvidence(out.diagnosis)?.value).toBe('jane.doe@contoso.com');
    expect(out.report.otherUsers).toBe(0);
  });

  it('keeps the timeline address when addresses are not hidden', () => {
    const out = redactDiagnosis(base, REDACTION_LEVELS.internal).diagnosis;
    expect(out.timeline.map((t) => t.ipAddress)).toEqual(base.timeline.map((t) => t.ipAddress));
    expect(out.timeline.some((t) => t.ipAddress !== undefined)).toBe(true);
  });

  it('handles a diagnosis without a primary', () => {
    const empty: Diagnosis = { ...base, primary: null, findings: [], timeline: [], gaps: [], checked: [] };
    expect(redactDiagnosis(empty, REDACTION_LEVELS.screenShare)).toEqual({
      diagnosis: empty,
      report: { otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 0 },
    });
  });
});
