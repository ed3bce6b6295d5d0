import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../../core/ports/secret-store';
import { EXPORT_REDACTION_LEVELS, REPORT_FORMATS } from '../../core/report';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { Profile } from '../../shared/ipc/profiles';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { IncidentStore } from '../incidents/incident-store';
import { createIpcDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { createSenderPolicy, TrustedWebContents } from '../ipc/sender-policy';
import { DemoTenantHost } from '../profiles/profile-connection';
import type { MicrosoftCloud } from '../profiles/profile-connection';
import { demoTenantCloud, profileHandlerDeps } from '../profiles/profile-deps';
import { ProfileStore, secretAccount } from '../profiles/profile-store';
import { printHtmlToPdf } from '../report/chromium-pdf';
import { KeychainSecretStore } from '../secrets/keychain-secret-store';
import { AppSettingsStore } from '../settings/app-settings-store';
import { dataSecrets, dataSentinels, poisonedContoso } from '../test-support/poisoned-tenant';
import type { DataSecrets } from '../test-support/poisoned-tenant';
import {
  accessTokensIn,
  filePlaces,
  findLeaks,
  sentinelPrivateKeyPem,
  sentinelValue,
} from '../test-support/secret-sentinels';
import type { Place, Sentinel } from '../test-support/secret-sentinels';
import { TappedHttpsClient, TrafficLog } from '../test-support/tapped-https-client';

/*
 * Secret hygiene (issue 10): whole flows run with sentinel secrets — credentials in the real
 * keychain, secrets inside the vendor data, and the access tokens the demo tenant issues during
 * the run — and then every place a secret could end up is searched for every one of them, in
 * every form (raw, JSON-escaped, URL-encoded, base64): the main-process log (the dispatcher's
 * onError, as bootstrap logs it), console and stderr, every IPC answer and event, every file the
 * flows wrote (profiles, settings, incidents and their bundles, reports in every format and at
 * every level, CLI bundles and reports), and everything the real CLI printed. Zero hits expected;
 * the first test proves each of those captures would have caught a planted one.
 */

const CLI = resolve(__dirname, '../../../out/cli/signin-triage.js');
const POISONED_UPN = 'dmitri.volkov@contoso.com';
const POISONED_VERDICT = 'LEGACY_AUTH_STALE_PASSWORD';
const SENDER = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

// Credentials, planted in the keychain and accepted by the demo tenant.
const oktaApiToken = sentinelValue('okta-api-token');
const entraClientSecret = sentinelValue('entra-client-secret');
const oktaPrivateKeyPem = sentinelPrivateKeyPem();
// Wrong ones: the failure paths must not echo them either.
const wrongOktaToken = sentinelValue('wrong-okta-api-token');
const wrongEntraSecret = sentinelValue('wrong-entra-client-secret');
const data: DataSecrets = dataSecrets();

let dir: string;
let profilesFile: string;
let tenant: DemoTenant;
let entraCertificateKeyPem: string;
const traffic = new TrafficLog();
/** Everything the flows left behind that is not a file: logs, console, IPC answers, CLI output. */
const places: Place[] = [];
let call: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
/** Accounts whose keychain read fails with an error that quotes the secret (a buggy backend). */
const explodingAccounts = new Set<string>();

/** Every secret of the run: the planted credentials, the data secrets, and the issued tokens. */
function sentinels(): Sentinel[] {
  const issued = accessTokensIn(traffic.text()).map((value, i) => ({
    name: `issued access token ${String(i)}`,
    value,
  }));
  return [
    { name: 'Okta API token', value: oktaApiToken },
    { name: 'Entra client secret', value: entraClientSecret },
    { name: 'Okta service app private key', value: oktaPrivateKeyPem },
    { name: 'Entra certificate private key', value: entraCertificateKeyPem },
    { name: 'wrong Okta API token', value: wrongOktaToken },
    { name: 'wrong Entra client secret', value: wrongEntraSecret },
    ...dataSentinels(data),
    ...issued,
  ];
}

/** Scans everything gathered so far, and every file under the test's folder. */
async function leaks(): Promise<ReturnType<typeof findLeaks>> {
  return findLeaks([...places, ...(await filePlaces(dir))], sentinels());
}

/** A keychain whose reads of some accounts fail with the secret in the message, as a buggy backend might. */
function explodingKeychain(real: SecretStore): SecretStore {
  return {
    set: (account, secret) => real.set(account, secret),
    delete: (account) => real.delete(account),
    probe: () => real.probe(),
    read: async (account) => {
      const value = await real.read(account);
      if (explodingAccounts.has(account))
        // Worded so no credential name sits before the value: only the value itself can be recognised.
        throw new Error(`Secret Service returned a malformed item <${String(value)}> for ${account}`);
      return value;
    },
  };
}

/** Runs the built CLI as the technician would, with this test's profiles folder; its output is a place. */
function runCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        places.push({ where: `cli ${args.join(' ')} stdout`, text: stdout });
        places.push({ where: `cli ${args.join(' ')} stderr`, text: stderr });
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secret-hygiene-'));
  // Where the CLI (XDG_CONFIG_HOME) looks for the app's profiles: the flows and the CLI share them.
  profilesFile = join(dir, 'config', 'Sign-in Triage', 'profiles.json');
  await mkdir(join(dir, 'reports'), { recursive: true });

  // Everything logged anywhere in this process is a place: console (the demo tenant logs its own
  // errors there; SDKs warn there), and raw stderr/stdout writes.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      places.push({ where: `console.${method}`, text: format(...args) });
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      places.push({ where: stream === process.stdout ? 'stdout' : 'stderr', text: String(chunk) });
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
  }
  process.on('warning', (warning) => places.push({ where: 'process warning', text: String(warning.stack) }));

  tenant = await startDemoTenant({
    render: poisonedContoso(POISONED_UPN, data),
    credentials: { oktaApiToken, oktaPrivateKeyPem, entraClientSecret },
  });
  entraCertificateKeyPem = tenant.credentials.entra.certificateKeyPem;
  // The product's HTTPS client, tapped: what the token endpoints answer is read back here.
  const cloud: MicrosoftCloud = {
    ...demoTenantCloud(tenant),
    https: () =>
      new TappedHttpsClient(
        [{ origins: [tenant.oktaUrl, tenant.entraHost, tenant.graphUrl], caPem: tenant.caCertPem }],
        traffic.record,
      ),
  };
  const secrets = explodingKeychain(new KeychainSecretStore({ platform: process.platform }));
  const store = new ProfileStore(profilesFile, secrets);
  const trusted = new TrustedWebContents();
  trusted.add(SENDER.webContentsId);
  const dispatcher = createIpcDispatcher({
    handlers: createHandlers({
      secrets,
      profiles: profileHandlerDeps(store, cloud, new DemoTenantHost(tenant)),
      settings: new AppSettingsStore(join(dir, 'config', 'Sign-in Triage', 'settings.json')),
      incidents: new IncidentStore(join(dir, 'config', 'Sign-in Triage', 'incidents')),
      openExternal: () => Promise.resolve(),
      chooseSavePath: (defaultFileName) => Promise.resolve(join(dir, 'reports', basename(defaultFileName))),
      // The CLI's printer (the system Chromium, headless): the report's HTML printed for real.
      printPdf: async (html) => {
        const file = join(dir, `print-${String(Date.now())}.tmp.pdf`);
        await printHtmlToPdf(html, file);
        const bytes = await readFile(file);
        await rm(file);
        return bytes;
      },
    }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
    // As bootstrap logs it: the main-process log is this sink.
    onError: (channel, message) => places.push({ where: 'main log', text: `[ipc] ${channel}: ${message}` }),
  });
  call = async (channel, input) => {
    const events: unknown[] = [];
    const result = await dispatcher.dispatch(channel, SENDER, input, (event, payload) => {
      events.push({ event, payload });
    });
    places.push({ where: `ipc ${channel} answer`, text: JSON.stringify(result) });
    places.push({ where: `ipc ${channel} events`, text: JSON.stringify(events) });
    return result;
  };
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  const store = new ProfileStore(profilesFile, new KeychainSecretStore({ platform: process.platform }));
  for (const summary of await store.list().catch(() => []))
    if (!summary.builtIn) await store.delete(summary.profile.id);
  await tenant.stop();
  await rm(dir, { recursive: true, force: true });
});

