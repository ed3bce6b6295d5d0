import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { chooseDemoTenant, DEMO_USERS, describeCall, diagnose, step } from './fixtures/wizard';

/*
 * The wizard end to end in Chromium, bridged to the real handlers and the demo tenant: every
 * demo scenario reaches the verdict it is written for, through the screens a technician uses.
 */

async function open(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await expect(step(page, 'step-tenant')).toBeVisible();
}

test.describe('every demo scenario reaches its verdict through the wizard', () => {
  for (const user of DEMO_USERS) {
    test(`${user.upn} → ${user.expectedVerdict}`, async ({ app }) => {
      const { page } = app;
      await open(page, app.origin);
      await chooseDemoTenant(page);
      await describeCall(page, user);
      expect(await diagnose(page)).toBe(user.expectedVerdict);
      // The one-sentence verdict and the confidence are on screen with the code.
      const verdict = step(page, 'step-verdict');
      await expect(verdict.locator('#verdict-summary')).not.toBeEmpty();
      await expect(verdict.getByText(/(High|Medium|Low) confidence/).first()).toBeVisible();
      expect(app.consoleErrors).toEqual([]);
      expect(app.mainErrors).toEqual([]);
    });
  }
});
