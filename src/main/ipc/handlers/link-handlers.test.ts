import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH } from '../../../shared/ipc/links';
import { handlersWith } from '../../test-support/handlers';
import { createIpcDispatcher } from '../dispatcher';
import type { IpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createLinkHandlers } from './link-handlers';
import type { OpenExternal } from './link-handlers';

/* links:open through the real dispatcher, with a recorder standing in for shell.openExternal. */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

function dispatcherWith(openExternal: OpenExternal): IpcDispatcher {
  const trusted = new TrustedWebContents();
  trusted.add(1);
  return createIpcDispatcher({
    handlers: handlersWith(createLinkHandlers({ openExternal })),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
}

describe('links:open', () => {
  it('hands an allow-listed console link to the system browser', async () => {
    const opened: string[] = [];
    const dispatcher = dispatcherWith((url) => {
      opened.push(url);
      return Promise.resolve();
    });
    const link = 'https://acme-admin.okta.com/report/system_log_2?search=actor.id+eq+%2200u1%22&fromTime=x';
    expect(await dispatcher.dispatch('links:open', sender, { url: link })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual([link]);
  });

  it('refuses anything else as invalid input, without calling the opener', async () => {
    const opened: string[] = [];
    const dispatcher = dispatcherWith((url) => {
      opened.push(url);
      return Promise.resolve();
    });
    for (const url of ['file:///etc/passwd', 'https://evil.example/', 'https://u:p@entra.microsoft.com/']) {
      expect(await dispatcher.dispatch('links:open', sender, { url })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(/^This link was not opened: /) as unknown },
      });
    }
    // The contract refuses an over-long link before the handler sees it.
    const long = `https://entra.microsoft.com/?q=${'a'.repeat(MAX_LINK_LENGTH)}`;
    expect(await dispatcher.dispatch('links:open', sender, { url: long })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await dispatcher.dispatch('links:open', sender, { url: 'https://entra.microsoft.com/', extra: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(opened).toEqual([]);
  });

  it('answers opened: false when the OS cannot open it', async () => {
    const dispatcher = dispatcherWith(() => Promise.reject(new Error('no handler for https')));
    expect(await dispatcher.dispatch('links:open', sender, { url: 'https://entra.microsoft.com/' })).toEqual({
      ok: true,
      value: { opened: false },
    });
  });
});
