import { describe, expect, it } from 'vitest';
import { createSenderPolicy, originOf, TrustedWebContents } from './sender-policy';

describe('originOf', () => {
  it('keeps scheme, host and port, including for custom schemes', () => {
    expect(originOf('app://triage/index.html#x')).toBe('app://triage');
    expect(originOf('http://127.0.0.1:5173/a/b')).toBe('http://127.0.0.1:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('sender policy', () => {
  const trusted = new TrustedWebContents();
  trusted.add(1);
  const policy = createSenderPolicy(trusted, ['app://triage']);

  it('accepts the trusted top frame of the app origin', () => {
    expect(policy({ webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' })).toBe(true);
  });

  it('refuses file:// pages, look-alike hosts and user-info tricks', () => {
    for (const url of [
      'file:///work/out/renderer/index.html',
      'app://triage.evil/index.html',
      'app://evil@triage.example/',
      'https://triage/index.html',
    ]) {
      expect(policy({ webContentsId: 1, isTopFrame: true, url })).toBe(false);
    }
  });

  it('stops trusting a WebContents once removed', () => {
    const set = new TrustedWebContents();
    set.add(3);
    const p = createSenderPolicy(set, ['app://triage']);
    expect(p({ webContentsId: 3, isTopFrame: true, url: 'app://triage/' })).toBe(true);
    set.remove(3);
    expect(p({ webContentsId: 3, isTopFrame: true, url: 'app://triage/' })).toBe(false);
  });
});
