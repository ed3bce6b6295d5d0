import { escapeMarkdown as esc, markdownBlock } from './escape-markdown';
import { formatTime, formatWindow } from './format-time';
import type { IncidentReport, ReportChecklistStep, ReportTimelineEntry, ReportVerdict } from './incident-report';
import { CONFIDENCE_LABELS, labelOf, OUTCOME_LABELS, SEVERITY_LABELS, SIDE_LABELS } from './labels';
import { showsAddresses } from './redaction-summary';

/*
 * The report as Markdown (GitHub-flavoured: tables and task lists), for a wiki page, a Git issue
 * or a chat. Every string of data goes through `esc` (one line) or `markdownBlock` (several), so
 * it renders as the literal text it is: no HTML, no links, no headings or list items of its own.
 * The renderer itself writes no HTML either, so the file holds no "<" at all.
 */

/** Escaped data for a table cell, or a dash for nothing. */
function cell(text: string | null): string {
  return text === null || text.trim() === '' ? '—' : esc(text);
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function facts(report: IncidentReport): string {
  const { subject } = report;
  return table(
    ['Field', 'Value'],
    [
      ['Incident', cell(report.incidentId)],
      ['Tenant', cell(report.tenantName)],
      ['User', cell(subject.upn)],
      ['What fails', cell(subject.symptomLabel)],
      ['Window', cell(formatWindow(subject.since, subject.until))],
      ['Status', cell(report.statusLabel)],
      ['Opened', cell(formatTime(report.createdAt))],
      ['Last updated', cell(formatTime(report.updatedAt))],
      ['Report generated', cell(formatTime(report.generatedAt))],
      ['Redaction', cell(report.redaction.levelLabel)],
      ['App version', cell(report.appVersion)],
    ],
  );
}

function partialNotice(report: IncidentReport): string | null {
  if (report.partialNotice === null) return null;
  return [
    '> **Partial diagnosis: some evidence is missing.**',
    '>',
    `> ${esc(report.partialNotice)}`,
    '>',
    ...report.gaps.map((g) => `> - **${esc(g.sourceLabel)}**: ${esc(g.reason)}`),
  ].join('\n');
}

function verdictSection(verdict: ReportVerdict | null): string {
  if (verdict === null) return '## Verdict\n\nThe engine returned no verdict for this incident.';
  const parts = [
    '## Verdict',
    [
      `**${esc(verdict.code)}**`,
      esc(verdict.familyLabel),
      `Severity: ${esc(labelOf(SEVERITY_LABELS, verdict.severity))}`,
      esc(labelOf(CONFIDENCE_LABELS, verdict.confidence)),
    ].join(' · '),
    // Bold only with something inside: "****" alone on a line is a thematic break.
    verdict.summary.trim() === '' ? '' : `**${esc(verdict.summary.trim())}**`,
    markdownBlock(verdict.explanation),
  ];
  if (verdict.wouldChangeMyMind.length > 0) {
    parts.push('### What would change this verdict', verdict.wouldChangeMyMind.map((d) => `- ${esc(d)}`).join('\n'));
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

function evidenceSection(report: IncidentReport): string {
  if (report.evidence.length === 0) return '## Evidence\n\nThe verdict cites no record.';
  return `## Evidence\n\n${table(
    ['Record', 'Field', 'Value', 'Time', 'What it shows'],
    report.evidence.map((e) => [
      `${esc(e.kindLabel)} ${cell(e.recordId)}`,
      cell(e.field),
      cell(e.value),
      e.at === null ? '—' : cell(formatTime(e.at)),
      cell(e.note),
    ]),
  )}`;
}

/** Indents every line of a block so it continues the list item above it. */
function continuation(block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}

function checklistStep(step: ReportChecklistStep): string {
  const lines = [`- [${step.done ? 'x' : ' '}] **${String(step.number)}. ${esc(step.title)}**`];
  if (step.detail !== null && step.detail.trim() !== '') lines.push('', continuation(markdownBlock(step.detail)));
  if (step.where !== null && step.where.trim() !== '') lines.push('', `  Where: ${esc(step.where)}`);
  return lines.join('\n');
}

function checklistSection(report: IncidentReport): string {
  if (report.checklist.length === 0) return '## Remediation checklist\n\nNo remediation steps.';
  const done = report.checklist.filter((s) => s.done).length;
  return [
    '## Remediation checklist',
    `${String(done)} of ${String(report.checklist.length)} steps done.`,
    report.checklist.map(checklistStep).join('\n'),
  ].join('\n\n');
}

function walkthroughSection(report: IncidentReport): string | null {
  if (report.walkthrough.length === 0) return null;
  const steps = report.walkthrough.map((step, i) => {
    const expect = step.expect === null || step.expect.trim() === '' ? '' : ` — _Expect:_ ${esc(step.expect)}`;
    return `${String(i + 1)}. ${esc(step.say)}${expect}`;
  });
  return ['## End-user walkthrough', 'To read out to the user, one step at a time.', steps.join('\n')].join('\n\n');
}

function notesSection(report: IncidentReport): string {
  const notes = markdownBlock(report.notes);
  return `## Technician’s notes\n\n${notes === '' ? '_No notes._' : notes}`;
}

function otherFindingsSection(report: IncidentReport): string {
  if (report.otherFindings.length === 0) return '## Other findings\n\nNone.';
  return `## Other findings\n\n${table(
    ['Code', 'Family', 'Severity', 'Confidence', 'Summary'],
    report.otherFindings.map((f) => [
      cell(f.code),
      cell(f.familyLabel),
      cell(labelOf(SEVERITY_LABELS, f.severity)),
      cell(labelOf(CONFIDENCE_LABELS, f.confidence)),
      cell(f.summary),
    ]),
  )}`;
}

function timelineRow(e: ReportTimelineEntry, showAddress: boolean): string[] {
  const row = [
    cell(formatTime(e.at)),
    cell(labelOf(SIDE_LABELS, e.side)),
    cell(e.client),
    cell(labelOf(OUTCOME_LABELS, e.outcome)),
    cell(e.code),
    cell(e.title),
    cell(e.recordId),
  ];
  if (showAddress) row.push(cell(e.ipAddress));
  return row;
}

function timelineSection(report: IncidentReport): string {
  const showAddress = showsAddresses(report.redaction);
  const parts = ['## Timeline'];
  if (!showAddress) parts.push('IP addresses are hidden at this redaction level.');
  if (report.timeline.length === 0) {
    parts.push('No sign-in attempts on either side in the window.');
  } else {
    const head = ['Time', 'Side', 'Client', 'Outcome', 'Code', 'Event', 'Record id'];
    if (showAddress) head.push('IP address');
    parts.push(
      table(
        head,
        report.timeline.map((e) => timelineRow(e, showAddress)),
      ),
    );
  }
  if (report.timelineOmitted > 0) {
    parts.push(`${String(report.timelineOmitted)} more entries are not shown; the JSON export has them all.`);
  }
  return parts.join('\n\n');
}

function checkedSection(report: IncidentReport): string {
  if (report.checked.length === 0) return '## What was checked\n\nNothing is recorded as checked.';
  return `## What was checked\n\n${report.checked.map((c) => `- ${esc(c)}`).join('\n')}`;
}

function missingSection(report: IncidentReport): string {
  if (report.gaps.length === 0) return '## What is missing\n\nNothing: every evidence source was collected.';
  return `## What is missing\n\n${report.gaps.map((g) => `- **${esc(g.sourceLabel)}**: ${esc(g.reason)}`).join('\n')}`;
}

function redactionSection(report: IncidentReport): string {
  const { redaction } = report;
  return [
    '## Redaction',
    esc(redaction.statement),
    table(
      ['Hidden', 'Count', 'Shown as'],
      redaction.hidden.map((k) => [cell(k.label), String(k.count), cell(k.placeholder)]),
    ),
  ].join('\n\n');
}

/**
 * Renders a report as GitHub-flavoured Markdown. Data is escaped so that it renders as literal
 * text (no raw HTML, links, headings, lists or table cells of its own); see escape-markdown.ts.
 */
export function renderMarkdown(report: IncidentReport): string {
  const sections = [
    `# ${esc(report.title)}`,
    partialNotice(report),
    facts(report),
    verdictSection(report.verdict),
    evidenceSection(report),
    checklistSection(report),
    walkthroughSection(report),
    notesSection(report),
    otherFindingsSection(report),
    timelineSection(report),
    checkedSection(report),
    missingSection(report),
    redactionSection(report),
    '---',
    `_Generated by Sign-in Triage ${esc(report.appVersion)} on ${esc(formatTime(report.generatedAt))} for incident ${esc(report.incidentId)}._`,
  ];
  return `${sections.filter((s): s is string => s !== null).join('\n\n')}\n`;
}
