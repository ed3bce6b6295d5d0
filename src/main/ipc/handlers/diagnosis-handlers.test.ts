import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { DiagnosisProgress } from '../../../shared/ipc/diagnosis';
import { connectToDemoTenant } from '../../collect/demo-connection';
import { startDemoTenant } from '../../demo-tenant/demo-tenant';
import { listDemoUsers } from '../../demo-tenant/demo-users';
import type { DemoTenant } from '../../demo-tenant/demo-tenant';
import { IncidentStore } from '../../incidents/incident-store';
import { handlersWith } from '../../test-support/handlers';
import { createIpcDispatcher } from '../dispatcher';
import type { IpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createDiagnosisHandlers, nothingCollectedMessage } from './diagnosis-handlers';

/*
 * diagnosis:run and diagnosis:cancel through the real dispatcher, collecting from the demo
 * tenant through the official SDKs.
 */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

// Every run is kept as an incident (incident-handlers.test.ts looks at them); here they pile up in one folder.
let incidentsDir: string;
beforeAll(async () => {
  incidentsDir = await mkdtemp(join(tmpdir(), 'diagnosis-incidents-'));
});
afterAll(async () => {
  await rm(incidentsDir, { recursive: true, force: true });
});

function dispatcherFor(tenant: DemoTenant): IpcDispatcher {
  const trusted = new TrustedWebContents();
  trusted.add(1);
  return createIpcDispatcher({
    handlers: handlersWith(
      createDiagnosisHandlers({
        connect: (_id, limits) => Promise.resolve(connectToDemoTenant(tenant, limits)),
        incidents: new IncidentStore(incidentsDir),
      }),
    ),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
}

function request(runId: number, upn: string, symptom = 'outlook-desktop') {
  const until = new Date().toISOString();
  return { runId, profileId: 'demo', upn, symptom, since: new Date(Date.now() - 86_400_000).toISOString(), until };
}

describe('diagnosis over IPC', () => {
  let tenant: DemoTenant;
  beforeAll(async () => {
    tenant = await startDemoTenant();
  });
  afterAll(async () => {
    await tenant.stop();
  });

  it('collects, pushes progress tagged with the run id to the caller, and returns the diagnosis', async () => {
    const events: { channel: string; payload: DiagnosisProgress }[] = [];
    const result = await dispatcherFor(tenant).dispatch(
      'diagnosis:run',
      sender,
      request(4, 'dmitri.volkov@contoso.com'),
      (channel, payload) => events.push({ channel, payload: payload as DiagnosisProgress }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        runId: 4,
        diagnosis: { primary: { code: 'LEGACY_AUTH_STALE_PASSWORD' } },
        incidentId: expect.stringMatching(/^inc-\d{8}T\d{6}Z-[0-9a-f]{8}$/) as unknown,
      },
    });
    expect(result.ok && 'saveError' in (result.value as object)).toBe(false);
    expect(events.every((e) => e.channel === 'diagnosis:progress' && e.payload.runId === 4)).toBe(true);
    expect(events.some((e) => e.payload.step === 'okta.logEvents' && e.payload.phase === 'done')).toBe(true);
  });

  it('returns the raw record behind each cited piece of evidence, and nothing else of the bundle', async () => {
    const result = await dispatcherFor(tenant).dispatch(
      'diagnosis:run',
      sender,
      request(6, 'dmitri.volkov@contoso.com'),
    );
    if (!result.ok) throw new Error(result.error.message);
    const { diagnosis, records } = result.value as ChannelOutput<'diagnosis:run'>;
    // The diagnosis itself carries pointers, never vendor objects.
    expect(JSON.stringify(diagnosis)).not.toContain('"debugContext"');
    const cited = new Set(diagnosis.findings.flatMap((f) => f.evidence.map((e) => `${e.source} ${e.id}`)));
    const returned = records.map((r) => `${r.source} ${r.id}`);
    expect(new Set(returned).size).toBe(returned.length);
    for (const key of returned) expect(cited.has(key), key).toBe(true);
    // The legacy-auth verdict rests on System Log events: each comes back whole, as JSON text.
    const events = records.filter((r) => r.source === 'okta.logEvent');
    expect(events.length).toBeGreaterThan(0);
    for (const record of events) {
      const event = JSON.parse(record.json) as { uuid: string; debugContext?: unknown };
      expect(event.uuid).toBe(record.id);
      expect(event.debugContext).toBeDefined();
      expect(record.json).toBe(JSON.stringify(event, null, 2));
    }
  });

  it('returns console links for the same queries; the demo tenant has no Okta admin console', async () => {
    const req = request(7, 'dmitri.volkov@contoso.com');
    const result = await dispatcherFor(tenant).dispatch('diagnosis:run', sender, req);
    if (!result.ok) throw new Error(result.error.message);
    const { links } = result.value as ChannelOutput<'diagnosis:run'>;
    expect(links.okta).toMatchObject({
      url: null,
      reason: 'The demo tenant has no admin console',
      since: new Date(req.since).toISOString(),
      until: new Date(req.until).toISOString(),
    });
    // The demo tenant knows Dmitri, so the collector searched the System Log by his Okta id.
    expect(links.okta.query).toMatch(/^actor\.id eq "00u[^"]+" and \(eventType eq /);
    expect(links.entra.url).toBe('https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SignInLogsList.ReactView');
    expect(links.entra.filter).toMatch(/^userPrincipalName eq 'dmitri\.volkov@contoso\.com' and createdDateTime ge /);
    expect(links.graphExplorer.request).toBe(
      `auditLogs/signIns?$filter=(${links.entra.filter}) and signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')`,
    );
    expect(new URL(links.graphExplorer.url).searchParams.get('request')).toBe(links.graphExplorer.request);
  });

  it('answers within the output contract for every demo user, records and links included', async () => {
    const dispatcher = dispatcherFor(tenant);
    const users = listDemoUsers();
    const results = await Promise.all(
      users.map((user, i) => dispatcher.dispatch('diagnosis:run', sender, request(100 + i, user.upn, user.symptom))),
    );
    // An output the contract refuses would come back as 'invalid-output'.
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const answers = results.map((r) => (r.ok ? (r.value as ChannelOutput<'diagnosis:run'>) : null));
    expect(answers.filter((a) => a !== null && a.records.length > 0).length).toBeGreaterThan(users.length / 2);
    // A run without records cites only the request itself, or an app the user is not assigned to (404).
    for (const answer of answers.filter((a) => a !== null && a.records.length === 0)) {
      const sources = new Set(answer?.diagnosis.findings.flatMap((f) => f.evidence.map((e) => e.source)));
      expect([...sources].filter((source) => source !== 'subject' && source !== 'okta.appUser')).toEqual([]);
    }
  });

  it('refuses a bad request before collecting anything', async () => {
    const events: unknown[] = [];
    const result = await dispatcherFor(tenant).dispatch(
      'diagnosis:run',
      sender,
      { ...request(5, 'not a upn'), upn: 'not a upn' },
      (c, p) => events.push([c, p]),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/user principal name/) as unknown },
    });
    expect(events).toEqual([]);
  });
});

