import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../main/secrets/keychain-secret-store';
import { EXIT, runCli } from './run-cli';

describe('CLI status without a keychain', () => {
  it('says the OS keychain is unavailable and how to fix it, and exits 1', async () => {
    const out: string[] = [];
    const code = await runCli(['status'], {
      io: { out: (t) => out.push(t), err: (t) => out.push(t) },
      secrets: new KeychainSecretStore({ platform: 'linux' }),
    });
    expect(code).toBe(EXIT.problem);
    expect(out.join('')).toContain('Credential store: Secret Service (libsecret): unavailable');
    expect(out.join('')).toContain('OS keychain unavailable');
  });
});
