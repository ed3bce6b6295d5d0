import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * The app cannot be packaged on the CI machines (no Electron binary), so the packaging
 * decisions are checked in the config itself.
 */
const config = parse(readFileSync(resolve(__dirname, '../../electron-builder.yml'), 'utf8')) as {
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean };
  asarUnpack: string[];
};

describe('electron-builder config', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS and dmg from an asar with native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('ships only the build output, not sources or source maps', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
  });
});
