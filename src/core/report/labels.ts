import type { Confidence, EvidenceKind, Severity, TimelineEntry, TimelineOutcome } from '../diagnosis/model';
import type { VerdictFamily } from '../diagnosis/verdicts';
import type { EvidenceSource } from '../evidence/bundle';
import type { RedactionReport } from '../redaction';
import type { ExportRedactionLevel, ReportInput } from './report-types';

/*
 * The words for the engine's identifiers, shared by the report and the wizard (which imports
 * them), so the report reads like the screen the technician worked on.
 */

/** The family of a verdict, as a heading and as the ticket's subcategory. */
export const FAMILY_LABELS: Readonly<Record<VerdictFamily, string>> = {
  'legacy-auth': 'Legacy authentication',
  'immutable-id': 'ImmutableID',
  'device-code': 'Device sign-in (pairing / device code)',
  'okta-account': 'Okta account',
  federation: 'Federation',
  access: 'Access policy',
  informational: 'Information',
  none: 'No cause found',
};

/** Severity, capitalised for a badge. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Confidence, as a phrase. */
export const CONFIDENCE_LABELS: Readonly<Record<Confidence, string>> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

/** What each evidence source is, as a technician would name it (for gaps). */
export const SOURCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  'okta.user': 'Okta user',
  'okta.o365Apps': 'Okta Office 365 app',
  'okta.appUsers': 'Okta app assignment',
  'okta.logEvents': 'Okta System Log',
  'okta.signingKeys': 'Okta signing certificate',
  'okta.policies': 'Okta sign-on policies',
  'okta.policyRules': 'Okta sign-on rules',
  'graph.user': 'Entra user',
  'graph.signIns': 'Entra sign-in logs',
  'graph.domain': 'Entra domain',
  'graph.federationConfiguration': 'Entra federation settings',
};

/** The kind of record a piece of evidence points at. */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  'okta.logEvent': 'Okta System Log event',
  'okta.user': 'Okta user',
  'okta.app': 'Okta app',
  'okta.appUser': 'Okta app assignment',
  'okta.signingKey': 'Okta signing key',
  'okta.policy': 'Okta policy',
  'okta.policyRule': 'Okta policy rule',
  'graph.user': 'Entra user',
  'graph.signIn': 'Entra sign-in',
  'graph.domain': 'Entra domain',
  'graph.federationConfiguration': 'Entra federation settings',
  subject: 'The caller',
};

/** The outcome of a timeline entry. */
export const OUTCOME_LABELS: Readonly<Record<TimelineOutcome, string>> = {
  success: 'Success',
  failure: 'Failure',
  denied: 'Denied',
  challenge: 'Challenge',
  info: 'Info',
};

/** Which identity provider logged a timeline entry. */
export const SIDE_LABELS: Readonly<Record<TimelineEntry['side'], string>> = {
  okta: 'Okta',
  entra: 'Entra ID',
};

/** The incident's status. */
export const STATUS_LABELS: Readonly<Record<ReportInput['status'], string>> = {
  draft: 'Open',
  closed: 'Closed',
};

/** The export redaction levels, as the report names them. */
export const LEVEL_LABELS: Readonly<Record<ExportRedactionLevel, string>> = {
  none: 'None',
  internal: 'Internal',
  external: 'External',
};

/** What each kind of masked value is, for the report's Redaction section. */
export const REDACTED_KIND_LABELS: Readonly<Record<keyof RedactionReport, string>> = {
  otherUsers: 'Other users (UPNs, logins, e-mail addresses and the names next to them)',
  ipAddresses: 'IP addresses',
  deviceIds: 'Device ids (Entra and Okta device ids, MAC addresses, device names)',
  tenantIds: 'Tenant ids (Entra tenant, Okta org)',
  tokens: 'Secrets and tokens (passwords, API tokens, JWTs, SAML assertions, device codes)',
};

/**
 * The label of `key`, or the key itself when the table has none: a report built by hand (or read
 * back from JSON) may carry a value this version does not know, and must still render.
 */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, key: K): string {
  return Object.hasOwn(labels, key) ? labels[key] : key;
}
