import type { EvidenceBundle, EvidenceGap, EvidenceSource } from '../evidence/bundle';
import { buildContext } from './context';
import type { DiagnosisContext } from './context';
import { makeFinding } from './finding';
import type { Diagnosis, Finding } from './model';
import { DIAGNOSIS_FORMAT } from './model';
import { isInformational, rankFindings } from './rank';
import { ACCESS_RULES } from './rules/access';
import { DEVICE_CODE_RULES } from './rules/device-code';
import { FEDERATION_RULES } from './rules/federation';
import { IMMUTABLE_ID_RULES } from './rules/immutable-id';
import { INFORMATIONAL_RULES } from './rules/informational';
import { LEGACY_AUTH_RULES } from './rules/legacy-auth';
import { OKTA_ACCOUNT_RULES } from './rules/okta-account';
import type { Rule } from './rules/shared';
import { buildTimeline } from './timeline';

/** Every rule, by family. Order does not matter: ranking decides the primary. */
const RULES: readonly Rule[] = [
  ...OKTA_ACCOUNT_RULES,
  ...FEDERATION_RULES,
  ...IMMUTABLE_ID_RULES,
  ...LEGACY_AUTH_RULES,
  ...DEVICE_CODE_RULES,
  ...ACCESS_RULES,
  ...INFORMATIONAL_RULES,
];

/** Sources without which "nothing found" cannot be claimed. */
const ESSENTIAL: readonly { readonly source: EvidenceSource; readonly label: string }[] = [
  { source: 'okta.user', label: 'the Okta user' },
  { source: 'okta.logEvents', label: 'the Okta System Log' },
  { source: 'graph.user', label: 'the Entra user' },
  { source: 'graph.signIns', label: 'the Entra sign-in logs' },
];

/** Plain words for what was looked at, so a "nothing found" verdict says what it covers. */
function checkedList(ctx: DiagnosisContext): string[] {
  const out: string[] = [];
  const b = ctx.bundle;
  if (ctx.collected('okta.user'))
    out.push(ctx.oktaUser === null ? 'Okta user: not found' : `Okta user: ${ctx.oktaUser?.status ?? 'status unknown'}`);
  if (ctx.collected('okta.o365Apps')) out.push(`Okta Office 365 apps: ${b.okta?.o365Apps?.length ?? 0}`);
  if (ctx.appUser !== undefined)
    out.push(
      ctx.appUser === null
        ? 'Office 365 assignment: none'
        : `Office 365 assignment: ${ctx.appUser.status ?? 'present'}`,
    );
  if (ctx.collected('okta.logEvents')) out.push(`Okta System Log: ${ctx.oktaEvents.length} events`);
  if (ctx.collected('graph.user'))
    out.push(
      ctx.graphUser === null
        ? 'Entra user: not found'
        : `Entra user: ${ctx.graphUser?.accountEnabled === false ? 'disabled' : 'enabled'}`,
    );
  if (ctx.collected('graph.signIns')) out.push(`Entra sign-ins: ${ctx.signIns.length}`);
  if (ctx.collected('graph.domain')) out.push(`Domain: ${b.graph?.domain?.authenticationType ?? 'not found'}`);
  if (ctx.federation !== undefined) out.push('Domain federation settings');
  if (ctx.collected('okta.signingKeys')) out.push('Okta signing keys');
  return out;
}

/** Plain words for the other sources, for a gap in one of them. */
const OTHER_LABELS: Readonly<Record<EvidenceSource, string>> = {
  'okta.user': 'the Okta user',
  'okta.o365Apps': 'the Okta Office 365 apps',
  'okta.appUsers': 'the Office 365 assignment',
  'okta.logEvents': 'the Okta System Log',
  'okta.signingKeys': 'the Okta signing keys',
  'okta.policies': 'the Okta sign-on policies',
  'okta.policyRules': 'the Okta policy rules',
  'graph.user': 'the Entra user',
  'graph.signIns': 'the Entra sign-in logs',
  'graph.domain': 'the domain',
  'graph.federationConfiguration': 'the domain federation settings',
};

