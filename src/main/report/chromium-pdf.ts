import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * Prints the incident report's HTML to PDF with the system Chromium, for the CLI (the app prints
 * with its own Electron window instead). Chromium is the PDF engine because the report's HTML is
 * the one source of every visual format: the PDF then looks exactly like the HTML a technician
 * opens, without a second layout to keep in step.
 */

/** Where Chromium is looked for when CHROMIUM_PATH is not set: Debian's package (scripts/setup.sh). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** How long a print may take before Chromium is killed. A large report prints in about a second. */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;

/** Why a print failed: no Chromium, Chromium failed or wrote no PDF, it took too long, or the file could not be written. */
export type ChromiumPdfErrorReason = 'not-found' | 'failed' | 'timeout' | 'unwritable';

/** A print failed; the message says why and what to do, for a technician at a terminal. */
export class ChromiumPdfError extends Error {
  override readonly name = 'ChromiumPdfError';

  constructor(
    readonly reason: ChromiumPdfErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link printHtmlToPdf}; tests point them at fakes and short timeouts. */
export interface PrintPdfOptions {
  /** The environment CHROMIUM_PATH is read from; `process.env` unless given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
  /** Where the private working folder is made; the OS temp folder unless given. */
  readonly tempRoot?: string;
}

/**
 * The command line of one print, without the executable.
 *
 * - `--no-sandbox`: Chromium refuses to start as root (CI, containers) with its sandbox, and the
 *   page is our own static HTML with no scripts and no network (below), so the sandbox would
 *   guard nothing here.
 * - `--user-data-dir`: a fresh, private profile per print, so nothing is read from or left in the
 *   user's own Chromium profile, and two prints never share a profile lock.
 * - `--no-pdf-header-footer`: no date, title and file:// path on every page (the path names a
 *   temporary file). Chromium 156 has this spelling; the older `--print-to-pdf-no-header` is gone.
 * - `--host-resolver-rules=MAP * ~NOTFOUND`: the report is self-contained, so no host name may
 *   resolve. Should an escaping defect ever let a remote URL into the HTML, the print cannot
 *   fetch it and leak the report's contents in the request.
 * - `--disable-dev-shm-usage`: containers give /dev/shm 64 MB, too little for a long report;
 *   Debian's launcher adds it only when it sees that, a raw binary from CHROMIUM_PATH would not.
 * - The rest keep a one-shot headless run from phoning home or updating anything.
 *
 * There is no `--disable-javascript` switch in Chromium (measured: a script still runs with it);
 * the report's HTML has no scripts, and its escaping is tested for the strings that would add one.
 */
export function chromiumPrintArgs(htmlFile: string, pdfFile: string, profileDir: string): readonly string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-breakpad',
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/** The Chromium to run: CHROMIUM_PATH when set, else Debian's; a clear error when it is not there. */
export async function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const configured = env.CHROMIUM_PATH?.trim();
  const path = configured !== undefined && configured !== '' ? configured : DEFAULT_CHROMIUM_PATH;
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new ChromiumPdfError(
      'not-found',
      configured !== undefined && configured !== ''
        ? `CHROMIUM_PATH is ${path}, which is not an executable. Point it at Chromium (or Chrome), or unset it to use ${DEFAULT_CHROMIUM_PATH}.`
        : `No Chromium at ${DEFAULT_CHROMIUM_PATH}; it prints PDF reports. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable. The html format needs no Chromium.`,
    );
  }
  return path;
}

/** How much of Chromium's stderr is kept for an error message: its last lines say what went wrong. */
const STDERR_TAIL_CHARS = 8192;

/** Chromium's last few meaningful stderr lines; it logs D-Bus complaints on every headless run here. */
function stderrSummary(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/dbus|unexpected operator/i.test(l));
  return lines.slice(-5).join('\n');
}

interface RunOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stderr: string;
}

/** Runs Chromium once; on timeout kills its whole process group (renderer and GPU processes too). */
function runChromium(executable: string, args: readonly string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a kill reaches the helpers Chromium forks, not only the launcher.
    const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close', not 'exit': stderr is complete and the process is gone before the temp folder goes.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stderr });
    });
  });
}

/** Whether a file begins with the PDF signature: Chromium can exit 0 without having printed. */
async function isPdf(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(5);
      const { bytesRead } = await handle.read(head, 0, 5, 0);
      return bytesRead === 5 && head.toString('latin1') === '%PDF-';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Prints self-contained HTML to a PDF file with the system Chromium, atomically.
 *
 * The HTML goes to a private temporary folder (0700, the file 0600: it holds the report), with
 * Chromium's throw-away profile beside it; the folder is removed whatever happens. Chromium
 * prints into a temporary file next to `outFile` that is made 0600 first (Chromium keeps the
 * mode when it overwrites), which is renamed over `outFile` only once it holds a PDF. So a
 * failed, killed or timed-out print leaves any earlier `outFile` as it was and no partial file.
 */
export async function printHtmlToPdf(html: string, outFile: string, options: PrintPdfOptions = {}): Promise<void> {
  const executable = await findChromium(options.env ?? process.env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  const work = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'signin-triage-pdf-'));
  const partial = `${outFile}.${randomBytes(6).toString('hex')}.tmp`;
  let renamed = false;
  try {
    const htmlFile = join(work, 'report.html');
    await writePrivate(htmlFile, html);
    try {
      await mkdir(dirname(outFile), { recursive: true, mode: 0o700 });
      await writePrivate(partial, '');
    } catch (error: unknown) {
      throw new ChromiumPdfError('unwritable', `Cannot write ${outFile}: ${messageOf(error)}`);
    }
    let run: RunOutcome;
    try {
      run = await runChromium(executable, chromiumPrintArgs(htmlFile, partial, join(work, 'profile')), timeoutMs);
    } catch (error: unknown) {
      throw new ChromiumPdfError('failed', `Chromium (${executable}) could not be started: ${messageOf(error)}`);
    }
    if (run.timedOut) {
      throw new ChromiumPdfError(
        'timeout',
        `Chromium did not finish printing the PDF within ${String(Math.round(timeoutMs / 1000))} s and was stopped.`,
      );
    }
    if (run.code !== 0 || !(await isPdf(partial))) {
      const how = run.code === 0 ? 'exited without writing a PDF' : `failed (${exitOf(run)})`;
      const detail = stderrSummary(run.stderr);
      throw new ChromiumPdfError(
        'failed',
        `Chromium (${executable}) ${how}.${detail === '' ? '' : `\nIts last output:\n${detail}`}`,
      );
    }
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(partial, outFile);
      renamed = true;
    } catch (error: unknown) {
      throw new ChromiumPdfError('unwritable', `Cannot write ${outFile}: ${messageOf(error)}`);
    }
  } finally {
    if (!renamed) await rm(partial, { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

/** Creates a file only the user can read (and fails rather than follow anything already there). */
async function writePrivate(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function exitOf(run: RunOutcome): string {
  return run.signal !== null ? `killed by ${run.signal}` : `exit code ${String(run.code)}`;
}
