import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { IPC_CONTRACT } from '../../shared/ipc/contract';
import type { Profile } from '../../shared/ipc/profiles';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { IncidentStore } from '../incidents/incident-store';
import { createIpcDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { createSenderPolicy, TrustedWebContents } from '../ipc/sender-policy';
import { KeychainSecretStore } from '../secrets/keychain-secret-store';
import { AppSettingsStore } from '../settings/app-settings-store';
import { DemoTenantHost } from './profile-connection';
import { demoTenantCloud, profileHandlerDeps } from './profile-deps';
import { secretAccount } from './profile-store';

/*
 * Tenant profiles with the real OS keychain (scripts/with-keyring.sh: a private gnome-keyring)
 * and a real demo tenant, through the real IPC dispatcher.
 */

const service = `Sign-in Triage profiles test ${randomUUID()}`;
const secrets = new KeychainSecretStore({ service, platform: process.platform });
const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

let dir: string;
let tenant: DemoTenant;
let call: (channel: string, input: unknown) => Promise<unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'));
  tenant = await startDemoTenant();
  const trusted = new TrustedWebContents();
  trusted.add(1);
  const { ProfileStore } = await import('./profile-store');
  const store = new ProfileStore(join(dir, 'profiles.json'), secrets);
  const dispatcher = createIpcDispatcher({
    handlers: createHandlers({
      secrets,
      profiles: profileHandlerDeps(store, demoTenantCloud(tenant), new DemoTenantHost(tenant)),
      settings: new AppSettingsStore(join(dir, 'settings.json')),
      incidents: new IncidentStore(join(dir, 'incidents')),
      openExternal: () => Promise.resolve(),
      // Reports are "saved" in the test's folder; PDF is the HTML printed (checked in its own tests).
      chooseSavePath: (defaultFileName) => Promise.resolve(join(dir, 'reports', basename(defaultFileName))),
      printPdf: () => Promise.reject(new Error('PDF is not exported in this test')),
    }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
  call = async (channel, input) => {
    const result = (await dispatcher.dispatch(channel, sender, input)) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string };
    };
    if (!result.ok) throw Object.assign(new Error(result.error?.message), { code: result.error?.code });
    return result.value;
  };
});

afterAll(async () => {
  await tenant.stop();
  await rm(dir, { recursive: true, force: true });
});

function demoProfile(): Profile {
  return {
    id: 'contoso-prod',
    name: 'Contoso production',
    okta: { orgUrl: tenant.oktaUrl, authMode: 'api-token' },
    entra: { tenant: tenant.tenantId, clientId: tenant.credentials.entra.clientId, authMode: 'client-secret' },
  };
}

