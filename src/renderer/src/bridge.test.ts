import { afterEach, describe, expect, it } from 'vitest';
import type { TriageBridge } from '../../shared/ipc/contract';
import { fetchAppStatus } from './bridge';

type Writable = { triage?: TriageBridge };

afterEach(() => {
  delete (window as Writable).triage;
});

describe('renderer bridge module', () => {
  it('says so when the page runs outside the app', async () => {
    await expect(fetchAppStatus()).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('turns a rejected call into an error result instead of throwing', async () => {
    (window as Writable).triage = { getAppStatus: () => Promise.reject(new Error('channel closed')) };
    await expect(fetchAppStatus()).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'channel closed' },
    });
  });
});
