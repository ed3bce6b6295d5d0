import type { Diagnosis } from '../diagnosis/model';
import type { EvidenceBundle } from '../evidence/bundle';
import type { RedactionLevel } from '../redaction';

/*
 * The incident report's contract: one model, built once per export, feeds every format. Written
 * first so the CLI and the app can be built against it while the model and renderers are.
 */

/** The formats a report can be exported in. PDF is the HTML format printed by Chromium. */
export const REPORT_FORMATS = ['pdf', 'html', 'md', 'json', 'ticket'] as const;

/** One report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The redaction levels offered at export (screen-share is a display mode, not an export level). */
export const EXPORT_REDACTION_LEVELS = ['none', 'internal', 'external'] as const;

/** One export redaction level. */
export type ExportRedactionLevel = (typeof EXPORT_REDACTION_LEVELS)[number] & RedactionLevel;

/** What a report is made from: an incident as stored, plus who made the report and when. */
export interface ReportInput {
  readonly incidentId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly status: 'draft' | 'closed';
  /** The tenant profile's name, e.g. "Contoso production". */
  readonly tenantName: string;
  readonly diagnosis: Diagnosis;
  /** The technician's work: where they got to, the checklist steps done (indexes), their notes. */
  readonly work: {
    readonly step: 'verdict' | 'fix' | 'notes';
    readonly done: readonly number[];
    readonly notes: string;
  };
  /** The evidence bundle, for the JSON format; null when it is not at hand. */
  readonly bundle: EvidenceBundle | null;
  readonly generatedAt: string;
  readonly appVersion: string;
}