function noneFinding(ctx: DiagnosisContext, gaps: readonly EvidenceGap[], checked: readonly string[]): Finding {
  // "Nothing found" needs the essentials, and every source that could not be read is one whose
  // causes (federation, assignment, policy …) could not be ruled out either.
  const missing = [
    ...ESSENTIAL.filter((e) => !ctx.collected(e.source) || gaps.some((g) => g.source === e.source)),
    ...gaps
      .filter((g) => !ESSENTIAL.some((e) => e.source === g.source))
      .map((g) => ({ source: g.source, label: OTHER_LABELS[g.source] })),
  ].filter((m, i, all) => all.findIndex((n) => n.source === m.source) === i);
  const window = `${ctx.bundle.subject.since} – ${ctx.bundle.subject.until}`;
  if (missing.length > 0) {
    const reasons = missing.map((m) => {
      const gap = gaps.find((g) => g.source === m.source);
      return `${m.label}${gap !== undefined ? ` (${gap.reason})` : ' (not collected)'}`;
    });
    return makeFinding({
      code: 'INSUFFICIENT_EVIDENCE',
      severity: 'info',
      confidence: 'high',
      summary: `No cause found, but the evidence is incomplete: missing ${missing.map((m) => m.label).join(', ')}.`,
      explanation: `The engine could not rule causes out because it lacks ${reasons.join('; ')}. Fix access to those sources and collect again.`,
      evidence: missing.map((m) => ({
        source: 'subject' as const,
        id: m.source,
        note: gaps.find((g) => g.source === m.source)?.reason ?? 'not collected',
      })),
      remediation: missing.map((m) => ({
        title: `Make ${m.label} readable`,
        detail: gaps.find((g) => g.source === m.source)?.reason ?? 'It was not collected.',
      })),
      wouldChangeMyMind: ['The missing sources, once collected.'],
    });
  }
  return makeFinding({
    code: 'NO_FAILURE_FOUND',
    severity: 'info',
    confidence: 'medium',
    summary: 'Nothing is failing for this user in the window: both Okta and Entra show no failed or blocked sign-in.',
    explanation: `Checked ${window}: ${checked.join('; ')}. If the user still has a problem, ask them to try now and collect again with the last hour, or widen the window.`,
    evidence: [{ source: 'subject', id: ctx.bundle.subject.upn, field: 'window', value: window }],
    remediation: [
      { title: 'Reproduce while on the call', detail: 'Ask the user to try now, then collect the last 15 minutes.' },
      {
        title: 'Check the client itself',
        detail:
          'A failure that reaches neither Okta nor Entra happens on the device or in the app (network, proxy, cached profile).',
      },
    ],
    wouldChangeMyMind: [
      'A failed sign-in appearing after the window.',
      'A failure from a client not covered by the collected events.',
    ],
  });
}

/**
 * Diagnoses a validated evidence bundle: runs every rule, ranks the findings, and builds the
 * cross-IdP timeline. Pure: the same bundle always gives the same diagnosis ("now" is the
 * bundle's collectedAt).
 */
export function diagnose(bundle: EvidenceBundle): Diagnosis {
  const ctx = buildContext(bundle);
  const raw = RULES.flatMap((rule) => rule(ctx));
  const gaps = bundle.gaps;
  const checked = checkedList(ctx);
  const actionable = raw.filter((f) => !isInformational(f));
  const findings = rankFindings(
    actionable.length > 0 ? raw : [...raw, noneFinding(ctx, gaps, checked)],
    ctx.symptom,
    ctx.windowStart,
    ctx.windowEnd,
  );
  const first = findings[0];
  // A "none" verdict is the primary answer when nothing actionable was found; noise never is.
  const primary =
    first !== undefined && (actionable.length > 0 || first.family === 'none')
      ? first
      : (findings.find((f) => f.family === 'none') ?? null);
  return {
    format: DIAGNOSIS_FORMAT,
    subject: bundle.subject,
    primary,
    findings,
    timeline: buildTimeline(ctx),
    gaps,
    checked,
  };
}