function apiTokenProfile(id: string): Profile {
  return {
    id,
    name: `Sentinel ${id}`,
    okta: { orgUrl: tenant.oktaUrl, authMode: 'api-token' },
    entra: { tenant: tenant.tenantId, clientId: tenant.credentials.entra.clientId, authMode: 'client-secret' },
  };
}

function privateKeyProfile(id: string): Profile {
  return {
    id,
    name: `Sentinel ${id}`,
    okta: {
      orgUrl: tenant.oktaUrl,
      authMode: 'private-key',
      clientId: tenant.credentials.okta.clientId,
      keyId: tenant.credentials.okta.keyId,
    },
    entra: {
      tenant: tenant.tenantId,
      clientId: tenant.credentials.entra.clientId,
      authMode: 'certificate',
      certificatePem: tenant.credentials.entra.certificatePem,
    },
  };
}

function diagnosisRequest(runId: number, profileId: string, upn = POISONED_UPN) {
  return {
    runId,
    profileId,
    upn,
    symptom: 'outlook-desktop',
    since: new Date(Date.now() - 86_400_000).toISOString(),
    until: new Date().toISOString(),
  };
}

async function ok(channel: string, input: unknown): Promise<unknown> {
  const result = await call(channel, input);
  expect(result, `${channel} failed: ${JSON.stringify(result.error)}`).toMatchObject({ ok: true });
  return result.value;
}

