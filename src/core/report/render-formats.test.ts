import { describe, expect, it } from 'vitest';
import type { EvidenceBundle } from '../evidence/bundle';
import type { VerdictCode } from '../diagnosis/verdicts';
import { buildReport } from './build-report';
import { escapeHtml } from './escape-html';
import { escapeMarkdown } from './escape-markdown';
import { formatTime, formatWindow } from './format-time';
import type { IncidentReport } from './incident-report';
import { reportFileName, reportMediaType } from './file-name';
import { renderHtml } from './render-html';
import { renderJson, REPORT_JSON_FORMAT } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderReport } from './render-report';
import { renderTicket } from './render-ticket';
import { deviceCodeBundle, immutableIdBundle, incidentInput, legacyAuthBundle } from './report-fixtures';
import type { ReportFormat } from './report-types';

/** A verdict the engine gives for a fixture bundle. */
interface Scenario {
  readonly name: string;
  readonly bundle: () => EvidenceBundle;
  readonly code: VerdictCode;
}

const scenarios: readonly Scenario[] = [
  { name: 'legacy auth', bundle: legacyAuthBundle, code: 'LEGACY_AUTH_BLOCKED' },
  { name: 'ImmutableID', bundle: immutableIdBundle, code: 'IMMUTABLEID_MISMATCH' },
  { name: 'device code', bundle: deviceCodeBundle, code: 'DEVICE_CODE_BLOCKED_BY_POLICY' },
];

type TextFormat = Exclude<ReportFormat, 'pdf'>;

/** Each text format, and how a plain string of data is written in it. */
const formats: readonly { readonly format: TextFormat; readonly written: (text: string) => string }[] = [
  { format: 'html', written: escapeHtml },
  { format: 'md', written: escapeMarkdown },
  { format: 'ticket', written: (text) => text },
  { format: 'json', written: (text) => JSON.stringify(text).slice(1, -1) },
];

const cases = scenarios.flatMap((scenario) => formats.map((f) => ({ ...scenario, ...f })));

function reportFor(scenario: Scenario): IncidentReport {
  return buildReport(
    incidentInput(scenario.bundle(), { done: [0], notes: 'Checked with the user at 16:05.' }),
    'internal',
  );
}

describe.each(cases)('the $name report as $format', (c) => {
  const report = reportFor(c);
  const out = renderReport(report, c.format);
  const has = (text: string): void => {
    expect(out).toContain(c.written(text));
  };

  it('is the verdict the engine gave', () => {
    expect(report.verdict?.code).toBe(c.code);
  });

  it('holds the verdict code, its summary and every evidence record id', () => {
    has(c.code);
    has(report.verdict?.summary ?? '');
    expect(report.evidence.length).toBeGreaterThan(0);
    for (const e of report.evidence) has(e.recordId);
  });

  it('holds every remediation step’s title, and which are done', () => {
    expect(report.checklist.length).toBeGreaterThan(0);
    for (const step of report.checklist) has(step.title);
    expect(report.checklist.map((s) => s.done)).toEqual(report.checklist.map((_, i) => i === 0));
  });

  it('holds the facts of the incident', () => {
    for (const text of [
      report.incidentId,
      report.tenantName,
      report.subject.upn,
      report.subject.symptomLabel,
      report.statusLabel,
      report.appVersion,
      report.notes,
    ]) {
      has(text);
    }
    if (c.format !== 'json') {
      for (const text of [
        formatWindow(report.subject.since, report.subject.until),
        formatTime(report.createdAt),
        formatTime(report.updatedAt),
        formatTime(report.generatedAt),
      ]) {
        has(text);
      }
    }
  });

  it('holds the end-user walkthrough, what was checked and what the redaction did', () => {
    for (const step of report.walkthrough) has(step.say);
    for (const line of report.checked) has(line);
    has(report.redaction.statement);
  });

  it('holds every failed attempt of the timeline', () => {
    const failed = report.timeline.filter((t) => t.outcome === 'failure' || t.outcome === 'denied');
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) has(t.recordId);
  });

  it('is what the format’s own renderer writes', () => {
    const direct = { html: renderHtml, md: renderMarkdown, ticket: renderTicket, json: renderJson }[c.format];
    expect(out).toBe(direct(report));
  });
});

