/*
 * Secrets in free text: SAML assertions, WS-Fed results, device and user codes, long base64
 * blobs, plus everything redactSecrets knows (JWTs, SSWS and bearer credentials, named
 * credentials, Okta API tokens, Entra client secrets, private keys).
 *
 * redactSecrets stays the one place that knows those shapes, and its text is taken as it gives
 * it: linear in the length of the text (a diagnosis can quote up to a megabyte of vendor text),
 * each secret masked once, prose after "password:" left alone. Its placeholders ("[redacted
 * jwt]", "Bearer [redacted]") are kept so a secret reads the same in logs, records and reports;
 * what only this module finds reads "[token]".
 *
 * One exception: a private key cut off before its end is masked here, as "[token]", before
 * redactSecrets sees the text (see {@link maskCutOffPrivateKey}), so the count stays right.
 */

import { redactSecrets } from '../redact-secrets';
import { REDACTION_PLACEHOLDERS } from './options';

const TOKEN = REDACTION_PLACEHOLDERS.token;

/** A text with its secrets masked, and how many were. */
export interface MaskedTokens {
  readonly text: string;
  readonly count: number;
}

/** The opening tag of a SAML assertion or protocol response, any namespace prefix. */
const SAML_OPEN = /<([A-Za-z][\w-]{0,20}:)?(EncryptedAssertion|Assertion|Response)\b/g;

/** A named parameter that carries a token, in a query string, form, JSON or prose. */
const TOKEN_PARAMETER =
  /\b(SAMLResponse|wresult|assertion|device[ _]?code|user[ _]?code)(\s{0,3}["']?\s{0,3}([:=])\s{0,3}["']?)([^\s"'&,;<>]+)/gi;

/** Microsoft's and Okta's device-flow prompt: "enter the code FKZ7L5XNP". */
const CODE_PROMPT = /\b(enter|use|type)(\s+the)?(\s+code\s+)([A-Za-z0-9-]{6,12})\b/gi;

/**
 * A long base64url run with a JWT header inside ("-eyJ") but no dot: no JWT to redactSecrets, and
 * no blob to {@link maskBlobs} when it lacks a digit, yet token material all the same.
 */
const LONG_BASE64URL_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{256,}/g;

/** Private-key armour, to find a header whose end was cut off (redactSecrets masks whole keys). */
const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/g;
const PRIVATE_KEY_END = /-----END [A-Z ]{0,40}PRIVATE KEY-----/g;

/** A long run of base64 or base64url, with its padding. */
const BASE64_BLOB = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{64,}={0,2}(?![A-Za-z0-9+/=_-])/g;

const REDACTED_MARK = '[redacted';

/** Counts replacements while masking, so each step stays a plain string → string function. */
class Counter {
  count = 0;

  /** The token placeholder, counted. */
  mask(): string {
    this.count += 1;
    return TOKEN;
  }
}

/** Whole SAML assertions and responses; one with no closing tag runs to the end of the text. */
function maskSamlXml(text: string, counter: Counter): string {
  if (!text.includes('Assertion') && !text.includes('Response')) return text;
  const open = new RegExp(SAML_OPEN.source, 'g');
  let out = '';
  let last = 0;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const prefix = m[1] ?? '';
    const name = m[2] ?? '';
    if (name === 'Response' && !/^saml2?p:$/i.test(prefix)) continue;
    const close = `</${prefix}${name}>`;
    const closeAt = text.indexOf(close, open.lastIndex);
    out += text.slice(last, m.index) + counter.mask();
    // Searching for each close from where the last one ended keeps the whole pass linear.
    last = closeAt < 0 ? text.length : closeAt + close.length;
    open.lastIndex = last;
  }
  return last === 0 ? text : out + text.slice(last);
}