/** Saves an API-token profile through IPC, with its Okta token and Entra client secret in the keychain. */
async function saveApiTokenProfile(id: string, oktaToken: string, entraSecret: string): Promise<Profile> {
  const profile = apiTokenProfile(id);
  await ok('profiles:save', { profile });
  await ok('secrets:set', { profileId: profile.id, kind: 'okta-api-token', value: oktaToken });
  await ok('secrets:set', { profileId: profile.id, kind: 'entra-client-secret', value: entraSecret });
  return profile;
}

describe('secret hygiene: whole flows with sentinel secrets', () => {
  it('positive control: the scan finds a planted secret in every kind of place it searches', async () => {
    const canary = sentinelValue('canary');
    const planted: Sentinel[] = [{ name: 'canary', value: canary }];
    const found = (where: RegExp, scanned: readonly Place[]): boolean =>
      findLeaks(scanned, planted).some((l) => where.test(l.where));

    // Each encoded form of it, in free text.
    for (const text of [
      `x ${canary} y`,
      JSON.stringify({ v: `"${canary}"` }),
      `a=${encodeURIComponent(`${canary} /`)}`,
      `Basic ${Buffer.from(`user:${canary}`).toString('base64')}`,
      Buffer.from(`ab${canary}`).toString('base64url'),
    ])
      expect(findLeaks([{ where: 'text', text }], planted), text).toHaveLength(1);
    // A PEM key re-wrapped on other line ends still leaks its lines.
    expect(
      findLeaks(
        [{ where: 'text', text: oktaPrivateKeyPem.replaceAll('\n', '\r\n') }],
        [{ name: 'key', value: oktaPrivateKeyPem }],
      ),
    ).toHaveLength(1);

    // The canary as a note (data, never masked): it must reach the IPC answers, the incident
    // file and every report format, PDF included, where the scan finds it.
    // Long enough for the scan (16 characters at least), lower case as profile ids are.
    const profileId = `canary-profile-${String(Date.now())}`;
    await ok('profiles:save', { profile: { ...apiTokenProfile(profileId), name: `Canary ${canary}` } });
    await ok('secrets:set', { profileId, kind: 'okta-api-token', value: oktaApiToken });
    await ok('secrets:set', { profileId, kind: 'entra-client-secret', value: entraClientSecret });
    const run = (await ok('diagnosis:run', diagnosisRequest(1, profileId, 'michael.chen@contoso.com'))) as {
      incidentId: string;
    };
    await ok('incidents:update', {
      id: run.incidentId,
      work: { step: 'notes', done: [], notes: `Caller read out ${canary}.`, status: 'draft' },
    });
    for (const format of REPORT_FORMATS)
      await ok('incidents:export', { id: run.incidentId, format, redaction: 'none' });
    const files = await filePlaces(dir);
    expect(found(/^ipc profiles:list answer|^ipc profiles:save answer/, places)).toBe(true);
    expect(found(/incidents[/\\]inc-[^/\\]+\.json$/, files)).toBe(true);
    for (const ext of ['\\.html', '\\.md', '\\.json', '\\.txt'])
      expect(found(new RegExp(`^file .*reports.*${ext}$`), files), ext).toBe(true);
    expect(found(/^pdf text .*reports.*\.pdf$/, files)).toBe(true);
    // The log, console and stderr captures.
    console.error('planted %s', canary);
    process.stderr.write(`planted ${canary}\n`);
    expect(found(/^console\.error$/, places)).toBe(true);
    expect(found(/^stderr$/, places)).toBe(true);
    // The main log: an unexpected handler error reaches onError. The exploding keychain's error
    // names the account, which holds the profile id: data, so nothing masks it.
    explodingAccounts.add(secretAccount(profileId, 'okta-api-token'));
    expect(await call('profiles:preflight', { id: profileId })).toMatchObject({ ok: false });
    explodingAccounts.clear();
    expect(findLeaks(places, [{ name: 'profile id', value: profileId }]).some((l) => l.where === 'main log')).toBe(
      true,
    );
    // Events: the run's progress was recorded (and is scanned like the answers).
    expect(places.find((p) => p.where === 'ipc diagnosis:run events')?.text).toContain('diagnosis:progress');
    // The CLI's output.
    const cli = await runCli(['preflight', '--profile', `no-such-${canary}`]);
    expect(cli.code).toBe(2);
    expect(found(/^cli .* stderr$/, places)).toBe(true);
    // Issued tokens are captured from the traffic: without them the scan would miss a whole kind.
    expect(accessTokensIn(traffic.text()).length).toBeGreaterThan(0);

    // Forget the canary's traces so the real scans below start clean.
    await ok('profiles:delete', { id: profileId });
    await ok('incidents:delete', { id: run.incidentId });
    await rm(join(dir, 'reports'), { recursive: true });
    await mkdir(join(dir, 'reports'));
    places.length = 0;
  }, 120_000);

  it('sets up profiles, tests them, diagnoses, keeps, re-diagnoses and exports everything: no secret anywhere', async () => {
    const a = await saveApiTokenProfile('sentinel-api-token', oktaApiToken, entraClientSecret);
    const b = privateKeyProfile('sentinel-private-key');
    await ok('profiles:save', { profile: b });
    await ok('secrets:set', { profileId: b.id, kind: 'okta-private-key', value: oktaPrivateKeyPem });
    await ok('secrets:set', { profileId: b.id, kind: 'entra-certificate-key', value: entraCertificateKeyPem });

    for (const profile of [a, b]) {
      const preflight = (await ok('profiles:preflight', { id: profile.id })) as { ok: boolean };
      expect(preflight.ok, `${profile.id}: ${JSON.stringify(preflight)}`).toBe(true);
    }
    await ok('profiles:list', {});
    await ok('entra:discover-tenant', { domain: 'contoso.com' });

    // Diagnose the poisoned user with both profiles; the data's secrets do not change the verdict.
    const ids: string[] = [];
    for (const [i, profile] of [a, b].entries()) {
      const run = (await ok('diagnosis:run', diagnosisRequest(10 + i, profile.id))) as {
        incidentId: string;
        diagnosis: { primary: { code: string } | null };
      };
      expect(run.diagnosis.primary?.code).toBe(POISONED_VERDICT);
      ids.push(run.incidentId);
    }
    const [first = '', second = ''] = ids;
    await ok('incidents:list', {});
    await ok('incidents:open', { id: first });
    await ok('incidents:update', {
      id: first,
      work: { step: 'fix', done: [0], notes: 'Reset the app password.', status: 'draft' },
    });
    const rediagnosed = (await ok('incidents:rediagnose', { id: first })) as {
      incident: { diagnosis: { primary: { code: string } | null } };
    };
    expect(rediagnosed.incident.diagnosis.primary?.code).toBe(POISONED_VERDICT);
    await ok('incidents:duplicate', { id: second });
    for (const redaction of EXPORT_REDACTION_LEVELS)
      for (const format of REPORT_FORMATS) await ok('incidents:export', { id: first, format, redaction });
    // The rest of the channels, so every answer of the contract has been scanned.
    await ok('app:get-status', {});
    await ok('settings:set', { startInScreenShare: true });
    await ok('settings:get', {});
    await ok('links:open', { url: 'https://entra.microsoft.com/' });
    await ok('diagnosis:cancel', { runId: 99 });
    await ok('incidents:delete', { id: second });
    await ok('profiles:delete', { id: 'no-such-profile' });
    const called = new Set(places.filter((p) => p.where.startsWith('ipc ')).map((p) => p.where.split(' ')[1]));
    expect([...called].sort()).toEqual([...IPC_CHANNELS].sort());

    // The tap saw the tokens of both Okta modes' and Entra's token endpoints.
    const issued = accessTokensIn(traffic.text());
    expect(issued.some((t) => t.startsWith('eyJ'))).toBe(true);
    expect(issued.some((t) => !t.startsWith('eyJ'))).toBe(true);

    expect(await leaks()).toEqual([]);
  }, 240_000);

  it('fails without echoing a secret: wrong secrets, 401s, and a keychain error that quotes one', async () => {
    const wrong = await saveApiTokenProfile('sentinel-wrong', wrongOktaToken, wrongEntraSecret);
    const preflight = (await ok('profiles:preflight', { id: wrong.id })) as { ok: boolean };
    expect(preflight.ok).toBe(false);
    const run = await call('diagnosis:run', diagnosisRequest(20, wrong.id));
    expect(run).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    // A keychain backend whose error quotes the secret it read: an unexpected error in the handler.
    const exploding = await saveApiTokenProfile('sentinel-exploding', oktaApiToken, entraClientSecret);
    explodingAccounts.add(secretAccount(exploding.id, 'okta-api-token'));
    const logged = places.filter((p) => p.where === 'main log').length;
    expect(await call('profiles:preflight', { id: exploding.id })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await call('diagnosis:run', diagnosisRequest(21, exploding.id))).toMatchObject({ ok: false });
    // Both went to the main log (so the scan below looked at what a leak would have written).
    expect(places.filter((p) => p.where === 'main log').length).toBeGreaterThanOrEqual(logged + 2);
    explodingAccounts.clear();

    expect(await leaks()).toEqual([]);
  }, 120_000);

  it('the CLI prints, saves and reports without a secret, on success and on failure', async () => {
    const a = await saveApiTokenProfile('sentinel-cli', oktaApiToken, entraClientSecret);
    // The CLI reaches Microsoft's public cloud for a profile, which is not there from here, and
    // does not trust the demo tenant's certificate: every call fails, each in its own words.
    const preflight = await runCli(['preflight', '--profile', a.id]);
    expect(preflight.code).toBe(1);
    expect(preflight.stdout).toContain('FAIL');
    const bundleFile = join(dir, 'cli-bundle.json');
    const diagnose = await runCli(['diagnose', POISONED_UPN, '--profile', a.id, '--save-bundle', bundleFile]);
    expect(diagnose.code).toBe(3);

    // A bundle with the data's secrets in it, as the API sent them (an older or hand-made bundle).
    const raw = join(dir, 'raw-bundle.json');
    const bundle = JSON.parse(await readFile(await firstBundle(), 'utf8')) as Record<string, unknown>;
    await writeFile(raw, JSON.stringify(plantDataSecrets(bundle)));
    expect(await readFile(raw, 'utf8')).toContain(data.password);
    const json = await runCli(['diagnose', '--bundle', raw, '--json']);
    expect(json.code).toBe(0);
    expect(await runCli(['diagnose', '--bundle', raw])).toMatchObject({ code: 0 });
    for (const redaction of EXPORT_REDACTION_LEVELS)
      for (const format of REPORT_FORMATS) {
        const out = join(dir, 'cli-reports', redaction, `report.${format}`);
        await mkdir(join(dir, 'cli-reports', redaction), { recursive: true });
        const report = await runCli([
          'report',
          '--bundle',
          raw,
          '--format',
          format,
          '--redact',
          redaction,
          '--out',
          out,
        ]);
        expect(report.code, report.stderr).toBe(0);
      }
    // The raw bundle itself is the test's input, not something the product wrote.
    await rm(raw);

    expect(await leaks()).toEqual([]);
  }, 300_000);
});

