import { diagnose } from '../../core/diagnosis/diagnose';
import type { NewIncident } from '../incidents/incident-store';
import { renderScenario } from '../demo-tenant/scenario/render-scenario';
import { scenarioBundle } from '../demo-tenant/scenario/scenario-bundle';
import { CERTIFICATES, contosoScenario, ENDPOINTS, NOW, ORG_URL } from '../demo-tenant/scenario/scenario-test-support';

/*
 * Real incidents for the incident store's tests, without a network: a Contoso user's evidence
 * as the perfect collector gathers it from the rendered scenario, and the engine's diagnosis.
 */

let state: ReturnType<typeof renderScenario> | undefined;

/** A demo user's evidence bundle and diagnosis, ready for `IncidentStore.create`. */
export function demoIncident(upn = 'dmitri.volkov@contoso.com', profileId = 'demo'): NewIncident {
  state ??= renderScenario(contosoScenario(), { now: NOW, endpoints: ENDPOINTS, certificates: CERTIFICATES });
  const bundle = scenarioBundle(state, upn, { now: NOW, orgUrl: ORG_URL });
  return { profileId, bundle, diagnosis: diagnose(bundle) };
}

/** A clock that starts at `start` and moves one second on every reading. */
export function steppingClock(start = '2026-11-21T23:15:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => {
    const now = new Date(at);
    at += 1_000;
    return now;
  };
}

/** Random parts of incident ids that count up (`00000001`, `00000002`…), so tests know the ids. */
export function countingHex(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(8, '0');
}
