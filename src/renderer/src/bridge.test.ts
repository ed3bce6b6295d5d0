import { afterEach, describe, expect, it } from 'vitest';
import type { TriageBridge } from '../../shared/ipc/contract';
import type { PreflightReport, Profile, ProfileSummary } from '../../shared/ipc/profiles';
import {
  deleteProfile,
  discoverTenant,
  fetchAppStatus,
  getSettings,
  listProfiles,
  openLink,
  runPreflight,
  saveProfile,
  saveSettings,
  setSecret,
} from './bridge';

type Writable = { triage?: TriageBridge };

const unused = (): Promise<never> => Promise.reject(new Error('not expected in this test'));

/** A bridge whose every method fails unless the test provides it, so a wrong call is visible. */
function fakeBridge(overrides: Partial<TriageBridge>): TriageBridge {
  return {
    getAppStatus: unused,
    listProfiles: unused,
    saveProfile: unused,
    deleteProfile: unused,
    setSecret: unused,
    runPreflight: unused,
    discoverTenant: unused,
    runDiagnosis: unused,
    cancelDiagnosis: unused,
    openLink: unused,
    getSettings: unused,
    saveSettings: unused,
    onDiagnosisProgress: () => () => undefined,
    ...overrides,
  };
}

const profile: Profile = {
  id: 'fabrikam',
  name: 'Fabrikam',
  okta: { orgUrl: 'https://fabrikam.okta.com', authMode: 'api-token' },
  entra: { tenant: 'fabrikam.com', clientId: '00000000-0000-0000-0000-000000000001', authMode: 'client-secret' },
};
const summary: ProfileSummary = { profile, builtIn: false, secrets: [] };

afterEach(() => {
  delete (window as Writable).triage;
});

describe('renderer bridge module', () => {
  it('says so when the page runs outside the app, for every method', async () => {
    const calls = [
      fetchAppStatus(),
      listProfiles(),
      saveProfile(profile),
      deleteProfile('fabrikam'),
      setSecret('fabrikam', 'okta-api-token', 'value'),
      runPreflight('fabrikam'),
      discoverTenant('fabrikam.com'),
      openLink('https://entra.microsoft.com/'),
      getSettings(),
      saveSettings({ startInScreenShare: true }),
    ];
    for (const result of await Promise.all(calls)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
  });

  it('turns a rejected call into an error result instead of throwing', async () => {
    (window as Writable).triage = fakeBridge({ getAppStatus: () => Promise.reject(new Error('channel closed')) });
    await expect(fetchAppStatus()).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'channel closed' },
    });
    await expect(listProfiles()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('sends each method its input as the contract shapes it, and returns main’s result', async () => {
    const inputs: unknown[] = [];
    const report: PreflightReport = { profileId: 'fabrikam', at: '2026-01-01T00:00:00.000Z', ok: true, checks: [] };
    // Records what the bridge was called with and answers with a fixed success.
    const answer =
      <T>(value: T) =>
      (input: unknown) => {
        inputs.push(input);
        return Promise.resolve({ ok: true as const, value });
      };
    (window as Writable).triage = fakeBridge({
      listProfiles: answer({ profiles: [summary] }),
      saveProfile: answer(summary),
      deleteProfile: answer({ deleted: true }),
      setSecret: answer({ kind: 'okta-api-token' as const, configured: true as const }),
      runPreflight: answer(report),
      discoverTenant: answer({ tenantId: '00000000-0000-0000-0000-000000000002' }),
      openLink: answer({ opened: true }),
      getSettings: answer({ startInScreenShare: false }),
      saveSettings: answer({ startInScreenShare: true }),
    });

    await expect(listProfiles()).resolves.toEqual({ ok: true, value: { profiles: [summary] } });
    await expect(saveProfile(profile)).resolves.toEqual({ ok: true, value: summary });
    await expect(deleteProfile('fabrikam')).resolves.toEqual({ ok: true, value: { deleted: true } });
    await expect(setSecret('fabrikam', 'okta-api-token', 's3cr3t')).resolves.toEqual({
      ok: true,
      value: { kind: 'okta-api-token', configured: true },
    });
    await expect(runPreflight('fabrikam')).resolves.toEqual({ ok: true, value: report });
    await expect(discoverTenant('fabrikam.com')).resolves.toEqual({
      ok: true,
      value: { tenantId: '00000000-0000-0000-0000-000000000002' },
    });
    await expect(openLink('https://acme-admin.okta.com/report/system_log_2')).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    await expect(getSettings()).resolves.toEqual({ ok: true, value: { startInScreenShare: false } });
    await expect(saveSettings({ startInScreenShare: true })).resolves.toEqual({
      ok: true,
      value: { startInScreenShare: true },
    });
    expect(inputs).toEqual([
      {},
      { profile },
      { id: 'fabrikam' },
      { profileId: 'fabrikam', kind: 'okta-api-token', value: 's3cr3t' },
      { id: 'fabrikam' },
      { domain: 'fabrikam.com' },
      { url: 'https://acme-admin.okta.com/report/system_log_2' },
      {},
      { startInScreenShare: true },
    ]);
  });
});