function isTokenParameter(name: string, separator: string, value: string): boolean {
  const key = name.toLowerCase().replace(/[ _]/g, '');
  switch (key) {
    case 'samlresponse':
    case 'wresult':
      return value.length >= 8;
    case 'assertion':
      // "the assertion: Okta…" is prose; an OAuth SAML-bearer grant writes assertion=….
      return separator === '=' && value.length >= 16;
    case 'devicecode':
      return value.length >= 20;
    default:
      // User codes are short upper-case codes (FKZ7L5XNP, WDJB-MJHT); prose is lower case.
      return /^[A-Z0-9][A-Z0-9-]{3,15}$/.test(value) && /[A-Z]/.test(value);
  }
}

function maskTokenParameters(text: string, counter: Counter): string {
  return text
    .replace(TOKEN_PARAMETER, (whole, name: string, between: string, separator: string, value: string) =>
      isTokenParameter(name, separator, value) ? name + between + counter.mask() : whole,
    )
    .replace(CODE_PROMPT, (whole, verb: string, the: string | undefined, code: string, value: string) =>
      /^[A-Z0-9-]{6,12}$/.test(value) && /\d/.test(value) ? verb + (the ?? '') + code + counter.mask() : whole,
    );
}

/** Long base64url runs with a JWT header inside and no dot (see {@link LONG_BASE64URL_RUN}). */
function maskLongBase64urlRuns(text: string, counter: Counter): string {
  return text.replace(LONG_BASE64URL_RUN, (run) => (run.includes('-eyJ') ? counter.mask() : run));
}

/**
 * A private key whose end was cut off, masked from its header to the end of the text.
 *
 * redactSecrets masks such a key the same way, but {@link maskKnownSecrets} counts what it masked
 * by the "[redacted" marks it added, and a key masked to the end of the text also takes away any
 * placeholder already there after it ('"key":"-----BEGIN PRIVATE KEY-----\nMII…","secret":
 * "[redacted]"'): the count would be 0, or less than 0, for a masked key. Masked and counted here,
 * the key never reaches redactSecrets.
 */
function maskCutOffPrivateKey(text: string, counter: Counter): string {
  if (!text.includes('PRIVATE KEY-----')) return text;
  let lastEnd = 0;
  for (const m of text.matchAll(PRIVATE_KEY_END)) lastEnd = m.index + m[0].length;
  for (const m of text.matchAll(PRIVATE_KEY_BEGIN)) {
    // Every header before the last footer has a footer after it: a whole key, for redactSecrets.
    if (m.index >= lastEnd) return text.slice(0, m.index) + counter.mask();
  }
  return text;
}

function countMarks(text: string): number {
  return text.split(REDACTED_MARK).length - 1;
}

/**
 * redactSecrets, counting what it masked by the "[redacted" marks it added: it gives each secret
 * one placeholder, and never masks a placeholder already in the text as a credential's value.
 */
function maskKnownSecrets(text: string, counter: Counter): string {
  const masked = redactSecrets(text);
  if (masked === text) return text;
  counter.count += countMarks(masked) - countMarks(text);
  return masked;
}

/**
 * A long base64 run is a token when it mixes cases and digits the way random bytes do and is not
 * a URL path: hex digests and ids stay, and every Okta and Entra id is far shorter than 64.
 */
function isBlob(run: string): boolean {
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/\d/.test(run)) return false;
  if (!run.includes('/')) return true;
  return run.split('/').some((segment) => segment.length >= 40);
}

function maskBlobs(text: string, counter: Counter): string {
  return text.replace(BASE64_BLOB, (run) => (isBlob(run) ? counter.mask() : run));
}

/**
 * Masks every secret in a text and counts them. Linear in the length of the text.
 */
export function maskTokens(text: string): MaskedTokens {
  const counter = new Counter();
  let out = maskSamlXml(text, counter);
  out = maskTokenParameters(out, counter);
  out = maskLongBase64urlRuns(out, counter);
  out = maskCutOffPrivateKey(out, counter);
  out = maskKnownSecrets(out, counter);
  out = maskBlobs(out, counter);
  return { text: out, count: counter.count };
}
