import { randomBytes } from 'node:crypto';
import { lstat, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { echoValue } from '../core/report/sanitize-text';
import { diagnose } from '../core/diagnosis/diagnose';
import type { EvidenceBundle } from '../core/evidence/bundle';
import {
  buildReport,
  EXPORT_REDACTION_LEVELS,
  renderHtml,
  renderReport,
  REPORT_FORMATS,
  reportFileName,
} from '../core/report';
import type { ExportRedactionLevel, ReportFormat, ReportInput } from '../core/report';
import { incidentIdAt } from '../main/incidents/incident-store';
import { PRODUCT_VERSION } from '../main/product';
import { writeFileAtomic } from '../main/profiles/write-file-atomic';
import { ChromiumPdfError, findChromium, printHtmlToPdf } from '../main/report/chromium-pdf';
import { checkCollected, collectSubject, progressPrinter, readBundleFile, readScenarioOption } from './collect-subject';
import type { CollectFailure } from './collect-subject';
import { parseArgs } from './parse-args';
import type { CliIo } from './run-cli';

/**
 * Exit codes of `report`: 0 written, 1 the report could not be written (no Chromium for a PDF, a
 * full disk), 2 bad input, 3 nothing could be collected. The same numbers as the rest of the CLI.
 */
export const REPORT_EXIT = { ok: 0, failed: 1, usage: 2, nothingCollected: 3 } as const;

/** Usage of `report`. */
export const REPORT_USAGE = `  report (--bundle FILE | --demo UPN) --format F [--redact LEVEL] [--symptom S] [--scenario FILE] --out PATH
                                     Write an incident report. F: pdf, html, md, json or ticket; LEVEL: none,
                                     internal (default) or external; PATH: a file (replaced if it exists), or
                                     a folder (the report is named for you, never over an existing file).
                                     --scenario (with --demo): the demo tenant serves that scenario file.
                                     PDF needs Chromium (/usr/bin/chromium or CHROMIUM_PATH)`;

/** The tenant name a demo report carries (the app's demo profile says the same). */
export const DEMO_TENANT_NAME = 'Demo tenant (Contoso)';

/** The redaction level when none is given: reports usually go to the company's own identity team. */
const DEFAULT_REDACTION: ExportRedactionLevel = 'internal';

const VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--bundle',
  '--demo',
  '--format',
  '--redact',
  '--symptom',
  '--out',
  '--scenario',
]);
const NO_BOOLEAN_FLAGS: ReadonlySet<string> = new Set();

/** The validated command line. */
interface ReportRequest {
  readonly source:
    | { readonly kind: 'bundle'; readonly file: string }
    | { readonly kind: 'demo'; readonly upn: string; readonly scenario: string | undefined };
  readonly format: ReportFormat;
  readonly level: ExportRedactionLevel;
  readonly symptom: string | undefined;
  readonly out: string;
}

function isFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

function isLevel(value: string): value is ExportRedactionLevel {
  return (EXPORT_REDACTION_LEVELS as readonly string[]).includes(value);
}

/** Reads the command line, or says what is wrong with it. */
function requestOf(args: readonly string[]): ReportRequest | string {
  const parsed = parseArgs(args, VALUE_FLAGS, NO_BOOLEAN_FLAGS);
  if (typeof parsed === 'string') return parsed;
  const { positional, flags } = parsed;
  const value = (flag: string): string | undefined => {
    const v = flags.get(flag);
    return typeof v === 'string' ? v : undefined;
  };
  if (positional.length > 0)
    return `Unexpected argument ${echoValue(positional.join(' '))}: the user goes after --demo (report --demo jane@contoso.com …).`;
  const format = value('--format');
  if (format === undefined) return `Say which format: --format ${REPORT_FORMATS.join('|')}.`;
  if (!isFormat(format)) return `Unknown format "${echoValue(format)}"; one of: ${REPORT_FORMATS.join(', ')}.`;
  const level = value('--redact') ?? DEFAULT_REDACTION;
  if (!isLevel(level))
    return `Unknown redaction level "${echoValue(level)}"; one of: ${EXPORT_REDACTION_LEVELS.join(', ')}.`;
  const out = value('--out');
  if (out === undefined || out.trim() === '')
    return '--out is required: the file to write, or a folder to write the report in under its own name.';
  const bundle = value('--bundle');
  const demo = value('--demo');
  if (bundle !== undefined && demo !== undefined) return 'Choose one: --bundle FILE or --demo UPN.';
  const symptom = value('--symptom');
  const scenario = value('--scenario');
  if (bundle !== undefined) {
    // A bundle was collected for one symptom and is reported as it was diagnosed then.
    if (symptom !== undefined) return '--symptom goes with --demo; a bundle keeps the symptom it was collected for.';
    if (scenario !== undefined) return '--scenario goes with --demo; a bundle is reported as it was collected.';
    return { source: { kind: 'bundle', file: bundle }, format, level, symptom, out };
  }
  if (demo === undefined)
    return 'Say what to report on: --bundle FILE (a saved evidence bundle) or --demo UPN (a demo tenant user).';
  return { source: { kind: 'demo', upn: demo, scenario }, format, level, symptom, out };
}

