/*
 * Tenant and device identifiers.
 *
 * Sign-in data is full of GUIDs, and most of them must stay: Okta event uuids and Entra sign-in
 * ids are how the technician finds the record, app and policy ids say what was evaluated. So a
 * GUID is masked only for what says it is a tenant or a device: the evidence field it sits in,
 * the words before it ("tenant id", "deviceId:", login.microsoftonline.com/…), or a value known to
 * be one. Vendor prefixes that are unambiguous (Okta org 00o…, Okta device guo…) and MAC
 * addresses need no context.
 */

const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\w-])';
// Between a name and its value: optional quote, colon or equals sign, spaces, as in prose and JSON.
const SEPARATOR = `["']?\\s{0,3}[:=]?\\s{0,3}["']?`;

/** A GUID after words that name a tenant; group 1 is the context, group 2 the GUID. */
const TENANT_GUID_IN_CONTEXT = new RegExp(
  `((?:tenant|directory)\\)?(?:[ _-]?id)?${SEPARATOR}|\\btid${SEPARATOR}|(?:login\\.microsoftonline\\.(?:com|us)|login\\.windows\\.net|sts\\.windows\\.net|login\\.microsoft\\.com)/|/tenants/)(${GUID})`,
  'gi',
);

/** An Okta org id: "00o" and 17 more characters (Okta object ids are 20 characters). */
const OKTA_ORG_ID = /(?<![A-Za-z0-9])00o[A-Za-z0-9]{17}(?![A-Za-z0-9])/g;

/** A GUID after words that name a device id; group 1 is the context, group 2 the GUID. */
const DEVICE_GUID_IN_CONTEXT = new RegExp(`(device[ _-]?id${SEPARATOR})(${GUID})`, 'gi');

/** An Okta device id: "guo" and 17 more characters. */
const OKTA_DEVICE_ID = /(?<![A-Za-z0-9])guo[A-Za-z0-9]{17}(?![A-Za-z0-9])/g;

/** A MAC address with colons or hyphens, one separator throughout (00:15:65:4c:4c:26). */
const MAC_SEPARATED = /(?<![\w:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w-]|:[0-9A-Fa-f])/g;

/**
 * A MAC address written as Cisco does (0015.654c.4c26) or bare as desk phones put it in their user
 * agent ("Yealink SIP-T46S 66.86.0.15 805ec0123456"). Only with a letter and a digit, so neither a
 * version nor a number is taken for one; the last group of a GUID is protected by its hyphen.
 */
const MAC_UNSEPARATED = /(?<![\w.-])(?:[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}|[0-9A-Fa-f]{12})(?![\w-]|\.\w)/g;

/** Evidence fields whose id-like value is a tenant id: tenantId, homeTenantId, resourceTenantId… */
export function isTenantField(field: string): boolean {
  return /tenant/i.test(field);
}

/**
 * Evidence fields whose id-like value identifies a device: deviceDetail.deviceId,
 * deviceDetail.displayName, client.device… but not what describes one (operating system, browser,
 * trust type) nor the device-code flow.
 */
export function isDeviceField(field: string): boolean {
  return /device/i.test(field) && !/code|operatingsystem|browser|platform|trust|compliant|managed/i.test(field);
}

/**
 * Whether a field's value is an identifier rather than a description: one word with a digit
 * ("DESKTOP-8F3K2L", a GUID, guo…), not "Computer", "Windows 10" or "true".
 */
export function isIdLike(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9:._-]{5,}$/.test(value) && /\d/.test(value);
}

/** Gives the placeholder of an identifier found (and lets the caller count it). */
type Mask = (value: string) => string;

/** Masks group 2 of a context pattern and keeps group 1, the words that said what it is. */
function maskInContext(text: string, pattern: RegExp, mask: Mask): string {
  return text.replace(pattern, (_m, context: string, value: string) => context + mask(value));
}

/** Masks tenant ids: GUIDs in a tenant context and Okta org ids. */
export function maskTenantIds(text: string, mask: Mask): string {
  return maskInContext(text, TENANT_GUID_IN_CONTEXT, mask).replace(OKTA_ORG_ID, mask);
}

/** Masks device ids: GUIDs in a device-id context, Okta device ids and MAC addresses. */
export function maskDeviceIds(text: string, mask: Mask): string {
  return maskInContext(text, DEVICE_GUID_IN_CONTEXT, mask)
    .replace(OKTA_DEVICE_ID, mask)
    .replace(MAC_SEPARATED, (mac) => mask(mac))
    .replace(MAC_UNSEPARATED, (mac) => (/[A-Fa-f]/.test(mac) && /\d/.test(mac) ? mask(mac) : mac));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for known values, matched without case and only as whole tokens, or null when there
 * are none. Longest first, so a value that contains another is masked whole.
 */
export function knownValuesPattern(values: Iterable<string>): RegExp | null {
  const list = [...new Set(values)].filter((v) => v.length >= 6).sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  return new RegExp(`(?<![\\w-])(?:${list.map(escapeRegExp).join('|')})(?![\\w-])`, 'gi');
}
