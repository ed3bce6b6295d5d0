import { contosoScenario } from './contoso';
import { demoUserOf } from './scenario/render-scenario';
import type { Scenario } from './scenario/scenario-schema';
import type { DemoUser } from './tenant-state';

/**
 * The demo users of a scenario (the built-in one by default), without starting a tenant: who to
 * type in, what they report, and the verdict their scenario is written to produce.
 */
export function listDemoUsers(scenario: Scenario = contosoScenario()): readonly DemoUser[] {
  return scenario.users.map(demoUserOf);
}
