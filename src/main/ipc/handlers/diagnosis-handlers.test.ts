import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisProgress } from '../../../shared/ipc/diagnosis';
import { connectToDemoTenant } from '../../collect/demo-connection';
import { startDemoTenant } from '../../demo-tenant/demo-tenant';
import type { DemoTenant } from '../../demo-tenant/demo-tenant';
import { handlersWith } from '../../test-support/handlers';
import { createIpcDispatcher } from '../dispatcher';
import type { IpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createDiagnosisHandlers } from './diagnosis-handlers';

/*
 * diagnosis:run and diagnosis:cancel through the real dispatcher, collecting from the demo
 * tenant through the official SDKs.
 */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

function dispatcherFor(tenant: DemoTenant): IpcDispatcher {
  const trusted = new TrustedWebContents();
  trusted.add(1);
  return createIpcDispatcher({
    handlers: handlersWith(
      createDiagnosisHandlers({ connect: (_id, limits) => Promise.resolve(connectToDemoTenant(tenant, limits)) }),
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
      value: { runId: 4, diagnosis: { primary: { code: 'LEGACY_AUTH_STALE_PASSWORD' } } },
    });
    expect(events.every((e) => e.channel === 'diagnosis:progress' && e.payload.runId === 4)).toBe(true);
    expect(events.some((e) => e.payload.step === 'okta.logEvents' && e.payload.phase === 'done')).toBe(true);
    // The bundle stays in main: no raw vendor object crosses IPC.
    expect(JSON.stringify(result)).not.toContain('"debugContext"');
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
