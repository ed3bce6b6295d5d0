import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/*
 * Reading printed PDFs back in tests, with poppler-utils (pdftotext, pdftoppm). CI installs it
 * (scripts/setup.sh); a machine without it fails these tests with the command to fix it, never
 * skips them, so a report's PDF is never "tested" by nothing.
 */

function poppler(command: 'pdftotext' | 'pdftoppm', args: readonly string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new Error(
        `${command} is not installed; the PDF tests read PDFs back with it. Install poppler-utils ` +
          '(apt-get install -y --no-install-recommends poppler-utils; scripts/setup.sh does).',
        { cause: error },
      );
    }
    throw error;
  }
}

/** The text of a PDF, in reading order, as UTF-8. */
export function pdfText(file: string): string {
  return poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
}

/** Saves page 1 of a PDF as a small PNG (60 dpi) for a person to look at; `png` ends in `.png`. */
export function savePdfFirstPage(pdf: string, png: string): void {
  mkdirSync(dirname(png), { recursive: true });
  // pdftoppm adds ".png" itself to the prefix it is given, and writes one page with -singlefile.
  poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

/** Text with every run of white space made one space: pdftotext breaks lines where the page did. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text with no white space at all: long ids are broken across lines wherever the column ended. */
export function withoutSpace(text: string): string {
  return text.replace(/\s+/g, '');
}
