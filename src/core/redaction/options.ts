/*
 * What a redaction hides, and the four presets the app uses.
 *
 * The presets follow who will read the result: the technician (none), the company's own identity
 * team (internal), someone outside the company such as a vendor's support desk (external), and
 * the caller watching the technician's shared screen (screenShare).
 */

/** Which kinds of value a redaction hides. */
export interface RedactionOptions {
  /**
   * Every e-mail-like identity (UPN, login, address) that is not the subject's, compared without
   * case, and the display name written next to one ("Dana Whitfield <dana@contoso.com>").
   */
  readonly otherUsers: boolean;
  /** IPv4 and IPv6 addresses (compressed, bracketed, IPv4-mapped), also inside sentences. */
  readonly ipAddresses: boolean;
  /**
   * Entra device ids, Okta device ids (guo…), MAC addresses, and the id-like values of evidence
   * fields named like a device (deviceDetail.deviceId, client.device…).
   */
  readonly deviceIds: boolean;
  /** The Entra tenant GUID and Okta org ids (00o…), by field name, context and known value. */
  readonly tenantIds: boolean;
  /**
   * JWTs, SAML assertions, SSWS and bearer credentials, device and user codes, long base64
   * blobs. Always true: a secret must not be shown or exported at any level, so the type does
   * not allow turning it off; the field is here so options and reports name every kind.
   */
  readonly tokens: true;
}

/** The redaction levels of the app: the screen-share mode and the incident report's choices. */
export type RedactionLevel = 'none' | 'internal' | 'external' | 'screenShare';

// Outside the company nothing but the caller's own identity and the diagnosis itself may go:
// other people, where they connect from, their hardware and the tenant are none of a vendor's
// business, and a vendor needs none of it to follow the verdict.
const EXTERNAL: RedactionOptions = Object.freeze({
  otherUsers: true,
  ipAddresses: true,
  deviceIds: true,
  tenantIds: true,
  tokens: true,
});

/**
 * The options of each level.
 *
 * - `none`: secrets only. For the technician's own screen and notes.
 * - `internal`: secrets only, as `none` today. For the company's identity team, who need the
 *   addresses to check a network zone, the device ids to find the machine in Intune, and the other
 *   accounts to follow a lockout or a spray; they can see all of it in the consoles anyway. A
 *   level of its own so the export's choice keeps its meaning if internal ever needs to hide more.
 * - `external`: other users, IP addresses, device ids, tenant ids and secrets. For a vendor or a
 *   ticket outside the company.
 * - `screenShare`: the same as `external`. The caller sees the technician's screen (and calls are
 *   often recorded), so the screen shows the caller's own identity and nothing about anyone else.
 */
export const REDACTION_LEVELS: Readonly<Record<RedactionLevel, RedactionOptions>> = Object.freeze({
  none: Object.freeze({ otherUsers: false, ipAddresses: false, deviceIds: false, tenantIds: false, tokens: true }),
  internal: Object.freeze({ otherUsers: false, ipAddresses: false, deviceIds: false, tenantIds: false, tokens: true }),
  external: EXTERNAL,
  screenShare: EXTERNAL,
});

/**
 * Values the caller knows that the text alone cannot tell apart from others: the profile's tenant
 * id, a device id read from a record, the caller's other addresses. Optional; field names and
 * context find most of them without help.
 */
export interface RedactionContext {
  /** Other logins and addresses of the subject (an Okta login or e-mail unlike the UPN): never masked. */
  readonly subjectAliases?: readonly string[];
  /** Tenant ids (Entra GUID, Okta org id) to mask wherever they appear. */
  readonly tenantIds?: readonly string[];
  /** Device ids to mask wherever they appear. */
  readonly deviceIds?: readonly string[];
}

/** Placeholders a redaction writes: fixed words a technician can read out on the call. */
export const REDACTION_PLACEHOLDERS = Object.freeze({
  ipAddress: '[IP address]',
  deviceId: '[device id]',
  tenantId: '[tenant id]',
  token: '[token]',
});

/** The placeholder of the n-th other person (1-based) in one redaction. */
export function otherUserPlaceholder(n: number): string {
  return `[other user ${n}]`;
}

/**
 * How many values a redaction masked, so a report can say what was hidden.
 *
 * Users, addresses, device and tenant ids count distinct values (the same address in ten places
 * is one address). Tokens count occurrences: secrets are never compared or kept.
 */
export interface RedactionReport {
  readonly otherUsers: number;
  readonly ipAddresses: number;
  readonly deviceIds: number;
  readonly tenantIds: number;
  readonly tokens: number;
}
