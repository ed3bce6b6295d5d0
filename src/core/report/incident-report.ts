import type { Confidence, Diagnosis, EvidenceKind, Severity, TimelineEntry, TimelineOutcome } from '../diagnosis/model';
import type { VerdictCode, VerdictFamily } from '../diagnosis/verdicts';
import type { EvidenceBundle, EvidenceSource } from '../evidence/bundle';
import type { Symptom } from '../evidence/symptoms';
import type { RedactionReport } from '../redaction';
import type { ExportRedactionLevel, ReportInput } from './report-types';

/*
 * The incident report model: everything any format shows, already redacted and cleaned of
 * control and bidi characters, so the renderers only lay it out and escape it. A field missing
 * from a record is null here (not absent) so every format can say "—" the same way, and the JSON
 * format has every key.
 */

/** Who the report is about and what they said fails. */
export interface ReportSubject {
  readonly upn: string;
  /** The symptom the technician picked; null when none was given. */
  readonly symptom: Symptom | null;
  /** Its label ("Outlook on a computer"), or "Not given". */
  readonly symptomLabel: string;
  /** The incident window, ISO 8601. */
  readonly since: string;
  readonly until: string;
}

/** The primary finding: what the report says is wrong. */
export interface ReportVerdict {
  readonly code: VerdictCode;
  readonly family: VerdictFamily;
  readonly familyLabel: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** One sentence a technician can say on the call. */
  readonly summary: string;
  readonly explanation: string;
  /** The evidence that would make this verdict wrong, for the identity engineer. */
  readonly wouldChangeMyMind: readonly string[];
}

/** One record that proves the verdict. */
export interface ReportEvidence {
  readonly kind: EvidenceKind;
  readonly kindLabel: string;
  /** The Okta event uuid, Entra sign-in id or object id to find the record by. */
  readonly recordId: string;
  readonly field: string | null;
  readonly value: string | null;
  /** When the record happened (events and sign-ins), ISO 8601. */
  readonly at: string | null;
  readonly note: string | null;
}

/** Another cause the engine found (or informational finding). */
export interface ReportOtherFinding {
  readonly code: VerdictCode;
  readonly familyLabel: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly summary: string;
}

/** One attempt on the cross-IdP timeline. */
export interface ReportTimelineEntry {
  readonly at: string;
  readonly side: TimelineEntry['side'];
  /** Okta event uuid or Entra sign-in id. */
  readonly recordId: string;
  /** The client, as the engine classified it ("Outlook 2016 (MSI) on Windows"). */
  readonly client: string;
  readonly outcome: TimelineOutcome;
  /** Okta outcome reason or "AADSTS<code>". */
  readonly code: string | null;
  readonly title: string;
  /** Null when the record had none or addresses are redacted at this level. */
  readonly ipAddress: string | null;
  readonly counterpart: TimelineEntry['counterpart'];
}

/** A source that could not be read, and why. */
export interface ReportGap {
  readonly source: EvidenceSource;
  readonly sourceLabel: string;
  readonly reason: string;
}

/** One step of the technician's remediation checklist. */
export interface ReportChecklistStep {
  /** 1-based, as the wizard numbers them. */
  readonly number: number;
  readonly title: string;
  readonly detail: string | null;
  /** Where to do it, e.g. "Okta Admin Console › Applications › Microsoft Office 365 › Sign On". */
  readonly where: string | null;
  /** Ticked in the wizard (from the incident's work.done). */
  readonly done: boolean;
}

/** One step to read out to the user. */
export interface ReportUserStep {
  readonly say: string;
  /** What the user should see when it worked. */
  readonly expect: string | null;
}

/** One kind of value the chosen level hides, with how many were hidden. */
export interface ReportRedactedKind {
  readonly kind: keyof RedactionReport;
  readonly label: string;
  /** Distinct values (tokens: occurrences) masked across the report, its diagnosis and its bundle. */
  readonly count: number;
  /** What stands in for them, e.g. "[IP address]". */
  readonly placeholder: string;
}

/** What the chosen redaction level hid. */
export interface ReportRedaction {
  readonly level: ExportRedactionLevel;
  readonly levelLabel: string;
  /** One or two sentences: who the level is for and what it hides (at "none": secrets only). */
  readonly statement: string;
  /** The kinds this level hides, in a fixed order, each with its count (secrets at every level). */
  readonly hidden: readonly ReportRedactedKind[];
  readonly counts: RedactionReport;
}

/** The incident report. Build it with `buildReport`; every renderer takes it as it is. */
export interface IncidentReport {
  /** "Sign-in incident report: jdoe@contoso.com". */
  readonly title: string;
  readonly incidentId: string;
  /** The tenant profile's name. */
  readonly tenantName: string;
  readonly subject: ReportSubject;
  /** ISO 8601: when the incident was opened, last saved, and when this report was made. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly generatedAt: string;
  readonly status: ReportInput['status'];
  readonly statusLabel: string;
  readonly appVersion: string;
  /** True when some evidence could not be collected: the verdict rests on part of it. */
  readonly partial: boolean;
  /** The sentence every format shows before the verdict for a partial diagnosis; null when complete. */
  readonly partialNotice: string | null;
  /** The primary finding; null only for a diagnosis that has none. */
  readonly verdict: ReportVerdict | null;
  /** The primary finding's evidence. */
  readonly evidence: readonly ReportEvidence[];
  readonly otherFindings: readonly ReportOtherFinding[];
  /** The timeline as the report shows it (see `timelineOmitted`). */
  readonly timeline: readonly ReportTimelineEntry[];
  /**
   * Entries left out of `timeline` to keep a printed report readable: every entry evidence cites
   * is kept, then the newest. The JSON format's `diagnosis` has them all.
   */
  readonly timelineOmitted: number;
  readonly gaps: readonly ReportGap[];
  /** What the engine looked at, so "nothing found" says what was checked. */
  readonly checked: readonly string[];
  readonly checklist: readonly ReportChecklistStep[];
  readonly walkthrough: readonly ReportUserStep[];
  /** The technician's notes, redacted. */
  readonly notes: string;
  readonly redaction: ReportRedaction;
  /** The whole diagnosis, redacted at the report's level (for the JSON format). */
  readonly diagnosis: Diagnosis;
  /** The evidence bundle, redacted at the report's level, or null when it was not at hand. */
  readonly bundle: EvidenceBundle | null;
}
