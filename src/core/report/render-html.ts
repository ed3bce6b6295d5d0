import { escapeHtml as esc } from './escape-html';
import { formatTime, formatWindow } from './format-time';
import type {
  IncidentReport,
  ReportChecklistStep,
  ReportEvidence,
  ReportRedaction,
  ReportTimelineEntry,
  ReportUserStep,
  ReportVerdict,
} from './incident-report';
import { CONFIDENCE_LABELS, labelOf, OUTCOME_LABELS, SEVERITY_LABELS, SIDE_LABELS } from './labels';
import { REPORT_CSS } from './report-css';
import { showsAddresses } from './redaction-summary';

/*
 * The report as one self-contained HTML document, and the source of the PDF.
 *
 * Safe by construction: every tag and attribute is written here, in this file; data only ever
 * goes through `esc` into text (no data in an attribute, a tag name, a URL or the style sheet).
 * There are no scripts and no links, and the document's own Content-Security-Policy forbids
 * anything but its inline style, so even a defect in the escaping could neither run code nor
 * fetch anything when the file is opened or printed.
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

/**
 * Class names for the enums that pick a colour: looked up, never built from the value, so the
 * one attribute that depends on data can only ever hold one of these words.
 */
const SEVERITY_CLASSES: Readonly<Record<string, string>> = {
  critical: 'sev-critical',
  high: 'sev-high',
  medium: 'sev-medium',
  low: 'sev-low',
  info: 'sev-info',
};
const OUTCOME_CLASSES: Readonly<Record<string, string>> = {
  success: 'outcome-success',
  failure: 'outcome-failure',
  denied: 'outcome-denied',
  challenge: 'outcome-challenge',
  info: 'outcome-info',
};

function classFor(classes: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(classes, key) ? (classes[key] ?? '') : '';
}

/** Escaped data, or a dash for nothing. */
function value(text: string | null): string {
  return text === null || text === '' ? '<span class="none">—</span>' : esc(text);
}

function time(iso: string | null): string {
  return iso === null ? value(null) : esc(formatTime(iso));
}

function fact(label: string, html: string): string {
  return `<div><dt>${label}</dt><dd>${html}</dd></div>`;
}

function header(report: IncidentReport): string {
  const { subject } = report;
  return `<header>
<p class="eyebrow">Sign-in Triage · Incident report</p>
<h1>${esc(report.title)}</h1>
<dl class="facts">
${fact('Incident', `<span class="mono">${esc(report.incidentId)}</span>`)}
${fact('Tenant', value(report.tenantName))}
${fact('User', esc(subject.upn))}
${fact('What fails', esc(subject.symptomLabel))}
${fact('Window', esc(formatWindow(subject.since, subject.until)))}
${fact('Status', esc(report.statusLabel))}
${fact('Opened', time(report.createdAt))}
${fact('Last updated', time(report.updatedAt))}
${fact('Report generated', time(report.generatedAt))}
${fact('Redaction', esc(report.redaction.levelLabel))}
${fact('App version', value(report.appVersion))}
</dl>
</header>`;
}

function partialNotice(report: IncidentReport): string {
  if (report.partialNotice === null) return '';
  const gaps = report.gaps.map((g) => `<li><strong>${esc(g.sourceLabel)}</strong>: ${esc(g.reason)}</li>`).join('\n');
  return `<aside class="notice" role="note">
<p class="notice-title">Partial diagnosis: some evidence is missing</p>
<p>${esc(report.partialNotice)}</p>
<ul>
${gaps}
</ul>
</aside>`;
}

