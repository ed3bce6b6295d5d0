import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveDialogOptions } from 'electron';
import { createChooseSavePath, defaultReportFolder, saveDialogOptions } from './save-dialog';

/* The save dialog's glue, with the dialog itself a recording stand-in (Electron cannot run here). */

describe('the report save dialog', () => {
  it('suggests the report’s name in the default folder, with one filter for its format', () => {
    expect(saveDialogOptions('/home/tech/Documents', 'incident-inc-1.pdf', 'pdf')).toEqual({
      title: 'Save incident report',
      defaultPath: join('/home/tech/Documents', 'incident-inc-1.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(saveDialogOptions('/d', 'r.ticket.txt', 'ticket').filters).toEqual([
      { name: 'Ticket text', extensions: ['txt'] },
    ]);
    // Never a folder in the suggested name, whatever it holds.
    expect(saveDialogOptions('/d', '../../etc/r.md', 'md').defaultPath).toBe(join('/d', 'r.md'));
  });

  it('answers the chosen path, or null when the technician cancels', async () => {
    const shown: SaveDialogOptions[] = [];
    const answers = [
      { canceled: false, filePath: '/home/tech/Documents/report.html' },
      { canceled: true, filePath: '' },
      { canceled: false, filePath: '' },
    ];
    const choose = createChooseSavePath({
      showSaveDialog: (options) => {
        shown.push(options);
        return Promise.resolve(answers[shown.length - 1] ?? { canceled: true, filePath: '' });
      },
      defaultFolder: () => '/home/tech/Documents',
    });
    expect(await choose('report.html', 'html')).toBe('/home/tech/Documents/report.html');
    expect(await choose('report.html', 'html')).toBeNull();
    expect(await choose('report.html', 'html')).toBeNull();
    expect(shown[0]?.defaultPath).toBe(join('/home/tech/Documents', 'report.html'));
  });

  it('opens in Documents, else Downloads, else the home folder', () => {
    const paths = (missing: readonly string[]) => (name: string) => {
      if (missing.includes(name)) throw new Error(`Failed to get '${name}' path`);
      return `/home/tech/${name}`;
    };
    expect(defaultReportFolder(paths([]))).toBe('/home/tech/documents');
    expect(defaultReportFolder(paths(['documents']))).toBe('/home/tech/downloads');
    expect(defaultReportFolder(paths(['documents', 'downloads']))).toBe('/home/tech/home');
  });
});
