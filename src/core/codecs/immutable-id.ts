/*
 * ImmutableID codec: recognise how an ImmutableID (Entra `onPremisesImmutableId`, the WS-Fed
 * sourceAnchor Okta sends) is written, normalise it to the AD object GUID, and compare the value
 * Okta sends with the one Entra holds. See docs/domain-reference.md §6.
 *
 * Entra matches the value Okta sends against `onPremisesImmutableId` as exact, case-sensitive
 * text. So two values that name the same AD object but are written differently still fail
 * (AADSTS51004). Telling "same object, written differently" apart from "different object" is what
 * tells a technician whether to fix a mapping expression or to re-link an account.
 */

import { decodeBase64, encodeBase64 } from './base64';

/**
 * How an ImmutableID value is written.
 *
 * A 24-character base64 value of 16 bytes is read as `guid-base64` (little-endian) by
 * {@link decodeImmutableId}; `guid-base64-big-endian` can only be told apart by
 * {@link compareImmutableIds}, when the other side names the same object.
 */
export type ImmutableIdEncoding =
  // base64 of the 16 GUID bytes in .NET/AD little-endian order: what Entra Connect writes (correct form)
  | 'guid-base64'
  // base64 of the 16 bytes in RFC 4122 (big-endian) order: a common scripting mistake
  | 'guid-base64-big-endian'
  // base64 of the ASCII GUID text "748b2d86-..."
  | 'guid-text-base64'
  // the GUID text itself, with or without braces/hyphens, any case
  | 'guid-text'
  // 32 hex digits of the little-endian bytes, the LDAP escaped form \86\2d\8b..., or a byte list "86 2d 8b ..."
  | 'guid-hex'
  // an Okta object id (00u…, Okta's fallback when no AD user: user.getInternalProperty("id")) or app id (0oa…)
  | 'okta-id'
  // any other string (cloud-only setups sometimes use the UPN): compared exactly
  | 'string';

/**
 * An ImmutableID value with the way it is written and the object GUID it names.
 *
 * `guid` is the primary reading only; for values that can be read more than one way (a 16-byte
 * base64, 32 bare hex digits) {@link compareImmutableIds} also tries the other readings.
 */
export interface DecodedImmutableId {
  /** The value exactly as given, whitespace included. */
  readonly raw: string;
  /** How the value is written. */
  readonly encoding: ImmutableIdEncoding;
  /** The object GUID, lower-case canonical 8-4-4-4-12, when the value encodes one; else null. */
  readonly guid: string | null;
}

/**
 * The outcome of comparing the ImmutableID Okta sends with the one Entra holds.
 *
 * `identical` is exact text equality, the only outcome under which WS-Fed sign-in can match.
 * `same-object-different-encoding` means both name one GUID but are written differently: a
 * mapping or scripting fix, not a re-link. Blank values count as missing.
 */
export type ImmutableIdComparison =
  | { readonly kind: 'identical' }
  | {
      readonly kind: 'same-object-different-encoding';
      readonly guid: string;
      readonly okta: ImmutableIdEncoding;
      readonly entra: ImmutableIdEncoding;
    }
  | { readonly kind: 'different-object'; readonly okta: DecodedImmutableId; readonly entra: DecodedImmutableId }
  | { readonly kind: 'okta-missing' }
  | { readonly kind: 'entra-missing' }
  | { readonly kind: 'both-missing' };

// ---------------------------------------------------------------------------------------------
// GUIDs
// ---------------------------------------------------------------------------------------------

