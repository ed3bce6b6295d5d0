import { expect, test } from './fixtures/app';
import { chooseDemoTenant, demoUserWith, describeCall, step } from './fixtures/wizard';

/*
 * An outage that ends: the first requests of every route a collection starts with answer 503
 * (Okta does not retry a 503; MSAL cannot read Entra's metadata, so Graph is never reached).
 * The four Graph calls start together and each MSAL token request reads the metadata on its
 * own, hence four for Entra. Nothing can be collected, then the services are back. (A worker
 * option: one spec file per fault set.)
 */
test.use({
  tenantFaults: {
    serverErrorBursts: { 'okta.users': 1, 'okta.apps': 1, 'okta.policies': 1, 'okta.logs': 1, 'entra.discovery': 4 },
  },
});

test.describe('after an outage', () => {
  test('the failed step says why, and "Try again" runs again and reaches the verdict', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    const user = demoUserWith(/^IMMUTABLEID_MISMATCH$/);
    await describeCall(page, user);
    await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
    const failed = step(page, 'step-failed');
    await expect(failed).toBeVisible({ timeout: 20_000 });
    await expect(failed.getByRole('alert')).toContainText('Nothing could be collected');
    await expect(failed.getByRole('alert')).toContainText(/503 \(a service error\)/);

    await failed.getByRole('button', { name: 'Try again', exact: true }).click();
    const verdict = step(page, 'step-verdict');
    await expect(verdict).toBeVisible({ timeout: 20_000 });
    await expect(verdict.getByTestId('verdict-code')).toHaveText(user.expectedVerdict);
    await expect(verdict.getByTestId('gaps')).toHaveCount(0);
    expect(app.mainErrors).toEqual([]);
  });
});
