/*
 * People in free text: e-mail-like identities (UPNs, Okta logins, addresses, also URL-encoded as
 * in Okta request URIs: dana%40contoso.com) and the display name written next to one.
 *
 * A bare name ("Dana Whitfield") cannot be told from a policy or app name ("Microsoft Office"),
 * so names are masked only where an address says whose they are.
 */

// The lookbehind starts a match only where a run of local-part characters starts, so a long run
// without "@" is read once rather than once per position. Labels are separated by dots, so the
// domain part cannot backtrack either. A domain cut short by an ellipsis counts ("Unrecognised
// client (ScanCo/2.1 dana@conto…)" labels quote 80 characters of a user agent): it still names someone.
const EMAIL =
  /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+(?:@|%40)[A-Za-z0-9][A-Za-z0-9-]*(?:(?:\.[A-Za-z0-9][A-Za-z0-9-]*)+|(?=…|\.\.\.))/g;

// A display name: two to four capitalised words. Read only in the 100 characters before or after
// an address, so the cost stays bounded whatever the text.
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*[ ]){1,3}\p{Lu}[\p{L}'’.-]*`;
/** "Dana Whitfield <", "\"Dana Whitfield\" (" right before an address; group 1 is what the mask covers. */
const NAME_BEFORE = new RegExp(String.raw`(?:^|[\s,;:])("?${NAME}"?[ ]?[<(])$`, 'u');
/** " (Dana Whitfield)" right after an address. */
const NAME_AFTER = new RegExp(String.raw`^[ ]?\(${NAME}\)`, 'u');
const NAME_WINDOW = 100;

/** The identity an address names: lower case, URL-encoded "@" decoded, for comparing and counting. */
export function identityKey(address: string): string {
  return address.replace(/%40/gi, '@').toLowerCase();
}

/** What {@link maskOtherUsers} needs to know about the identities it meets. */
export interface IdentityMasking {
  /** True for the subject's own identities (compared by {@link identityKey}). */
  readonly isSubject: (key: string) => boolean;
  /** The placeholder of an identity key; the same key always gets the same placeholder. */
  readonly placeholder: (key: string) => string;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The span a display name next to the address [start, end) adds to the mask, if there is one. */
function withDisplayName(text: string, start: number, end: number, floor: number): Span {
  const windowStart = Math.max(floor, start - NAME_WINDOW);
  const before = NAME_BEFORE.exec(text.slice(windowStart, start));
  const opener = before?.[1];
  if (before !== null && opener !== undefined) {
    const closer = opener.endsWith('<') ? '>' : ')';
    if (text[end] === closer)
      return { start: windowStart + before.index + before[0].length - opener.length, end: end + 1 };
  }
  const after = NAME_AFTER.exec(text.slice(end, end + NAME_WINDOW));
  return after === null ? { start, end } : { start, end: end + after[0].length };
}

/**
 * Replaces every e-mail-like identity that is not the subject's, and a display name written next
 * to it ("Dana Whitfield <dana@contoso.com>", "dana@contoso.com (Dana Whitfield)"), with the
 * identity's placeholder. Linear in the length of the text.
 */
export function maskOtherUsers(text: string, masking: IdentityMasking): string {
  if (!text.includes('@') && !/%40/i.test(text)) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(EMAIL)) {
    // Quotes and dots may sit in the run before an address ('jane@…'); they are not part of it.
    const lead = /^['.]*/.exec(match[0])?.[0].length ?? 0;
    const address = match[0].slice(lead);
    const tld = address.slice(address.lastIndexOf('.') + 1);
    if (/^(?:@|%40)/i.test(address) || !/[A-Za-z]/.test(tld)) continue;
    const key = identityKey(address);
    if (masking.isSubject(key)) continue;
    const start = match.index + lead;
    const span = withDisplayName(text, start, start + address.length, last);
    out += text.slice(last, span.start) + masking.placeholder(key);
    last = span.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