describe('cancelling a diagnosis', () => {
  it('stops a slow run and answers "cancelled"', async () => {
    const slow = await startDemoTenant({ faults: { latencyMs: { '*': 400 } } });
    try {
      const dispatcher = dispatcherFor(slow);
      const running = dispatcher.dispatch(
        'diagnosis:run',
        sender,
        request(9, 'michael.chen@contoso.com'),
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      const started = performance.now();
      expect(await dispatcher.dispatch('diagnosis:cancel', sender, { runId: 9 })).toEqual({
        ok: true,
        value: { cancelled: true },
      });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(await dispatcher.dispatch('diagnosis:cancel', sender, { runId: 9 })).toEqual({
        ok: true,
        value: { cancelled: false },
      });
    } finally {
      await slow.stop();
    }
  });
});

describe('nothingCollectedMessage', () => {
  it('gives each distinct reason once, with the sources it stopped', () => {
    expect(
      nothingCollectedMessage([
        { source: 'okta.user', reason: 'Okta sent a response that is not valid JSON.' },
        { source: 'graph.user', reason: 'Microsoft Graph: token refused' },
        { source: 'okta.logEvents', reason: 'Okta sent a response that is not valid JSON.' },
      ]),
    ).toBe(
      'Nothing could be collected:\n' +
        'Okta sent a response that is not valid JSON. (okta.user, okta.logEvents)\n' +
        'Microsoft Graph: token refused (graph.user)',
    );
  });
});
