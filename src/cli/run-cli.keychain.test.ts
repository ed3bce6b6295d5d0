import { describe, expect, it } from 'vitest';
import { appStatusSchema } from '../shared/ipc/app-status';
import { KeychainSecretStore } from '../main/secrets/keychain-secret-store';
import { EXIT, runCli } from './run-cli';

describe('CLI status with the real keychain', () => {
  it('prints the status as contract-valid JSON and exits 0', async () => {
    const out: string[] = [];
    const code = await runCli(['status', '--json'], {
      io: { out: (t) => out.push(t), err: (t) => out.push(t) },
      secrets: new KeychainSecretStore({ platform: process.platform }),
    });
    const status = appStatusSchema.parse(JSON.parse(out.join('')));
    expect(status.keychain.state).toBe('available');
    expect(code).toBe(EXIT.ok);
  });
});
