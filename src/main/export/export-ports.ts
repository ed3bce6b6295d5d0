import type { ReportFormat } from '../../core/report/report-types';

/*
 * What exporting a report needs from the outside world, as plain functions: Electron provides
 * them in the app (a save dialog, a hidden window that prints), the e2e fixture its own (a path in
 * the test's folder, Playwright's Chromium), and the handler tests theirs, so the export handler
 * runs in Node.
 */

/**
 * Asks the technician where to save a report, offering `defaultFileName` (already sanitised) in
 * a sensible folder; resolves with the chosen path, or null when they cancelled.
 */
export type ChooseSavePath = (defaultFileName: string, format: ReportFormat) => Promise<string | null>;

/**
 * Prints a report's self-contained HTML to A4 PDF bytes. Rejects with a {@link PdfPrintError}
 * when the message is meant for the technician; any other error is a bug and is not shown.
 */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/** A PDF could not be printed; the message says why in the technician's words, never a stack. */
export class PdfPrintError extends Error {
  override readonly name = 'PdfPrintError';
}
