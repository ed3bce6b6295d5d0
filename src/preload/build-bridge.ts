import { BRIDGE_METHODS } from '../shared/ipc/channels';
import type { IpcChannel } from '../shared/ipc/channels';
import type { TriageBridge } from '../shared/ipc/contract';

/** Sends one call to main and resolves with its Result. */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Builds the `window.triage` bridge: one method per channel, each forwarding exactly one
 * argument. It exposes no `ipcRenderer`, no channel names as parameters, and no Node.
 */
export function buildBridge(invoke: Invoke): TriageBridge {
  const entries = Object.entries(BRIDGE_METHODS).map(([method, channel]) => [
    method,
    (input: unknown) => invoke(channel, input),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as TriageBridge;
}
