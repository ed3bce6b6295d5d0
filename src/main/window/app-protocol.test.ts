import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppAsset } from './app-protocol';

const root = resolve('/srv/app/renderer');

describe('resolveAppAsset', () => {
  it('maps the root and asset paths inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://triage/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://triage/assets/index-1.js?v=1')).toBe(join(root, 'assets/index-1.js'));
  });

  it('never resolves outside the renderer folder, whatever the encoding', () => {
    for (const url of [
      'app://triage/../../etc/passwd',
      'app://triage/%2e%2e/%2e%2e/etc/passwd',
      'app://triage/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://triage/%2e%2e%5c%2e%2e%5cwindows',
      'app://triage/%E0%A4%A',
    ]) {
      const file = resolveAppAsset(root, url);
      expect(file === null || file.startsWith(root + '/'), url).toBe(true);
    }
    // The URL parser collapses plain dot segments, so these stay inside the folder…
    expect(resolveAppAsset(root, 'app://triage/../../etc/passwd')).toBe(join(root, 'etc/passwd'));
    // …and percent-encoded slashes that would climb out after decoding are refused.
    expect(resolveAppAsset(root, 'app://triage/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('refuses other hosts, other schemes, NUL bytes and malformed escapes', () => {
    for (const url of [
      'app://other/index.html',
      'file:///srv/app/renderer/index.html',
      'app://triage/index.html%00.png',
      'app://triage/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });

  it('types what it serves', () => {
    expect(mimeTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/x.exe')).toBe('application/octet-stream');
  });
});
