import { describe, expect, it } from 'vitest';
import {
  logSelectorFor,
  odataDateTime,
  odataStringLiteral,
  oktaStringLiteral,
  RELEVANT_EVENT_TYPES,
  signInFilter,
  signInRequestFilter,
  systemLogQuery,
  timeSlices,
} from './queries';

describe('query builders keep values literal', () => {
  it.each([
    ['plain', 'jane@contoso.com', '"jane@contoso.com"'],
    ['quote', 'x" or actor.id pr or "', '"x\\" or actor.id pr or \\""'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['control character', 'a\nb', '"a\\nb"'],
  ])('Okta literal: %s', (_name, value, literal) => {
    expect(oktaStringLiteral(value)).toBe(literal);
    expect(JSON.parse(literal)).toBe(value);
  });

  it.each([
    ['plain', 'jane@contoso.com', "'jane@contoso.com'"],
    ['quote', "o'brien' or 1 eq 1 or 'x", "'o''brien'' or 1 eq 1 or ''x'"],
  ])('OData literal: %s', (_name, value, literal) => {
    expect(odataStringLiteral(value)).toBe(literal);
  });

  it('selects the user by id, by login, or by keyword for an unknown user', () => {
    expect(systemLogQuery({ kind: 'actor-id', oktaUserId: '00u1' }).filter).toMatch(
      /^actor\.id eq "00u1" and \(eventType eq "user\.session\.start" or /,
    );
    expect(systemLogQuery({ kind: 'alternate-id', login: 'j"d@x.com' }).filter).toContain(
      'actor.alternateId eq "j\\"d@x.com"',
    );
    expect(systemLogQuery({ kind: 'keyword', upn: 'jd@x.com' })).toEqual({ q: 'jd@x.com' });
    expect(systemLogQuery({ kind: 'actor-id', oktaUserId: '00u1' }).filter?.match(/eventType eq/g)).toHaveLength(
      RELEVANT_EVENT_TYPES.length,
    );
  });

  it('chooses the System Log selector from what the Okta user lookup gave', () => {
    expect(logSelectorFor('jd@x.com', { id: '00u1' })).toEqual({ kind: 'actor-id', oktaUserId: '00u1' });
    // Okta answered "no such user": it logs the typed name, so search for it.
    expect(logSelectorFor('jd@x.com', null)).toEqual({ kind: 'keyword', upn: 'jd@x.com' });
    // The lookup failed: the user may exist, so match the login.
    expect(logSelectorFor('jd@x.com', undefined)).toEqual({ kind: 'alternate-id', login: 'jd@x.com' });
  });

  it('adds non-interactive sign-ins on beta only', () => {
    expect(signInRequestFilter("a eq 'b'", 'v1.0')).toBe("a eq 'b'");
    expect(signInRequestFilter("a eq 'b'", 'beta')).toBe(
      "(a eq 'b') and signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')",
    );
  });

  it('writes the sign-in filter with a lower-case UPN and unquoted instants', () => {
    expect(signInFilter('Jane@Contoso.com', '2026-11-20T10:00:00.123Z', '2026-11-21T10:00:00Z')).toBe(
      "userPrincipalName eq 'jane@contoso.com' and createdDateTime ge 2026-11-20T10:00:00Z and createdDateTime le 2026-11-21T10:00:00Z",
    );
    expect(odataDateTime('2026-01-02T03:04:05.999Z')).toBe('2026-01-02T03:04:05Z');
  });

  it('splits a window into slices that cover it exactly', () => {
    const slices = timeSlices('2026-11-14T00:00:00.000Z', '2026-11-21T12:00:00.000Z', 86_400_000);
    expect(slices).toHaveLength(8);
    expect(slices[0]?.since).toBe('2026-11-14T00:00:00.000Z');
    expect(slices.at(-1)?.until).toBe('2026-11-21T12:00:00.000Z');
    for (let i = 1; i < slices.length; i++) expect(slices[i]?.since).toBe(slices[i - 1]?.until);
  });

  it('makes equal slices, as many as a multiple of the lanes that fetch them', () => {
    const week = timeSlices('2026-11-14T00:00:00.000Z', '2026-11-21T00:00:00.000Z', 86_400_000, 4);
    // 7 one-day slices on 4 lanes would run in two waves with a lane idle; 8 slices of 21 h do not.
    expect(week).toHaveLength(8);
    for (const slice of week) expect(Date.parse(slice.until) - Date.parse(slice.since)).toBe(21 * 3_600_000);
    expect(week.at(-1)?.until).toBe('2026-11-21T00:00:00.000Z');
    // One slice is never split for the lanes' sake, and a slice no longer than the maximum stays whole.
    expect(timeSlices('2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z', 86_400_000, 4)).toHaveLength(1);
    expect(timeSlices('2026-11-20T00:00:00.000Z', '2026-11-21T01:00:00.000Z', 86_400_000, 4)).toHaveLength(4);
    expect(timeSlices('2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z', 86_400_000, 4)).toEqual([]);
  });

  it('never leaves a sliver: a week and a few seconds is 8 even slices, not 7 days and 3 seconds', () => {
    const slices = timeSlices('2026-11-14T00:00:00.000Z', '2026-11-21T00:00:03.000Z', 86_400_000);
    expect(slices).toHaveLength(8);
    const lengths = slices.map((s) => Date.parse(s.until) - Date.parse(s.since));
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
  });
});
