import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../settings/app-settings-store';
import { handlersWith } from '../../test-support/handlers';
import { createIpcDispatcher } from '../dispatcher';
import type { IpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createSettingsHandlers } from './settings-handlers';

/* settings:get and settings:set through the real dispatcher, on a real file. */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-handlers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dispatcherFor(file: string): IpcDispatcher {
  const trusted = new TrustedWebContents();
  trusted.add(1);
  return createIpcDispatcher({
    handlers: handlersWith(createSettingsHandlers(new AppSettingsStore(file))),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
}

describe('settings over IPC', () => {
  it('answers the defaults, saves, and answers what was saved', async () => {
    const file = join(dir, 'settings.json');
    const dispatcher = dispatcherFor(file);
    expect(await dispatcher.dispatch('settings:get', sender, {})).toEqual({
      ok: true,
      value: { startInScreenShare: false },
    });
    expect(await dispatcher.dispatch('settings:set', sender, { startInScreenShare: true })).toEqual({
      ok: true,
      value: { startInScreenShare: true },
    });
    expect(await dispatcher.dispatch('settings:get', sender, {})).toEqual({
      ok: true,
      value: { startInScreenShare: true },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ settings: { startInScreenShare: true } });
  });

  it('refuses malformed settings before anything is written', async () => {
    const dispatcher = dispatcherFor(join(dir, 'untouched.json'));
    for (const input of [{}, { startInScreenShare: 'yes' }, { startInScreenShare: true, theme: 'dark' }]) {
      expect(await dispatcher.dispatch('settings:set', sender, input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(await dispatcher.dispatch('settings:get', sender, { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatcher.dispatch('settings:get', sender, {})).toEqual({
      ok: true,
      value: { startInScreenShare: false },
    });
  });

  it('says "unavailable", naming the file, when it cannot be written', async () => {
    // A folder where the file should be: the rename over it fails.
    const file = join(dir, 'is-a-folder');
    await mkdir(file);
    const result = await dispatcherFor(file).dispatch('settings:set', sender, { startInScreenShare: true });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringContaining(`The settings file ${file} could not be written`) as unknown,
      },
    });
  });
});