/** An incident bundle the flows above wrote. */
async function firstBundle(): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const folder = join(dir, 'config', 'Sign-in Triage', 'incidents');
  const name = (await readdir(folder)).find((n) => n.endsWith('.bundle.json'));
  if (name === undefined) throw new Error('no incident bundle was written');
  return join(folder, name);
}

/** The bundle with the data secrets put back into its first log event and sign-in, as sent. */
function plantDataSecrets(bundle: Record<string, unknown>): Record<string, unknown> {
  const okta = bundle.okta as { logEvents?: { debugContext?: { debugData?: Record<string, unknown> } }[] };
  const graph = bundle.graph as { signIns?: { status?: Record<string, unknown> }[] };
  const event = okta.logEvents?.[0];
  if (event?.debugContext?.debugData !== undefined) {
    event.debugContext.debugData.legacyLogin = `user=x&password=${data.password}`;
    event.debugContext.debugData.requestHeaders = `Authorization: Bearer ${data.bearerJwt}`;
    event.debugContext.debugData.formBody = `SAMLResponse=${encodeURIComponent(data.samlResponse)}`;
    event.debugContext.debugData.redirectUri = `https://x.example/?client_secret=${data.clientSecret}`;
  }
  const signIn = graph.signIns?.[0];
  if (signIn?.status !== undefined) signIn.status.additionalDetails = `password=${data.password}`;
  return bundle;
}
