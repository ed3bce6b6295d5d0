import { collectEvidence, nothingCollected } from '../../../core/collection/collect-evidence';
import { validateSubject } from '../../../core/collection/subject';
import { diagnose } from '../../../core/diagnosis/diagnose';
import type { EvidenceGap } from '../../../core/evidence/bundle';
import type { RunLimits, SourceConnection } from '../../collect/source-connection';
import { DEFAULT_RUN_LIMITS } from '../../collect/source-connection';
import { IncidentError } from '../../incidents/incident-store';
import type { IncidentStore, NewIncident } from '../../incidents/incident-store';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';
import { diagnosisView } from './diagnosis-view';

/**
 * What the diagnosis handlers need: a connection for a profile, bounded by the run's limits,
 * and the store every run is kept in as an incident.
 */
export interface DiagnosisHandlerDeps {
  readonly connect: (profileId: string, limits: RunLimits) => Promise<SourceConnection>;
  readonly incidents: Pick<IncidentStore, 'create'>;
  readonly now?: () => Date;
}

/**
 * Why nothing could be collected, one line per distinct reason with the sources it stopped:
 * when a whole vendor is down, eleven sources fail for two reasons, and the technician needs the
 * two reasons, not eleven copies.
 */
export function nothingCollectedMessage(gaps: readonly EvidenceGap[]): string {
  const byReason = new Map<string, string[]>();
  for (const gap of gaps) byReason.set(gap.reason, [...(byReason.get(gap.reason) ?? []), gap.source]);
  const lines = [...byReason].map(([reason, sources]) => `${reason} (${sources.join(', ')})`);
  return `Nothing could be collected:\n${lines.join('\n')}`;
}

/** Where a run's incident was kept: its id, or why it could not be saved. */
type SaveOutcome = { readonly incidentId: string } | { readonly incidentId: null; readonly saveError: string };

/**
 * Keeps a run as a draft incident. A run whose incident cannot be saved still answers with its
 * diagnosis (the technician is on a call); the wizard shows `saveError` and "not saved".
 */
async function keepIncident(store: DiagnosisHandlerDeps['incidents'], incident: NewIncident): Promise<SaveOutcome> {
  try {
    return { incidentId: (await store.create(incident)).id };
  } catch (error: unknown) {
    // The store's messages name the folder and the file-system code only; anything else is a
    // bug whose text is not forwarded to the renderer.
    const saveError = error instanceof IncidentError ? error.message : 'The incident could not be saved.';
    return { incidentId: null, saveError };
  }
}

/**
 * Handlers of `diagnosis:run` and `diagnosis:cancel`. A run collects, pushing each progress
 * event to the window that asked (tagged with the renderer's runId), diagnoses, and keeps the
 * diagnosis and its evidence as a draft incident. The evidence bundle stays in main: what
 * crosses IPC is the diagnosis, the raw record behind each piece of evidence it cites (as
 * secret-masked, size-capped JSON text), the console links that open the collector's own
 * queries, and the incident's id.
 */
export function createDiagnosisHandlers(
  deps: DiagnosisHandlerDeps,
): Pick<HandlerMap, 'diagnosis:run' | 'diagnosis:cancel'> {
  const running = new Map<number, AbortController>();
  const now = deps.now ?? (() => new Date());
  return {
    'diagnosis:run': async ({ runId, profileId, upn, symptom, since, until }, ctx) => {
      const subject = validateSubject({ upn, symptom, since, until }, now());
      if (!subject.ok) throw new IpcFailure('invalid-input', subject.error);
      if (running.has(runId)) throw new IpcFailure('invalid-input', `Run ${String(runId)} is already running.`);
      const controller = new AbortController();
      running.set(runId, controller);
      let connection: SourceConnection | undefined;
      try {
        connection = await deps.connect(profileId, { ...DEFAULT_RUN_LIMITS, signal: controller.signal });
        const bundle = await collectEvidence(subject.value, connection.ports, (progress) => {
          ctx.emit('diagnosis:progress', { runId, ...progress });
        });
        if (controller.signal.aborted) throw new IpcFailure('cancelled', 'The diagnosis was cancelled.');
        if (nothingCollected(bundle)) {
          throw new IpcFailure('unavailable', nothingCollectedMessage(bundle.gaps));
        }
        const diagnosis = diagnose(bundle);
        const saved = await keepIncident(deps.incidents, { profileId, bundle, diagnosis });
        return { runId, diagnosis, ...diagnosisView(diagnosis, bundle), ...saved };
      } finally {
        running.delete(runId);
        if (controller.signal.aborted && connection !== undefined) {
          // A cancelled run ends at once, but requests already sent are still in flight (the
          // Okta SDK takes no AbortSignal). Closing their sockets now would fail them where the
          // SDK leaves the rejection unhandled, so close after they have had their timeout.
          const late = connection;
          setTimeout(() => {
            late.close();
          }, DEFAULT_RUN_LIMITS.requestTimeoutMs).unref();
        } else {
          connection?.close();
        }
      }
    },
    'diagnosis:cancel': ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort(new Error('cancelled by the technician'));
      return Promise.resolve({ cancelled: controller !== undefined });
    },
  };
}
