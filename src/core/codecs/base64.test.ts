import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

describe('encodeBase64 / decodeBase64', () => {
  // RFC 4648 §10 test vectors.
  const vectors: readonly (readonly [string, string])[] = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];

  it.each(vectors)('encodes %j as %j and back', (text, encoded) => {
    expect(encodeBase64(ascii(text))).toBe(encoded);
    expect(Array.from(decodeBase64(encoded) ?? [])).toEqual(ascii(text));
  });

  it('encodes bytes that use the last two symbols of the alphabet', () => {
    expect(encodeBase64([0xfb, 0xff, 0xbf])).toBe('+/+/');
    expect(Array.from(decodeBase64('+/+/') ?? [])).toEqual([0xfb, 0xff, 0xbf]);
  });

  it.each([
    ['base64url symbols', '-_-_', [0xfb, 0xff, 0xbf]],
    ['missing padding', 'Zm9vYg', ascii('foob')],
    ['missing single pad', 'Zm9vYmE', ascii('fooba')],
  ])('decodes %s', (_name, encoded, bytes) => {
    expect(Array.from(decodeBase64(encoded) ?? [])).toEqual(bytes);
  });

  it.each([
    ['a character outside both alphabets', 'Zm9v!g=='],
    ['embedded whitespace', 'Zm9v Yg=='],
    ['a lone trailing sextet', 'Zm9vY'],
    ['padding that does not complete a quantum', 'Zm9vYg='],
    ['too much padding', 'Zm9v===='],
    ['padding in the middle', 'Zg==Zg=='],
    ['mixed standard and url alphabets', '+_+_'],
    ['non-zero unused bits', 'hi2LdEwsjU+LThoc5MnQ5R=='],
  ])('rejects %s', (_name, encoded) => {
    expect(decodeBase64(encoded)).toBeNull();
  });
});
