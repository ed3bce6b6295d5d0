import { describe, expect, it } from 'vitest';
import { UPN } from '../test-support/fixtures';
import { REDACTION_LEVELS } from './options';
import { redactText } from './redact-text';

/*
 * A diagnosis quotes vendor text, and a megabyte of it must not hang the wizard: every pattern
 * must be linear. Each string below is 1 MB shaped against one pattern (a run that almost matches
 * at every position). The checks are about the answer; a super-linear pattern shows up as a test
 * that runs into vitest's timeout (the naive JWT pattern takes minutes on the first one).
 */

const MB = 1 << 20;
/** How many copies of `unit` make a megabyte. */
const copies = (unit: string): number => Math.ceil(MB / unit.length);
const fill = (unit: string): string => unit.repeat(copies(unit));

const cases: readonly {
  readonly name: string;
  readonly text: string;
  /** The expected output, or null when the text must come back unchanged. */
  readonly expected: string | null;
}[] = [
  { name: 'a JWT start after every hyphen', text: fill('eyJaaaaa-'), expected: '[token]' },
  { name: 'private-key headers with no end', text: `a ${fill('-----BEGIN PRIVATE KEY-----')}`, expected: 'a [token]' },
  { name: 'SAML assertion openings with no end', text: `a ${fill('<saml:Assertion ')}`, expected: 'a [token]' },
  { name: 'dots and digits', text: fill('1.'), expected: null },
  { name: 'colons', text: fill(':'), expected: null },
  { name: 'hex groups and colons', text: fill('ab:'), expected: null },
  { name: 'dotted quads with one part too many', text: fill('1.2.3.4.'), expected: null },
  { name: 'local parts with no @', text: fill('a.'), expected: null },
  { name: '@ after @', text: fill('a@'), expected: null },
  { name: 'URL-encoded @ after @', text: fill('a%40'), expected: null },
  { name: 'hex digits', text: fill('f'), expected: null },
  { name: 'digits', text: fill('0'), expected: null },
  { name: 'spaces', text: fill(' '), expected: null },
  { name: 'tenant words with no GUID', text: fill('tenant id: '), expected: null },
  { name: 'device words with no GUID', text: fill('deviceId="'), expected: null },
  { name: 'GUID-like runs with no context', text: fill('deadbeef-dead-beef-dead-'), expected: null },
  { name: 'MAC-like pairs', text: fill('0a:'), expected: null },
  { name: 'prose after "password:"', text: fill('password: a b '), expected: null },
  { name: 'display-name-like words', text: fill('Dana Whitfield <'), expected: null },
  { name: 'version-like numbers', text: fill('Outlook 16.0.17928.20114 '), expected: null },
  {
    name: 'one address with a megabyte of labels',
    text: `dana@${fill('a.')}com`,
    expected: '[other user 1]',
  },
  {
    name: 'an IPv4 address after every space',
    text: fill('198.51.100.7 '),
    expected: '[IP address] '.repeat(copies('198.51.100.7 ')),
  },
  {
    name: 'an IPv6 address after every space',
    text: fill('2001:db8::1 '),
    expected: '[IP address] '.repeat(copies('2001:db8::1 ')),
  },
];

describe('redactText on 1 MB of hostile text', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    expect(text.length).toBeGreaterThanOrEqual(MB);
    const out = redactText(text, UPN, REDACTION_LEVELS.screenShare).text;
    expect(out === text).toBe(expected === null);
    if (expected !== null) expect(out).toBe(expected);
  });

  it('counts a megabyte of repeated addresses and people as the few values they are', () => {
    const unit = 'Okta denied dana@contoso.com and jdoe@contoso.com from 203.0.113.57 and 2001:db8::7. ';
    const { text: out, report } = redactText(fill(unit), UPN, REDACTION_LEVELS.screenShare);
    expect(out).toBe(
      'Okta denied [other user 1] and jdoe@contoso.com from [IP address] and [IP address]. '.repeat(copies(unit)),
    );
    expect(report).toEqual({ otherUsers: 1, ipAddresses: 2, deviceIds: 0, tenantIds: 0, tokens: 0 });
  });
});
