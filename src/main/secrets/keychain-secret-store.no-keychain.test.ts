import { describe, expect, it } from 'vitest';
import { KeychainSecretStore, KeychainUnavailableError } from './keychain-secret-store';

/*
 * The vitest project points DBUS_SESSION_BUS_ADDRESS at a socket that does not exist, so the
 * real keytar fails to reach any Secret Service, as on a machine without a keyring.
 */
describe('KeychainSecretStore without a Secret Service', () => {
  it('runs with the session bus pointing nowhere', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS).toContain('/nonexistent/');
  });

  const store = new KeychainSecretStore({ platform: 'linux' });

  it('probes as unavailable with the fix in the message', async () => {
    const probe = await store.probe();
    expect(probe.state).toBe('unavailable');
    expect(probe.detail).toMatch(/^OS keychain unavailable \(Secret Service \(libsecret\)\)/);
    expect(probe.detail).toContain('gnome-keyring');
  });

  it('fails every operation with KeychainUnavailableError and never echoes the secret', async () => {
    const secret = 'SSWS-this-must-not-appear-0123456789';
    const error: unknown = await store.set('profile:x:okta-api-token', secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(String(error)).not.toContain(secret);
    await expect(store.read('profile:x:okta-api-token')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.delete('profile:x:okta-api-token')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });
});
