/*
 * Masks secrets in free text: logs, error messages, evidence records.
 *
 * Three rules shape this module:
 *
 * - Every secret is found in the text as it was given, never in text that has already been
 *   masked, and overlapping finds are merged into one. A secret is therefore masked exactly
 *   once with one placeholder: "Bearer eyJ…" is one bearer credential, not a JWT inside a
 *   credential whose value is then the JWT's placeholder ("Bearer [redacted] jwt]").
 * - Every pattern is linear in the length of the text, because the text can be a megabyte of
 *   vendor output. No two quantifiers may compete for the same run of characters, and a
 *   private key's footer is searched for once, from its header on.
 * - A credential name before a colon is only a name and value when it is not prose (see
 *   {@link isProse}), so "trying their password: treat it as…" stays readable.
 */

/** What a masked secret becomes, by what found it. */
const PLACEHOLDER = {
  value: '[redacted]',
  jwt: '[redacted jwt]',
  privateKey: '[redacted private key]',
  oktaToken: '[redacted okta token]',
  clientSecret: '[redacted client secret]',
} as const;

/** A part of the text to replace, and with what. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** Finds every secret of one kind in a text, in order. Each must run in linear time. */
type Finder = (text: string) => Iterable<Span>;

/** Each finder compiles its own copy, so no `lastIndex` is shared between calls. */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

/** Yields a span for each match that `toSpan` accepts. */
function* spansOf(text: string, pattern: RegExp, toSpan: (m: RegExpExecArray) => Span | null): Iterable<Span> {
  const regex = globalCopy(pattern);
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const span = toSpan(m);
    if (span !== null) yield span;
  }
}

// Private-key armour. The type is bounded so a header candidate costs a constant amount of work.
const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/g;
const PRIVATE_KEY_END = /-----END [A-Z ]{0,40}PRIVATE KEY-----/g;

/**
 * Whole private keys, armour included. A key with no footer (cut off in a log line) is still a
 * key, so it is masked to the end of the text.
 *
 * A lazy "header, anything, footer" pattern rescans the rest of the text for every header that
 * has no footer; here each part of the text is searched once: headers from the end of the
 * previous key, a footer from its header.
 */
function* privateKeys(text: string): Iterable<Span> {
  if (!text.includes('PRIVATE KEY-----')) return;
  const begin = globalCopy(PRIVATE_KEY_BEGIN);
  const end = globalCopy(PRIVATE_KEY_END);
  for (let header = begin.exec(text); header !== null; header = begin.exec(text)) {
    end.lastIndex = begin.lastIndex;
    const footer = end.exec(text);
    const stop = footer === null ? text.length : footer.index + footer[0].length;
    yield { start: header.index, end: stop, replacement: PLACEHOLDER.privateKey };
    if (footer === null) return;
    begin.lastIndex = stop;
  }
}

/**
 * A run of base64url characters and dots, from its start: where JWTs can be. A single class
 * under a single quantifier, so finding the runs cannot backtrack.
 */
const DOTTED_RUN = /(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]+/g;
/** Where a JWT header can start in a segment: at its start or after a hyphen (a word boundary). */
const HEADER_START = /(?<![A-Za-z0-9_])eyJ/;
/** A JWT payload segment: a base64url JSON object ("eyJ" is `{"`) of some length. */
const PAYLOAD = /^eyJ[A-Za-z0-9_-]{5}/;
/** "eyJ" and at least five more characters. */
const MIN_HEADER_LENGTH = 8;

/**
 * JWTs: a header and a payload, both base64url JSON objects, then a signature that may be empty
 * (unsigned tokens), each segment starting at a word boundary as a JWT does in prose.
 *
 * Read segment by segment rather than with one pattern: a pattern that can start at every "eyJ"
 * of a long run such as "eyJaaaaa-eyJaaaaa-…" (no dot) scans to the end of the run and backs off
 * again for each of them, which is quadratic. Here each run is found once, split at its dots,
 * and each segment is looked at a constant number of times.
 */