describe('a partial diagnosis', () => {
  const bundle = legacyAuthBundle();
  const partial: EvidenceBundle = {
    ...bundle,
    gaps: [{ source: 'graph.signIns', reason: 'Graph answered 403: AuditLog.Read.All is not granted' }],
  };
  const report = buildReport(incidentInput(partial), 'internal');

  it('is flagged in the model with one sentence every format shows', () => {
    expect(report.partial).toBe(true);
    expect(report.partialNotice).toBe(
      'One evidence source could not be read (Entra sign-in logs). The verdict rests on the evidence that was collected and may change once it can be read.',
    );
  });

  it.each(formats)('says so before the verdict in $format', ({ format, written }) => {
    const out = renderReport(report, format);
    const notice = out.indexOf(written(report.partialNotice ?? ''));
    expect(notice).toBeGreaterThan(-1);
    expect(out).toContain(written('AuditLog.Read.All is not granted'));
    const verdict = { html: '<h2>Verdict</h2>', md: '## Verdict', ticket: '  Verdict:', json: '"verdict"' }[format];
    expect(notice).toBeLessThan(out.indexOf(verdict));
  });

  it('is not flagged when every source was collected', () => {
    const complete = buildReport(incidentInput(bundle), 'internal');
    expect(complete.partial).toBe(false);
    expect(complete.partialNotice).toBeNull();
    expect(renderHtml(complete)).toContain('Nothing: every evidence source was collected.');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(
    reportFor(scenarios[0] ?? { name: '', bundle: legacyAuthBundle, code: 'LEGACY_AUTH_BLOCKED' }),
  );

  it('is one self-contained document with its style inline and nothing else to load', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<a\s|\ssrc=|\shref=|url\(|@import/i);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`,
    );
  });

  it('is ready to print on A4', () => {
    expect(html).toContain('@page { size: A4; margin:');
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('has no dark backgrounds', () => {
    const backgrounds = [...html.matchAll(/background:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1] ?? '');
    expect(backgrounds.length).toBeGreaterThan(3);
    for (const colour of backgrounds) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
      const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      expect(luminance, colour).toBeGreaterThan(0.85);
    }
  });
});

describe('renderJson', () => {
  const report = reportFor(scenarios[1] ?? { name: '', bundle: immutableIdBundle, code: 'IMMUTABLEID_MISMATCH' });
  const parsed = JSON.parse(renderJson(report)) as Record<string, unknown>;

  it('is the report with its format tag first, the redacted diagnosis and bundle last', () => {
    const keys = Object.keys(parsed);
    expect(keys[0]).toBe('format');
    expect(keys.slice(-2)).toEqual(['diagnosis', 'bundle']);
    expect(parsed.format).toBe(REPORT_JSON_FORMAT);
    expect(parsed).toEqual({ format: REPORT_JSON_FORMAT, ...JSON.parse(JSON.stringify(report)) });
  });

  it('is pretty-printed', () => {
    expect(renderJson(report)).toMatch(/^\{\n {2}"format": "signin-triage\.report\/v1",\n/);
  });

  it('has a null bundle when the bundle was not at hand', () => {
    const without = buildReport({ ...incidentInput(immutableIdBundle()), bundle: null }, 'external');
    expect((JSON.parse(renderJson(without)) as { bundle: unknown }).bundle).toBeNull();
  });

  it('writes characters a report never shows raw as escapes, losslessly', () => {
    const hand: IncidentReport = { ...report, notes: 'a\u202Eb\u0085c\u2028d\u{E0041}' };
    const json = renderJson(hand);
    expect(json).not.toMatch(/[\u202E\u0085\u2028]|\u{E0041}/u);
    expect(json).toContain('"notes": "a\\u202eb\\u0085c\\u2028d\\udb40\\udc41"');
    expect((JSON.parse(json) as { notes: string }).notes).toBe(hand.notes);
  });
});

describe('reportFileName and reportMediaType', () => {
  const report: IncidentReport = {
    ...reportFor(scenarios[0] ?? { name: '', bundle: legacyAuthBundle, code: 'LEGACY_AUTH_BLOCKED' }),
    generatedAt: '2026-11-21T23:15:42.000Z',
  };

  it.each([
    {
      format: 'pdf',
      name: 'signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.pdf',
      type: 'application/pdf',
    },
    {
      format: 'html',
      name: 'signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.html',
      type: 'text/html; charset=utf-8',
    },
    {
      format: 'md',
      name: 'signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.md',
      type: 'text/markdown; charset=utf-8',
    },
    {
      format: 'json',
      name: 'signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.json',
      type: 'application/json',
    },
    {
      format: 'ticket',
      name: 'signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.txt',
      type: 'text/plain; charset=utf-8',
    },
  ] as const)('$format: $name', ({ format, name, type }) => {
    expect(reportFileName(report, format)).toBe(name);
    expect(reportMediaType(format)).toBe(type);
  });
});
