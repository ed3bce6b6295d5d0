import { describe, expect, it } from 'vitest';
import { validateSubject } from './subject';

const now = new Date('2026-11-21T12:00:00Z');

describe('validateSubject', () => {
  it('defaults to the last 24 hours and keeps a symptom', () => {
    expect(validateSubject({ upn: ' jane@contoso.com ', symptom: 'desk-phone' }, now)).toEqual({
      ok: true,
      value: {
        upn: 'jane@contoso.com',
        since: '2026-11-20T12:00:00.000Z',
        until: '2026-11-21T12:00:00.000Z',
        symptom: 'desk-phone',
      },
    });
  });

  it('accepts quotes and backslashes in the local part: they are legal and get escaped', () => {
    expect(validateSubject({ upn: `o'brien"\\x@contoso.com` }, now).ok).toBe(true);
  });

  it.each([
    [{ upn: 'jane' }, /not a user principal name/],
    [{ upn: 'jane doe@contoso.com' }, /not a user principal name/],
    [{ upn: 'jane@contoso' }, /not a user principal name/],
    [{ upn: 'jane@contoso.com', since: 'yesterday' }, /--since/],
    [{ upn: 'jane@contoso.com', until: 'now' }, /--until/],
    [{ upn: 'jane@contoso.com', since: '2026-11-21T11:00:00Z', until: '2026-11-21T10:00:00Z' }, /empty/],
    [{ upn: 'jane@contoso.com', until: '2026-12-01T00:00:00Z' }, /future/],
    [{ upn: 'jane@contoso.com', since: '2026-01-01T00:00:00Z' }, /90 days/],
    [{ upn: 'jane@contoso.com', symptom: 'fax' }, /Unknown symptom "fax"/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = validateSubject(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
