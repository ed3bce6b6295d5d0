import type { Confidence, Severity } from '../../../core/diagnosis/model';
import type { VerdictFamily } from '../../../core/diagnosis/verdicts';
import type { EvidenceSource } from '../../../core/evidence/bundle';
import type { WindowChoice } from './wizard-machine';

/*
 * The words the wizard uses for the engine's identifiers. Kept in one place so every step,
 * and the tests, say the same thing.
 */

/** What each evidence source is, as a technician would name it. */
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

/** The windows a technician can pick, in menu order. */
export const WINDOW_LABELS: Readonly<Record<WindowChoice, string>> = {
  'last-hour': 'Last hour',
  today: 'Last 24 hours',
  'last-7-days': 'Last 7 days',
  custom: 'Custom',
};

/** How sure the verdict is, as a sentence fragment. */
export const CONFIDENCE_LABELS: Readonly<Record<Confidence, string>> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

/** Severity, for the badge on a finding. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** The family of a verdict, as the heading over its code. */
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
