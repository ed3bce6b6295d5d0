import { describe, expect, it } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../shared/ipc/channels';
import { buildBridge } from './build-bridge';

describe('buildBridge', () => {
  it('exposes one frozen method per channel that forwards exactly one argument', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge(
      (...args) => {
        calls.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    );
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    // Extra arguments from a caller never reach main.
    await (bridge.getAppStatus as (...a: unknown[]) => Promise<unknown>)({}, 'extra', 42);
    expect(calls).toEqual([['app:get-status', {}]]);
  });

  it('subscribes to events with the payload only, and unsubscribes', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const bridge = buildBridge(
      () => Promise.resolve(null),
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const seen: unknown[] = [];
    const stop = bridge.onDiagnosisProgress((p) => seen.push(p));
    listeners.get('diagnosis:progress')?.({ runId: 1, step: 'okta.user', phase: 'started' });
    expect(seen).toEqual([{ runId: 1, step: 'okta.user', phase: 'started' }]);
    stop();
    expect(listeners.size).toBe(0);
    expect(() => (bridge.onDiagnosisProgress as (l: unknown) => unknown)('not a function')).toThrow(TypeError);
  });
});
