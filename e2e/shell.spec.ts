import { mkdir } from 'node:fs/promises';
import { version } from '../package.json';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../src/shared/ipc/channels';
import { expect, test } from './fixtures/app';

test.describe('app shell in Chromium, bridged to the real main handlers', () => {
  test('shows the product, the real status from main, and re-checks on click', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);

    await expect(page.getByRole('banner').getByRole('heading', { name: 'Sign-in Triage' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /why can.t this user sign in/i })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(version);

    // The keychain line must say what the real store says in this process.
    const probe = await app.secrets.probe();
    const expected = `${probe.backend}: ${probe.state === 'available' ? 'ready' : 'unavailable'}`;
    await expect(page.getByTestId('keychain-state')).toHaveText(expected);

    const recheck = page.getByRole('button', { name: 'Check again' });
    await recheck.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('app-version')).toHaveText(version);
    await recheck.click();
    await expect(page.getByTestId('keychain-state')).toHaveText(expected);

    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/shell-light.png', fullPage: true });

    // Not one CSP violation or page error with the production policy in force.
    expect(app.consoleErrors).toEqual([]);
    expect(app.mainErrors).toEqual([]);
  });

  test('exposes only the bridge: no Node, no ipcRenderer, no raw channel access', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    const globals = await page.evaluate(() => ({
      bridgeKeys: Object.keys((window as unknown as { triage: object }).triage),
      frozen: Object.isFrozen((window as unknown as { triage: object }).triage),
      hasRequire: 'require' in window,
      hasProcess: 'process' in window,
      hasIpc: 'ipcRenderer' in window,
    }));
    expect(globals).toEqual({
      bridgeKeys: [...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)],
      frozen: true,
      hasRequire: false,
      hasProcess: false,
      hasIpc: false,
    });
  });

  test('main refuses invalid input sent through the bridge', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    const result = await page.evaluate(() =>
      (window as unknown as { triage: { getAppStatus: (i: unknown) => Promise<unknown> } }).triage.getAppStatus({
        path: '../../etc/passwd',
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Logged by main with the field, never the value the page sent.
    expect(app.refusals).toEqual(['app:get-status: invalid-input ((input): Unrecognized key: "path")']);
  });

  test('main refuses a page of another origin, and the page says so', async ({ app }) => {
    const { page } = app;
    // Same files, but "localhost" is not the trusted origin "127.0.0.1".
    await page.goto(app.origin.replace('127.0.0.1', 'localhost') + '/');
    await expect(page.getByText('Could not reach the app')).toBeVisible();
    // Said by the status card, by the tenant step and by recent incidents: none could be read.
    await expect(page.getByText(/did not come from the app's own window/)).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeDisabled();
    // Each refused call is in main's log, with the origin that asked and no more of its URL.
    expect(app.refusals.length).toBeGreaterThanOrEqual(3);
    for (const line of app.refusals)
      expect(line).toMatch(/^[a-z:-]+: untrusted-sender \(WebContents \d+, top frame, http:\/\/localhost:\d+\)$/);
  });

  test('main refuses and logs a call from a subframe of the app’s own page', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    // A script that got into the page makes a same-origin about:blank frame and calls IPC from it:
    // the sender facts are the real frame's, and main refuses it though the origin is the app's.
    const result = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const child = frame.contentWindow as unknown as {
        __signinTriageIpc?: (c: string, i: unknown) => Promise<unknown>;
      };
      if (child.__signinTriageIpc === undefined) return 'no binding in the frame';
      return await child.__signinTriageIpc('app:get-status', {});
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    // An about:blank frame has no origin of its own to log.
    expect(app.refusals).toEqual(['app:get-status: untrusted-sender (WebContents 1, subframe, no origin)']);
  });

  test('follows the OS dark theme', async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.origin}/`);
    const provider = page.locator('.fui-FluentProvider').first();
    await expect(provider).toHaveAttribute('data-theme', 'dark');
    const background = await page
      .locator('main')
      .evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
    expect(background).not.toBe('rgb(250, 250, 250)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(provider).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/screenshots/shell-dark.png', fullPage: true });
  });
});
