import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * Finds the Electron binary without `require('electron')`, which would try to download it.
 * Returns the path, or the reason there is none.
 */
function electronBinary(): { path: string } | { reason: string } {
  const pkg = resolve(__dirname, '../node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile))
    return {
      reason: 'no Electron binary installed (node_modules/electron/path.txt missing: the download was skipped)',
    };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = join(override ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(path) ? { path } : { reason: `no Electron binary at ${path}` };
}

const binary = electronBinary();

test('the packaged-style app starts with a sandboxed, bridged renderer', async () => {
  if ('reason' in binary) {
    console.log(`[electron-smoke] skipped: ${binary.reason}`);
    test.skip(true, binary.reason);
    return;
  }
  const app = await electron.launch({
    executablePath: binary.path,
    args: [resolve(__dirname, '../out/main/index.js')],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Sign-in Triage' })).toBeVisible();
    expect(page.url()).toBe('app://triage/index.html');
    const exposed = await page.evaluate(() => ({
      bridge: typeof (window as unknown as { triage?: unknown }).triage,
      node: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridge: 'object', node: 'undefined' });
    // The real IPC path: preload → ipcMain → dispatcher → handler.
    await expect(page.getByTestId('app-version')).toHaveText(/\d+\.\d+\.\d+/);
    // Navigation away is denied by the hardened WebContents.
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://triage/index.html');
  } finally {
    await app.close();
  }
});
