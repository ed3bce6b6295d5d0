import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures/app';
import { chooseDemoTenant, demoUserWith, describeCall, seriousViolations, step } from './fixtures/wizard';

/*
 * The collecting step held on screen by a demo-tenant fault (the System Log never answers), so
 * it can be checked like the other steps. (A worker option: one spec file per fault set.)
 */
const SHOTS = 'test-results/screenshots/wizard';

test.use({ tenantFaults: { hang: ['okta.logs'] } });

test.describe('while a source hangs', () => {
  test('the collecting step has no serious accessibility violation, and Cancel ends the run', async ({ app }) => {
    const { page } = app;
    await mkdir(SHOTS, { recursive: true });
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    await describeCall(page, demoUserWith(/^LEGACY_AUTH_BLOCKED$/));
    await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
    const collecting = step(page, 'step-collecting');
    // Everything else finishes; the System Log is still running.
    await expect(collecting.locator('tr[data-source="graph.user"]')).toHaveAttribute('data-phase', 'done');
    await expect(collecting.locator('tr[data-source="okta.logEvents"]')).toHaveAttribute('data-phase', 'running');
    await page.screenshot({ path: `${SHOTS}/collecting-waiting.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await collecting.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(step(page, 'step-subject')).toBeVisible();
    expect(app.mainErrors).toEqual([]);
  });
});
