import { describe, expect, it } from 'vitest';
import type { EvidenceBundle } from '../evidence/bundle';
import {
  addEvents,
  APP_ID,
  ENTRA_USER_ID,
  healthyBundle,
  KEY_ID,
  legacyDeny,
  OKTA_USER_ID,
  oktaEvent,
  signIn,
  UPN,
} from '../test-support/fixtures';
import { diagnose } from './diagnose';
import { capRecordJson, evidenceRecords, findEvidenceRecord, MAX_RECORD_JSON_BYTES } from './evidence-records';
import type { EvidenceItem, EvidenceKind, Finding } from './model';

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

const POLICY = { id: 'rst-o365', type: 'OKTA_SIGN_ON', name: 'Office 365' };
const RULE = { id: 'rul-catch-all', name: 'Catch-all Rule', actions: { signon: { access: 'DENY' } } };

/** The healthy bundle with a policy and its rule, so every kind of record is present. */
function fullBundle(): EvidenceBundle {
  return healthyBundle((b) => {
    b.okta = {
      ...(b.okta ?? { orgUrl: 'https://contoso.okta.com' }),
      policies: [POLICY],
      policyRules: { [POLICY.id]: [RULE] },
    };
  });
}

/** A finding that cites the given items (everything else is filler). */
function finding(...evidence: EvidenceItem[]): Finding {
  return {
    code: 'NO_FAILURE_FOUND',
    family: 'none',
    severity: 'info',
    confidence: 'low',
    summary: 's',
    explanation: 'e',
    evidence,
    remediation: [],
    wouldChangeMyMind: [],
  };
}

describe('findEvidenceRecord', () => {
  const bundle = fullBundle();
  const okta = bundle.okta;
  const graph = bundle.graph;

  it.each<[EvidenceKind, string, () => unknown]>([
    ['okta.logEvent', okta?.logEvents?.[0]?.uuid ?? '', () => okta?.logEvents?.[0]],
    ['okta.user', OKTA_USER_ID, () => okta?.user],
    ['okta.app', APP_ID, () => okta?.o365Apps?.[0]],
    ['okta.appUser', OKTA_USER_ID, () => okta?.appUsers?.[APP_ID]],
    ['okta.signingKey', KEY_ID, () => okta?.signingKeys?.[APP_ID]?.[0]],
    ['okta.policy', POLICY.id, () => POLICY],
    ['okta.policyRule', RULE.id, () => RULE],
    ['graph.user', ENTRA_USER_ID, () => graph?.user],
    ['graph.signIn', graph?.signIns?.[1]?.id ?? '', () => graph?.signIns?.[1]],
    ['graph.domain', 'contoso.com', () => graph?.domain],
    ['graph.federationConfiguration', 'fed-contoso', () => graph?.federationConfiguration?.[0]],
  ])('finds the %s record by its id', (source, id, expected) => {
    expect(expected()).toBeDefined();
    expect(findEvidenceRecord(bundle, source, id)).toBe(expected());
  });

  it('finds nothing for the subject, an unknown id, a 404 app user, or a bundle without the section', () => {
    expect(findEvidenceRecord(bundle, 'subject', UPN)).toBeUndefined();
    expect(findEvidenceRecord(bundle, 'graph.user', 'unknown')).toBeUndefined();
    expect(findEvidenceRecord(bundle, 'okta.user', UPN)).toBeUndefined();
    const unassigned = healthyBundle((b) => {
      b.okta = { ...(b.okta ?? { orgUrl: 'https://contoso.okta.com' }), appUsers: { [APP_ID]: null } };
    });
    expect(findEvidenceRecord(unassigned, 'okta.appUser', APP_ID)).toBeUndefined();
    const entraOnly = healthyBundle((b) => {
      delete b.okta;
    });
    expect(findEvidenceRecord(entraOnly, 'okta.app', APP_ID)).toBeUndefined();
  });
});

