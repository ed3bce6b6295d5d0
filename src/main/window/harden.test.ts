import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeWebContents } from '../test-support/fake-web-contents';
import { hardenSession, hardenWebContents } from './harden';

describe('hardenSession', () => {
  it('denies every permission request, check and device permission', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const ses = {
      setPermissionRequestHandler: (h: (...a: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...a: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...a: never[]) => unknown) => (handlers.device = h),
    };
    hardenSession(ses as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      (handlers.request as (c: unknown, p: string, cb: (v: boolean) => void) => void)({}, permission, (v) =>
        answers.push(v),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'media')).toBe(false);
    expect((handlers.device as (...a: unknown[]) => boolean)({})).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('applies to any WebContents, not only the main window', () => {
    const contents = new FakeWebContents(99);
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://triage/index.html' })).toEqual({ action: 'deny' });
  });
});
