import { collectEvidence, nothingCollected } from '../../../core/collection/collect-evidence';
import { validateSubject } from '../../../core/collection/subject';
import { consoleLinks } from '../../../core/diagnosis/console-links';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { evidenceRecords } from '../../../core/diagnosis/evidence-records';
import type { RunLimits, SourceConnection } from '../../collect/source-connection';
import { DEFAULT_RUN_LIMITS } from '../../collect/source-connection';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';

/** What the diagnosis handlers need: a connection for a profile, bounded by the run's limits. */
export interface DiagnosisHandlerDeps {
  readonly connect: (profileId: string, limits: RunLimits) => Promise<SourceConnection>;
  readonly now?: () => Date;
}

/**
 * Handlers of `diagnosis:run` and `diagnosis:cancel`. A run collects, pushing each progress
 * event to the window that asked (tagged with the renderer's runId), then diagnoses. The
 * evidence bundle stays in main: what crosses IPC is the diagnosis, the raw record behind each
 * piece of evidence it cites (as secret-masked, size-capped JSON text), and the console links
 * that open the collector's own queries.
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
          throw new IpcFailure(
            'unavailable',
            `Nothing could be collected: ${bundle.gaps.map((g) => `${g.source}: ${g.reason}`).join('; ')}`,
          );
        }
        const diagnosis = diagnose(bundle);
        return { runId, diagnosis, records: evidenceRecords(diagnosis, bundle), links: consoleLinks(bundle) };
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
