import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CERT_CURRENT, CERT_OTHER } from '../../../core/test-support/certificates';
import type { TenantEndpoints } from '../tenant-state';
import type { DemoCertificates } from './render-scenario';
import { parseScenario } from './scenario-schema';
import type { Scenario } from './scenario-schema';

/*
 * Shared by the scenario tests (not a test file itself): the Contoso scenario, the public test
 * certificates, and a fixed "now".
 */

/** The simulator's Okta org URL in tests. */
export const ORG_URL = 'https://127.0.0.1:40123';

/** Endpoints passed to the renderer in tests. */
export const ENDPOINTS: TenantEndpoints = { oktaOrgUrl: ORG_URL };

/** The public test certificates (src/core/test-support). */
export const CERTIFICATES: DemoCertificates = { current: CERT_CURRENT, other: CERT_OTHER };

/** A fixed instant after both test certificates' notBefore. */
export const NOW = new Date('2026-11-25T15:30:00.000Z');

/** The Contoso scenario file as JSON. */
export function contosoJson(): unknown {
  const path = fileURLToPath(new URL('../../../../resources/demo/contoso.scenario.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The Contoso scenario, parsed (throws with the parser's message if it is invalid). */
export function contosoScenario(): Scenario {
  const parsed = parseScenario(contosoJson());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