function verdictSection(verdict: ReportVerdict | null): string {
  if (verdict === null) {
    return `<section>
<h2>Verdict</h2>
<p>The engine returned no verdict for this incident.</p>
</section>`;
  }
  const sev = classFor(SEVERITY_CLASSES, verdict.severity);
  const doubts =
    verdict.wouldChangeMyMind.length === 0
      ? ''
      : `<h3>What would change this verdict</h3>
<ul>
${verdict.wouldChangeMyMind.map((d) => `<li>${esc(d)}</li>`).join('\n')}
</ul>`;
  return `<section>
<h2>Verdict</h2>
<div class="verdict ${sev}">
<p class="badges"><span class="code">${esc(verdict.code)}</span>
<span class="badge">${esc(verdict.familyLabel)}</span>
<span class="badge ${sev}">Severity: ${esc(labelOf(SEVERITY_LABELS, verdict.severity))}</span>
<span class="badge">${esc(labelOf(CONFIDENCE_LABELS, verdict.confidence))}</span></p>
<p class="summary">${esc(verdict.summary)}</p>
<p class="pre">${esc(verdict.explanation)}</p>
${doubts}
</div>
</section>`;
}

function evidenceRow(e: ReportEvidence): string {
  return `<tr><td>${esc(e.kindLabel)}<br><span class="mono">${value(e.recordId)}</span></td><td class="mono">${value(e.field)}</td><td class="mono">${value(e.value)}</td><td class="nowrap">${time(e.at)}</td><td>${value(e.note)}</td></tr>`;
}

function evidenceSection(report: IncidentReport): string {
  const body =
    report.evidence.length === 0
      ? '<p class="muted">The verdict cites no record.</p>'
      : `<table>
<thead><tr><th>Record</th><th>Field</th><th>Value</th><th>Time</th><th>What it shows</th></tr></thead>
<tbody>
${report.evidence.map(evidenceRow).join('\n')}
</tbody>
</table>`;
  return `<section>
<h2>Evidence</h2>
${body}
</section>`;
}

function checklistStep(step: ReportChecklistStep): string {
  const detail = step.detail === null ? '' : `<p class="pre">${esc(step.detail)}</p>`;
  const where = step.where === null ? '' : `<p class="where">Where: ${esc(step.where)}</p>`;
  return `<li class="step ${step.done ? 'done' : 'open'}"><span class="box"></span><div>
<p><span class="number">${String(step.number)}.</span> <span class="step-title">${esc(step.title)}</span><span class="state">${step.done ? 'Done' : 'To do'}</span></p>
${detail}${where}
</div></li>`;
}

function checklistSection(report: IncidentReport): string {
  const done = report.checklist.filter((s) => s.done).length;
  const body =
    report.checklist.length === 0
      ? '<p class="muted">No remediation steps.</p>'
      : `<p class="muted">${String(done)} of ${String(report.checklist.length)} steps done.</p>
<ol class="checklist">
${report.checklist.map(checklistStep).join('\n')}
</ol>`;
  return `<section>
<h2>Remediation checklist</h2>
${body}
</section>`;
}

function userStep(step: ReportUserStep, index: number): string {
  const expect = step.expect === null ? '' : `<p class="expect">Expect: ${esc(step.expect)}</p>`;
  return `<li class="step"><span class="number">${String(index + 1)}.</span><div><p class="say">${esc(step.say)}</p>${expect}</div></li>`;
}

function walkthroughSection(report: IncidentReport): string {
  if (report.walkthrough.length === 0) return '';
  return `<section>
<h2>End-user walkthrough</h2>
<p class="muted">To read out to the user, one step at a time.</p>
<ol class="walkthrough">
${report.walkthrough.map(userStep).join('\n')}
</ol>
</section>`;
}

function notesSection(report: IncidentReport): string {
  const body =
    report.notes.trim() === '' ? '<p class="muted">No notes.</p>' : `<div class="notes pre">${esc(report.notes)}</div>`;
  return `<section>
<h2>Technician’s notes</h2>
${body}
</section>`;
}

