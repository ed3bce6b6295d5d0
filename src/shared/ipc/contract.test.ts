import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS, IPC_CHANNELS } from './channels';
import { IPC_CONTRACT } from './contract';

describe('IPC contract', () => {
  it('has exactly one schema entry per bridge channel', () => {
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(new Set(Object.values(BRIDGE_METHODS)).size).toBe(Object.keys(BRIDGE_METHODS).length);
  });

  it('namespaces every channel as area:action', () => {
    for (const channel of IPC_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('refuses unknown keys in every input instead of dropping them', () => {
    for (const spec of Object.values(IPC_CONTRACT)) {
      expect(spec.input.safeParse({ unexpected: true }).success).toBe(false);
    }
  });
});
