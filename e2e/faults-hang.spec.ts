import { expect, test } from './fixtures/app';
import { chooseDemoTenant, demoUserWith, describeCall, step } from './fixtures/wizard';

/*
 * A source that never answers (Entra sign-in logs), with the app's own limits (a request gives up
 * after 15 s). The app must keep answering the technician the whole time. (A worker option: one
 * spec file per fault set.)
 */
test.use({ tenantFaults: { hang: ['graph.signIns'] } });

test.describe('while a source hangs', () => {
  test('the app answers input, moves between pages, cancels at once and starts a new run', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    const user = demoUserWith(/^LEGACY_AUTH_STALE_PASSWORD$/);
    await describeCall(page, user);
    await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
    const collecting = step(page, 'step-collecting');
    const signIns = collecting.locator('tr[data-source="graph.signIns"]');
    // Live status: the other sources finish while the sign-in logs are still asked for.
    await expect(collecting.locator('tr[data-source="okta.logEvents"]')).toHaveAttribute('data-phase', 'done');
    await expect(signIns).toHaveAttribute('data-phase', 'running');
    await expect(collecting.getByTestId('collect-summary')).toHaveText('10 of 11 sources finished');

    // Input during the hang is answered: the title bar's switch, and the other page.
    const shareSwitch = page.getByRole('switch', { name: 'Screen-share mode' });
    await shareSwitch.check();
    await expect(page.getByTestId('screen-share-banner')).toBeVisible();
    await shareSwitch.uncheck();
    await expect(page.getByTestId('screen-share-banner')).toBeHidden();
    await page.getByRole('tab', { name: 'Tenants', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Tenants', level: 2 })).toBeVisible();
    await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
    // The run went on meanwhile, still waiting on the hung source only.
    await expect(signIns).toHaveAttribute('data-phase', 'running');

    // Cancel ends the run without waiting for the hung request's own 15 s timeout.
    await collecting.getByRole('button', { name: 'Cancel', exact: true }).click();
    const subject = step(page, 'step-subject');
    await expect(subject).toBeVisible({ timeout: 5_000 });
    await expect(subject.getByRole('textbox', { name: /User principal name/ })).toHaveValue(user.upn);

    // A new run starts at once, with a fresh status table.
    await subject.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await expect(step(page, 'step-collecting').locator('tr[data-source="graph.signIns"]')).toHaveAttribute(
      'data-phase',
      'running',
    );
    await step(page, 'step-collecting').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(subject).toBeVisible({ timeout: 5_000 });
    expect(app.mainErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
