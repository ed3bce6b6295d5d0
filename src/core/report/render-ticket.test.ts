import { describe, expect, it } from 'vitest';
import type { Severity } from '../diagnosis/model';
import type { VerdictFamily } from '../diagnosis/verdicts';
import { buildReport } from './build-report';
import type { IncidentReport, ReportChecklistStep } from './incident-report';
import { renderTicket, shortDescription, shorten, SHORT_DESCRIPTION_MAX } from './render-ticket';
import { deviceCodeBundle, incidentInput, legacyAuthBundle } from './report-fixtures';
import { RESOLUTION_CODES, ticketResolution } from './ticket-resolution';

const base = buildReport(incidentInput(legacyAuthBundle(), { done: [0] }), 'internal');

function withVerdict(patch: Partial<NonNullable<IncidentReport['verdict']>>): IncidentReport {
  if (base.verdict === null) throw new Error('the fixture has a verdict');
  return { ...base, verdict: { ...base.verdict, ...patch } };
}

function withChecklist(done: readonly boolean[]): readonly ReportChecklistStep[] {
  return done.map((d, i) => ({ number: i + 1, title: `Step ${String(i + 1)}`, detail: null, where: null, done: d }));
}

/** The value of a labelled line. */
function field(ticket: string, label: string): string | undefined {
  return ticket
    .split('\n')
    .find((l) => l.startsWith(`${label}: `))
    ?.slice(label.length + 2);
}