describe('tenant profiles in the real keychain, through IPC', () => {
  it('creates a profile, stores its secrets write-only, tests it, updates it, and deletes it with its entries', async () => {
    const profile = demoProfile();
    const oktaToken = tenant.credentials.okta.apiToken;
    const clientSecret = tenant.credentials.entra.clientSecret;

    // create
    const saved = (await call('profiles:save', { profile })) as { secrets: { kind: string; configured: boolean }[] };
    expect(saved.secrets.every((s) => !s.configured)).toBe(true);
    expect(await call('secrets:set', { profileId: profile.id, kind: 'okta-api-token', value: oktaToken })).toEqual({
      kind: 'okta-api-token',
      configured: true,
    });
    await call('secrets:set', { profileId: profile.id, kind: 'entra-client-secret', value: clientSecret });
    expect(await secrets.read(secretAccount(profile.id, 'okta-api-token'))).toBe(oktaToken);

    // test: pre-flight with the stored secrets passes and marks them verified
    const report = (await call('profiles:preflight', { id: profile.id })) as {
      ok: boolean;
      checks: { status: string }[];
    };
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    const listed = (await call('profiles:list', {})) as {
      profiles: { profile: Profile; builtIn: boolean; secrets: { configured: boolean; verifiedAt: string | null }[] }[];
    };
    const mine = listed.profiles.find((p) => p.profile.id === profile.id);
    expect(mine?.secrets.every((s) => s.configured && s.verifiedAt !== null)).toBe(true);
    expect(listed.profiles[0]).toMatchObject({ builtIn: true, profile: { id: 'demo' } });

    // update: a new secret is stored and is no longer "verified"
    await call('secrets:set', { profileId: profile.id, kind: 'okta-api-token', value: `${oktaToken}-rotated` });
    expect(await secrets.read(secretAccount(profile.id, 'okta-api-token'))).toBe(`${oktaToken}-rotated`);
    const afterRotate = (await call('profiles:list', {})) as typeof listed;
    expect(
      afterRotate.profiles.find((p) => p.profile.id === profile.id)?.secrets.find((s) => s.verifiedAt === null),
    ).toBeDefined();
    // switching Okta to private-key authentication forgets the now meaningless API token
    await call('profiles:save', {
      profile: {
        ...profile,
        name: 'Contoso (renamed)',
        okta: { ...profile.okta, authMode: 'private-key', clientId: '0oa123' },
      },
    });
    expect(await secrets.read(secretAccount(profile.id, 'okta-api-token'))).toBeNull();

    // the settings file holds no secret
    const file = await readFile(join(dir, 'profiles.json'), 'utf8');
    expect(file).not.toContain(clientSecret);
    expect(file).not.toContain(oktaToken);

    // delete: the profile and its keychain entries are gone
    expect(await call('profiles:delete', { id: profile.id })).toEqual({ deleted: true });
    expect(await secrets.read(secretAccount(profile.id, 'entra-client-secret'))).toBeNull();
    const after = (await call('profiles:list', {})) as typeof listed;
    expect(after.profiles.map((p) => p.profile.id)).toEqual(['demo']);
  });

  it('refuses to change or delete the built-in demo profile, and secrets for a profile that does not exist', async () => {
    await expect(call('profiles:delete', { id: 'demo' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(call('profiles:save', { profile: { ...demoProfile(), id: 'demo' } })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(
      call('secrets:set', { profileId: 'nobody', kind: 'okta-api-token', value: 'x-123456789' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('never returns a secret: every channel’s answer, after secrets are stored, is free of them', async () => {
    const profile = { ...demoProfile(), id: 'secret-walk' };
    const values = [tenant.credentials.okta.apiToken, tenant.credentials.entra.clientSecret];
    await call('profiles:save', { profile });
    await call('secrets:set', { profileId: profile.id, kind: 'okta-api-token', value: values[0] });
    await call('secrets:set', { profileId: profile.id, kind: 'entra-client-secret', value: values[1] });
    // A real diagnosis with the stored secrets: its answer, and the incident it is kept as, must carry none.
    const diagnosisRequest = {
      runId: 1,
      profileId: profile.id,
      upn: 'dmitri.volkov@contoso.com',
      symptom: 'outlook-desktop',
      since: new Date(Date.now() - 86_400_000).toISOString(),
      until: new Date().toISOString(),
    };
    const { incidentId } = (await call('diagnosis:run', diagnosisRequest)) as { incidentId: string | null };
    expect(incidentId).not.toBeNull();
    // A second incident for the channels that come after incidents:delete in the walk.
    const { incidentId: keptId } = (await call('diagnosis:run', { ...diagnosisRequest, runId: 3 })) as {
      incidentId: string | null;
    };
    expect(keptId).not.toBeNull();
    const inputs: Record<string, unknown> = {
      'app:get-status': {},
      'profiles:list': {},
      'profiles:save': { profile },
      'profiles:delete': { id: 'no-such-profile' },
      'secrets:set': { profileId: profile.id, kind: 'okta-api-token', value: values[0] },
      'profiles:preflight': { id: profile.id },
      'entra:discover-tenant': { domain: 'contoso.com' },
      'diagnosis:run': { ...diagnosisRequest, runId: 2 },
      'diagnosis:cancel': { runId: 99 },
      'links:open': { url: 'https://entra.microsoft.com/' },
      'settings:get': {},
      'settings:set': { startInScreenShare: true },
      'incidents:list': {},
      'incidents:open': { id: incidentId },
      'incidents:update': {
        id: incidentId,
        work: { step: 'notes', done: [0], notes: 'Called back.', status: 'closed' },
      },
      'incidents:delete': { id: incidentId },
      // The least redacted report, with the evidence bundle in it: still no secret.
      'incidents:export': { id: keptId, format: 'json', redaction: 'none' },
      'incidents:duplicate': { id: keptId },
      'incidents:rediagnose': { id: keptId },
    };
    expect(Object.keys(inputs).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) {
      const answer = JSON.stringify(await call(channel, inputs[channel]));
      for (const value of values) expect(answer.includes(value), `${channel} answered with a secret`).toBe(false);
    }
    // Every other text format of the report, at the level that hides least.
    for (const format of ['html', 'md', 'ticket'] as const) {
      await call('incidents:export', { id: keptId, format, redaction: 'none' });
    }
    // Nor does anything the runs left on disk: the incident files and their evidence, and the reports.
    const reports = await readdir(join(dir, 'reports'));
    expect(reports).toHaveLength(4);
    for (const folder of ['incidents', 'reports']) {
      for (const name of await readdir(join(dir, folder))) {
        const text = await readFile(join(dir, folder, name), 'utf8');
        for (const value of values) expect(text.includes(value), `${name} holds a secret`).toBe(false);
      }
    }
    await call('profiles:delete', { id: profile.id });
  });

  it('has no output field that could carry a secret value, on any channel', () => {
    const fields: string[] = [];
    const walk = (schema: z.ZodType, path: string): void => {
      if (schema instanceof z.ZodObject) {
        const shape: Record<string, z.ZodType> = schema.shape;
        for (const [k, v] of Object.entries(shape)) {
          fields.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      } else if (schema instanceof z.ZodArray) walk(schema.element as z.ZodType, `${path}[]`);
      else if (
        schema instanceof z.ZodOptional ||
        schema instanceof z.ZodNullable ||
        schema instanceof z.ZodDefault ||
        // Read-only lists (the diagnosis, the incident list) are walked into like any other.
        schema instanceof z.ZodReadonly
      )
        walk(schema.unwrap() as z.ZodType, path);
      else if (schema instanceof z.ZodPipe) walk(schema.in as z.ZodType, path);
    };
    for (const channel of IPC_CHANNELS) walk(IPC_CONTRACT[channel].output, channel);
    expect(fields.length).toBeGreaterThan(30);
    expect(fields).toEqual(
      expect.arrayContaining([
        'incidents:list.incidents[].summary',
        'incidents:open.incident.work.notes',
        'incidents:rediagnose.incident.work.notes',
        'incidents:export.redacted.tokens',
      ]),
    );
    // Judge the field path, not the channel name ("secrets:set" is allowed to answer a status).
    const suspicious = fields
      .map((f) => f.slice(f.indexOf('.') + 1))
      .filter(
        (f) =>
          /secret|token|password|privatekey|private_key|(^|\.)value$|(^|\.)key$/i.test(f) &&
          !/(^|\.)secrets(\[\])?(\.(kind|configured|verifiedAt))?$/.test(f) &&
          // The value of the vendor-record field a finding cites (an ImmutableID, an error code),
          // in a diagnosis and in a reopened incident's; the answers above are checked for secrets.
          !/(^|\.)evidence\[\]\.value$/.test(f) &&
          // How many tokens an export masked: a count, never a token.
          f !== 'redacted.tokens',
      );
    expect(suspicious).toEqual([]);
  });

  it('discovers a tenant id from a domain through the OpenID configuration', async () => {
    expect(await call('entra:discover-tenant', { domain: 'contoso.com' })).toEqual({
      tenantId: tenant.tenantId.toLowerCase(),
    });
    await expect(call('entra:discover-tenant', { domain: 'not-a-tenant.example' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
