import type { EvidenceItem, Finding, TimelineEntry } from '../diagnosis/model';
import { SYMPTOM_LABELS } from '../evidence/symptoms';
import { REDACTION_LEVELS } from '../redaction';
import type {
  IncidentReport,
  ReportChecklistStep,
  ReportEvidence,
  ReportGap,
  ReportOtherFinding,
  ReportTimelineEntry,
  ReportUserStep,
  ReportVerdict,
} from './incident-report';
import { EVIDENCE_KIND_LABELS, FAMILY_LABELS, SOURCE_LABELS, STATUS_LABELS } from './labels';
import { redactIncident } from './redact-incident';
import { describeRedaction } from './redaction-summary';
import type { ExportRedactionLevel, ReportInput } from './report-types';
import { EXPORT_REDACTION_LEVELS } from './report-types';
import { cleanLine } from './sanitize-text';

/**
 * The most timeline entries a report shows. A user with a noisy device can have thousands in a
 * day; a printed report of them all helps nobody, and the JSON format keeps them all.
 */
export const TIMELINE_LIMIT = 200;

function evidenceOf(item: EvidenceItem): ReportEvidence {
  return {
    kind: item.source,
    kindLabel: EVIDENCE_KIND_LABELS[item.source],
    recordId: item.id,
    field: item.field ?? null,
    value: item.value ?? null,
    at: item.at ?? null,
    note: item.note ?? null,
  };
}

function verdictOf(f: Finding): ReportVerdict {
  return {
    code: f.code,
    family: f.family,
    familyLabel: FAMILY_LABELS[f.family],
    severity: f.severity,
    confidence: f.confidence,
    summary: f.summary,
    explanation: f.explanation,
    wouldChangeMyMind: f.wouldChangeMyMind,
  };
}

function otherFindingOf(f: Finding): ReportOtherFinding {
  return {
    code: f.code,
    familyLabel: FAMILY_LABELS[f.family],
    severity: f.severity,
    confidence: f.confidence,
    summary: f.summary,
  };
}

function timelineEntryOf(e: TimelineEntry): ReportTimelineEntry {
  return {
    at: e.at,
    side: e.side,
    recordId: e.id,
    client: e.clientLabel,
    outcome: e.outcome,
    code: e.code ?? null,
    title: e.title,
    ipAddress: e.ipAddress ?? null,
    counterpart: e.counterpart,
  };
}

/**
 * The entries a report shows: all of them up to {@link TIMELINE_LIMIT}; beyond it every entry a
 * finding cites (the reader must be able to find the evidence), then the newest, in time order.
 */
function selectTimeline(
  entries: readonly TimelineEntry[],
  findings: readonly Finding[],
): { readonly shown: readonly TimelineEntry[]; readonly omitted: number } {
  if (entries.length <= TIMELINE_LIMIT) return { shown: entries, omitted: 0 };
  const cited = new Set(findings.flatMap((f) => f.evidence.map((e) => e.id)));
  const keep = new Set<number>();
  entries.forEach((e, i) => {
    if (cited.has(e.id) || e.relatedIds.some((id) => cited.has(id))) keep.add(i);
  });
  const time = (i: number): number => Date.parse(entries[i]?.at ?? '') || 0;
  const newestFirst = entries.map((_, i) => i).sort((a, b) => time(b) - time(a));
  for (const i of newestFirst) {
    if (keep.size >= TIMELINE_LIMIT) break;
    keep.add(i);
  }
  const shown = entries.filter((_, i) => keep.has(i));
  return { shown, omitted: entries.length - shown.length };
}

function partialNotice(gaps: readonly ReportGap[]): string | null {
  if (gaps.length === 0) return null;
  const sources = [...new Set(gaps.map((g) => g.sourceLabel))];
  const count = sources.length === 1 ? 'One evidence source' : `${String(sources.length)} evidence sources`;
  const pronoun = sources.length === 1 ? 'it' : 'they';
  return `${count} could not be read (${sources.join(', ')}). The verdict rests on the evidence that was collected and may change once ${pronoun} can be read.`;
}

/**
 * Builds the incident report from a stored incident, redacted at `level`: one model that every
 * format renders, so the PDF, the ticket text and the JSON never disagree.
 *
 * Everything from a log, a user or the technician is cleaned of control and bidi characters and
 * redacted in one pass (other users, addresses, device and tenant ids as the level says; secrets
 * at every level). Pure and deterministic; the input is not changed.
 *
 * @throws RangeError for a level that is not an export level (screen sharing is a display mode).
 */
export function buildReport(input: ReportInput, level: ExportRedactionLevel): IncidentReport {
  if (!(EXPORT_REDACTION_LEVELS as readonly string[]).includes(level)) {
    throw new RangeError(`Not an export redaction level: ${level}`);
  }
  const redacted = redactIncident(
    { diagnosis: input.diagnosis, notes: input.work.notes, tenantName: input.tenantName, bundle: input.bundle },
    REDACTION_LEVELS[level],
  );
  const diagnosis = redacted.diagnosis;
  const primary = diagnosis.primary;
  const { upn, since, until, symptom } = diagnosis.subject;

  const done = new Set(input.work.done);
  const checklist: ReportChecklistStep[] = (primary?.remediation ?? []).map((step, index) => ({
    number: index + 1,
    title: step.title,
    detail: step.detail ?? null,
    where: step.where ?? null,
    done: done.has(index),
  }));
  const walkthrough: ReportUserStep[] = (primary?.userScript ?? []).map((step) => ({
    say: step.say,
    expect: step.expect ?? null,
  }));
  const gaps: ReportGap[] = diagnosis.gaps.map((g) => ({
    source: g.source,
    sourceLabel: SOURCE_LABELS[g.source],
    reason: g.reason,
  }));
  const timeline = selectTimeline(diagnosis.timeline, diagnosis.findings);
  const subjectUpn = cleanLine(upn);

  return {
    title: `Sign-in incident report: ${subjectUpn}`,
    incidentId: cleanLine(input.incidentId),
    tenantName: redacted.tenantName,
    subject: {
      upn: subjectUpn,
      symptom: symptom ?? null,
      symptomLabel: symptom === undefined ? 'Not given' : SYMPTOM_LABELS[symptom],
      since,
      until,
    },
    createdAt: cleanLine(input.createdAt),
    updatedAt: cleanLine(input.updatedAt),
    generatedAt: cleanLine(input.generatedAt),
    status: input.status,
    statusLabel: STATUS_LABELS[input.status],
    appVersion: cleanLine(input.appVersion),
    partial: gaps.length > 0,
    partialNotice: partialNotice(gaps),
    verdict: primary === null ? null : verdictOf(primary),
    evidence: (primary?.evidence ?? []).map(evidenceOf),
    otherFindings: diagnosis.findings.filter((f) => f !== primary).map(otherFindingOf),
    timeline: timeline.shown.map(timelineEntryOf),
    timelineOmitted: timeline.omitted,
    gaps,
    checked: diagnosis.checked,
    checklist,
    walkthrough,
    notes: redacted.notes,
    redaction: describeRedaction(level, redacted.report),
    diagnosis,
    bundle: redacted.bundle,
  };
}