describe('renderTicket', () => {
  const ticket = renderTicket(base);

  it('has the ticket form’s fields as labelled lines, in order', () => {
    const labels = ticket
      .split('\n')
      .filter((l) => /^[A-Z][A-Za-z ]+:/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    expect(labels).toEqual([
      'Short description',
      'Category',
      'Subcategory',
      'Affected service',
      'Impact',
      'Caller',
      'Reported symptom',
      'Window',
      'Tenant',
      'Reference',
      'Work notes',
      'Resolution code',
      'Resolution notes',
    ]);
    expect(field(ticket, 'Category')).toBe('Identity / Authentication');
    expect(field(ticket, 'Subcategory')).toBe('Legacy authentication');
    expect(field(ticket, 'Affected service')).toBe('Microsoft 365 sign-in via Okta federation');
    expect(field(ticket, 'Impact')).toBe('1 user cannot sign in to Outlook on a computer');
    expect(field(ticket, 'Caller')).toBe('jdoe@contoso.com');
  });

  it('puts the verdict, the evidence ids, the checklist and the notes in the work notes', () => {
    const notes = ticket.slice(ticket.indexOf('Work notes:'), ticket.indexOf('Resolution code:'));
    expect(notes).toContain('  Verdict: LEGACY_AUTH_BLOCKED (Legacy authentication), high confidence, severity high');
    for (const e of base.evidence) expect(notes).toContain(e.recordId);
    expect(notes).toContain('    [x] 1. Move Outlook to modern authentication');
    expect(notes).toMatch(/\n {4}\[ \] 2\. /);
    expect(notes).toContain('  Gaps: none, every evidence source was collected.');
    expect(notes).toContain('  Technician notes:\n    Called the user; walked through the first step.');
  });

  it('proposes a resolution code and says what was done and what is open', () => {
    // The first step (the fix itself) is done: the cause is gone, the rest are checks and fallbacks.
    expect(field(ticket, 'Resolution code')).toBe(RESOLUTION_CODES.permanent);
    const resolution = ticket.slice(ticket.indexOf('Resolution notes:'));
    expect(resolution).toContain('  Cause: ');
    expect(resolution).toContain('  Done:\n    - Move Outlook to modern authentication');
    expect(resolution).toContain('  Still open:');
  });

  it('keeps every line of data indented under its block', () => {
    const noted = renderTicket({
      ...base,
      notes: 'Resolution code: Closed by caller\nCategory: Hardware\n\n  indented',
    });
    expect(field(noted, 'Resolution code')).toBe(RESOLUTION_CODES.permanent);
    expect(field(noted, 'Category')).toBe('Identity / Authentication');
    expect(noted).toContain('    Resolution code: Closed by caller\n    Category: Hardware\n\n    indented');
  });
});

describe('the short description', () => {
  it('is "Sign-in failure: <upn> — <summary>" when it fits', () => {
    const report = withVerdict({ summary: 'Outlook uses legacy authentication.' });
    expect(shortDescription(report)).toBe('Sign-in failure: jdoe@contoso.com — Outlook uses legacy authentication.');
  });

  it.each([
    { name: 'the engine’s summary', report: base },
    { name: 'a long summary', report: withVerdict({ summary: 'word '.repeat(100) }) },
    { name: 'a long unbroken summary', report: withVerdict({ summary: 'x'.repeat(400) }) },
    { name: 'a long UPN', report: { ...base, subject: { ...base.subject, upn: `${'u'.repeat(250)}@contoso.com` } } },
    { name: 'a summary with line breaks', report: withVerdict({ summary: 'a\nb\r\nc'.repeat(80) }) },
    { name: 'no verdict', report: { ...base, verdict: null } },
  ])('is at most 160 characters on one line: $name', ({ report }) => {
    const text = shortDescription(report);
    expect(text.length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
    expect(text).not.toContain('\n');
    expect(text.startsWith('Sign-in failure: ')).toBe(true);
    expect(renderTicket(report).split('\n')[0]).toBe(`Short description: ${text}`);
  });

  it('shortens the engine’s summary at a word, with an ellipsis', () => {
    const text = shortDescription(base);
    expect(text).toMatch(/^Sign-in failure: jdoe@contoso\.com — Okta’s Office 365 sign-on rule blocks .*\S…$/);
  });
});

describe('shorten', () => {
  it.each([
    { text: 'short', max: 10, expected: 'short' },
    { text: 'one two three four', max: 12, expected: 'one two…' },
    { text: 'abcdefghijklmnop', max: 8, expected: 'abcdefg…' },
    { text: 'ab, cd, ef, gh', max: 9, expected: 'ab, cd…' },
    // A flag is four UTF-16 units; it is kept whole or left out, never split.
    { text: `ab${'🇫🇷'.repeat(4)}`, max: 8, expected: 'ab🇫🇷…' },
  ])('$text to $max', ({ text, max, expected }) => {
    expect(shorten(text, max)).toBe(expected);
    expect(shorten(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('the impact', () => {
  it.each([
    {
      severity: 'critical',
      impact:
        '1 user cannot sign in to Microsoft 365 at all (reported for Outlook on a computer): every client is affected',
    },
    { severity: 'high', impact: '1 user cannot sign in to Outlook on a computer' },
    { severity: 'medium', impact: '1 user cannot sign in to Outlook on a computer reliably' },
    { severity: 'low', impact: '1 user has a minor sign-in problem with Outlook on a computer' },
    { severity: 'info', impact: '1 user reported a sign-in problem with Outlook on a computer; no failure was found' },
  ] as const satisfies readonly { severity: Severity; impact: string }[])('$severity', ({ severity, impact }) => {
    expect(field(renderTicket(withVerdict({ severity })), 'Impact')).toBe(impact);
  });

  it('names the device the user reported, in a sentence', () => {
    const phone = buildReport(incidentInput(deviceCodeBundle()), 'internal');
    expect(field(renderTicket(phone), 'Impact')).toBe('1 user cannot sign in to a Teams phone');
  });

  it('says Microsoft 365 when no symptom was given', () => {
    const report: IncidentReport = { ...base, subject: { ...base.subject, symptom: null, symptomLabel: 'Not given' } };
    expect(field(renderTicket(report), 'Impact')).toBe('1 user cannot sign in to Microsoft 365');
  });
});

describe('the resolution code', () => {
  const families: readonly { family: VerdictFamily; all: string | null }[] = [
    { family: 'legacy-auth', all: RESOLUTION_CODES.permanent },
    { family: 'immutable-id', all: RESOLUTION_CODES.permanent },
    { family: 'okta-account', all: RESOLUTION_CODES.permanent },
    { family: 'federation', all: RESOLUTION_CODES.permanent },
    { family: 'device-code', all: RESOLUTION_CODES.workAround },
    { family: 'access', all: RESOLUTION_CODES.workAround },
    { family: 'informational', all: RESOLUTION_CODES.notReproducible },
    { family: 'none', all: RESOLUTION_CODES.notReproducible },
  ];
  const cases = families.flatMap(({ family, all }) => {
    const closed = all === RESOLUTION_CODES.notReproducible;
    return [
      { family, steps: 'all done', checklist: withChecklist([true, true]), code: all },
      // The first step is the fix; later ones are checks and fallbacks.
      { family, steps: 'the fix done', checklist: withChecklist([true, false]), code: all },
      {
        family,
        steps: 'only a later step done',
        checklist: withChecklist([false, true]),
        code: closed ? all : RESOLUTION_CODES.workAround,
      },
      { family, steps: 'none done', checklist: withChecklist([false, false]), code: closed ? all : null },
      { family, steps: 'no steps', checklist: withChecklist([]), code: all },
    ];
  });

  it.each(cases)('$family, $steps: $code', ({ family, checklist, code }) => {
    const report = { ...withVerdict({ family }), checklist };
    expect(ticketResolution(report).code).toBe(code);
    expect(
      field(renderTicket(report), 'Resolution code')?.startsWith(code ?? 'none yet (Not resolved yet: 0 of 2'),
    ).toBe(true);
  });

  it('is Not Reproducible without a verdict', () => {
    expect(ticketResolution({ ...base, verdict: null }).code).toBe(RESOLUTION_CODES.notReproducible);
  });
});