/** Whether anything (a file, a folder, a dangling link) is at `path`. */
async function taken(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Where to write: `out` itself (the file named on the command line, replaced if it exists, as
 * `-o` does everywhere), or the report's own file name inside `out` when it is a folder. A name
 * the tool chose never replaces a file: two reports of one user in the same minute get the same
 * name, so the second becomes `…-2.md`, and so on.
 */
async function targetOf(out: string, name: () => string): Promise<string> {
  const isFolder =
    out.endsWith('/') ||
    out.endsWith(sep) ||
    (await stat(out).then(
      (info) => info.isDirectory(),
      () => false,
    ));
  if (!isFolder) return resolve(out);
  // The model's names are sanitised (no separators, no leading dot); basename() keeps a name in
  // the folder even if that ever changed, since it is about to become a path.
  const chosen = basename(name());
  const ext = extname(chosen);
  const stem = chosen.slice(0, chosen.length - ext.length);
  for (let n = 1; n < MAX_NAME_ATTEMPTS; n++) {
    const candidate = resolve(join(out, n === 1 ? chosen : `${stem}-${String(n)}${ext}`));
    if (!(await taken(candidate))) return candidate;
  }
  throw new ReportTargetError(
    `${echoValue(out, 200)} already holds ${String(MAX_NAME_ATTEMPTS)} reports of this name.`,
  );
}

/** How many numbered names are tried in a folder before giving up. */
const MAX_NAME_ATTEMPTS = 100;

/** No free name was left in the folder; the message is for stderr. */
class ReportTargetError extends Error {
  override readonly name = 'ReportTargetError';
}

/** A fresh incident id for a report made outside the app: `inc-<UTC time>-<8 hex>`, as the app makes them. */
function newIncidentId(at: Date): string {
  return incidentIdAt(at, randomBytes(4).toString('hex'));
}

/** The tenant a bundle came from, for the report's header: its Okta org's host name. */
function tenantNameOf(bundle: EvidenceBundle): string {
  const orgUrl = bundle.okta?.orgUrl;
  if (orgUrl !== undefined) {
    try {
      return new URL(orgUrl).host;
    } catch {
      // The validator admits only URLs; fall through for safety rather than fail the report.
    }
  }
  // No Okta section at all: the user's domain is the next best name of the tenant.
  return bundle.subject.upn.slice(bundle.subject.upn.lastIndexOf('@') + 1);
}

/** A file-system error's code (ENOENT, EACCES, ENAMETOOLONG…): what to fix, without Node repeating the path. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `signin-triage report`: collects from the demo tenant (as `diagnose --demo` does) or reads a
 * saved bundle, diagnoses, builds the incident report at the chosen redaction level and writes
 * it in one format, atomically. Prints the path written.
 */
export async function runReport(args: readonly string[], io: CliIo, stderrIsTty: boolean): Promise<number> {
  const request = requestOf(args);
  if (typeof request === 'string') {
    io.err(`${request}\n${REPORT_USAGE}\n`);
    return REPORT_EXIT.usage;
  }
  if (request.format === 'pdf') {
    // Before collecting: a missing Chromium should not cost a collection first.
    try {
      await findChromium();
    } catch (error: unknown) {
      io.err(`${messageOf(error)}\n`);
      return REPORT_EXIT.failed;
    }
  }
  const fail = (failure: CollectFailure): number => {
    io.err(`${failure.message}\n`);
    return failure.reason === 'usage' ? REPORT_EXIT.usage : REPORT_EXIT.nothingCollected;
  };
  let bundle: EvidenceBundle;
  let tenantName: string;
  if (request.source.kind === 'bundle') {
    const read = await readBundleFile(request.source.file);
    if (!read.ok) return fail(read.error);
    bundle = read.value;
    tenantName = tenantNameOf(bundle);
  } else {
    const scenario = await readScenarioOption(request.source.scenario);
    if (!scenario.ok) return fail(scenario.error);
    const collected = await collectSubject(
      {
        upn: request.source.upn,
        ...(request.symptom !== undefined ? { symptom: request.symptom } : {}),
        source: { kind: 'demo', ...(scenario.value === undefined ? {} : { scenario: scenario.value }) },
      },
      progressPrinter(io, stderrIsTty),
    );
    if (!collected.ok) return fail(collected.error);
    const valid = checkCollected(collected.value);
    if (!valid.ok) return fail(valid.error);
    bundle = valid.value;
    tenantName = DEMO_TENANT_NAME;
  }

  const now = new Date();
  const at = now.toISOString();
  const input: ReportInput = {
    incidentId: newIncidentId(now),
    createdAt: at,
    updatedAt: at,
    status: 'draft',
    tenantName,
    diagnosis: diagnose(bundle),
    work: { step: 'verdict', done: [], notes: '' },
    bundle,
    generatedAt: at,
    appVersion: PRODUCT_VERSION,
  };
  const report = buildReport(input, request.level);
  let target: string;
  try {
    target = await targetOf(request.out, () => reportFileName(report, request.format));
  } catch (error: unknown) {
    if (!(error instanceof ReportTargetError)) throw error;
    io.err(`${error.message}\n`);
    return REPORT_EXIT.failed;
  }
  try {
    if (request.format === 'pdf') await printHtmlToPdf(renderHtml(report), target);
    else await writeFileAtomic(target, renderReport(report, request.format));
  } catch (error: unknown) {
    io.err(
      error instanceof ChromiumPdfError
        ? `${error.message}\n`
        : `Cannot write ${echoValue(target, 200)} (${codeOf(error)}).\n`,
    );
    return REPORT_EXIT.failed;
  }
  io.out(`${target}\n`);
  return REPORT_EXIT.ok;
}
