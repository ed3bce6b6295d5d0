/*
 * The incident report: one model, built once per export from a stored incident and redacted at
 * the level chosen, feeds every format (HTML and the PDF printed from it, Markdown, JSON, ticket
 * text). See report-types.ts for the contract the app and the CLI share.
 */

export type { ExportRedactionLevel, ReportFormat, ReportInput } from './report-types';
export { EXPORT_REDACTION_LEVELS, REPORT_FORMATS } from './report-types';
export type {
  IncidentReport,
  ReportChecklistStep,
  ReportEvidence,
  ReportGap,
  ReportOtherFinding,
  ReportRedactedKind,
  ReportRedaction,
  ReportSubject,
  ReportTimelineEntry,
  ReportUserStep,
  ReportVerdict,
} from './incident-report';
export { buildReport, TIMELINE_LIMIT } from './build-report';
export { renderHtml } from './render-html';
export { renderMarkdown } from './render-markdown';
export { renderJson, REPORT_JSON_FORMAT } from './render-json';
export { renderTicket, SHORT_DESCRIPTION_MAX } from './render-ticket';
export { renderReport } from './render-report';
export {
  MAX_FILE_NAME_LENGTH,
  REPORT_EXTENSIONS,
  reportFileName,
  reportMediaType,
  sanitizeFileName,
} from './file-name';
export type { TicketResolution } from './ticket-resolution';
export { FAMILY_RESOLUTIONS, RESOLUTION_CODES, ticketResolution } from './ticket-resolution';
export { escapeHtml } from './escape-html';
export { escapeMarkdown } from './escape-markdown';