function* jwts(text: string): Iterable<Span> {
  if (!text.includes('eyJ')) return;
  for (const run of text.matchAll(DOTTED_RUN)) {
    if (!run[0].includes('.') || !run[0].includes('eyJ')) continue;
    const segments = run[0].split('.');
    // Where segment i starts in the text.
    let offset = run.index;
    for (let i = 0; i < segments.length;) {
      const header = segments[i] ?? '';
      const payload = segments[i + 1];
      const signature = segments[i + 2];
      const start = header.search(HEADER_START);
      if (
        start >= 0 &&
        header.length - start >= MIN_HEADER_LENGTH &&
        payload !== undefined &&
        PAYLOAD.test(payload) &&
        signature !== undefined
      ) {
        const end = offset + header.length + 1 + payload.length + 1 + signature.length;
        yield { start: offset + start, end, replacement: PLACEHOLDER.jwt };
        offset = end + 1;
        i += 3;
      } else {
        offset += header.length + 1;
        i += 1;
      }
    }
  }
}

/**
 * A placeholder already in the text, ours or a caller's ("[token]" is the report redaction's):
 * the value of a credential is never one, so masking twice changes nothing.
 */
const NOT_A_PLACEHOLDER = String.raw`(?!\[redacted|\[token\])`;

/**
 * An HTTP authorisation scheme and its credential: "SSWS 00ab…", "Bearer eyJ…". The credential
 * stops at a backslash too, so the escaped quote closing it inside escaped JSON stays intact.
 */
const SCHEME_CREDENTIAL = new RegExp(String.raw`\b(SSWS|Bearer)(\s+)${NOT_A_PLACEHOLDER}[^\s"'\\,;]+`, 'gi');

/**
 * A credential by name, its separator and its value, in query strings, forms, JSON (also JSON
 * escaped inside a JSON string) and logs. A SAML response (`SAMLResponse`, WS-Fed's `wresult`) is
 * one: a signed assertion that signs its bearer in until it expires.
 *
 * Groups: 1 the name; 2 what closes the name and separates it from the value; 3 the separator;
 * then, for each kind of value, a pair of its opening quote and the value itself. A quoted value
 * runs to its closing quote, spaces included (in JSON, escapes are part of it; JSON escaped
 * inside JSON stops at the first backslash). A bare value stops at white space and at what ends
 * a value in a query string or JSON. Each kind of value starts differently and takes a run no
 * other quantifier competes for, so a failed attempt gives back at most the spaces around the
 * separator.
 */
const NAMED_CREDENTIAL = new RegExp(
  String.raw`\b(client_secret|client_assertion|access_token|refresh_token|id_token|password|api[_-]?token|private[_-]?key|SAMLResponse|wresult)` +
    String.raw`((?:\\?["'])?\s*([:=])\s*)${NOT_A_PLACEHOLDER}` +
    String.raw`(?:(\\")${NOT_A_PLACEHOLDER}([^"\\\r\n]+)` +
    String.raw`|(")${NOT_A_PLACEHOLDER}((?:[^"\\\r\n]|\\.)+)` +
    String.raw`|(')${NOT_A_PLACEHOLDER}([^'\r\n]+)` +
    String.raw`|()([^\s"'\\&,;}][^\s"&,;}]*))`,
  'gi',
);

/** The parts of a named credential; the regex has one pair of groups per kind of value. */
interface NamedCredential {
  readonly name: string;
  readonly between: string;
  readonly separator: string;
  readonly quote: string;
  readonly value: string;
}

function namedCredential(m: RegExpExecArray): NamedCredential {
  const [, name = '', between = '', separator = '', ...rest] = m;
  // Exactly one quote-and-value pair took part in the match.
  let quote = '';
  let value = '';
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const candidate = rest[i + 1];
    if (candidate !== undefined) {
      quote = rest[i] ?? '';
      value = candidate;
      break;
    }
  }
  return { name, between, separator, quote, value };
}

/** After a value: a space, then a lower-case letter starting another word. */
const WORD_FOLLOWS = /[ \t]+[a-z]/y;

/**
 * Whether a credential name and what follows it are a sentence rather than a name and value.
 *
 * The rule: after a bare colon and a space (no quotes around the name or the value, no "="), a
 * value that is a lower-case word followed on the same line by another word is a sentence going
 * on, as in "…trying their password: treat it as a possible compromise". Everything else is a
 * value: "password=…" and quoted JSON always, and after a colon a value with a capital, digit or
 * symbol ("Password: hunter2 from 10.0.0.1") or one that ends its line ("Password: letmein").
 * A real credential is seldom a lower-case word in the middle of a sentence, and a false "value"
 * hides only one word, so the rule errs towards masking.
 */
function isProse(text: string, end: number, credential: NamedCredential): boolean {
  const { between, separator, quote, value } = credential;
  if (separator !== ':' || quote !== '' || !/^\s*:[ \t]+$/.test(between)) return false;
  if (!/^[a-z]+$/.test(value)) return false;
  WORD_FOLLOWS.lastIndex = end;
  return WORD_FOLLOWS.test(text);
}

