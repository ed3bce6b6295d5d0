import { afterEach, describe, expect, it } from 'vitest';
import type { TriageBridge } from '../../shared/ipc/contract';
import type { IncidentSummary, IncidentWork } from '../../shared/ipc/incidents';
import type { PreflightReport, Profile, ProfileSummary } from '../../shared/ipc/profiles';
import {
  deleteIncident,
  deleteProfile,
  discoverTenant,
  duplicateIncident,
  exportIncident,
  fetchAppStatus,
  getSettings,
  listIncidents,
  listProfiles,
  openIncident,
  openLink,
  rediagnoseIncident,
  runPreflight,
  saveProfile,
  saveSettings,
  setSecret,
  updateIncident,
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
    listIncidents: unused,
    openIncident: unused,
    updateIncident: unused,
    deleteIncident: unused,
    exportIncident: unused,
    duplicateIncident: unused,
    rediagnoseIncident: unused,
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

const incidentId = 'inc-20261121T231500Z-a1b2c3d4';
const work: IncidentWork = { step: 'fix', done: [0, 2], notes: 'Reset the app password.', status: 'draft' };
const copyId = 'inc-20261121T232000Z-0badf00d';
const exported = {
  path: '/home/tech/Documents/incident.md',
  bytes: 4096,
  redacted: { otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 1 },
};
const incidentSummary: IncidentSummary = {
  id: incidentId,
  createdAt: '2026-11-21T23:15:00.000Z',
  updatedAt: '2026-11-21T23:20:00.000Z',
  status: 'draft',
  profileId: 'demo',
  upn: 'dmitri.volkov@contoso.com',
  symptom: 'outlook-desktop',
  code: 'LEGACY_AUTH_STALE_PASSWORD',
  summary: 'Outlook is still using an old password over a legacy protocol.',
};

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
      listIncidents(),
      openIncident(incidentId),
      updateIncident(incidentId, work),
      deleteIncident(incidentId),
      exportIncident(incidentId, 'pdf', 'external'),
      duplicateIncident(incidentId),
      rediagnoseIncident(incidentId),
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
      listIncidents: answer({ incidents: [incidentSummary], unreadable: 1 }),
      updateIncident: answer({ updatedAt: '2026-11-21T23:25:00.000Z' }),
      deleteIncident: answer({ deleted: true }),
      exportIncident: answer(exported),
      duplicateIncident: answer({ id: copyId }),
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
    await expect(listIncidents()).resolves.toEqual({
      ok: true,
      value: { incidents: [incidentSummary], unreadable: 1 },
    });
    await expect(updateIncident(incidentId, work)).resolves.toEqual({
      ok: true,
      value: { updatedAt: '2026-11-21T23:25:00.000Z' },
    });
    await expect(deleteIncident(incidentId)).resolves.toEqual({ ok: true, value: { deleted: true } });
    await expect(exportIncident(incidentId, 'md', 'internal')).resolves.toEqual({ ok: true, value: exported });
    await expect(duplicateIncident(incidentId)).resolves.toEqual({ ok: true, value: { id: copyId } });
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
      {},
      { id: incidentId, work },
      { id: incidentId },
      { id: incidentId, format: 'md', redaction: 'internal' },
      { id: incidentId },
    ]);
  });

  it('reopens an incident by id, passing main’s answer and its errors through', async () => {
    const inputs: unknown[] = [];
    const opened = { incident: { id: incidentId, status: 'draft', work } };
    (window as Writable).triage = fakeBridge({
      openIncident: ((input: unknown) => {
        inputs.push(input);
        return Promise.resolve(
          inputs.length === 1
            ? { ok: true, value: opened }
            : { ok: false, error: { code: 'not-found', message: `Incident ${incidentId} does not exist (any more).` } },
        );
      }) as unknown as TriageBridge['openIncident'],
    });
    await expect(openIncident(incidentId)).resolves.toEqual({ ok: true, value: opened });
    await expect(openIncident(incidentId)).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: `Incident ${incidentId} does not exist (any more).` },
    });
    expect(inputs).toEqual([{ id: incidentId }, { id: incidentId }]);
  });

  it('re-diagnoses an incident by id, answering as reopening does, and passes a cancelled export through', async () => {
    const inputs: unknown[] = [];
    const opened = { incident: { id: incidentId, status: 'draft', work } };
    const cancelled = {
      path: null,
      bytes: 0,
      redacted: { otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 0 },
    };
    (window as Writable).triage = fakeBridge({
      rediagnoseIncident: ((input: unknown) => {
        inputs.push(input);
        return Promise.resolve({ ok: true, value: opened });
      }) as unknown as TriageBridge['rediagnoseIncident'],
      exportIncident: ((input: unknown) => {
        inputs.push(input);
        return Promise.resolve({ ok: true, value: cancelled });
      }) as unknown as TriageBridge['exportIncident'],
    });
    await expect(rediagnoseIncident(incidentId)).resolves.toEqual({ ok: true, value: opened });
    await expect(exportIncident(incidentId, 'pdf', 'external')).resolves.toEqual({ ok: true, value: cancelled });
    expect(inputs).toEqual([{ id: incidentId }, { id: incidentId, format: 'pdf', redaction: 'external' }]);
  });
});
