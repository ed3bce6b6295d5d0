import { formatTime, formatWindow } from './format-time';
import type { IncidentReport, ReportSubject } from './incident-report';
import { CONFIDENCE_LABELS, labelOf, OUTCOME_LABELS, SIDE_LABELS } from './labels';
import { showsAddresses } from './redaction-summary';
import { cleanLine, cleanText } from './sanitize-text';
import { ticketResolution } from './ticket-resolution';

/*
 * The report as plain text to paste into a ServiceNow incident or a Jira issue: one labelled line
 * per field the ticket form has, then the work notes and the resolution as indented blocks.
 *
 * Data can neither add a field nor format the ticket: single-line fields have their line breaks
 * folded, every line of a block is indented (so a note reading "Resolution code: Solved" is not
 * a line of ours), and the two markups that let pasted text become HTML are defused: ServiceNow's
 * [code]…[/code] in journal fields and Jira's {html} macro.
 */

/** The longest short description ServiceNow's default form takes in full. */
export const SHORT_DESCRIPTION_MAX = 160;

const CATEGORY = 'Identity / Authentication';
const AFFECTED_SERVICE = 'Microsoft 365 sign-in via Okta federation';
/** How many failed attempts the ticket lists; the attached report has the whole timeline. */
const TICKET_TIMELINE_MAX = 20;

/** Defuses the ticket systems' HTML escape hatches in data. */
function defuse(text: string): string {
  return text.replace(/\[(\/?)code\]/gi, '($1code)').replace(/\{html\}/gi, '(html)');
}

/** Data for a one-line field. */
function line(text: string): string {
  return defuse(cleanLine(text)).trim();
}

/** Multi-line data, every line indented by `indent`; blank lines kept as empty lines. */
function block(text: string, indent: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((l) => defuse(l.trimEnd()))
    .map((l) => (l.trim() === '' ? '' : `${indent}${l.replace(/^\s+/, '')}`));
}

/**
 * Cuts text to at most `max` UTF-16 code units (what ticket fields count), at a word boundary
 * when there is one in the second half, with an ellipsis; never inside a character or an emoji.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (cut.length + segment.length > max - 1) break;
    cut += segment;
  }
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** What the user cannot use, as the end of a sentence ("… cannot sign in to a Teams phone"). */
function whatFails(subject: ReportSubject): string {
  if (subject.symptom === null || subject.symptom === 'other') return 'Microsoft 365';
  return line(subject.symptomLabel).replace(/^A /, 'a ');
}

/** The Impact field, from the verdict's severity. */
function impact(report: IncidentReport): string {
  const what = whatFails(report.subject);
  switch (report.verdict?.severity ?? 'info') {
    case 'critical':
      return `1 user cannot sign in to Microsoft 365 at all (reported for ${what}): every client is affected`;
    case 'high':
      return `1 user cannot sign in to ${what}`;
    case 'medium':
      return `1 user cannot sign in to ${what} reliably`;
    case 'low':
      return `1 user has a minor sign-in problem with ${what}`;
    case 'info':
      return `1 user reported a sign-in problem with ${what}; no failure was found`;
  }
}

/** The Short description field: "Sign-in failure: <upn> — <summary>", at most 160 characters. */
export function shortDescription(report: IncidentReport): string {
  const summary = report.verdict === null ? 'no verdict' : line(report.verdict.summary);
  return shorten(`Sign-in failure: ${line(report.subject.upn)} — ${summary}`, SHORT_DESCRIPTION_MAX);
}

