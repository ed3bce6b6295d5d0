import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/ipc/app-status';
import { createIpcDispatcher } from './dispatcher';
import { handlersWith } from '../test-support/handlers';
import type { HandlerMap, Refusal } from './dispatcher';
import { IpcFailure } from './ipc-failure';
import { createSenderPolicy, TrustedWebContents } from './sender-policy';
import type { SenderInfo } from './sender-policy';

const STATUS: AppStatus = {
  productName: 'Sign-in Triage',
  version: '1.2.3',
  runtime: { platform: 'linux', node: '20.0.0', electron: null, chrome: null },
  keychain: { state: 'available', backend: 'Secret Service (libsecret)', detail: 'ok' },
};

const trustedSender: SenderInfo = { webContentsId: 7, isTopFrame: true, url: 'app://triage/index.html' };

function setup(handler: HandlerMap['app:get-status']) {
  const trusted = new TrustedWebContents();
  trusted.add(7);
  const errors: string[] = [];
  const refusals: Refusal[] = [];
  const dispatcher = createIpcDispatcher({
    handlers: handlersWith({ 'app:get-status': handler }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
    onError: (channel, message) => errors.push(`${channel}: ${message}`),
    onRefused: (refusal) => refusals.push(refusal),
  });
  return { dispatcher, errors, refusals };
}

describe('IPC dispatcher', () => {
  it('runs the handler for a trusted sender with valid input', async () => {
    const { dispatcher } = setup(() => Promise.resolve(STATUS));
    await expect(dispatcher.dispatch('app:get-status', trustedSender, {})).resolves.toEqual({
      ok: true,
      value: STATUS,
    });
  });

  it('refuses invalid input without calling the handler, naming the field but not the value', async () => {
    let called = false;
    const { dispatcher } = setup(() => {
      called = true;
      return Promise.resolve(STATUS);
    });
    const result = await dispatcher.dispatch('app:get-status', trustedSender, { token: 'SSWS super-secret' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toContain('token');
      expect(result.error.message).not.toContain('super-secret');
    }
    const notAnObject = await dispatcher.dispatch('app:get-status', trustedSender, 'drop table');
    expect(notAnObject.ok ? null : notAnObject.error.code).toBe('invalid-input');
  });

  it('refuses an untrusted sender: unknown WebContents, iframe, foreign origin, dead frame', async () => {
    let called = false;
    const { dispatcher } = setup(() => {
      called = true;
      return Promise.resolve(STATUS);
    });
    const senders: SenderInfo[] = [
      { ...trustedSender, webContentsId: 8 },
      { ...trustedSender, isTopFrame: false },
      { ...trustedSender, url: 'https://evil.example/index.html' },
      { ...trustedSender, url: 'app://other/index.html' },
      { ...trustedSender, url: null },
    ];
    for (const sender of senders) {
      const result = await dispatcher.dispatch('app:get-status', sender, {});
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'untrusted-sender' }) });
    }
    expect(called).toBe(false);
  });

  it('refuses an unknown channel, including prototype names', async () => {
    const { dispatcher } = setup(() => Promise.resolve(STATUS));
    for (const channel of ['app:nope', '__proto__', 'constructor', 'toString']) {
      const result = await dispatcher.dispatch(channel, trustedSender, {});
      expect(result.ok ? null : result.error.code).toBe('unknown-channel');
    }
  });

  it('turns an unexpected error into a generic result and logs it redacted', async () => {
    const { dispatcher, errors } = setup(() => Promise.reject(new Error('upstream said Authorization: SSWS 00secret')));
    const result = await dispatcher.dispatch('app:get-status', trustedSender, {});
    expect(result.ok ? null : result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('00secret');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('SSWS [redacted]');
    expect(errors[0]).not.toContain('00secret');
  });

  it('passes a deliberate IpcFailure through with its code', async () => {
    const { dispatcher } = setup(() => Promise.reject(new IpcFailure('unavailable', 'Keychain is locked.')));
    await expect(dispatcher.dispatch('app:get-status', trustedSender, {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Keychain is locked.' },
    });
  });

  it('refuses a handler output that breaks the contract, so undeclared fields cannot leak', async () => {
    const leaky = { ...STATUS, apiToken: 'SSWS 00leak' } as AppStatus;
    const { dispatcher, errors } = setup(() => Promise.resolve(leaky));
    const result = await dispatcher.dispatch('app:get-status', trustedSender, {});
    expect(result.ok ? null : result.error.code).toBe('invalid-output');
    expect(JSON.stringify(result)).not.toContain('leak');
    expect(errors[0]).toContain('apiToken');
  });
});