describe('evidenceRecords', () => {
  it('gives each distinct cited record once, in citation order, as 2-space JSON; uncited and unfound ones are absent', () => {
    const bundle = fullBundle();
    const event = bundle.okta?.logEvents?.[0];
    const records = evidenceRecords(
      {
        findings: [
          finding(
            { source: 'graph.user', id: ENTRA_USER_ID, field: 'accountEnabled', value: 'true' },
            { source: 'subject', id: UPN },
            { source: 'okta.logEvent', id: event?.uuid ?? '' },
          ),
          // The same record cited again, by another field, and a record the bundle does not hold.
          finding(
            { source: 'graph.user', id: ENTRA_USER_ID, field: 'onPremisesImmutableId' },
            { source: 'okta.policyRule', id: RULE.id },
            { source: 'graph.signIn', id: 'no-such-sign-in' },
          ),
        ],
      },
      bundle,
    );
    expect(records.map((r) => [r.source, r.id])).toEqual([
      ['graph.user', ENTRA_USER_ID],
      ['okta.logEvent', event?.uuid],
      ['okta.policyRule', RULE.id],
    ]);
    expect(records[0]?.json).toBe(JSON.stringify(bundle.graph?.user, null, 2));
    expect(records[0]?.json).toContain('\n  "userPrincipalName": ');
    expect(JSON.parse(records[1]?.json ?? '')).toEqual(event);
  });

  it('masks secret-shaped strings inside a record before it leaves main', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl';
    const leaky = oktaEvent({
      type: 'user.session.start',
      minute: 5,
      debug: { requestUri: `/oauth2/v1/token?client_secret=hunter2hunter2&x=1`, header: `Bearer ${jwt}` },
    });
    const bundle = healthyBundle((b) => {
      addEvents(b, leaky);
    });
    const [record] = evidenceRecords({ findings: [finding({ source: 'okta.logEvent', id: leaky.uuid })] }, bundle);
    expect(record?.json).toBeDefined();
    expect(record?.json).not.toContain('hunter2hunter2');
    expect(record?.json).not.toContain(jwt);
    expect(record?.json).toContain('client_secret=[redacted]');
    // Everything else of the record is there, verbatim.
    expect(record?.json).toContain(`"uuid": "${leaky.uuid}"`);
  });

  it('caps a huge record at 64 KiB, marker included, and says how big it was', () => {
    const huge = {
      ...signIn({ minute: 40 }),
      // Multi-byte text, so the cap must count bytes, not characters.
      appliedConditionalAccessPolicies: Array.from({ length: 3000 }, (_, i) => ({
        id: `policy-${String(i)}`,
        displayName: `Richtlinie für Zugriff ${String(i)} – blockieren`,
      })),
    };
    const bundle = healthyBundle((b) => {
      b.graph = { ...b.graph, signIns: [huge] };
    });
    const whole = JSON.stringify(huge, null, 2);
    expect(utf8(whole)).toBeGreaterThan(MAX_RECORD_JSON_BYTES);
    const [record] = evidenceRecords({ findings: [finding({ source: 'graph.signIn', id: huge.id })] }, bundle);
    const json = record?.json ?? '';
    expect(utf8(json)).toBeLessThanOrEqual(MAX_RECORD_JSON_BYTES);
    expect(utf8(json)).toBeGreaterThan(MAX_RECORD_JSON_BYTES - 200);
    const lines = json.split('\n');
    expect(lines.at(-1)).toBe(`[cut to fit 64 KiB: the whole record is ${String(utf8(whole))} bytes of JSON]`);
    // The cut falls at a line end: what is shown is the record's own first lines, whole.
    expect(whole.startsWith(`${lines.slice(0, -1).join('\n')}\n`)).toBe(true);
  });
});

describe('capRecordJson', () => {
  it('leaves a text within the cap alone, to the byte', () => {
    expect(capRecordJson('é'.repeat(50), 100)).toBe('é'.repeat(50));
  });

  it('never splits a character, even in a text without line ends', () => {
    const capped = capRecordJson('😀'.repeat(100), 160);
    expect(utf8(capped)).toBeLessThanOrEqual(160);
    expect(capped).toMatch(/^(😀)+\n\[cut to fit 0 KiB: the whole record is 400 bytes of JSON\]$/u);
  });
});

describe('records of a real diagnosis', () => {
  it('gives the raw Okta events behind a legacy-authentication block', () => {
    const bundle = healthyBundle((b) => {
      addEvents(b, ...legacyDeny(40), ...legacyDeny(50));
    });
    const diagnosis = diagnose(bundle);
    const records = evidenceRecords(diagnosis, bundle);
    const cited = diagnosis.findings.flatMap((f) => f.evidence).filter((e) => e.source === 'okta.logEvent');
    expect(cited.length).toBeGreaterThan(0);
    for (const item of cited) {
      const record = records.find((r) => r.source === 'okta.logEvent' && r.id === item.id);
      expect(JSON.parse(record?.json ?? 'null')).toEqual(bundle.okta?.logEvents?.find((e) => e.uuid === item.id));
    }
  });
});
