import type { EvidenceGap, EvidenceSubject } from '../evidence/bundle';
import type { VerdictCode, VerdictFamily } from './verdicts';

/** The format tag of a diagnosis. */
export const DIAGNOSIS_FORMAT = 'signin-triage.diagnosis/v1';

/** How bad the cause is for the user. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** How sure the engine is, given the evidence it had. */
export type Confidence = 'high' | 'medium' | 'low';

/** Every kind of record a piece of evidence can point at (a list, so IPC schemas can name them). */
export const EVIDENCE_KINDS = [
  'okta.logEvent',
  'okta.user',
  'okta.app',
  'okta.appUser',
  'okta.signingKey',
  'okta.policy',
  'okta.policyRule',
  'graph.user',
  'graph.signIn',
  'graph.domain',
  'graph.federationConfiguration',
  'subject',
] as const;

/** The kind of record a piece of evidence points at. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * A pointer to the exact record that proves a finding: an Okta event `uuid`, a sign-in `id`,
 * an object id, and the field and value that matter.
 */
export interface EvidenceItem {
  readonly source: EvidenceKind;
  readonly id: string;
  readonly field?: string;
  readonly value?: string;
  /** When the record happened, for events and sign-ins. */
  readonly at?: string;
  /** One line for a technician: what this record shows. */
  readonly note?: string;
}

/** One step of a fix, for the technician. */
export interface RemediationStep {
  readonly title: string;
  readonly detail?: string;
  /** Where to do it, e.g. "Okta Admin Console › Applications › Microsoft Office 365 › Sign On". */
  readonly where?: string;
}

/** One step to read out to the user. */
export interface UserStep {
  readonly say: string;
  /** What the user should see when the step worked. */
  readonly expect?: string;
}

/** A cause the engine found, with its proof and its fix. */
export interface Finding {
  readonly code: VerdictCode;
  readonly family: VerdictFamily;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** One sentence a technician can say on the call. */
  readonly summary: string;
  readonly explanation: string;
  readonly evidence: readonly EvidenceItem[];
  /** Least-permissive fix first. */
  readonly remediation: readonly RemediationStep[];
  readonly userScript?: readonly UserStep[];
  /** What evidence would make this verdict wrong. */
  readonly wouldChangeMyMind: readonly string[];
  /** The time of the newest evidence, for ranking by recency. */
  readonly latestAt?: string;
}

/** The outcome of a timeline entry. */
export type TimelineOutcome = 'success' | 'failure' | 'denied' | 'challenge' | 'info';

/** One sign-in attempt or event on the cross-IdP timeline. */
export interface TimelineEntry {
  readonly at: string;
  readonly side: 'okta' | 'entra';
  /** Okta event uuid or Entra sign-in id. */
  readonly id: string;
  readonly title: string;
  readonly outcome: TimelineOutcome;
  /** Okta outcome reason / loginResult, or "AADSTS<code>". */
  readonly code?: string;
  readonly clientKind: string;
  readonly clientLabel: string;
  readonly ipAddress?: string;
  /** Ids of the records on the other side that belong to this one. */
  readonly relatedIds: readonly string[];
  /**
   * Whether the other side has its half: "joined" when found, "missing" when one was expected
   * and none exists (the story breaks here), "not-expected" when none should exist.
   */
  readonly counterpart: 'joined' | 'missing' | 'not-expected';
}

/** The engine's answer. */
export interface Diagnosis {
  readonly format: typeof DIAGNOSIS_FORMAT;
  readonly subject: EvidenceSubject;
  readonly primary: Finding | null;
  readonly findings: readonly Finding[];
  readonly timeline: readonly TimelineEntry[];
  readonly gaps: readonly EvidenceGap[];
  /** What the engine looked at, in plain words, so "nothing found" says what was checked. */
  readonly checked: readonly string[];
}