describe('IPC dispatcher refusals are logged', () => {
  it.each([
    [
      'a WebContents the app did not create',
      { ...trustedSender, webContentsId: 8 },
      'WebContents 8, top frame, app://triage',
    ],
    ['an iframe of the app’s window', { ...trustedSender, isTopFrame: false }, 'WebContents 7, subframe, app://triage'],
    [
      'a page of another origin (its path and query stay out of the log)',
      { ...trustedSender, url: 'https://evil.example/steal?token=SSWS%2000secret#x' },
      'WebContents 7, top frame, https://evil.example',
    ],
    ['a frame that is gone', { ...trustedSender, url: null }, 'WebContents 7, top frame, no frame'],
  ] as const)('from %s', async (_name, sender, detail) => {
    const { dispatcher, refusals } = setup(() => Promise.resolve(STATUS));
    await dispatcher.dispatch('app:get-status', sender, {});
    expect(refusals).toEqual([{ channel: 'app:get-status', code: 'untrusted-sender', detail }]);
  });

  it('logs invalid input by field and problem, never the value, however large', async () => {
    const { dispatcher, refusals } = setup(() => Promise.resolve(STATUS));
    const huge = `SSWS 00secret${'x'.repeat(1_000_000)}`;
    await dispatcher.dispatch('app:get-status', trustedSender, { token: huge });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ channel: 'app:get-status', code: 'invalid-input' });
    expect(refusals[0]?.detail).toContain('token');
    expect(JSON.stringify(refusals)).not.toContain('00secret');
    expect(JSON.stringify(refusals).length).toBeLessThan(500);
  });

  it('logs an unknown channel quoted, cut short and with control and bidi characters escaped', async () => {
    const { dispatcher, refusals } = setup(() => Promise.resolve(STATUS));
    await dispatcher.dispatch('evil\n[ipc] forged line\u202e', trustedSender, {});
    await dispatcher.dispatch('a'.repeat(10_000), trustedSender, {});
    expect(refusals.map((r) => r.code)).toEqual(['unknown-channel', 'unknown-channel']);
    expect(refusals[0]?.channel).toBe('"evil\\n[ipc] forged line\\u202e"');
    expect(refusals[1]?.channel).toBe(`"${'a'.repeat(64)}…"`);
    for (const r of refusals) expect(r.channel).not.toMatch(/[\n\u202e]/);
  });

  it('logs nothing for a call it accepts', async () => {
    const { dispatcher, refusals } = setup(() => Promise.resolve(STATUS));
    await dispatcher.dispatch('app:get-status', trustedSender, {});
    expect(refusals).toEqual([]);
  });
});

describe('IPC dispatcher events', () => {
  it('delivers a handler’s events that fit the event contract, and drops (and logs) those that do not', async () => {
    const trusted = new TrustedWebContents();
    trusted.add(7);
    const errors: string[] = [];
    const dispatcher = createIpcDispatcher({
      handlers: handlersWith({
        'diagnosis:cancel': (_input, ctx) => {
          ctx.emit('diagnosis:progress', { runId: 1, step: 'okta.user', phase: 'started' });
          ctx.emit('diagnosis:progress', {
            runId: 1,
            step: 'okta.user',
            phase: 'started',
            token: 'SSWS 00leak',
          } as never);
          return Promise.resolve({ cancelled: false });
        },
      }),
      isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
      onError: (channel, message) => errors.push(`${channel}: ${message}`),
    });
    const delivered: unknown[] = [];
    const result = await dispatcher.dispatch('diagnosis:cancel', trustedSender, { runId: 1 }, (channel, payload) =>
      delivered.push([channel, payload]),
    );
    expect(result).toEqual({ ok: true, value: { cancelled: false } });
    expect(delivered).toEqual([['diagnosis:progress', { runId: 1, step: 'okta.user', phase: 'started' }]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('token');
    expect(errors[0]).not.toContain('00leak');
  });
});
