import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { MAX_FILE_NAME_LENGTH, REPORT_EXTENSIONS, reportFileName, sanitizeFileName } from './file-name';
import type { IncidentReport } from './incident-report';
import { incidentInput, legacyAuthBundle } from './report-fixtures';
import { REPORT_FORMATS } from './report-types';

describe('sanitizeFileName', () => {
  it.each([
    { name: 'a plain name', base: 'signin-triage-report', expected: 'signin-triage-report.pdf' },
    { name: 'path traversal', base: '../../etc/passwd', expected: 'etc-passwd.pdf' },
    { name: 'Windows traversal', base: '..\\..\\Windows\\system32\\cmd', expected: 'Windows-system32-cmd.pdf' },
    { name: 'a drive letter', base: 'C:\\Users\\jdoe', expected: 'C-Users-jdoe.pdf' },
    { name: 'a hidden file', base: '.bashrc', expected: 'bashrc.pdf' },
    { name: 'dots only', base: '...', expected: 'signin-triage-report.pdf' },
    { name: 'empty', base: '', expected: 'signin-triage-report.pdf' },
    { name: 'only characters not allowed', base: '山田 👩‍💻 / \\ :', expected: 'signin-triage-report.pdf' },
    { name: 'accents', base: 'Zoë Ångström', expected: 'Zoe-Angstrom.pdf' },
    { name: 'other scripts among Latin', base: 'report 山田 jdoe', expected: 'report-jdoe.pdf' },
    { name: 'control and bidi characters', base: 'name\u0000\u202Egpj.exe', expected: 'name-gpj.exe.pdf' },
    { name: 'a mix of dots and dashes', base: 'a.-.b--c..d', expected: 'a-b-c.d.pdf' },
    {
      name: 'shell and URL characters',
      base: 'a;rm -rf *|b&c?d#e%f<g>h"i\'j`k$l',
      expected: 'a-rm-rf-b-c-d-e-f-g-h-i-j-k-l.pdf',
    },
    { name: 'allowed punctuation', base: 'jdoe@contoso.com_LEGACY-1', expected: 'jdoe@contoso.com_LEGACY-1.pdf' },
    { name: 'a leading dash', base: '-rf', expected: 'rf.pdf' },
  ])('$name: $base', ({ base, expected }) => {
    expect(sanitizeFileName(base, 'pdf')).toBe(expected);
  });

  it('keeps the whole name within the limit, extension included', () => {
    const name = sanitizeFileName('a'.repeat(500), 'json');
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.json')).toBe(true);
  });

  it('never ends the cut name in a dot or a dash', () => {
    expect(sanitizeFileName(`${'a'.repeat(115)}-bc`, 'pdf')).toBe(`${'a'.repeat(115)}.pdf`);
    expect(sanitizeFileName(`${'a'.repeat(115)}.bc`, 'pdf')).toBe(`${'a'.repeat(115)}.pdf`);
  });

  it('sanitises the extension too', () => {
    expect(sanitizeFileName('x', '../p/d.f')).toBe('x.pdf');
  });
});

describe('reportFileName', () => {
  const report = buildReport(
    incidentInput(legacyAuthBundle(), {}, { generatedAt: '2026-11-21T23:15:59.000Z' }),
    'none',
  );
  const withSubject = (upn: string): IncidentReport => ({ ...report, subject: { ...report.subject, upn } });

  it.each(REPORT_FORMATS)('names the %s by time, user and verdict, with its extension', (format) => {
    expect(reportFileName(report, format)).toBe(
      `signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.${REPORT_EXTENSIONS[format]}`,
    );
  });

  it.each([
    { upn: '../../etc/passwd@x.com', expected: 'signin-triage-20261121-2315-etc-passwd-x.com-LEGACY_AUTH_BLOCKED.pdf' },
    {
      upn: 'zoë.ångström@contoso.com',
      expected: 'signin-triage-20261121-2315-zoe.angstrom-contoso.com-LEGACY_AUTH_BLOCKED.pdf',
    },
    { upn: '山田@contoso.jp', expected: 'signin-triage-20261121-2315-contoso.jp-LEGACY_AUTH_BLOCKED.pdf' },
    { upn: '', expected: 'signin-triage-20261121-2315-LEGACY_AUTH_BLOCKED.pdf' },
    { upn: 'a\u202Eb@x.com', expected: 'signin-triage-20261121-2315-a-b-x.com-LEGACY_AUTH_BLOCKED.pdf' },
  ])('sanitises the UPN $upn', ({ upn, expected }) => {
    expect(reportFileName(withSubject(upn), 'pdf')).toBe(expected);
  });

  it('bounds a long UPN', () => {
    const name = reportFileName(withSubject(`${'x'.repeat(240)}@contoso.com`), 'html');
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name).toMatch(/^signin-triage-20261121-2315-x+\.html$/);
  });

  it('names a report without a verdict or a valid time', () => {
    expect(reportFileName({ ...report, verdict: null, generatedAt: 'not a time' }, 'md')).toBe(
      'signin-triage-jdoe-contoso.com-NO_VERDICT.md',
    );
  });
});
