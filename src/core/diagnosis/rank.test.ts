import { describe, expect, it } from 'vitest';
import { makeFinding } from './finding';
import type { Finding } from './model';
import { rankFindings } from './rank';
import type { VerdictCode } from './verdicts';

const start = Date.parse('2026-11-25T14:00:00Z');
const end = start + 2 * 3600_000;

function finding(
  code: VerdictCode,
  severity: Finding['severity'],
  confidence: Finding['confidence'],
  minute = 60,
): Finding {
  return makeFinding({
    code,
    severity,
    confidence,
    summary: code,
    explanation: '',
    evidence: [{ source: 'subject', id: code, at: new Date(start + minute * 60_000).toISOString() }],
    remediation: [],
    wouldChangeMyMind: [],
  });
}

describe('ranking', () => {
  it('puts noise last even when it is the only high-confidence finding', () => {
    const ranked = rankFindings(
      [finding('WINDOWS_DEVICE_REGISTRATION_NOISE', 'info', 'high'), finding('MFA_FAILED', 'medium', 'low')],
      undefined,
      start,
      end,
    );
    expect(ranked[0]?.code).toBe('MFA_FAILED');
  });

  it('lets an account-wide blocker outrank a cause that fits the symptom', () => {
    const ranked = rankFindings(
      [finding('LEGACY_AUTH_STALE_PASSWORD', 'high', 'high'), finding('OKTA_USER_LOCKED_OUT', 'critical', 'high')],
      'outlook-desktop',
      start,
      end,
    );
    expect(ranked.map((f) => f.code)).toEqual(['OKTA_USER_LOCKED_OUT', 'LEGACY_AUTH_STALE_PASSWORD']);
  });

  it('lets the symptom choose between equally severe causes', () => {
    const pair = [finding('ENTRA_CA_BLOCKED', 'high', 'high'), finding('DEVICE_CODE_EXPIRED', 'high', 'high')];
    expect(rankFindings(pair, 'teams-phone', start, end)[0]?.code).toBe('DEVICE_CODE_EXPIRED');
    expect(rankFindings(pair, 'browser', start, end)[0]?.code).toBe('ENTRA_CA_BLOCKED');
  });

  it('prefers the more recent of two otherwise equal findings, and is stable by catalogue order', () => {
    const older = finding('MFA_FAILED', 'high', 'high', 5);
    const newer = finding('NETWORK_ZONE_DENIED', 'high', 'high', 115);
    expect(rankFindings([older, newer], undefined, start, end)[0]?.code).toBe('NETWORK_ZONE_DENIED');
    const same = [finding('NETWORK_ZONE_DENIED', 'high', 'high'), finding('MFA_FAILED', 'high', 'high')];
    expect(rankFindings(same, undefined, start, end)[0]?.code).toBe('MFA_FAILED');
  });
});
