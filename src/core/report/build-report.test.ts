import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../diagnosis/model';
import { addEvents, browserSso, healthyBundle, legacyDeny } from '../test-support/fixtures';
import { buildReport, TIMELINE_LIMIT } from './build-report';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderTicket } from './render-ticket';
import { GENERATED_AT, INCIDENT_ID, incidentInput, legacyAuthBundle, realisticBundle } from './report-fixtures';

describe('buildReport', () => {
  const input = incidentInput(legacyAuthBundle(), { done: [1, 1, 7, -1, 0.5] });
  const report = buildReport(input, 'internal');
  const primary = input.diagnosis.primary;

  it('carries the incident’s facts', () => {
    expect(report).toMatchObject({
      title: 'Sign-in incident report: jdoe@contoso.com',
      incidentId: INCIDENT_ID,
      tenantName: 'Contoso production',
      subject: {
        upn: 'jdoe@contoso.com',
        symptom: 'outlook-desktop',
        symptomLabel: 'Outlook on a computer',
        since: input.diagnosis.subject.since,
        until: input.diagnosis.subject.until,
      },
      createdAt: input.createdAt,
      updatedAt: input.updatedAt,
      generatedAt: GENERATED_AT,
      status: 'draft',
      statusLabel: 'Open',
      appVersion: '1.8.0',
    });
  });

  it('takes the verdict and its evidence from the primary finding', () => {
    expect(report.verdict).toEqual({
      code: primary?.code,
      family: primary?.family,
      familyLabel: 'Legacy authentication',
      severity: primary?.severity,
      confidence: primary?.confidence,
      summary: primary?.summary,
      explanation: primary?.explanation,
      wouldChangeMyMind: primary?.wouldChangeMyMind,
    });
    expect(report.evidence.map((e) => [e.kind, e.recordId, e.field, e.value, e.at, e.note])).toEqual(
      primary?.evidence.map((e) => [e.source, e.id, e.field ?? null, e.value ?? null, e.at ?? null, e.note ?? null]),
    );
    expect(report.evidence[0]?.kindLabel).toBe('Okta System Log event');
  });

  it('lists the other findings without the primary', () => {
    expect(report.otherFindings.map((f) => f.code)).toEqual(
      input.diagnosis.findings.filter((f) => f !== primary).map((f) => f.code),
    );
  });

  it('marks the checklist steps done by index, ignoring indexes that name no step', () => {
    expect(report.checklist.map((s) => [s.number, s.done])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(report.checklist[1]?.where).toBe(primary?.remediation[1]?.where);
  });

  it('has the timeline, what was checked and the walkthrough', () => {
    expect(report.timeline.map((t) => t.recordId)).toEqual(input.diagnosis.timeline.map((t) => t.id));
    expect(report.timelineOmitted).toBe(0);
    expect(report.checked).toEqual(input.diagnosis.checked);
    expect(report.walkthrough.map((s) => s.say)).toEqual((primary?.userScript ?? []).map((s) => s.say));
  });

  it('keeps the redacted diagnosis and bundle for the JSON format', () => {
    expect(report.diagnosis).toEqual(input.diagnosis);
    expect(report.bundle).toEqual(input.bundle);
  });
});

describe('buildReport on what the incident lacks', () => {
  it('says "Not given" for a missing symptom', () => {
    const report = buildReport(incidentInput(healthyBundle((b) => addEvents(b, ...legacyDeny(40)))), 'none');
    expect(report.subject).toMatchObject({ symptom: null, symptomLabel: 'Not given' });
  });

  it('renders a diagnosis without a primary finding in every format', () => {
    const input = incidentInput(legacyAuthBundle());
    const diagnosis: Diagnosis = { ...input.diagnosis, primary: null };
    const report = buildReport({ ...input, diagnosis }, 'external');
    expect(report.verdict).toBeNull();
    expect(report.evidence).toEqual([]);
    expect(report.checklist).toEqual([]);
    expect(report.otherFindings).toHaveLength(input.diagnosis.findings.length);
    expect(renderHtml(report)).toContain('The engine returned no verdict for this incident.');
    expect(renderMarkdown(report)).toContain('The engine returned no verdict for this incident.');
    expect(renderTicket(report)).toContain('Verdict: none');
    expect((JSON.parse(renderJson(report)) as { verdict: unknown }).verdict).toBeNull();
  });

  it('handles empty notes and a missing bundle', () => {
    const report = buildReport({ ...incidentInput(legacyAuthBundle(), { notes: '' }), bundle: null }, 'external');
    expect(report.notes).toBe('');
    expect(report.bundle).toBeNull();
    expect(renderHtml(report)).toContain('No notes.');
  });
});

describe('buildReport cleans and redacts what people and logs wrote', () => {
  it('removes a secret from the notes at every level', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lQGNvbnRvc28uY29tIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtbG9uZw-abc_def';
    for (const level of ['none', 'internal', 'external'] as const) {
      const report = buildReport(incidentInput(legacyAuthBundle(), { notes: `token ${jwt}` }), level);
      expect(report.notes).not.toContain(jwt);
      expect(report.redaction.counts.tokens).toBeGreaterThan(0);
    }
  });

  it('removes bidi and control characters from the tenant name and the notes', () => {
    const input = incidentInput(
      legacyAuthBundle(),
      { notes: 'a\u202Eb\u0007c' },
      { tenantName: 'Con\u202Etoso\u0000' },
    );
    const report = buildReport(input, 'none');
    expect(report.tenantName).toBe('Contoso');
    expect(report.notes).toBe('abc');
  });

  it('keeps the subject’s own other addresses at external', () => {
    const bundle = realisticBundle();
    const aliased = {
      ...bundle,
      okta: { ...bundle.okta!, user: { id: 'u1', status: 'ACTIVE', profile: { login: 'jane.doe@contoso.com' } } },
    };
    const report = buildReport(
      incidentInput(aliased, { notes: 'Her Okta login is jane.doe@contoso.com.' }),
      'external',
    );
    expect(report.notes).toBe('Her Okta login is jane.doe@contoso.com.');
  });
});

describe('buildReport on a long timeline', () => {
  // A browser that signs in every minute for hours, around the two denials the verdict cites.
  const bundle = healthyBundle((b) => {
    addEvents(b, ...Array.from({ length: 400 }, (_, i) => browserSso(i * 0.25)), ...legacyDeny(10), ...legacyDeny(90));
  }, 'outlook-desktop');
  const input = incidentInput(bundle);
  const report = buildReport(input, 'internal');

  it(`shows at most ${String(TIMELINE_LIMIT)} entries and says how many it left out`, () => {
    expect(input.diagnosis.timeline.length).toBeGreaterThan(TIMELINE_LIMIT);
    expect(report.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(report.timelineOmitted).toBe(input.diagnosis.timeline.length - TIMELINE_LIMIT);
    expect(renderHtml(report)).toContain(`${String(report.timelineOmitted)} more entries are not shown`);
  });

  it('keeps every entry the findings cite, in time order', () => {
    const cited = new Set(input.diagnosis.findings.flatMap((f) => f.evidence.map((e) => e.id)));
    const citedEntries = input.diagnosis.timeline.filter((t) => cited.has(t.id)).map((t) => t.id);
    expect(citedEntries.length).toBeGreaterThan(0);
    const shown = report.timeline.map((t) => t.recordId);
    for (const id of citedEntries) expect(shown).toContain(id);
    const times = report.timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps them all in the JSON format’s diagnosis', () => {
    expect(report.diagnosis.timeline).toHaveLength(input.diagnosis.timeline.length);
  });
});
