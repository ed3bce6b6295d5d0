import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from './keychain-secret-store';

/*
 * Runs against the real Secret Service: scripts/with-keyring.sh starts a private D-Bus session
 * with an unlocked gnome-keyring. Nothing here is mocked.
 */
const service = `Sign-in Triage test ${randomUUID()}`;
const store = new KeychainSecretStore({ service, platform: process.platform });
const account = `profile:${randomUUID()}:okta-api-token`;

describe('KeychainSecretStore in the real keychain', () => {
  afterAll(async () => {
    await store.delete(account);
  });

  it('is reachable', async () => {
    await expect(store.probe()).resolves.toMatchObject({ state: 'available', backend: 'Secret Service (libsecret)' });
  });

  it('stores, reads back (from a second instance), updates and deletes a secret', async () => {
    const secret = `00${randomUUID().replaceAll('-', '')}Ωé`;
    await store.set(account, secret);
    // A separate instance with its own keytar handle proves the value lives in the keychain.
    const other = new KeychainSecretStore({ service, platform: process.platform });
    await expect(other.read(account)).resolves.toBe(secret);

    await store.set(account, `${secret}-rotated`);
    await expect(other.read(account)).resolves.toBe(`${secret}-rotated`);

    await expect(store.delete(account)).resolves.toBe(true);
    await expect(other.read(account)).resolves.toBeNull();
    await expect(store.delete(account)).resolves.toBe(false);
  });

  it('keeps entries of different accounts apart', async () => {
    const a = `${account}:a`;
    const b = `${account}:b`;
    await store.set(a, 'secret-a-123456');
    await store.set(b, 'secret-b-123456');
    await store.delete(a);
    await expect(store.read(a)).resolves.toBeNull();
    await expect(store.read(b)).resolves.toBe('secret-b-123456');
    await store.delete(b);
  });

  it('refuses an empty secret or account instead of storing it', async () => {
    await expect(store.set(account, '')).rejects.toThrow(/empty secret/);
    await expect(store.set('', 'x-123456789')).rejects.toThrow(/account name/);
  });
});