const HYPHENATED_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BARE_HEX_GUID = /^[0-9a-f]{32}$/i;
// LDAP filter form of a binary attribute: every byte escaped, e.g. (objectGUID=\86\2d\8b…).
const LDAP_ESCAPED_GUID = /^(?:\\[0-9a-f]{2}){16}$/i;
// Byte lists as ADSI Edit ("86 2d 8b …") or .NET BitConverter.ToString ("86-2D-8B-…") print them.
const BYTE_LIST_GUID = /^[0-9a-f]{2}([ :-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){14}$/i;
// Okta ids are 20 characters: a 3-character type prefix (00u user, 0oa app) and 17 alphanumerics.
const OKTA_ID = /^(?:00u|0oa)[A-Za-z0-9]{17}$/;

/** Hex pairs to bytes; the caller has already validated the text. */
function hexPairsToBytes(text: string): readonly number[] {
  return (text.match(/[0-9a-f]{2}/gi) ?? []).map((pair) => Number.parseInt(pair, 16));
}

function stripBraces(text: string): string {
  return text.length > 2 && text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
}

/** GUID text (hyphenated or 32 bare hex digits, optionally in braces) to its bytes in RFC 4122 order. */
function parseGuidText(text: string): readonly number[] | null {
  const inner = stripBraces(text);
  if (!HYPHENATED_GUID.test(inner) && !BARE_HEX_GUID.test(inner)) return null;
  return hexPairsToBytes(inner);
}

/** Bytes in RFC 4122 (big-endian) order to lower-case 8-4-4-4-12 text. */
function formatGuid(bytes: readonly number[]): string {
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Swaps between RFC 4122 byte order and the .NET/AD order, where the first three fields (4, 2 and
 * 2 bytes) are little-endian and the last 8 bytes stay as written. The swap is its own inverse.
 */
function swapGuidByteOrder(bytes: readonly number[]): readonly number[] {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0, ...rest] = bytes;
  return [b3, b2, b1, b0, b5, b4, b7, b6, ...rest];
}

/**
 * Whether a GUID looks like one Windows would mint: RFC 4122 variant and version 1–5.
 *
 * AD objectGUIDs are random (version 4) GUIDs. Reading bytes in the wrong order moves another
 * nibble into the version position, so this breaks ties between otherwise equal readings.
 */
function isPlausibleGuid(guid: string): boolean {
  return '12345'.includes(guid.charAt(14)) && '89ab'.includes(guid.charAt(19));
}

/** Bytes as text when they are all printable ASCII (line breaks allowed: `echo … | base64` adds one). */
function printableAscii(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    const printable = (byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09;
    if (!printable) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------------

/** One way to read a value as a GUID. */
interface GuidReading {
  readonly encoding: ImmutableIdEncoding;
  readonly guid: string;
}

/** How a value is written, and every GUID it may name, most likely reading first. */
interface ImmutableIdReading {
  readonly encoding: ImmutableIdEncoding;
  readonly readings: readonly GuidReading[];
}

function readImmutableId(value: string): ImmutableIdReading {
  // Values pasted from consoles often carry stray whitespace; it never belongs to the encoding.
  const text = value.trim();

  const inner = stripBraces(text);
  if (HYPHENATED_GUID.test(inner)) {
    return { encoding: 'guid-text', readings: [{ encoding: 'guid-text', guid: formatGuid(hexPairsToBytes(inner)) }] };
  }
  if (BARE_HEX_GUID.test(inner)) {
    const bytes = hexPairsToBytes(inner);
    const readings: GuidReading[] = [{ encoding: 'guid-text', guid: formatGuid(bytes) }];
    // 32 bare hex digits are either Guid.ToString("N") (text order) or the stored bytes written out
    // as hex (little-endian order). Text order is the primary reading; braces rule out the other.
    if (inner === text) readings.push({ encoding: 'guid-hex', guid: formatGuid(swapGuidByteOrder(bytes)) });
    return { encoding: 'guid-text', readings };
  }
  if (LDAP_ESCAPED_GUID.test(text) || BYTE_LIST_GUID.test(text)) {
    const guid = formatGuid(swapGuidByteOrder(hexPairsToBytes(text)));
    return { encoding: 'guid-hex', readings: [{ encoding: 'guid-hex', guid }] };
  }
  // Before base64: an Okta id is itself valid base64 (of 15 bytes), and it is not a GUID.
  if (OKTA_ID.test(text)) return { encoding: 'okta-id', readings: [] };

  const bytes = decodeBase64(text);
  if (bytes?.length === 16) {
    const stored = Array.from(bytes);
    return {
      encoding: 'guid-base64',
      readings: [
        { encoding: 'guid-base64', guid: formatGuid(swapGuidByteOrder(stored)) },
        { encoding: 'guid-base64-big-endian', guid: formatGuid(stored) },
      ],
    };
  }
  if (bytes !== null) {
    const decodedText = printableAscii(bytes);
    const guidBytes = decodedText === null ? null : parseGuidText(decodedText.trim());
    if (guidBytes !== null) {
      return {
        encoding: 'guid-text-base64',
        readings: [{ encoding: 'guid-text-base64', guid: formatGuid(guidBytes) }],
      };
    }
  }
  return { encoding: 'string', readings: [] };
}

function toDecoded(raw: string, reading: ImmutableIdReading): DecodedImmutableId {
  return { raw, encoding: reading.encoding, guid: reading.readings[0]?.guid ?? null };
}

/** A value worth comparing: present and not blank. */
function presentValue(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

function describeForError(value: string): string {
  // Name the value so the technician sees what was wrong, but keep a pasted blob from flooding the UI.
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Converts a GUID to the ImmutableID Entra Connect writes: base64 of its little-endian bytes.
 *
 * Accepts 8-4-4-4-12 or 32 bare hex digits, any case, optionally in braces, surrounding whitespace
 * ignored; the same as PowerShell `[Convert]::ToBase64String($guid.ToByteArray())`.
 *
 * @throws Error naming the value when it is not a GUID.
 */
export function guidToImmutableId(guid: string): string {
  const bytes = parseGuidText(guid.trim());
  if (bytes === null) {
    throw new Error(
      `Not a GUID: ${describeForError(guid)}. Expected 32 hex digits as 8-4-4-4-12, optionally in braces, ` +
        'e.g. 748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e5.',
    );
  }
  return encodeBase64(swapGuidByteOrder(bytes));
}

/**
 * Reads an ImmutableID written as Entra Connect writes it (base64 of 16 little-endian bytes) back
 * to GUID text; null for anything else.
 *
 * base64url and missing padding are accepted. A big-endian value also decodes to 16 bytes and so
 * yields a (wrong) GUID here: the two cannot be told apart from one value alone.
 */
export function immutableIdToGuid(value: string): string | null {
  const bytes = decodeBase64(value.trim());
  return bytes?.length === 16 ? formatGuid(swapGuidByteOrder(Array.from(bytes))) : null;
}

/**
 * Recognises how an ImmutableID value is written and which object GUID it names.
 *
 * Checked in order: GUID text; hex forms (LDAP escapes, byte lists); Okta ids; base64 of 16 bytes
 * (always read as little-endian `guid-base64`); base64 of GUID text; anything else is `string`.
 * 32 bare hex digits are read as GUID text (`Guid.ToString("N")`).
 */
export function decodeImmutableId(value: string): DecodedImmutableId {
  return toDecoded(value, readImmutableId(value));
}

/**
 * Compares the ImmutableID Okta sends (app-user `profile.immutableId`) with Entra's
 * `onPremisesImmutableId`.
 *
 * `identical` only for exact, case-sensitive equality, as Entra matches. Otherwise every reading of
 * each side is tried (a 16-byte base64 as little- and big-endian, bare hex as text and as bytes), so
 * a big-endian or GUID-text value on either side is recognised as the same object, whichever side
 * holds it. When several GUIDs are shared, the explanation needing the fewest secondary readings
 * wins, then a plausible (version 1–5) GUID, then the one that reads Entra's value the primary way:
 * Entra Connect writes the little-endian form, so Entra is the better reference. Only that last,
 * genuinely ambiguous tie depends on which side is which.
 * Null, undefined, empty and whitespace-only values count as missing.
 */
export function compareImmutableIds(
  okta: string | null | undefined,
  entra: string | null | undefined,
): ImmutableIdComparison {
  const oktaValue = presentValue(okta);
  const entraValue = presentValue(entra);
  if (oktaValue === null && entraValue === null) return { kind: 'both-missing' };
  if (oktaValue === null) return { kind: 'okta-missing' };
  if (entraValue === null) return { kind: 'entra-missing' };
  if (oktaValue === entraValue) return { kind: 'identical' };

  const oktaReading = readImmutableId(oktaValue);
  const entraReading = readImmutableId(entraValue);

  interface SharedGuid {
    readonly guid: string;
    readonly okta: ImmutableIdEncoding;
    readonly entra: ImmutableIdEncoding;
    readonly secondaryReadings: number;
    readonly implausible: number;
    readonly entraRank: number;
  }
  const shared: SharedGuid[] = [];
  oktaReading.readings.forEach((fromOkta, oktaRank) => {
    entraReading.readings.forEach((fromEntra, entraRank) => {
      if (fromOkta.guid !== fromEntra.guid) return;
      shared.push({
        guid: fromOkta.guid,
        okta: fromOkta.encoding,
        entra: fromEntra.encoding,
        secondaryReadings: (oktaRank > 0 ? 1 : 0) + (entraRank > 0 ? 1 : 0),
        implausible: isPlausibleGuid(fromOkta.guid) ? 0 : 1,
        entraRank,
      });
    });
  });
  // The first two keys do not depend on which side a reading came from. They settle most cases:
  // a byte-order mix-up usually puts an impossible version nibble into the wrong reading. When both
  // readings are valid version-4 GUIDs (about 5 in 16), nothing in the data decides, and Entra's
  // value, normally written by Entra Connect, is taken as the correct one.
  shared.sort(
    (a, b) => a.secondaryReadings - b.secondaryReadings || a.implausible - b.implausible || a.entraRank - b.entraRank,
  );
  const best = shared[0];
  if (best !== undefined) {
    return { kind: 'same-object-different-encoding', guid: best.guid, okta: best.okta, entra: best.entra };
  }
  return {
    kind: 'different-object',
    okta: toDecoded(oktaValue, oktaReading),
    entra: toDecoded(entraValue, entraReading),
  };
}

/*
 * Wording the extractor relies on (Microsoft says texts may change, so only the stable phrases
 * around the value are matched, quoted or not):
 *
 * - AADSTS51004 (also AADSTS50034, same text):
 *   "AADSTS51004: The user account <value> does not exist in the <tenant> directory. To sign into
 *   this application, the account must be added to the directory."
 *   Okta KB "Error During Microsoft Office 365 Single Sign-On 'AADSTS51004 The user account does not
 *   exist in the directory'" (https://support.okta.com/help/s/article/error-during-microsoft-office-365-single-sign-on-aadsts51004-the-user-account-does-not-exist-in-the-directory)
 *   quotes it with "<id>" placeholders; real messages with an unquoted base64 ImmutableID as the
 *   value: kuskaya.info (2021, "The user account 4ZtVnLfa9UfSXjKe/32NLQ== does not exist in the …
 *   directory"), it-bibouroku.hateblo.jp ("rZTGZcVTlk2NMwJ10mMqtA=="). Masked as "{EmailHidden}" in
 *   AADSTS50034 reports (github.com/Microsoft365DSC/Microsoft365DSC/pull/801, s-KaiNet/spsave#61).
 * - AADSTS90072 (also AADSTS50020, same text):
 *   "User account '<value>' from identity provider '<idp>' does not exist in tenant '<tenant>' and
 *   cannot access the application '<appId>'(<appName>) in that tenant. The account needs to be added
 *   as an external user in the tenant first. Sign out and sign in again with a different Microsoft
 *   Entra user account."
 *   Microsoft Learn, "Error AADSTS50020 - User account from identity provider does not exist in
 *   tenant" (https://learn.microsoft.com/en-us/troubleshoot/azure/active-directory/error-code-aadsts50020-user-account-identity-provider-does-not-exist),
 *   which gives the 90072 text with {email}/{idp}/{tenant} placeholders; real messages with single
 *   quotes (kb.naturalnetworks.com article 1241) and typographic quotes (sharepointdiary.com, 2022).
 *   Microsoft's own example "User account from identity provider 'live.com'…" has no value at all.
 * - "{EUII Hidden}" is the sign-in log masking named in the project brief; no public sample was
 *   found, so any value that is wholly a {…}, <…> or […] placeholder is treated as masked.
 *
 * The AADSTS code itself is not required: Entra sign-in logs carry it in a separate errorCode field
 * and only the text in failureReason. The caller decides, by that code, what the value means.
 */
const ACCOUNT_VALUE = String.raw`(?:'([^']*)'|"([^"]*)"|‘([^’]*)’|“([^”]*)”|(\{[^}]*\}|\S+))`;
const ACCOUNT_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\bThe user account\s+${ACCOUNT_VALUE}\s+does not exist in the\b`, 'i'),
  new RegExp(String.raw`\bUser account\s+${ACCOUNT_VALUE}\s+from identity provider\b`, 'i'),
];
const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ["'", "'"],
  ['"', '"'],
  ['‘', '’'],
  ['“', '”'],
];

function stripQuotes(value: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    if (value.length >= 2 && value.startsWith(open) && value.endsWith(close)) return value.slice(1, -1);
  }
  return value;
}

function isMaskedPlaceholder(value: string): boolean {
  // A GUID in braces is a real value, not a placeholder like {EmailHidden} or {EUII Hidden}.
  if (/^\{[^}]*\}$/.test(value)) return parseGuidText(value) === null;
  // <id> (Okta KB), [redacted], and runs of x or * that people type over a value before sharing it.
  return /^<[^>]*>$/.test(value) || /^\[[^\]]*\]$/.test(value) || /^[x*]+$/i.test(value);
}

/**
 * Extracts the account identifier quoted in an AADSTS51004 or AADSTS90072 message; null if none.
 *
 * For a federated sign-in this is the ImmutableID Okta sent. Handles the value quoted (straight or
 * typographic quotes) or bare; returns null when the message has no value or only a masked
 * placeholder such as {EmailHidden} or {EUII Hidden}. The same wording in AADSTS50034 and
 * AADSTS50020 is matched too, where the value is usually a UPN.
 */
export function extractImmutableIdFromAadstsMessage(message: string): string | null {
  for (const pattern of ACCOUNT_PATTERNS) {
    const match = pattern.exec(message);
    if (match === null) continue;
    // Only one alternative participates in a match; the others are undefined at run time, which the
    // lib typing of exec() results does not say.
    const groups: readonly (string | undefined)[] = match.slice(1);
    const captured = groups.find((group) => group !== undefined);
    const value = stripQuotes((captured ?? '').trim()).trim();
    if (value === '' || isMaskedPlaceholder(value)) return null;
    return value;
  }
  return null;
}
