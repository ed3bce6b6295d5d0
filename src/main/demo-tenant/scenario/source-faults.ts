import type { DemoSourceFault, DemoTenantState } from '../tenant-state';

/*
 * Per-user source faults (tenant-state.ts `faults`): how the routes honour them is described
 * on DemoTenantState.faults; this module looks them up.
 */

/** The fault that makes `source` unreadable for `upn`, if any. */
export function faultFor(
  state: DemoTenantState,
  upn: string,
  source: DemoSourceFault['source'],
): DemoSourceFault | undefined {
  const who = upn.toLowerCase();
  return state.faults?.find((f) => f.upn === who && f.source === source);
}
