import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '../test-support/poppler';
import { ChromiumPdfError, DEFAULT_CHROMIUM_PATH, findChromium, printHtmlToPdf } from './chromium-pdf';

/*
 * The real system Chromium prints; error paths run fakes (a script that fails, hangs or writes
 * nothing) and, for the timeout, a real Chromium on a page that never finishes loading.
 */

const dir = mkdtempSync(join(tmpdir(), 'chromium-pdf-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A private temp root per test, so "nothing left behind" can be checked exactly. */
function tempRoot(name: string): string {
  const root = join(dir, `tmp-${name}`);
  mkdirSync(root);
  return root;
}

function fakeChromium(name: string, script: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('printHtmlToPdf with the system Chromium', () => {
  it('prints HTML to a private PDF and leaves no temporary files', async () => {
    const out = join(dir, 'out', 'small.pdf');
    const root = tempRoot('ok');
    await printHtmlToPdf(
      '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><h1>Incident report</h1><p>IMMUTABLEID_MISMATCH</p></body></html>',
      out,
      { tempRoot: root, env: {} },
    );
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = pdfText(out);
    expect(text).toContain('Incident report');
    expect(text).toContain('IMMUTABLEID_MISMATCH');
    // --no-pdf-header-footer: no file:// URL of the temporary HTML, no title line.
    expect(text).not.toContain('file://');
    expect(readdirSync(root)).toEqual([]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['small.pdf']);
  });

  it('kills a print that does not finish in time, says so, and keeps the earlier file', async () => {
    const out = join(dir, 'hang.pdf');
    writeFileSync(out, 'earlier');
    const root = tempRoot('hang');
    const started = Date.now();
    const error = await printHtmlToPdf('<p>never loads</p><script>for (;;) {}</script>', out, {
      tempRoot: root,
      timeoutMs: 3000,
      env: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChromiumPdfError);
    expect((error as ChromiumPdfError).reason).toBe('timeout');
    expect((error as Error).message).toMatch(/did not finish printing the PDF within 3 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readFileSync(out, 'utf8')).toBe('earlier');
    expect(readdirSync(root)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('hang.pdf.'))).toEqual([]);
  }, 20_000);
});

describe('printHtmlToPdf errors', () => {
  it('says where Chromium was looked for and how to get it', async () => {
    const missing = join(dir, 'no-such-chromium');
    await expect(findChromium({ CHROMIUM_PATH: missing })).rejects.toThrow(
      `CHROMIUM_PATH is ${missing}, which is not an executable`,
    );
    const error = await printHtmlToPdf('<p>x</p>', join(dir, 'x.pdf'), { env: { CHROMIUM_PATH: missing } }).catch(
      (e: unknown) => e,
    );
    expect((error as ChromiumPdfError).reason).toBe('not-found');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    if (!existsSync(DEFAULT_CHROMIUM_PATH)) {
      await expect(findChromium({})).rejects.toThrow(/apt-get install chromium/);
    } else {
      await expect(findChromium({ CHROMIUM_PATH: '  ' })).resolves.toBe(DEFAULT_CHROMIUM_PATH);
    }
  });

  it('reports a failing Chromium with its last output, and one that wrote no PDF', async () => {
    const root = tempRoot('fail');
    const failing = fakeChromium(
      'failing',
      'echo "[1:1:ERROR:dbus/bus.cc] noise" >&2; echo "Cannot open display" >&2; exit 7',
    );
    const error = await printHtmlToPdf('<p>x</p>', join(dir, 'fail.pdf'), {
      env: { CHROMIUM_PATH: failing },
      tempRoot: root,
    }).catch((e: unknown) => e);
    expect((error as ChromiumPdfError).reason).toBe('failed');
    expect((error as Error).message).toMatch(/failed \(exit code 7\)/);
    expect((error as Error).message).toContain('Cannot open display');
    expect((error as Error).message).not.toContain('dbus');
    const silent = fakeChromium('silent', 'exit 0');
    const empty = await printHtmlToPdf('<p>x</p>', join(dir, 'empty.pdf'), {
      env: { CHROMIUM_PATH: silent },
      tempRoot: root,
    }).catch((e: unknown) => e);
    expect((empty as Error).message).toMatch(/exited without writing a PDF/);
    expect(readdirSync(root)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('fail.pdf') || f.startsWith('empty.pdf'))).toEqual([]);
  });

  it('hands Chromium the HTML as a private file in a private folder', async () => {
    // The fake records what it was given: the mode of the HTML and its folder, and the arguments.
    const record = join(dir, 'record.txt');
    const spy = fakeChromium(
      'spy',
      `for a in "$@"; do echo "$a"; done > ${record}
html=$(echo "$@" | tr ' ' '\\n' | grep '^file://' | sed 's|^file://||')
stat -c '%a' "$html" "$(dirname "$html")" >> ${record}
for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "\${a#--print-to-pdf=}";; esac; done`,
    );
    const out = join(dir, 'spy.pdf');
    await printHtmlToPdf('<p>private</p>', out, { env: { CHROMIUM_PATH: spy }, tempRoot: tempRoot('spy') });
    const lines = readFileSync(record, 'utf8').trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--no-pdf-header-footer',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        '600',
        '700',
      ]),
    );
    expect(lines.some((l) => l.startsWith('--user-data-dir='))).toBe(true);
    expect(readFileSync(out, 'latin1')).toBe('%PDF-1.4 fake');
  });
});
