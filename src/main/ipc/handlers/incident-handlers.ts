import { assertNever } from '../../../shared/assert-never';
import type { IpcErrorCode } from '../../../shared/result';
import { storedDiagnosis } from '../../incidents/incident-file';
import { IncidentError } from '../../incidents/incident-store';
import type { IncidentStore } from '../../incidents/incident-store';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';
import { diagnosisView } from './diagnosis-view';

/** The IPC error code of each reason an incident operation fails. */
function codeFor(error: IncidentError): IpcErrorCode {
  switch (error.reason) {
    case 'invalid-id':
      return 'invalid-input';
    case 'not-found':
      return 'not-found';
    case 'unreadable':
    case 'unwritable':
      return 'unavailable';
    default:
      return assertNever(error.reason, 'incident error reason');
  }
}

/** Maps the store's errors (written for the technician) to results the renderer can show. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof IncidentError) throw new IpcFailure(codeFor(error), error.message);
    throw error;
  }
}

/**
 * Handlers of `incidents:list`, `incidents:open`, `incidents:update` and `incidents:delete`.
 * Reopening rebuilds the records and links from the stored evidence with the same functions a
 * run uses; the evidence bundle itself never leaves main.
 */
export function createIncidentHandlers(
  store: IncidentStore,
): Pick<HandlerMap, 'incidents:list' | 'incidents:open' | 'incidents:update' | 'incidents:delete'> {
  return {
    'incidents:list': () => guard(() => store.list()),
    'incidents:open': ({ id }) =>
      guard(async () => {
        const { incident, bundle } = await store.load(id);
        const { records, links } = diagnosisView(storedDiagnosis(incident), bundle);
        const { id: incidentId, createdAt, updatedAt, status, profileId, subject, diagnosis, work } = incident;
        return {
          incident: {
            id: incidentId,
            createdAt,
            updatedAt,
            status,
            profileId,
            subject,
            diagnosis,
            records,
            links,
            work,
          },
        };
      }),
    'incidents:update': ({ id, work }) => guard(() => store.update(id, work)),
    'incidents:delete': ({ id }) => guard(async () => ({ deleted: await store.delete(id) })),
  };
}
