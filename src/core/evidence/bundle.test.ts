import { describe, expect, it } from 'vitest';
import { healthyBundle } from '../test-support/fixtures';
import { parseEvidenceBundle, parseEvidenceBundleJson } from './bundle';

const valid = healthyBundle(undefined, 'outlook-desktop');

function withChange(change: (b: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
  change(copy);
  return copy;
}

describe('evidence bundle validation', () => {
  it('accepts a vendor-shaped bundle and keeps vendor fields it does not know', () => {
    const text = JSON.stringify(
      withChange((b) => ((b.okta as { logEvents: Record<string, unknown>[] }).logEvents[0]!.futureField = 42)),
    );
    const result = parseEvidenceBundleJson(text);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect((result.value.okta?.logEvents?.[0] as unknown as Record<string, unknown>).futureField).toBe(42);
  });

  it.each([
    ['a wrong format tag', (b: Record<string, unknown>) => (b.format = 'other/v9'), 'format'],
    [
      'a log event with a bad date',
      (b: Record<string, unknown>) =>
        ((b.okta as { logEvents: { published: string }[] }).logEvents[0]!.published = 'yesterday'),
      'okta.logEvents[0].published',
    ],
    [
      'a sign-in without id',
      (b: Record<string, unknown>) => delete (b.graph as { signIns: { id?: string }[] }).signIns[0]!.id,
      'graph.signIns[0].id',
    ],
    [
      'a non-numeric error code',
      (b: Record<string, unknown>) =>
        ((b.graph as { signIns: { status: { errorCode: unknown } }[] }).signIns[0]!.status.errorCode = '50126'),
      'graph.signIns[0].status.errorCode',
    ],
    [
      'a UPN that is not one',
      (b: Record<string, unknown>) => ((b.subject as { upn: string }).upn = 'jdoe'),
      'subject.upn',
    ],
    [
      'a window that ends before it starts',
      (b: Record<string, unknown>) => ((b.subject as { since: string }).since = '2030-01-01T00:00:00Z'),
      'subject.since',
    ],
    [
      'an unknown symptom',
      (b: Record<string, unknown>) => ((b.subject as { symptom: string }).symptom = 'fax'),
      'subject.symptom',
    ],
    ['an unknown section', (b: Record<string, unknown>) => (b.adfs = {}), 'adfs'],
    [
      'a gap naming an unknown source',
      (b: Record<string, unknown>) => (b.gaps = [{ source: 'okta.everything', reason: 'x' }]),
      'gaps[0].source',
    ],
    [
      'an org URL that is not a URL',
      (b: Record<string, unknown>) => ((b.okta as { orgUrl: string }).orgUrl = 'contoso'),
      'okta.orgUrl',
    ],
  ])('rejects %s, naming the field', (_name, change, field) => {
    const result = parseEvidenceBundle(withChange(change));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(
        result.error.problems.some((p) => p.startsWith(`${field}:`)),
        result.error.message,
      ).toBe(true);
      expect(result.error.message).toContain(field);
    }
  });

  it('rejects text that is not JSON with the parser’s reason', () => {
    const result = parseEvidenceBundleJson('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not JSON/);
  });

  it('treats null as "the API answered 404" and a missing field as "not collected"', () => {
    const result = parseEvidenceBundle(withChange((b) => ((b.okta as { user: unknown }).user = null)));
    expect(result.ok).toBe(true);
    const none = parseEvidenceBundle(withChange((b) => delete (b as { graph?: unknown }).graph));
    expect(none.ok).toBe(true);
  });
});
