import { diagnose } from '../../../core/diagnosis/diagnose';
import { assertNever } from '../../../shared/assert-never';
import type { OpenIncident } from '../../../shared/ipc/incidents';
import type { IpcErrorCode } from '../../../shared/result';
import { storedDiagnosis } from '../../incidents/incident-file';
import { IncidentError } from '../../incidents/incident-store';
import type { IncidentStore, LoadedIncident } from '../../incidents/incident-store';
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
export async function guardIncident<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof IncidentError) throw new IpcFailure(codeFor(error), error.message);
    throw error;
  }
}

/**
 * An incident as `incidents:open` answers with it: the records and links are rebuilt from the
 * stored evidence with the same functions a run uses; the evidence bundle itself never leaves main.
 */
export function openedIncident({ incident, bundle }: LoadedIncident): OpenIncident {
  const { records, links } = diagnosisView(storedDiagnosis(incident), bundle);
  const { id, createdAt, updatedAt, status, profileId, subject, diagnosis, work } = incident;
  return { id, createdAt, updatedAt, status, profileId, subject, diagnosis, records, links, work };
}

type IncidentChannels =
  | 'incidents:list'
  | 'incidents:open'
  | 'incidents:update'
  | 'incidents:delete'
  | 'incidents:duplicate'
  | 'incidents:rediagnose';

/**
 * Handlers of the incident channels but `incidents:export` (see export-handlers.ts). Re-diagnosing
 * runs this version's engine on the stored evidence, so an incident made before a rule was added
 * or fixed can be brought up to date without calling the tenant again.
 */
export function createIncidentHandlers(store: IncidentStore): Pick<HandlerMap, IncidentChannels> {
  return {
    'incidents:list': () => guardIncident(() => store.list()),
    'incidents:open': ({ id }) => guardIncident(async () => ({ incident: openedIncident(await store.load(id)) })),
    'incidents:update': ({ id, work }) => guardIncident(() => store.update(id, work)),
    'incidents:delete': ({ id }) => guardIncident(async () => ({ deleted: await store.delete(id) })),
    'incidents:duplicate': ({ id }) => guardIncident(async () => ({ id: (await store.duplicate(id)).id })),
    'incidents:rediagnose': ({ id }) =>
      guardIncident(async () => ({ incident: openedIncident(await store.rediagnose(id, diagnose)) })),
  };
}
