import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, isUnsafeCodePoint, mapStrings } from './sanitize-text';

describe('cleanText', () => {
  it.each([
    { name: 'plain text', input: 'Outlook 16.0 — jdoe@contoso.com', expected: 'Outlook 16.0 — jdoe@contoso.com' },
    { name: 'tab and line feed', input: 'a\tb\nc', expected: 'a\tb\nc' },
    { name: 'CR LF and lone CR', input: 'a\r\nb\rc', expected: 'a\nb\nc' },
    { name: 'line and paragraph separators', input: 'a\u2028b\u2029c', expected: 'a\nb\nc' },
    { name: 'C0 controls', input: 'a\u0000b\u0007c\u001b[31md\u000b\u000c', expected: 'abc[31md' },
    { name: 'DEL and C1 controls', input: 'a\u007fb\u0085c\u009bd', expected: 'abcd' },
    { name: 'bidi overrides', input: 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef', expected: 'abcdef' },
    { name: 'bidi isolates', input: 'a\u2066b\u2067c\u2068d\u2069e', expected: 'abcde' },
    { name: 'bidi marks', input: 'a\u200Eb\u200Fc\u061Cd', expected: 'abcd' },
    {
      name: 'zero-width characters',
      input: '198.51.100\u200B.7 da\u200Cna@\u2060x.com\uFEFF',
      expected: '198.51.100.7 dana@x.com',
    },
    { name: 'soft hyphen', input: 'pass\u00ADword', expected: 'password' },
    { name: 'tag characters', input: 'a\u{E0041}\u{E0042}b', expected: 'ab' },
    { name: 'lone surrogates', input: 'a\uD800b\uDC00c', expected: 'a\uFFFDb\uFFFDc' },
    { name: 'accents, emoji and other scripts', input: 'Zoë 😀 דנה 山田', expected: 'Zoë 😀 דנה 山田' },
    // The price of removing zero-width joiners (they can hide an address from redaction).
    { name: 'an emoji sequence loses its joiner', input: '👩\u200D💻', expected: '👩💻' },
  ])('$name', ({ input, expected }) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('returns a clean string as it is', () => {
    const text = 'nothing to do here';
    expect(cleanText(text)).toBe(text);
  });

  it('flags exactly the documented ranges', () => {
    for (const cp of [0x00, 0x1f, 0x7f, 0x85, 0x9f, 0x202a, 0x202e, 0x2066, 0x2069, 0x200b, 0xfeff, 0xe0001]) {
      expect(isUnsafeCodePoint(cp), cp.toString(16)).toBe(true);
    }
    for (const cp of [0x09, 0x0a, 0x20, 0x41, 0xa0, 0xe9, 0x2013, 0x203a, 0x1f600]) {
      expect(isUnsafeCodePoint(cp), cp.toString(16)).toBe(false);
    }
  });
});

describe('cleanLine', () => {
  it('folds line breaks and tabs into single spaces', () => {
    expect(cleanLine('a\n\n  b\tc\r\n# d')).toBe('a b c # d');
  });
});

describe('mapStrings', () => {
  it('maps every string value, keeps keys, numbers, booleans and null', () => {
    const input = { 'a\u202E': 'x\u202Ey', n: 1, b: true, z: null, list: ['p\u0000', { q: 'r\u2066' }] };
    expect(mapStrings(input, cleanText)).toEqual({
      'a\u202E': 'xy',
      n: 1,
      b: true,
      z: null,
      list: ['p', { q: 'r' }],
    });
  });

  it('keeps an object met twice one object', () => {
    const shared = { s: 'v\u202E' };
    const out = mapStrings({ first: shared, all: [shared] }, cleanText);
    expect(out.first).toBe(out.all[0]);
    expect(out.first).toEqual({ s: 'v' });
  });
});
