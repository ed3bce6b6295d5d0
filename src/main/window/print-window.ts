import { BrowserWindow, session } from 'electron';
import type { Session, WebPreferences } from 'electron';
import { PdfPrintError } from '../export/export-ports';
import { hardenedWebPreferences } from './create-main-window';
import { hardenSession, hardenWebContents } from './harden';

/*
 * The hidden window that prints an incident report to PDF: the second window the audited factory
 * makes. It shows nothing and runs nothing: JavaScript is off, it has no preload (so no bridge,
 * and it never joins the IPC sender's trusted set), and it is destroyed after every print.
 */

/**
 * The print window's session: in memory (no `persist:` prefix, so nothing is written to disk) and
 * apart from the renderer's, so its own rules cannot touch the app's page.
 */
export const PRINT_PARTITION = 'signin-triage-print';

/** How long one print may take before the window is destroyed. A long report prints in about a second. */
export const PRINT_TIMEOUT_MS = 30_000;

/**
 * The largest HTML printed. Chromium loads data: URLs of up to 512 MB; a report is some hundred
 * kilobytes, so anything near this is a defect, refused before a window is made.
 */
export const MAX_PRINT_HTML_BYTES = 64 * 1024 * 1024;

/** The print window's web preferences: the app's hardened ones, with JavaScript off and offscreen. */
export function printWebPreferences(): WebPreferences {
  return { ...hardenedWebPreferences(false), javascript: false, offscreen: true };
}

const prepared = new WeakSet<Session>();

/**
 * The print session, hardened once: every permission denied, and every request but the data: URL
 * of the report cancelled. The report is self-contained; should an escaping defect ever let a
 * remote URL into its HTML, the print cannot fetch it and leak the report in the request.
 */
function printSession(): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!prepared.has(ses)) {
    hardenSession(ses);
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !details.url.startsWith('data:') });
    });
    prepared.add(ses);
  }
  return ses;
}

/** Creates the hidden, offscreen print window, its navigation denied like every app window's. */
export function createPrintWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    skipTaskbar: true,
    // A4 at 96 dpi; the PDF's page size comes from printToPDF, this only lays out the first paint.
    width: 794,
    height: 1123,
    webPreferences: { ...printWebPreferences(), session: printSession() },
  });
  hardenWebContents(window.webContents);
  return window;
}

/**
 * The report as a data: URL. Why not a temp file: a file:// page could load other local files,
 * and the report (names, addresses, the evidence) would sit in the temp folder until deleted, or
 * for good after a crash. A data: document has an opaque origin, can read no file, and is never on
 * disk. Why not app://: that scheme serves the renderer's folder only, with the renderer's CSP.
 */
export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Options of {@link printHtmlInWindow}; tests shorten the timeout. */
export interface PrintInWindowOptions {
  readonly timeoutMs?: number;
}

/**
 * Prints self-contained HTML to A4 PDF bytes in a hidden print window, which is destroyed
 * afterwards whatever happens: printed, failed, or timed out. Failures reject with a
 * {@link PdfPrintError} whose message is for the technician.
 */
export async function printHtmlInWindow(html: string, options: PrintInWindowOptions = {}): Promise<Uint8Array> {
  const size = Buffer.byteLength(html, 'utf8');
  if (size > MAX_PRINT_HTML_BYTES) {
    throw new PdfPrintError(
      `The report is too large to print to PDF (${String(Math.ceil(size / 1024 / 1024))} MB); export it as HTML instead.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  const window = createPrintWindow();
  let timer: NodeJS.Timeout | undefined;
  try {
    const printing = (async () => {
      await window.loadURL(htmlDataUrl(html));
      return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    })();
    // After a timeout the window is destroyed under a load or print still running, which then
    // rejects; nobody waits for it any more, so that rejection is expected and dropped.
    printing.catch(() => undefined);
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new PdfPrintError(
            `The report could not be printed to PDF: it took longer than ${String(Math.ceil(timeoutMs / 1000))} s. Try again, or export it as HTML.`,
          ),
        );
      }, timeoutMs);
    });
    return await Promise.race([printing, timeout]);
  } catch (error: unknown) {
    if (error instanceof PdfPrintError) throw error;
    // Electron's own text (a net error code, a renderer crash) says nothing a technician can act on.
    throw new PdfPrintError('The report could not be printed to PDF. Try again, or export it as HTML.', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    if (!window.isDestroyed()) window.destroy();
  }
}
