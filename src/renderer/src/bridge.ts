import type { AppStatus } from '../../shared/ipc/app-status';
import type { TriageBridge } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

/**
 * The only module of the renderer that touches `window.triage`.
 *
 * Components receive data and callbacks; they never see the bridge, so they can be rendered
 * in tests with plain values.
 */
function bridge(): TriageBridge | null {
  return window.triage ?? null;
}

const NO_BRIDGE: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'This page is not running inside Sign-in Triage (no bridge to the app).' },
};

/** Asks main for the app's status (version, runtime, keychain). */
export async function fetchAppStatus(): Promise<Result<AppStatus>> {
  const b = bridge();
  if (b === null) return NO_BRIDGE;
  try {
    return await b.getAppStatus({});
  } catch (error: unknown) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
