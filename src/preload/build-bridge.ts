import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../shared/ipc/channels';
import type { EventChannel, IpcChannel } from '../shared/ipc/channels';
import type { TriageBridge } from '../shared/ipc/contract';

/** Sends one call to main and resolves with its Result. */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/** Listens on an event channel; returns the function that stops listening. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the `window.triage` bridge: one method per invoke channel, each forwarding exactly one
 * argument, and one `on…` method per event channel, each handing the listener the payload only
 * (never Electron's event object, which would expose the sender). No `ipcRenderer`, no raw
 * channel names as parameters, no Node.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): TriageBridge {
  const methods = Object.entries(BRIDGE_METHODS).map(([method, channel]) => [
    method,
    (input: unknown) => invoke(channel, input),
  ]);
  const events = Object.entries(BRIDGE_EVENTS).map(([method, channel]) => [
    method,
    (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} needs a listener function`);
      return subscribe(channel, (payload) => {
        listener(payload);
      });
    },
  ]);
  return Object.freeze(Object.fromEntries([...methods, ...events])) as TriageBridge;
}
