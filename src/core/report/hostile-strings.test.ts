import { describe, expect, it } from 'vitest';
import type { EvidenceBundle } from '../evidence/bundle';
import { buildReport } from './build-report';
import type { IncidentReport } from './incident-report';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderTicket } from './render-ticket';
import { deviceCodeBundle, incidentInput, legacyAuthBundle } from './report-fixtures';
import { EXPORT_REDACTION_LEVELS } from './report-types';

/*
 * Every string a log or a user can write, poisoned: the records' ids, user agents, display
 * names, reasons, messages, policy names… and the technician's notes and the tenant's name. Only
 * what the engine needs to recognise a record at all (times, event types, results, endpoints) is
 * left alone, so the verdict and its evidence still come out and carry the payload into the
 * report.
 */

const BIDI = '\u202E';
const PAYLOAD = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '[x](javascript:alert(1))',
  '`tick` ```fence',
  '| pipe | cell |',
  '\n# heading\n',
  '\n```\n',
  '\n- item\n',
  '[code]<b>html</b>[/code] {html}<i>x</i>{html}',
  'https://evil.example/x',
  '\u0000\u0007\u001b[31m\u007f\u0085\u009b',
  `${BIDI}evil\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D\u200B\u200F`,
].join(' ');

/** Keys whose values the engine reads as structure; everything else is data and gets the payload. */
const STRUCTURE = new Set(['published', 'createdDateTime', 'eventType', 'result', 'requestUri', 'url']);

function poison<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (STRUCTURE.has(key) ? value : `${value} ${PAYLOAD}`) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => poison(item, key)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)])) as T;
  }
  return value;
}

function poisoned(bundle: EvidenceBundle): EvidenceBundle {
  return {
    ...bundle,
    okta: { ...bundle.okta!, logEvents: poison(bundle.okta!.logEvents ?? []) },
    graph: { ...bundle.graph!, signIns: poison(bundle.graph!.signIns ?? []) },
    gaps: [{ source: 'okta.policies', reason: `Okta answered 403 ${PAYLOAD}` }],
  };
}

const scenarios = [
  { name: 'legacy auth', bundle: legacyAuthBundle, code: 'LEGACY_AUTH_BLOCKED' },
  { name: 'device code', bundle: deviceCodeBundle, code: 'DEVICE_CODE_BLOCKED_BY_POLICY' },
] as const;

const cases = scenarios.flatMap((s) => EXPORT_REDACTION_LEVELS.map((level) => ({ ...s, level })));

/** Every tag in raw HTML: with data escaped, these are the renderer's own. */
const tags = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

describe.each(cases)('a $name report at $level from poisoned records and notes', ({ bundle, code, level }) => {
  const input = incidentInput(poisoned(bundle()), { notes: `Caller said: ${PAYLOAD}\n# not a heading\n| a | b |` });
  const report: IncidentReport = buildReport({ ...input, tenantName: `Contoso ${PAYLOAD}` }, level);
  const html = renderHtml(report);
  const md = renderMarkdown(report);
  const ticket = renderTicket(report);
  const json = renderJson(report);

  it('still has the verdict, and its evidence carries the payload', () => {
    expect(report.verdict?.code).toBe(code);
    expect(report.evidence.some((e) => e.recordId.includes('<script>'))).toBe(true);
    expect(report.timeline.some((t) => t.client.includes('<img') || t.title.includes('<img'))).toBe(true);
  });

  it('HTML: no element, attribute or URL comes from data', () => {
    expect(html).not.toMatch(/<script|<img|<svg|<iframe|<b>|<i>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('&#39; onmouseover=&#39;alert(1)');
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/\son\w+\s*=/i);
      expect(tag).not.toMatch(/javascript:|evil\.example|alert/i);
    }
    // The only tags are the renderer's: a fixed, small vocabulary.
    const names = new Set(tags(html).map((t) => /^<\/?([a-z0-9!]+)/i.exec(t)?.[1]?.toLowerCase()));
    expect([...names].sort()).toEqual(
      expect.arrayContaining(['!doctype', 'body', 'h1', 'h2', 'head', 'html', 'meta', 'style', 'table', 'title']),
    );
    for (const name of names) {
      expect([
        '!doctype',
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'header',
        'p',
        'h1',
        'h2',
        'h3',
        'dl',
        'div',
        'dt',
        'dd',
        'span',
        'aside',
        'ul',
        'ol',
        'li',
        'strong',
        'section',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'br',
        'footer',
      ]).toContain(name);
    }
  });

  it('Markdown: no raw HTML, link, heading, fence or table cell from data', () => {
    expect(md).not.toContain('<');
    expect(md).not.toContain('](javascript:');
    expect(md).not.toContain('](');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('\\[x&#93;(javascript:alert(1))');
    expect(md).not.toMatch(/https?:\/\//);
    const lines = md.split('\n');
    for (const line of lines) {
      expect(line).not.toMatch(/^\s*(?:#+\s*(?:heading|not a heading)|```|~~~|[-+*]\s+item)/);
    }
    // Every table row has the cells of its header: a pipe from data never adds one.
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = 0;
      } else if (header === 0) {
        header = cells(line);
      } else {
        expect(cells(line), line).toBe(header);
      }
    }
  });

  it('ticket: data adds no field line and carries no ServiceNow or Jira HTML', () => {
    const ours =
      /^(?:Short description|Category|Subcategory|Affected service|Impact|Caller|Reported symptom|Window|Tenant|Reference|Work notes|Resolution code|Resolution notes):/;
    for (const line of ticket.split('\n')) {
      if (line !== '' && !line.startsWith('  ')) expect(line).toMatch(ours);
    }
    expect(ticket).not.toMatch(/\[\/?code\]|\{html\}/i);
    expect(ticket).toContain('(code)<b>html</b>(/code)');
  });

  it('JSON: valid, with the payload as plain data', () => {
    const parsed = JSON.parse(json) as { notes: string };
    expect(parsed.notes).toContain('<script>alert(1)</script>');
  });

  it.each(['html', 'md', 'ticket', 'json'] as const)(
    '%s: no control, bidi or invisible formatting character survives',
    (format) => {
      const out = { html, md, ticket, json }[format];
      expect(out).not.toContain(BIDI);
      // eslint-disable-next-line no-control-regex -- the point of the test
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('evil');
    },
  );
});
