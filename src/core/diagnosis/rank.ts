import type { Symptom } from '../evidence/symptoms';
import type { Confidence, Finding, Severity } from './model';
import type { VerdictCode, VerdictFamily } from './verdicts';
import { VERDICT_CODES } from './verdicts';

const SEVERITY: Readonly<Record<Severity, number>> = { critical: 100, high: 70, medium: 40, low: 20, info: 0 };
const CONFIDENCE: Readonly<Record<Confidence, number>> = { high: 30, medium: 15, low: 0 };

/** The families a symptom usually comes from: a finding in one of them fits what the user said. */
const SYMPTOM_FAMILIES: Readonly<Record<Symptom, readonly VerdictFamily[]>> = {
  'outlook-desktop': ['legacy-auth', 'immutable-id', 'access'],
  'outlook-mobile': ['legacy-auth', 'access'],
  'mail-app': ['legacy-auth'],
  'teams-desktop': ['immutable-id', 'access', 'federation'],
  'teams-phone': ['device-code'],
  'desk-phone': ['device-code', 'legacy-auth'],
  'teams-room': ['device-code'],
  browser: ['immutable-id', 'access', 'federation'],
  other: [],
};

const SYMPTOM_BONUS = 25;
const RECENCY_BONUS = 10;

/** Catalogue order breaks ties, so the same evidence always gives the same primary. */
const ORDER: ReadonlyMap<VerdictCode, number> = new Map(VERDICT_CODES.map((code, i) => [code, i]));

/** True for findings that can never be primary: noise and the "none" verdicts. */
export function isInformational(f: Finding): boolean {
  return f.family === 'informational' || f.family === 'none' || f.severity === 'info';
}

/**
 * Scores a finding: severity, then confidence, then fit with the symptom, then recency within
 * the window. Severity leads because an account that is locked or disabled blocks every
 * client, whatever the user called about.
 */
export function scoreFinding(f: Finding, symptom: Symptom | undefined, windowStart: number, windowEnd: number): number {
  const fits = symptom !== undefined && SYMPTOM_FAMILIES[symptom].includes(f.family) ? SYMPTOM_BONUS : 0;
  const span = Math.max(1, windowEnd - windowStart);
  const at = f.latestAt === undefined ? windowStart : Date.parse(f.latestAt);
  const recency = Math.min(1, Math.max(0, (at - windowStart) / span)) * RECENCY_BONUS;
  return SEVERITY[f.severity] + CONFIDENCE[f.confidence] + fits + recency;
}

/**
 * Orders findings best first; informational findings always come last.
 */
export function rankFindings(
  findings: readonly Finding[],
  symptom: Symptom | undefined,
  windowStart: number,
  windowEnd: number,
): Finding[] {
  // A "none" verdict (the answer when nothing is actionable) comes before noise.
  const scored = findings.map((f) => ({
    f,
    score: isInformational(f) ? (f.family === 'none' ? -1 : -2) : scoreFinding(f, symptom, windowStart, windowEnd),
  }));
  scored.sort((a, b) => b.score - a.score || (ORDER.get(a.f.code) ?? 0) - (ORDER.get(b.f.code) ?? 0));
  return scored.map((s) => s.f);
}