function otherFindingsSection(report: IncidentReport): string {
  const body =
    report.otherFindings.length === 0
      ? '<p class="muted">None.</p>'
      : `<table>
<thead><tr><th>Code</th><th>Family</th><th>Severity</th><th>Confidence</th><th>Summary</th></tr></thead>
<tbody>
${report.otherFindings
  .map(
    (f) =>
      `<tr><td class="mono">${esc(f.code)}</td><td>${esc(f.familyLabel)}</td><td>${esc(labelOf(SEVERITY_LABELS, f.severity))}</td><td>${esc(labelOf(CONFIDENCE_LABELS, f.confidence))}</td><td>${esc(f.summary)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  return `<section>
<h2>Other findings</h2>
${body}
</section>`;
}

function timelineRow(e: ReportTimelineEntry, showAddress: boolean): string {
  const address = showAddress ? `<td class="mono">${value(e.ipAddress)}</td>` : '';
  return `<tr><td class="nowrap">${time(e.at)}</td><td>${esc(labelOf(SIDE_LABELS, e.side))}</td><td>${esc(e.client)}</td><td class="${classFor(OUTCOME_CLASSES, e.outcome)}">${esc(labelOf(OUTCOME_LABELS, e.outcome))}</td><td class="mono">${value(e.code)}</td><td>${esc(e.title)}<br><span class="mono muted">${value(e.recordId)}</span></td>${address}</tr>`;
}

function timelineSection(report: IncidentReport): string {
  const showAddress = showsAddresses(report.redaction);
  const omitted =
    report.timelineOmitted === 0
      ? ''
      : `<p class="muted">${String(report.timelineOmitted)} more entries are not shown; the JSON export has them all.</p>`;
  const hidden = showAddress ? '' : '<p class="muted">IP addresses are hidden at this redaction level.</p>';
  const body =
    report.timeline.length === 0
      ? '<p class="muted">No sign-in attempts on either side in the window.</p>'
      : `<table>
<thead><tr><th>Time</th><th>Side</th><th>Client</th><th>Outcome</th><th>Code</th><th>Event and record id</th>${showAddress ? '<th>IP address</th>' : ''}</tr></thead>
<tbody>
${report.timeline.map((e) => timelineRow(e, showAddress)).join('\n')}
</tbody>
</table>`;
  return `<section>
<h2>Timeline</h2>
${hidden}${body}
${omitted}
</section>`;
}

function listSection(title: string, items: readonly string[], empty: string): string {
  const body =
    items.length === 0
      ? `<p class="muted">${empty}</p>`
      : `<ul>
${items.map((item) => `<li>${item}</li>`).join('\n')}
</ul>`;
  return `<section>
<h2>${title}</h2>
${body}
</section>`;
}

function redactionSection(redaction: ReportRedaction): string {
  const rows = redaction.hidden
    .map(
      (k) => `<tr><td>${esc(k.label)}</td><td>${String(k.count)}</td><td class="mono">${esc(k.placeholder)}</td></tr>`,
    )
    .join('\n');
  return `<section>
<h2>Redaction</h2>
<p>${esc(redaction.statement)}</p>
<table>
<thead><tr><th>Hidden</th><th>Count</th><th>Shown as</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/**
 * Renders a report as a self-contained HTML document: inline style sheet only, no scripts, no
 * links, no external resources, print-ready for A4 (it is also what the PDF is printed from).
 */
export function renderHtml(report: IncidentReport): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${header(report)}
${partialNotice(report)}
${verdictSection(report.verdict)}
${evidenceSection(report)}
${checklistSection(report)}
${walkthroughSection(report)}
${notesSection(report)}
${otherFindingsSection(report)}
${timelineSection(report)}
${listSection(
  'What was checked',
  report.checked.map((c) => esc(c)),
  'Nothing is recorded as checked.',
)}
${listSection(
  'What is missing',
  report.gaps.map((g) => `<strong>${esc(g.sourceLabel)}</strong>: ${esc(g.reason)}`),
  'Nothing: every evidence source was collected.',
)}
${redactionSection(report.redaction)}
<footer>Generated by Sign-in Triage ${esc(report.appVersion)} on ${esc(formatTime(report.generatedAt))} for incident <span class="mono">${esc(report.incidentId)}</span>.</footer>
</body>
</html>
`;
}
