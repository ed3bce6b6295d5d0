import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../core/ports/secret-store';
import { appStatusSchema } from '../../../shared/ipc/app-status';
import { createAppStatusHandler, currentRuntime } from './app-status';

describe('app status handler', () => {
  it('reports product, version, runtime and the keychain probe, within the contract', async () => {
    let probes = 0;
    const secrets: SecretStore = {
      set: () => Promise.reject(new Error('unused')),
      read: () => Promise.reject(new Error('unused')),
      delete: () => Promise.reject(new Error('unused')),
      probe: () => {
        probes += 1;
        return Promise.resolve({ state: 'unavailable', backend: 'Secret Service (libsecret)', detail: 'locked' });
      },
    };
    const status = await createAppStatusHandler({
      productName: 'Sign-in Triage',
      version: '9.9.9',
      runtime: currentRuntime(),
      secrets,
    })();
    expect(appStatusSchema.parse(status)).toEqual(status);
    expect(status.keychain).toEqual({ state: 'unavailable', backend: 'Secret Service (libsecret)', detail: 'locked' });
    expect(status.runtime.node).toBe(process.versions.node);
    expect(status.runtime.electron).toBeNull();
    expect(probes).toBe(1);
  });
});
