import type { EvidenceGap } from '../evidence/bundle';
import type { Diagnosis, EvidenceItem, Finding, RemediationStep, TimelineEntry, UserStep } from '../diagnosis/model';
import type { RedactionContext, RedactionOptions, RedactionReport } from './options';
import type { Redactor } from './redactor';
import { createRedactor } from './redactor';

/*
 * Every object is rebuilt field by field rather than spread: a string field added to the model
 * later must not reach a shared screen unredacted. A new required field fails to compile here; a
 * new optional one is left out until it is added below.
 *
 * Left as they are: the subject (the caller's own), codes, enums and times, and evidence field
 * names (they name a schema field, not a person). Ids are redacted like any text, which leaves
 * event uuids and sign-in ids alone: GUIDs are masked only by context or known value.
 */

/** A redacted diagnosis and what was masked in it. */
export interface RedactedDiagnosis {
  readonly diagnosis: Diagnosis;
  readonly report: RedactionReport;
}

function redactEvidence(item: EvidenceItem, r: Redactor): EvidenceItem {
  const out: { -readonly [K in keyof EvidenceItem]: EvidenceItem[K] } = { source: item.source, id: r.text(item.id) };
  if (item.field !== undefined) out.field = item.field;
  if (item.value !== undefined) out.value = r.fieldValue(item.field, item.value);
  if (item.at !== undefined) out.at = item.at;
  if (item.note !== undefined) out.note = r.text(item.note);
  return out;
}

function redactStep(step: RemediationStep, r: Redactor): RemediationStep {
  return {
    title: r.text(step.title),
    ...(step.detail !== undefined ? { detail: r.text(step.detail) } : {}),
    ...(step.where !== undefined ? { where: r.text(step.where) } : {}),
  };
}

function redactUserStep(step: UserStep, r: Redactor): UserStep {
  return { say: r.text(step.say), ...(step.expect !== undefined ? { expect: r.text(step.expect) } : {}) };
}

function redactFinding(f: Finding, r: Redactor): Finding {
  return {
    code: f.code,
    family: f.family,
    severity: f.severity,
    confidence: f.confidence,
    summary: r.text(f.summary),
    explanation: r.text(f.explanation),
    evidence: f.evidence.map((item) => redactEvidence(item, r)),
    remediation: f.remediation.map((step) => redactStep(step, r)),
    ...(f.userScript !== undefined ? { userScript: f.userScript.map((step) => redactUserStep(step, r)) } : {}),
    wouldChangeMyMind: f.wouldChangeMyMind.map(r.text),
    ...(f.latestAt !== undefined ? { latestAt: f.latestAt } : {}),
  };
}

function redactEntry(entry: TimelineEntry, r: Redactor, hideAddress: boolean): TimelineEntry {
  const out: { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] } = {
    at: entry.at,
    side: entry.side,
    id: r.text(entry.id),
    title: r.text(entry.title),
    outcome: entry.outcome,
    clientKind: entry.clientKind,
    clientLabel: r.text(entry.clientLabel),
    relatedIds: entry.relatedIds.map(r.text),
    counterpart: entry.counterpart,
  };
  if (entry.code !== undefined) out.code = r.text(entry.code);
  if (entry.ipAddress !== undefined) {
    // Redacted for the count even when the field is dropped: the report lists it as hidden.
    const shown = r.text(entry.ipAddress);
    if (!hideAddress) out.ipAddress = shown;
  }
  return out;
}

function redactGap(gap: EvidenceGap, r: Redactor): EvidenceGap {
  return { source: gap.source, reason: r.text(gap.reason) };
}

/**
 * Redacts a diagnosis for a reader: every free-text string (summaries, explanations, evidence,
 * remediation, user scripts, timeline, gaps, checked) is masked per `options`, with one
 * placeholder per other person throughout; the timeline's `ipAddress` is removed when addresses
 * are hidden. The subject's UPN, verdict codes and evidence ids stay.
 *
 * `context` adds values the text cannot reveal (the profile's tenant id, the caller's aliases).
 * Pure and deterministic: the input is not changed and the same input gives the same output.
 */
export function redactDiagnosis(
  diagnosis: Diagnosis,
  options: RedactionOptions,
  context: RedactionContext = {},
): RedactedDiagnosis {
  const all = diagnosis.primary === null ? diagnosis.findings : [diagnosis.primary, ...diagnosis.findings];
  const fieldValues = all.flatMap((f) =>
    f.evidence.flatMap((e) => (e.field !== undefined && e.value !== undefined ? [[e.field, e.value] as const] : [])),
  );
  const r = createRedactor(diagnosis.subject.upn, options, context, fieldValues);

  // The primary is one of the findings: redact it once so it stays the same object (and its tokens
  // are counted once). Placeholders are numbered in reading order, the primary first.
  const done = new Map<Finding, Finding>();
  const finding = (f: Finding): Finding => {
    let out = done.get(f);
    if (out === undefined) {
      out = redactFinding(f, r);
      done.set(f, out);
    }
    return out;
  };
  const primary = diagnosis.primary === null ? null : finding(diagnosis.primary);
  const findings = diagnosis.findings.map(finding);
  const timeline = diagnosis.timeline.map((entry) => redactEntry(entry, r, options.ipAddresses));
  const gaps = diagnosis.gaps.map((gap) => redactGap(gap, r));
  const checked = diagnosis.checked.map(r.text);
  return {
    diagnosis: { format: diagnosis.format, subject: diagnosis.subject, primary, findings, timeline, gaps, checked },
    report: r.report(),
  };
}
