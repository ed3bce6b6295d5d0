import { describe, expect, it } from 'vitest';
import { KeychainSecretStore, KeychainUnavailableError, keychainBackendName } from './keychain-secret-store';

describe('KeychainSecretStore when the native module cannot load', () => {
  // A broken native build cannot be produced on demand; the loader is the seam for it.
  const store = new KeychainSecretStore({
    platform: 'win32',
    load: () => Promise.reject(new Error('The module was compiled against a different Node.js version')),
  });

  it('reports the keychain unavailable with the platform fix, not a crash', async () => {
    const probe = await store.probe();
    expect(probe).toMatchObject({ state: 'unavailable', backend: 'Windows Credential Manager' });
    expect(probe.detail).toContain('different Node.js version');
    expect(probe.detail).toContain('Credential Manager must be running');
    await expect(store.read('a')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('names each platform backend', () => {
    expect(keychainBackendName('darwin')).toBe('macOS Keychain');
    expect(keychainBackendName('linux')).toBe('Secret Service (libsecret)');
  });
});
