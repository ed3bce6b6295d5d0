import { identityKey, maskOtherUsers } from './identities';
import {
  isDeviceField,
  isIdLike,
  isTenantField,
  knownValuesPattern,
  maskDeviceIds,
  maskTenantIds,
} from './identifiers';
import { maskIpAddresses } from './ip-addresses';
import type { RedactionContext, RedactionOptions, RedactionReport } from './options';
import { otherUserPlaceholder, REDACTION_PLACEHOLDERS } from './options';
import { maskTokens } from './tokens';

/** Evidence fields that hold a login or address, whether or not it looks like an e-mail. */
const IDENTITY_FIELD = /(?:userPrincipalName|alternateId|login|upn|userName|email|mail)$/i;
/** Values such a field holds when it names nobody. */
const NO_IDENTITY = /^(?:unknown|null|none|n\/a|-)$/i;

/**
 * One redaction pass over many strings (one diagnosis): the same person gets the same placeholder
 * everywhere and the report counts each value once. Not exported from the folder: callers get the
 * pure functions built on it.
 */
export interface Redactor {
  /** A free-text string, redacted. */
  readonly text: (value: string) => string;
  /** An evidence value, redacted knowing the field it came from. */
  readonly fieldValue: (field: string | undefined, value: string) => string;
  /** What was masked so far. */
  readonly report: () => RedactionReport;
}

/** What a string redacted to, remembered because timelines repeat the same titles and labels. */
interface Memo {
  readonly text: string;
  readonly tokens: number;
}

/**
 * Starts a redaction for one subject. `fieldValues` are the (field, value) pairs of the evidence
 * to redact, read first so that a device or tenant id a field reveals is masked everywhere,
 * including strings met before that field.
 */
export function createRedactor(
  subjectUpn: string,
  options: RedactionOptions,
  context: RedactionContext = {},
  fieldValues: readonly (readonly [string, string])[] = [],
): Redactor {
  const subject = new Set([subjectUpn, ...(context.subjectAliases ?? [])].map(identityKey));
  // A login field may hold the subject's short name (jdoe, CONTOSO\jdoe) where Okta's username is
  // not the UPN; that is still the caller.
  const subjectNames = new Set([...subject].map((key) => key.split('@')[0] ?? '').filter((name) => name !== ''));
  const isSubjectLogin = (key: string): boolean =>
    subject.has(key) || subjectNames.has(key.slice(key.lastIndexOf('\\') + 1));
  const people = new Map<string, string>();
  const addresses = new Set<string>();
  const devices = new Set<string>();
  const tenants = new Set<string>();
  let tokens = 0;
  const memo = new Map<string, Memo>();

  const knownTenants = [...(context.tenantIds ?? [])];
  const knownDevices = [...(context.deviceIds ?? [])];
  for (const [field, value] of fieldValues) {
    if (!isIdLike(value)) continue;
    if (isTenantField(field)) knownTenants.push(value);
    else if (isDeviceField(field)) knownDevices.push(value);
  }
  const tenantPattern = options.tenantIds ? knownValuesPattern(knownTenants) : null;
  const devicePattern = options.deviceIds ? knownValuesPattern(knownDevices) : null;

  const person = (key: string): string => {
    let placeholder = people.get(key);
    if (placeholder === undefined) {
      placeholder = otherUserPlaceholder(people.size + 1);
      people.set(key, placeholder);
    }
    return placeholder;
  };
  const tenant = (value: string): string => {
    tenants.add(value.toLowerCase());
    return REDACTION_PLACEHOLDERS.tenantId;
  };
  const device = (value: string): string => {
    devices.add(value.toLowerCase());
    return REDACTION_PLACEHOLDERS.deviceId;
  };
  const address = (value: string): string => {
    addresses.add(value.toLowerCase());
    return REDACTION_PLACEHOLDERS.ipAddress;
  };

  // Order matters: secrets first, so nothing inside an assertion is counted as a person or an
  // address; identifiers before addresses, so a MAC is counted as a device and not looked at twice.
  const redact = (value: string): Memo => {
    const masked = maskTokens(value);
    let out = masked.text;
    if (options.tenantIds) {
      if (tenantPattern !== null) out = out.replace(tenantPattern, tenant);
      out = maskTenantIds(out, tenant);
    }
    if (options.deviceIds) {
      if (devicePattern !== null) out = out.replace(devicePattern, device);
      out = maskDeviceIds(out, device);
    }
    if (options.ipAddresses) out = maskIpAddresses(out, address);
    if (options.otherUsers) out = maskOtherUsers(out, { isSubject: (key) => subject.has(key), placeholder: person });
    return { text: out, tokens: masked.count };
  };

  const text = (value: string): string => {
    if (value === '') return value;
    let result = memo.get(value);
    if (result === undefined) {
      result = redact(value);
      memo.set(value, result);
    }
    // Tokens count occurrences, so a remembered string adds its tokens again.
    tokens += result.tokens;
    return result.text;
  };

  const fieldValue = (field: string | undefined, value: string): string => {
    if (field !== undefined && isIdLike(value)) {
      if (options.tenantIds && isTenantField(field)) return tenant(value);
      if (options.deviceIds && isDeviceField(field)) return device(value);
    }
    if (
      field !== undefined &&
      options.otherUsers &&
      IDENTITY_FIELD.test(field) &&
      /^\S+$/.test(value) &&
      !NO_IDENTITY.test(value)
    ) {
      const key = identityKey(value);
      if (!isSubjectLogin(key)) return person(key);
    }
    return text(value);
  };

  return {
    text,
    fieldValue,
    report: () => ({
      otherUsers: people.size,
      ipAddresses: addresses.size,
      deviceIds: devices.size,
      tenantIds: tenants.size,
      tokens,
    }),
  };
}