function workNotes(report: IncidentReport): string[] {
  const out: string[] = [];
  // First, so nobody acts on the verdict without knowing it rests on part of the evidence.
  if (report.partialNotice !== null) out.push(`  PARTIAL DIAGNOSIS: ${line(report.partialNotice)}`);
  const { verdict } = report;
  if (verdict === null) {
    out.push('  Verdict: none (the engine returned no verdict)');
  } else {
    out.push(
      `  Verdict: ${line(verdict.code)} (${line(verdict.familyLabel)}), ${labelOf(CONFIDENCE_LABELS, verdict.confidence).toLowerCase()}, severity ${line(verdict.severity)}`,
      `  Summary: ${line(verdict.summary)}`,
      '  Explanation:',
      ...block(verdict.explanation, '    '),
    );
  }

  out.push(report.evidence.length === 0 ? '  Key evidence: none cited' : '  Key evidence:');
  for (const e of report.evidence) {
    const fieldValue = e.field === null ? '' : `: ${line(e.field)} = ${line(e.value ?? '')}`;
    const at = e.at === null ? '' : ` at ${formatTime(e.at)}`;
    const note = e.note === null ? '' : ` (${line(e.note)})`;
    out.push(`    - ${line(e.kindLabel)} ${line(e.recordId)}${fieldValue}${at}${note}`);
  }

  if (report.otherFindings.length > 0) {
    out.push('  Other findings:');
    for (const f of report.otherFindings) {
      out.push(`    - ${line(f.code)} (${labelOf(CONFIDENCE_LABELS, f.confidence).toLowerCase()}): ${line(f.summary)}`);
    }
  }

  if (report.partialNotice === null) {
    out.push('  Gaps: none, every evidence source was collected.');
  } else {
    out.push('  Gaps:');
    for (const g of report.gaps) out.push(`    - ${line(g.sourceLabel)}: ${line(g.reason)}`);
  }

  if (report.checked.length > 0) {
    out.push('  Checked:');
    for (const c of report.checked) out.push(`    - ${line(c)}`);
  }

  const failures = report.timeline.filter((t) => t.outcome !== 'success' && t.outcome !== 'info');
  if (failures.length > 0) {
    const shown = failures.slice(-TICKET_TIMELINE_MAX);
    const more = failures.length - shown.length;
    out.push(
      `  Failed attempts (${more > 0 ? `newest ${String(shown.length)} of ${String(failures.length)}` : String(failures.length)}; the attached report has the whole timeline):`,
    );
    const address = showsAddresses(report.redaction);
    for (const t of shown) {
      const code = t.code === null ? '' : ` ${line(t.code)}`;
      const ip = address && t.ipAddress !== null ? ` from ${line(t.ipAddress)}` : '';
      out.push(
        `    - ${formatTime(t.at)} ${labelOf(SIDE_LABELS, t.side)} ${labelOf(OUTCOME_LABELS, t.outcome).toLowerCase()}${code}: ${line(t.title)}, ${line(t.client)}${ip} [${line(t.recordId)}]`,
      );
    }
  }

  const done = report.checklist.filter((s) => s.done).length;
  if (report.checklist.length > 0) {
    out.push(`  Remediation checklist (${String(done)} of ${String(report.checklist.length)} done):`);
    for (const s of report.checklist) {
      const where = s.where === null ? '' : ` (where: ${line(s.where)})`;
      out.push(`    [${s.done ? 'x' : ' '}] ${String(s.number)}. ${line(s.title)}${where}`);
    }
  }

  if (report.walkthrough.length > 0) {
    out.push('  End-user walkthrough:');
    report.walkthrough.forEach((s, i) => {
      const expect = s.expect === null ? '' : ` (expect: ${line(s.expect)})`;
      out.push(`    ${String(i + 1)}. ${line(s.say)}${expect}`);
    });
  }

  const notes = block(report.notes, '    ');
  if (notes.some((l) => l !== '')) out.push('  Technician notes:', ...notes);
  else out.push('  Technician notes: none');

  out.push(`  ${line(report.redaction.statement)}`);
  for (const k of report.redaction.hidden) out.push(`    - ${line(k.label)}: ${String(k.count)}`);
  return out;
}

function resolutionNotes(report: IncidentReport): string[] {
  const out: string[] = [];
  const { verdict } = report;
  out.push(verdict === null ? '  Cause: not determined.' : `  Cause: ${line(verdict.summary)} (${line(verdict.code)})`);
  const done = report.checklist.filter((s) => s.done);
  const open = report.checklist.filter((s) => !s.done);
  if (done.length > 0) {
    out.push('  Done:');
    for (const s of done) out.push(`    - ${line(s.title)}`);
  }
  if (open.length > 0) {
    out.push('  Still open:');
    for (const s of open) out.push(`    - ${line(s.title)}`);
  }
  out.push(`  ${ticketResolution(report).reason}`);
  out.push(
    `  Diagnosed with Sign-in Triage ${line(report.appVersion)}, incident ${line(report.incidentId)}, report generated ${formatTime(report.generatedAt)} (redaction: ${line(report.redaction.levelLabel)}).`,
  );
  return out;
}

/**
 * Renders a report as ticket text for ServiceNow or Jira: labelled lines (Short description,
 * Category, Subcategory, Affected service, Impact…), then Work notes, Resolution code and
 * Resolution notes. The resolution code follows the mapping in ticket-resolution.ts.
 */
export function renderTicket(report: IncidentReport): string {
  const resolution = ticketResolution(report);
  const { subject } = report;
  const lines = [
    `Short description: ${shortDescription(report)}`,
    `Category: ${CATEGORY}`,
    `Subcategory: ${report.verdict === null ? 'No cause found' : line(report.verdict.familyLabel)}`,
    `Affected service: ${AFFECTED_SERVICE}`,
    `Impact: ${impact(report)}`,
    `Caller: ${line(subject.upn)}`,
    `Reported symptom: ${line(subject.symptomLabel)}`,
    `Window: ${formatWindow(subject.since, subject.until)}`,
    `Tenant: ${line(report.tenantName)}`,
    `Reference: Sign-in Triage incident ${line(report.incidentId)} (${line(report.statusLabel)}, opened ${formatTime(report.createdAt)}, updated ${formatTime(report.updatedAt)})`,
    '',
    'Work notes:',
    ...workNotes(report),
    '',
    `Resolution code: ${resolution.code ?? `none yet (${resolution.reason})`}`,
    'Resolution notes:',
    ...resolutionNotes(report),
  ];
  return `${lines.join('\n')}\n`;
}
