import contosoJson from '../../../resources/demo/contoso.scenario.json';
import type { TenantRenderer } from './demo-tenant';
import { renderScenario } from './scenario/render-scenario';
import { parseScenario } from './scenario/scenario-schema';
import type { Scenario } from './scenario/scenario-schema';

let parsed: Scenario | undefined;

/**
 * The built-in Contoso scenario (resources/demo/contoso.scenario.json), bundled into the build
 * so the app and the CLI need no resource path at run time. Validated on first use.
 */
export function contosoScenario(): Scenario {
  if (parsed === undefined) {
    const result = parseScenario(contosoJson);
    if (!result.ok) throw new Error(`The built-in demo scenario is invalid: ${result.error}`);
    parsed = result.value;
  }
  return parsed;
}

/** Renders a scenario relative to `now` (default: the moment the tenant starts). */
export function scenarioRenderer(scenario: Scenario, now?: Date): TenantRenderer {
  return (endpoints, certificates) => renderScenario(scenario, { now: now ?? new Date(), endpoints, certificates });
}

/** Renders the Contoso scenario relative to `now` (default: the moment the tenant starts). */
export function contosoRenderer(now?: Date): TenantRenderer {
  return (endpoints, certificates) => scenarioRenderer(contosoScenario(), now)(endpoints, certificates);
}
