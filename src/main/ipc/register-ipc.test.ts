import { describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../shared/ipc/app-status';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { createIpcDispatcher } from './dispatcher';
import { handlersWith } from '../test-support/handlers';
import { createSenderPolicy, TrustedWebContents } from './sender-policy';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const registered = vi.hoisted(() => new Map<string, Listener>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('./register-ipc');

const STATUS: AppStatus = {
  productName: 'Sign-in Triage',
  version: '1.0.0',
  runtime: { platform: 'linux', node: '20', electron: '45.0.0', chrome: '140' },
  keychain: { state: 'available', backend: 'Secret Service (libsecret)', detail: 'ok' },
};

function event(senderId: number, frame: { url: string; parent: unknown } | null) {
  return { sender: { id: senderId }, senderFrame: frame };
}

describe('registerIpc', () => {
  const trusted = new TrustedWebContents();
  trusted.add(5);
  const dispatcher = createIpcDispatcher({
    handlers: handlersWith({ 'app:get-status': () => Promise.resolve(STATUS) }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });

  it('registers every contract channel and removes them again', () => {
    const unregister = registerIpc(dispatcher);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers the trusted top frame and refuses iframes, dead frames and other WebContents', async () => {
    registerIpc(dispatcher);
    const call = registered.get('app:get-status');
    if (call === undefined) throw new Error('not registered');
    const top = { url: 'app://triage/index.html', parent: null };
    await expect(call(event(5, top), {})).resolves.toEqual({ ok: true, value: STATUS });

    const refusals = await Promise.all([
      call(event(5, { url: 'app://triage/index.html', parent: top }), {}),
      call(event(5, null), {}),
      call(event(6, top), {}),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('refuses invalid input from the trusted window', async () => {
    registerIpc(dispatcher);
    const call = registered.get('app:get-status');
    const result = await call?.(event(5, { url: 'app://triage/', parent: null }), { path: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
