import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from '../shared/ipc/channels';
import { buildBridge } from './build-bridge';

describe('buildBridge', () => {
  it('exposes one frozen method per channel that forwards exactly one argument', async () => {
    const calls: unknown[][] = [];
    const bridge = buildBridge((...args) => {
      calls.push(args);
      return Promise.resolve({ ok: true, value: null });
    });
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_METHODS).sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    // Extra arguments from a caller never reach main.
    await (bridge.getAppStatus as (...a: unknown[]) => Promise<unknown>)({}, 'extra', 42);
    expect(calls).toEqual([['app:get-status', {}]]);
  });
});
