import { contosoScenario } from './contoso';
import { demoUserOf } from './scenario/render-scenario';
import type { DemoUser } from './tenant-state';

/**
 * The demo users of the built-in scenario, without starting a tenant: who to type in, what they
 * report, and the verdict their scenario is written to produce.
 */
export function listDemoUsers(): readonly DemoUser[] {
  return contosoScenario().users.map(demoUserOf);
}
