/*
 * Deterministic randomness and vendor-shaped identifiers for the demo tenant.
 *
 * Every id is drawn from a stream seeded by (seed, what it belongs to), never by the clock, so
 * rendering the same scenario at two different "now"s gives the same ids with shifted times, and
 * adding a user does not change the ids of the others.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain), here to seed streams. */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: a tiny 32-bit PRNG, good enough for ids and jitter (not for secrets). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream for one named thing, e.g. `streamFor(seed, 'user', upn, 'happening', 3)`. */
export function streamFor(seed: number, ...parts: readonly (string | number)[]): Random {
  return mulberry32(hashString(parts.join('\u241f'), seed));
}

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${ALNUM}-_`;

// Ids are built from char codes in one go: appending a character at a time makes V8 keep each id
// as a chain of rope nodes, several times the size of the flat string (it matters at 500,000 events).
function chars(random: Random, alphabet: string, length: number, prefix = ''): string {
  const codes = new Array<number>(prefix.length + length);
  for (let i = 0; i < prefix.length; i++) codes[i] = prefix.charCodeAt(i);
  for (let i = prefix.length; i < codes.length; i++) {
    codes[i] = alphabet.charCodeAt(Math.floor(random() * alphabet.length));
  }
  return String.fromCharCode(...codes);
}

const DASH = 45;

/** A version-4 UUID (Okta event uuid, Entra sign-in id, correlation id). */
export function uuid(random: Random): string {
  const codes = new Array<number>(36);
  for (let i = 0; i < 36; i++) codes[i] = HEX.charCodeAt(Math.floor(random() * 16));
  codes[8] = codes[13] = codes[18] = codes[23] = DASH;
  codes[14] = 0x34; // version 4
  codes[19] = HEX.charCodeAt(8 + Math.floor(random() * 4)); // RFC 4122 variant: 8, 9, a or b
  return String.fromCharCode(...codes);
}

/** An Okta object id: a 3-character type prefix and 17 letters or digits (00u…, 0oa…, rul…). */
export function oktaObjectId(random: Random, prefix: string): string {
  return chars(random, ALNUM, 17, prefix);
}

/**
 * An Okta request / transaction id as the System Log shows them (e.g. "W6tkRJoeKdNapK7PQvbVXgAABVQ"):
 * 27 URL-safe characters whose tail is mostly "A"s, because Okta appends a small counter.
 */
export function oktaRequestId(random: Random): string {
  return `${chars(random, BASE64URL, 22)}AAA${chars(random, 'ABCDEFGHIJKLMNOP', 2)}`;
}

/** An OIE session id ("idx" + 22 characters), as in authenticationContext.externalSessionId. */
export function oktaSessionId(random: Random): string {
  return chars(random, ALNUM, 22, 'idx');
}
