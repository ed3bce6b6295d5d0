import { buildReport, renderHtml, renderReport, reportFileName } from '../../../core/report';
import type { IncidentReport } from '../../../core/report/incident-report';
import type { ReportInput } from '../../../core/report/report-types';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { PdfPrintError } from '../../export/export-ports';
import type { ChooseSavePath, PrintPdf } from '../../export/export-ports';
import type { IncidentStore, LoadedIncident } from '../../incidents/incident-store';
import { writeFileAtomic } from '../../profiles/write-file-atomic';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';
import { guardIncident } from './incident-handlers';

/** What `incidents:export` needs: the incidents, the profile names, and the Electron glue (injected). */
export interface ExportHandlerDeps {
  readonly incidents: Pick<IncidentStore, 'load'>;
  /** The name of a tenant profile ("Contoso production"), or null when there is no such profile. */
  readonly profileName: (profileId: string) => Promise<string | null>;
  readonly chooseSavePath: ChooseSavePath;
  readonly printPdf: PrintPdf;
  /** The app's version, printed in the report (the one `app:get-status` reports). */
  readonly appVersion: string;
  readonly now?: () => Date;
}

type ExportResult = ChannelOutput<'incidents:export'>;

/** What a cancelled export hid: nothing, as it wrote nothing. */
const NOTHING_REDACTED: ExportResult['redacted'] = Object.freeze({
  otherUsers: 0,
  ipAddresses: 0,
  deviceIds: 0,
  tenantIds: 0,
  tokens: 0,
});

/** What a report is made from: the stored incident, its evidence, who made the report and when. */
export function reportInputOf(
  { incident, bundle }: LoadedIncident,
  tenantName: string,
  generatedAt: string,
  appVersion: string,
): ReportInput {
  const { id, createdAt, updatedAt, status, work } = incident;
  return {
    incidentId: id,
    createdAt,
    updatedAt,
    status,
    tenantName,
    // The engine made it; the incident file's schema checked every field (see storedDiagnosis).
    diagnosis: incident.diagnosis as ReportInput['diagnosis'],
    work: { step: work.step, done: work.done, notes: work.notes },
    bundle,
    generatedAt,
    appVersion,
  };
}

/** The profile's name, or its id: a profile deleted since, or a damaged profiles file, must not stop an export. */
async function tenantNameOf(deps: ExportHandlerDeps, profileId: string): Promise<string> {
  try {
    return (await deps.profileName(profileId)) ?? profileId;
  } catch {
    return profileId;
  }
}

/** The PDF of the report's HTML; a print failure is reported in the technician's words. */
async function printed(deps: ExportHandlerDeps, html: string): Promise<Uint8Array> {
  try {
    return await deps.printPdf(html);
  } catch (error: unknown) {
    if (error instanceof PdfPrintError) throw new IpcFailure('unavailable', error.message);
    throw error;
  }
}

/** A file-system error's code (EACCES, ENOSPC…) in parentheses: it says what to fix and is never a secret. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}

/** Writes the report atomically (a failed write leaves any earlier file whole), naming the file on failure. */
async function save(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error: unknown) {
    throw new IpcFailure('unavailable', `The report could not be saved as ${path}${codeOf(error)}.`);
  }
}

/** The redaction counts of a report, field by field, so nothing else of it can reach the answer. */
function redactedOf(report: IncidentReport): ExportResult['redacted'] {
  const { otherUsers, ipAddresses, deviceIds, tenantIds, tokens } = report.redaction.counts;
  return { otherUsers, ipAddresses, deviceIds, tenantIds, tokens };
}

/**
 * Handler of `incidents:export`. Main builds the report from the stored incident at the
 * redaction level asked for, asks the technician where to save it (main's own save dialog: the
 * renderer never names a path) and writes it there; only the path, its size and what was hidden
 * go back. PDF is the report's HTML printed by Chromium.
 */
export function createExportHandlers(deps: ExportHandlerDeps): Pick<HandlerMap, 'incidents:export'> {
  const now = deps.now ?? (() => new Date());
  return {
    'incidents:export': ({ id, format, redaction }) =>
      guardIncident(async (): Promise<ExportResult> => {
        const loaded = await deps.incidents.load(id);
        const tenantName = await tenantNameOf(deps, loaded.incident.profileId);
        const report = buildReport(reportInputOf(loaded, tenantName, now().toISOString(), deps.appVersion), redaction);
        const text = format === 'pdf' ? renderHtml(report) : renderReport(report, format);
        const path = await deps.chooseSavePath(reportFileName(report, format), format);
        if (path === null) return { path: null, bytes: 0, redacted: NOTHING_REDACTED };
        // Printed only once a place is chosen: a cancelled PDF export costs no print.
        const content = format === 'pdf' ? await printed(deps, text) : text;
        await save(path, content);
        const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
        return { path, bytes, redacted: redactedOf(report) };
      }),
  };
}
