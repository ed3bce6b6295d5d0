/*
 * Characters that must never reach a report from a log or a user.
 *
 * Escaping stops data from becoming markup; it does not stop data from changing how the rest of
 * the report reads. A right-to-left override in a display name flips the text after it, a zero-width
 * space inside an address hides it from redaction and shows it whole, an escape sequence repaints
 * a terminal. These are removed from every string before redaction (so none can split a value the
 * redaction would otherwise find) and again by every renderer (so a report built by hand is safe).
 *
 * Written as a loop over code units rather than a regular expression: the ranges are control
 * characters, which lint rightly forbids in patterns, and a loop is linear whatever the input.
 */

/** Whether a code point is removed from report text (see the file comment for why each is). */
export function isUnsafeCodePoint(cp: number): boolean {
  return (
    // C0 controls except tab and line feed (carriage returns are turned into line feeds first).
    (cp < 0x20 && cp !== 0x09 && cp !== 0x0a) ||
    // DEL and the C1 controls (U+0085 NEL included: a line break some viewers honour).
    (cp >= 0x7f && cp <= 0x9f) ||
    // Soft hyphen, Arabic letter mark, Mongolian vowel separator: invisible.
    cp === 0xad ||
    cp === 0x61c ||
    cp === 0x180e ||
    // Zero-width space, joiners, left-to-right and right-to-left marks.
    (cp >= 0x200b && cp <= 0x200f) ||
    // Bidi embeddings and overrides (U+202A–U+202E).
    (cp >= 0x202a && cp <= 0x202e) ||
    // Word joiner and invisible operators, then the bidi isolates (U+2066–U+2069).
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    // Byte order mark / zero-width no-break space, interlinear annotation controls.
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    // Tag characters: invisible ASCII look-alikes ("ASCII smuggling").
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Whether a string needs {@link cleanText} at all: most do not, and they are returned as they are. */
function needsCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit >= 0x7f) {
      if (unit === 0x0a || unit === 0x09) continue;
      return true;
    }
  }
  return false;
}

/**
 * Removes control characters (C0 and C1 except tab and line feed), bidi overrides, embeddings,
 * isolates and marks, and invisible format characters; turns CR LF, CR, U+2028 and U+2029 into
 * line feeds and lone surrogates into U+FFFD. Everything else is kept. Linear in the length.
 */
export function cleanText(text: string): string {
  if (!needsCleaning(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0d) {
      out += '\n';
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      continue;
    }
    if (unit === 0x2028 || unit === 0x2029) {
      out += '\n';
      continue;
    }
    let cp = unit;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        width = 2;
      } else {
        cp = 0xfffd;
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      cp = 0xfffd;
    }
    if (!isUnsafeCodePoint(cp)) out += cp === 0xfffd ? '\uFFFD' : text.slice(i, i + width);
    i += width - 1;
  }
  return out;
}

/**
 * {@link cleanText} for a one-line place (a table cell, a ticket field, a file name): line breaks
 * and tabs become single spaces, so data cannot start a line of its own.
 */
export function cleanLine(text: string): string {
  return cleanText(text)
    .replace(/[ \t]*\n[ \t\n]*/g, ' ')
    .replace(/\t/g, ' ');
}

/**
 * A copy of a JSON-like value (objects, arrays, strings, numbers, booleans, null) with `map`
 * applied to every string value; keys are kept. An object met twice is mapped once and shared,
 * so a diagnosis keeps its primary finding one of its findings.
 */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  const seen = new Map<object, unknown>();
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return map(node);
    if (typeof node !== 'object' || node === null) return node;
    const known = seen.get(node);
    if (known !== undefined) return known;
    let out: unknown;
    if (Array.isArray(node)) {
      out = node.map(walk);
    } else {
      const entries = Object.entries(node as Record<string, unknown>).map(
        ([key, child]) => [key, walk(child)] as const,
      );
      out = Object.fromEntries(entries);
    }
    seen.set(node, out);
    return out;
  };
  return walk(value) as T;
}

/** Whether a UTF-16 code unit at `i` is half of a surrogate pair that is not whole. */
function isLoneSurrogate(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/**
 * Makes every character that could act on a terminal or hide in a message visible as a
 * `\uXXXX` escape: the {@link isUnsafeCodePoint} set (C0, DEL, C1, bidi, invisible), carriage
 * returns, U+2028/U+2029 and lone surrogates; line feeds and tabs too unless `keepLineBreaks`.
 *
 * Escapes rather than removes, so a technician sees why a value was refused ("jane\u200b@…").
 * The escape is also a valid JSON string escape, so JSON output stays the same JSON. Linear.
 */
export function escapeInvisible(text: string, keepLineBreaks = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Printable ASCII, and anything above the ranges below, is the common case: skip it fast.
    if (unit >= 0x20 && unit < 0x7f) continue;
    if (keepLineBreaks && (unit === 0x0a || unit === 0x09)) continue;
    const unsafe =
      unit < 0x20 ||
      unit === 0x2028 ||
      unit === 0x2029 ||
      isLoneSurrogate(text, i) ||
      ((unit < 0xd800 || unit > 0xdfff) && isUnsafeCodePoint(unit));
    // Tag characters (U+E0000–U+E007F) are surrogate pairs; escape both halves.
    const pair = unit >= 0xd800 && unit <= 0xdbff && !isLoneSurrogate(text, i) ? text.codePointAt(i) : undefined;
    if (pair !== undefined && isUnsafeCodePoint(pair)) {
      out += `${text.slice(from, i)}\\u${unit.toString(16).padStart(4, '0')}\\u${text
        .charCodeAt(i + 1)
        .toString(16)
        .padStart(4, '0')}`;
      i++;
      from = i + 1;
      continue;
    }
    if (!unsafe) continue;
    out += `${text.slice(from, i)}\\u${unit.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** How many characters of a value an error message quotes, at most. */
export const MAX_ECHOED_CHARACTERS = 80;

/**
 * A value typed by a user or read from a file, made fit to quote in a one-line error message:
 * invisible and control characters shown as escapes (see {@link escapeInvisible}), and clipped
 * to `max` characters with how many more there were, so a 1 MB input gives a short message.
 */
export function echoValue(value: string, max: number = MAX_ECHOED_CHARACTERS): string {
  const head = value.length > max ? value.slice(0, max) : value;
  // A clip must not split a surrogate pair into a lone half.
  const whole = /[\uD800-\uDBFF]$/.test(head) && value.length > max ? head.slice(0, -1) : head;
  const escaped = escapeInvisible(whole);
  return value.length > whole.length ? `${escaped}… (${String(value.length - whole.length)} more characters)` : escaped;
}