// Okta API tokens are 42 characters starting with "00" (user ids are 20, so no clash).
const OKTA_API_TOKEN = /\b00[A-Za-z0-9_-]{40}\b/g;
// Entra client secrets of the current format carry "Q~" after a three-character prefix and a digit.
const ENTRA_CLIENT_SECRET = /\b[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{31,34}/g;

/** The whole match as one secret. */
const whole =
  (replacement: string) =>
  (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length, replacement });

/**
 * Every kind of secret, most specific context first: when two finds start at the same place,
 * the earlier finder's placeholder is the one shown.
 */
const FINDERS: readonly Finder[] = [
  privateKeys,
  (text) =>
    spansOf(text, SCHEME_CREDENTIAL, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      // The scheme and spacing are kept as written, so "bearer" in a log is not re-cased.
      replacement: `${m[1] ?? ''}${m[2] ?? ''}${PLACEHOLDER.value}`,
    })),
  (text) =>
    spansOf(text, NAMED_CREDENTIAL, (m) => {
      const credential = namedCredential(m);
      const end = m.index + m[0].length;
      if (isProse(text, end, credential)) return null;
      const { name, between, quote } = credential;
      return { start: m.index, end, replacement: `${name}${between}${quote}${PLACEHOLDER.value}` };
    }),
  jwts,
  (text) => spansOf(text, OKTA_API_TOKEN, whole(PLACEHOLDER.oktaToken)),
  (text) => spansOf(text, ENTRA_CLIENT_SECRET, whole(PLACEHOLDER.clientSecret)),
];

/**
 * What every finder above needs somewhere in the text, in one pass: a private key's armour, a
 * JWT's "eyJ", a scheme or credential name, an Okta token's "00" run, an Entra secret's "Q~".
 * Case-insensitive, so it finds a superset; a text without any of it has no secret any finder
 * could find, and is returned at once. Collection masks every string of a bundle (a busy
 * user's week is a million strings), nearly all of them dates, ids and names.
 */
const MAY_HOLD_SECRET =
  /PRIVATE KEY-----|eyJ|SSWS|Bearer|client_secret|client_assertion|access_token|refresh_token|id_token|password|api[_-]?token|private[_-]?key|SAMLResponse|wresult|\dQ~|\b00[A-Za-z0-9_-]{40}/i;

/**
 * Replaces the spans, merging any that overlap into the first of them: a JWT inside a bearer
 * credential is the credential's value, and a find that runs on past the end of another (a
 * private key after "password: ") widens it, so no part of a secret is left out.
 */
function replaceSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const ordered = spans
    .map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || a.order - b.order)
    .map(({ span }) => span);
  let out = '';
  let copied = 0;
  let pending: { start: number; end: number; replacement: string } | null = null;
  for (const span of ordered) {
    if (pending !== null && span.start < pending.end) {
      pending.end = Math.max(pending.end, span.end);
      continue;
    }
    if (pending !== null) {
      out += text.slice(copied, pending.start) + pending.replacement;
      copied = pending.end;
    }
    pending = { ...span };
  }
  if (pending !== null) {
    out += text.slice(copied, pending.start) + pending.replacement;
    copied = pending.end;
  }
  return out + text.slice(copied);
}

/**
 * Masks every secret-shaped substring of a text before it reaches a log, an error shown to the
 * renderer, or a report.
 *
 * This is the last line of defence, not the first: code must not put secrets in messages at
 * all. Known secret values can be passed in `known` and are masked wherever they appear.
 *
 * Each secret becomes one placeholder: "[redacted]" after a credential's name or scheme
 * ("Bearer [redacted]", `"access_token": "[redacted]"`), otherwise one naming its kind ("[redacted
 * jwt]", "[redacted private key]", "[redacted okta token]", "[redacted client secret]").
 * Placeholders are never masked again, so masking twice gives the same text. Linear in the length
 * of the text.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const value of known) {
    // Very short values would mask ordinary words; a real credential is never this short.
    if (value.length >= 8) out = out.split(value).join(PLACEHOLDER.value);
  }
  if (!MAY_HOLD_SECRET.test(out)) return out;
  const spans: Span[] = [];
  for (const find of FINDERS) {
    for (const span of find(out)) spans.push(span);
  }
  return replaceSpans(out, spans);
}
