import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_EVENTS } from '../ipc/dispatcher';
import { createProfileHandlers } from '../ipc/handlers/profile-handlers';
import { IpcFailure } from '../ipc/ipc-failure';
import { KeychainSecretStore, KeychainUnavailableError } from '../secrets/keychain-secret-store';
import { DemoTenantHost, PUBLIC_CLOUD } from './profile-connection';
import { profileHandlerDeps } from './profile-deps';
import { ProfileError, ProfileStore } from './profile-store';

/*
 * The vitest project points D-Bus at a socket that does not exist: no Secret Service.
 */

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const profile = {
  id: 'contoso',
  name: 'Contoso',
  okta: { orgUrl: 'https://contoso.okta.com', authMode: 'api-token' as const },
  entra: {
    tenant: 'contoso.com',
    clientId: '6f1c4a2e-8d3b-4c5a-9e7f-1a2b3c4d5e6f',
    authMode: 'client-secret' as const,
  },
};

/** A store whose file holds `content` (written directly: saving needs the keychain). */
async function storeWith(content: unknown): Promise<ProfileStore> {
  const dir = await mkdtemp(join(tmpdir(), 'profiles-nokeychain-'));
  dirs.push(dir);
  const file = join(dir, 'profiles.json');
  if (content !== undefined) await writeFile(file, JSON.stringify(content));
  return new ProfileStore(file, new KeychainSecretStore({ platform: 'linux' }));
}

const withProfile = () => storeWith({ format: 'signin-triage.profiles/v1', profiles: [profile], verified: {} });

describe('tenant profiles without a keychain', () => {
  it('refuses to store a secret with the clear "OS keychain unavailable" error, and never falls back to a file', async () => {
    const store = await withProfile();
    const error: unknown = await store
      .setSecret('contoso', 'okta-api-token', '00secret-value-that-must-not-land-anywhere')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(String(error)).toMatch(/OS keychain unavailable/);
    // Saving a profile reports its secrets' status, which needs the keychain: the same error.
    await expect((await storeWith(undefined)).save(profile)).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('answers the renderer with code "unavailable" and the fix', async () => {
    const handlers = createProfileHandlers(profileHandlerDeps(await withProfile(), PUBLIC_CLOUD, new DemoTenantHost()));
    const error: unknown = await handlers['profiles:list']({}, NO_EVENTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/gnome-keyring/) as unknown });
  });

  it('leaves a damaged profiles file untouched and says where it is damaged', async () => {
    const store = await storeWith({
      format: 'signin-triage.profiles/v1',
      profiles: [{ ...profile, okta: { orgUrl: 'http://insecure', authMode: 'api-token' } }],
    });
    await expect(store.get('contoso')).rejects.toBeInstanceOf(ProfileError);
    await expect(store.get('contoso')).rejects.toThrow(/profiles\.0\.okta\.orgUrl/);
  });
});
