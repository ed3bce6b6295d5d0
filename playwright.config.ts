import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/chromium-args';

/**
 * e2e tests of the built renderer in the system Chromium (Playwright's own browsers cannot be
 * downloaded here), and an Electron smoke test that runs only where an Electron binary exists.
 * Run `npm run build` first; `npm test` does.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron-smoke/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [...CHROMIUM_ARGS],
        },
      },
    },
    { name: 'electron', testMatch: /electron-smoke\.spec\.ts/ },
  ],
});
