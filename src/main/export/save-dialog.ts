import { basename, extname, join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ReportFormat } from '../../core/report/report-types';
import type { ChooseSavePath } from './export-ports';

/** What each format is called in the save dialog's file-type list. */
const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  pdf: 'PDF document',
  html: 'Web page (HTML)',
  md: 'Markdown',
  json: 'JSON',
  ticket: 'Ticket text',
};

/** What the save dialog needs from Electron; injected so it is tested without Electron. */
export interface SaveDialogDeps {
  /** Shows the save dialog (Electron: `dialog.showSaveDialog`, modal to the app's window). */
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** The folder the dialog opens in (see {@link defaultReportFolder}). */
  readonly defaultFolder: () => string;
}

/**
 * The save dialog's options for one report: the suggested name in the default folder, and one
 * filter, for the format chosen. The filter's extension is read from the suggested name, so the
 * two always agree whatever extension the report module gives a format.
 */
export function saveDialogOptions(folder: string, defaultFileName: string, format: ReportFormat): SaveDialogOptions {
  // The name is sanitised by the report module already; basename keeps a folder out of it regardless.
  const name = basename(defaultFileName);
  const extension = extname(name).slice(1);
  return {
    title: 'Save incident report',
    defaultPath: join(folder, name),
    filters: [{ name: FORMAT_LABELS[format], extensions: [extension === '' ? '*' : extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The Electron implementation of {@link ChooseSavePath}: the OS save dialog. */
export function createChooseSavePath(deps: SaveDialogDeps): ChooseSavePath {
  return async (defaultFileName, format) => {
    const result = await deps.showSaveDialog(saveDialogOptions(deps.defaultFolder(), defaultFileName, format));
    return result.canceled || result.filePath === '' ? null : result.filePath;
  };
}

/**
 * Where reports are offered to be saved: the user's Documents folder, else Downloads, else home.
 * Electron throws for a folder the OS does not define (a minimal Linux desktop may have neither).
 */
export function defaultReportFolder(getPath: (name: 'documents' | 'downloads' | 'home') => string): string {
  for (const name of ['documents', 'downloads'] as const) {
    try {
      const folder = getPath(name);
      if (folder !== '') return folder;
    } catch {
      // Not defined on this desktop: try the next one.
    }
  }
  return getPath('home');
}
