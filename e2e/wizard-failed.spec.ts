import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures/app';
import { chooseDemoTenant, demoUserWith, describeCall, seriousViolations, step } from './fixtures/wizard';

/*
 * The failed step, reached for real: the demo tenant cuts every answer short, so nothing can be
 * collected. (A worker option: one spec file per fault set.)
 */
const SHOTS = 'test-results/screenshots/wizard';

test.use({ tenantFaults: { truncateJson: ['*'] } });

test.describe('when nothing can be collected', () => {
  test('the failed step says why, has no serious accessibility violation, and offers a retry', async ({ app }) => {
    const { page } = app;
    await mkdir(SHOTS, { recursive: true });
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    await describeCall(page, demoUserWith(/^IMMUTABLEID_MISMATCH$/));
    await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
    const failed = step(page, 'step-failed');
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(failed.getByRole('alert')).toContainText('Nothing could be collected');
    await page.screenshot({ path: `${SHOTS}/failed.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // That "Try again" really runs again, to a verdict, is e2e/faults-outage.spec.ts (an outage that ends).
    await expect(failed.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});
