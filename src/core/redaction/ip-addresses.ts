/*
 * IPv4 and IPv6 addresses in free text, told apart from what looks like them in sign-in data:
 * versions (Outlook 16.0.17928.20114, Chrome/139.0.0.0, firmware 66.86.0.15), ISO times
 * (14:00:00.000), MAC addresses, C++-style names (std::vector).
 *
 * No single regex does the work: one linear pass finds maximal runs of address characters and
 * plain code checks each run, so a 1 MB string of dots and colons costs one pass, not a backtrack.
 */

/** Maximal runs of the characters an address is written with. Linear: each run is read once. */
const ADDRESS_RUN = /[0-9A-Fa-f:.]+/g;

/** The longest text form of an IPv6 address, IPv4 tail included; longer runs are not one address. */
const MAX_IPV6_LENGTH = 45;

/** Words that make the number after them a version: "firmware 66.86.0.15", "UCS 5.9.7.3", "v1.2.3.4". */
const VERSION_MARKER = /(?:\bv|\bver|\bversion|\bfirmware|\bfw|\bbuild|\bUCS|\brelease)[ :=]{0,2}$/i;

const WORD_CHAR = /[A-Za-z0-9_]/;
const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/**
 * True for a dotted-quad IPv4 address: four decimal parts, each 0–255, without leading zeros
 * (a leading zero is how versions such as 16.00.01.02 are written, not addresses).
 */
export function isIpv4(text: string): boolean {
  if (text.length > 15) return false;
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => DECIMAL_OCTET.test(p) && Number(p) <= 255);
}

function hexGroups(text: string): readonly string[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  return groups.every((g) => HEX_GROUP.test(g)) ? groups : null;
}

/**
 * True for an IPv6 address in any RFC 4291 text form: full, `::`-compressed, or with an IPv4
 * tail (::ffff:192.0.2.1). A lone `::`, and one group then `::`, are not taken for one.
 */
export function isIpv6(text: string): boolean {
  if (text.length < 3 || text.length > MAX_IPV6_LENGTH || text.includes(':::')) return false;
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return false;
  let hex = text;
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false;
    // The IPv4 tail stands for the last two groups.
    hex = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = hex.split('::');
  if (halves.length === 1) return hexGroups(hex)?.length === 8;
  if (halves.length !== 2) return false;
  const left = hexGroups(halves[0] ?? '');
  const right = hexGroups(halves[1] ?? '');
  if (left === null || right === null) return false;
  const groups = left.length + right.length;
  // One group before "::" ("a::", "fe80::") is a C++ scope or a bare prefix, not a host; "::1" is.
  return groups <= 7 && (groups >= 2 || right.length === 1);
}

/** Where an address sits in a text, with how much of the surrounding text the mask replaces. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly address: string;
}

/** Trims what text puts around an address: a sentence's full stop, a label's colon ("ip:1.2.3.4"). */
function trimRun(run: string): { readonly from: number; readonly to: number } {
  let from = 0;
  let to = run.length;
  while (from < to && run[from] === '.') from++;
  if (run[from] === ':' && run[from + 1] !== ':') from++;
  while (to > from && run[to - 1] === '.') to--;
  if (to - from > 1 && run[to - 1] === ':' && run[to - 2] !== ':') to--;
  return { from, to };
}

/**
 * Whether the text around a candidate lets it be an address: not glued to a word, not a product
 * token's version (Chrome/139.0.0.0, but https://10.0.0.1/ is an address), not after a version word.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) return false;
  if (before === '/' && text[start - 2] !== '/') return false;
  return !VERSION_MARKER.test(text.slice(Math.max(0, start - 12), start));
}

function classify(text: string, start: number, candidate: string): Found | null {
  const end = start + candidate.length;
  if (!standsAlone(text, start, end)) return null;
  if (isIpv4(candidate) || isIpv6(candidate)) {
    // A bracketed address ([2001:db8::1]:443) is masked with its brackets, so no "[[IP address]]".
    const bracketed = text[start - 1] === '[' && text[end] === ']';
    return bracketed ? { start: start - 1, end: end + 1, address: candidate } : { start, end, address: candidate };
  }
  // An IPv4 address with its port (198.51.100.7:443): mask the address, keep the port.
  const colon = candidate.indexOf(':');
  if (colon > 0 && /^:\d{1,5}$/.test(candidate.slice(colon)) && isIpv4(candidate.slice(0, colon))) {
    return { start, end: start + colon, address: candidate.slice(0, colon) };
  }
  return null;
}

/**
 * Replaces every IPv4 and IPv6 address in a text with `mask(address)`.
 *
 * Runs in one linear pass; see the file comment for what is deliberately not taken for an address.
 */
export function maskIpAddresses(text: string, mask: (address: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(ADDRESS_RUN)) {
    const run = match[0];
    if (!run.includes('.') && !run.includes(':')) continue;
    const { from, to } = trimRun(run);
    if (to - from < 3) continue;
    const found = classify(text, match.index + from, run.slice(from, to));
    if (found === null) continue;
    out += text.slice(last, found.start) + mask(found.address);
    last = found.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
