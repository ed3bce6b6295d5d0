/*
 * Base64 without Buffer, atob or btoa: the core has neither Node nor DOM.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// One table for both alphabets: base64url only swaps the last two symbols. Mixing them in one
// value is rejected separately.
const BASE64_VALUES: ReadonlyMap<string, number> = new Map<string, number>([
  ...Array.from(BASE64_ALPHABET, (symbol, index): readonly [string, number] => [symbol, index]),
  ['-', 62],
  ['_', 63],
]);

/**
 * Encodes bytes as standard base64 (RFC 4648 §4) with `=` padding.
 *
 * Values outside 0–255 are truncated to their low 8 bits, as a byte array would store them.
 */
export function encodeBase64(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const remaining = bytes.length - i;
    const b0 = (bytes[i] ?? 0) & 0xff;
    const b1 = remaining > 1 ? (bytes[i + 1] ?? 0) & 0xff : 0;
    const b2 = remaining > 2 ? (bytes[i + 2] ?? 0) & 0xff : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += BASE64_ALPHABET.charAt((triple >> 18) & 63) + BASE64_ALPHABET.charAt((triple >> 12) & 63);
    out += remaining > 1 ? BASE64_ALPHABET.charAt((triple >> 6) & 63) : '=';
    out += remaining > 2 ? BASE64_ALPHABET.charAt(triple & 63) : '=';
  }
  return out;
}

/**
 * Decodes standard base64 or base64url (RFC 4648 §4, §5), padded or not; null if malformed.
 *
 * Decoding is strict on purpose: no whitespace, no mixed alphabets, padding only where it belongs,
 * and unused trailing bits must be zero. Every accepted value then re-encodes to the same text
 * (modulo alphabet and padding), so a value that merely looks like base64 is not taken for one.
 */
export function decodeBase64(text: string): Uint8Array | null {
  let body = text;
  if (body.endsWith('==')) body = body.slice(0, -2);
  else if (body.endsWith('=')) body = body.slice(0, -1);
  // Padded input must come in whole quanta; unpadded (base64url style) must not end in a lone sextet.
  if (body.length !== text.length && text.length % 4 !== 0) return null;
  if (body.length % 4 === 1) return null;
  if (/[+/]/.test(body) && /[-_]/.test(body)) return null;

  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const symbol of body) {
    const value = BASE64_VALUES.get(symbol);
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
    }
  }
  // Non-zero leftover bits mean a non-canonical encoding, e.g. "…5R==" for "…5Q==".
  if (buffer !== 0) return null;
  return Uint8Array.from(out);
}
