import type { AppStatus } from '../../shared/ipc/app-status';
import type { BRIDGE_METHODS, BridgeMethod } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, TriageBridge } from '../../shared/ipc/contract';
import type { PreflightReport, Profile, ProfileSummary, SecretKind } from '../../shared/ipc/profiles';
import type { DiagnosisProgress } from '../../shared/ipc/diagnosis';
import type { AppSettings } from '../../shared/ipc/settings';
import type { Result } from '../../shared/result';
import type { Diagnosis } from '../../core/diagnosis/model';
import type { ExportRedactionLevel, ReportFormat } from '../../core/report/report-types';

/**
 * The only module of the renderer that touches `window.triage`.
 *
 * Components receive data and callbacks; they never see the bridge, so they can be rendered
 * in tests with plain values.
 */
function bridge(): TriageBridge | null {
  return window.triage ?? null;
}

const NO_BRIDGE: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'This page is not running inside Sign-in Triage (no bridge to the app).' },
};

type MethodChannel<M extends BridgeMethod> = (typeof BRIDGE_METHODS)[M];

/**
 * Calls one bridge method. Every failure, including a rejected promise (a closed channel, a
 * preload that threw), comes back as an error result, so no caller needs a try/catch.
 */
async function call<M extends BridgeMethod>(
  method: M,
  input: ChannelInput<MethodChannel<M>>,
): Promise<Result<ChannelOutput<MethodChannel<M>>>> {
  const b = bridge();
  if (b === null) return NO_BRIDGE;
  try {
    // `method` and `input` are tied by M; TypeScript cannot follow that through the bridge's
    // intersection type (invoke methods & event subscriptions), so the link is stated here.
    const invoke = b[method] as unknown as (
      i: ChannelInput<MethodChannel<M>>,
    ) => Promise<Result<ChannelOutput<MethodChannel<M>>>>;
    return await invoke(input);
  } catch (error: unknown) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Asks main for the app's status (version, runtime, keychain). */
export async function fetchAppStatus(): Promise<Result<AppStatus>> {
  return call('getAppStatus', {});
}

/** Lists the tenant profiles (the built-in demo first) with the status of their secrets. */
export async function listProfiles(): Promise<Result<{ readonly profiles: readonly ProfileSummary[] }>> {
  return call('listProfiles', {});
}

/** Creates or replaces a profile; main validates it again and answers with its summary. */
export async function saveProfile(profile: Profile): Promise<Result<ProfileSummary>> {
  return call('saveProfile', { profile });
}

/** Deletes a profile and its secrets. */
export async function deleteProfile(id: string): Promise<Result<{ readonly deleted: boolean }>> {
  return call('deleteProfile', { id });
}

/**
 * Stores one secret of a profile in the OS keychain. Write-only: only its status comes back,
 * and no channel exists to read the value back into the renderer.
 */
export async function setSecret(
  profileId: string,
  kind: SecretKind,
  value: string,
): Promise<Result<{ readonly kind: SecretKind; readonly configured: true }>> {
  return call('setSecret', { profileId, kind, value });
}

/** Runs the pre-flight checks of a saved profile against its real Okta org and tenant. */
export async function runPreflight(id: string): Promise<Result<PreflightReport>> {
  return call('runPreflight', { id });
}

/** Finds the directory (tenant) id of a domain verified in a Microsoft tenant. */
export async function discoverTenant(domain: string): Promise<Result<{ readonly tenantId: string }>> {
  return call('discoverTenant', { domain });
}

/**
 * Runs a diagnosis in main; progress arrives through {@link onDiagnosisProgress} meanwhile. The
 * answer carries the diagnosis, the raw record behind each cited piece of evidence (JSON text,
 * secrets masked, at most 64 KiB each) and the links that open the same queries in the consoles.
 * Main keeps every run as a draft incident: `incidentId` is its id, or null when it could not be
 * saved, and then `saveError` says why (the diagnosis is there all the same).
 */
export async function runDiagnosis(
  request: ChannelInput<'diagnosis:run'>,
): Promise<Result<Omit<ChannelOutput<'diagnosis:run'>, 'diagnosis'> & { readonly diagnosis: Diagnosis }>> {
  const result = await call('runDiagnosis', request);
  // The engine made this diagnosis with its own types, and main's dispatcher checked it against
  // the strict schema on the way out. The schema's inferred type is only looser (a family is a
  // string, optional keys may hold undefined), so the engine's type is restored here, once.
  return result.ok ? { ok: true, value: { ...result.value, diagnosis: result.value.diagnosis as Diagnosis } } : result;
}

/** Asks main to stop a running diagnosis. */
export async function cancelDiagnosis(runId: number): Promise<Result<{ readonly cancelled: boolean }>> {
  return call('cancelDiagnosis', { runId });
}

/** Listens to a running diagnosis's progress; returns the function that stops listening. */
export function onDiagnosisProgress(listener: (progress: DiagnosisProgress) => void): () => void {
  const b = bridge();
  if (b === null) return () => undefined;
  return b.onDiagnosisProgress(listener);
}

/**
 * Opens a console link (one of a diagnosis's `links`) in the system browser. Main opens only
 * https links to the Okta and Microsoft admin consoles and refuses anything else with an
 * `invalid-input` error; `opened: false` means the OS had no browser to open it with.
 */
export async function openLink(url: string): Promise<Result<{ readonly opened: boolean }>> {
  return call('openLink', { url });
}

/** Reads the app's settings (the defaults when none are saved or the file is damaged). */
export async function getSettings(): Promise<Result<AppSettings>> {
  return call('getSettings', {});
}

/** Saves the app's settings; main answers with what it stored. */
export async function saveSettings(settings: AppSettings): Promise<Result<AppSettings>> {
  return call('saveSettings', settings);
}

/**
 * Lists the newest incidents (at most 100, last updated first). `unreadable` counts incident
 * files main skipped because they are damaged; the list itself never fails over one.
 */
export async function listIncidents(): Promise<Result<ChannelOutput<'incidents:list'>>> {
  return call('listIncidents', {});
}

/** A reopened incident, with the diagnosis in the engine's own type. */
type EngineIncident = Omit<ChannelOutput<'incidents:open'>['incident'], 'diagnosis'> & {
  readonly diagnosis: Diagnosis;
};

/**
 * The engine made the stored diagnosis, and main checked it on read and on the way out; only the
 * schema's inferred type is looser than the engine's (as for runDiagnosis), so it is restored here.
 */
function withEngineDiagnosis(
  result: Result<ChannelOutput<'incidents:open'>>,
): Result<{ readonly incident: EngineIncident }> {
  return result.ok
    ? {
        ok: true,
        value: { incident: { ...result.value.incident, diagnosis: result.value.incident.diagnosis as Diagnosis } },
      }
    : result;
}

/**
 * Reopens an incident: its diagnosis, the raw records and console links rebuilt from its stored
 * evidence (the same as the run showed), and the technician's work so far. An id main does not
 * know answers `not-found`.
 */
export async function openIncident(id: string): Promise<Result<{ readonly incident: EngineIncident }>> {
  return withEngineDiagnosis(await call('openIncident', { id }));
}

/**
 * Saves the technician's work on an incident (step, ticked fix steps, notes, status); main
 * answers with the time it saved. Saves of one incident land in call order, the last one wins.
 */
export async function updateIncident(
  id: string,
  work: ChannelInput<'incidents:update'>['work'],
): Promise<Result<{ readonly updatedAt: string }>> {
  return call('updateIncident', { id, work });
}

/** Deletes an incident and its stored evidence; `deleted: false` when there was no such incident. */
export async function deleteIncident(id: string): Promise<Result<{ readonly deleted: boolean }>> {
  return call('deleteIncident', { id });
}

/**
 * Exports an incident's report in a format, redacted for its reader (`none`: the technician;
 * `internal`: the company's identity team; `external`: a vendor — other users, IP addresses,
 * device and tenant ids masked). Main builds the report and asks where to save it in its own save
 * dialog: the answer is the path it wrote, or `path: null` (and nothing written) when the
 * technician cancelled; `bytes` is the file's size and `redacted` counts what was masked.
 * Failing to print or write answers `unavailable` with a message naming the file.
 */
export async function exportIncident(
  id: string,
  format: ReportFormat,
  redaction: ExportRedactionLevel,
): Promise<Result<ChannelOutput<'incidents:export'>>> {
  return call('exportIncident', { id, format, redaction });
}

/**
 * Copies an incident as a new draft with the same evidence, diagnosis and work (a call back about
 * the same fault); answers with the copy's id. The original is left as it is.
 */
export async function duplicateIncident(id: string): Promise<Result<{ readonly id: string }>> {
  return call('duplicateIncident', { id });
}

/**
 * Diagnoses an incident's stored evidence again with this version's engine and saves the result
 * in the same incident (ticked fix steps the new verdict no longer has are dropped); answers with
 * the incident reopened, as `openIncident` does. Nothing is collected from the tenant again.
 */
export async function rediagnoseIncident(id: string): Promise<Result<{ readonly incident: EngineIncident }>> {
  return withEngineDiagnosis(await call('rediagnoseIncident', { id }));
}
