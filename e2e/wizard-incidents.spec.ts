import { expect, test } from './fixtures/app';
import { demoUserWith, step, workThroughToNotes } from './fixtures/wizard';

/*
 * Recent incidents through the UI, with the real incident store on disk: a diagnosis is saved
 * as a draft as it is worked on, survives the window being reloaded, reopens where it was
 * left, and is closed at the end.
 */
test('a diagnosis is saved as a draft, survives a reload, reopens where it was left and closes', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  const user = demoUserWith(/^DEVICE_CODE_/);
  await page.goto(`${app.origin}/`);
  await workThroughToNotes(page, user, 'Paired the phone again.');
  await expect(page.getByTestId('save-state')).toContainText('Saved to the incident history at');

  // As if the window had been closed mid-call: everything comes back from disk.
  await page.reload();
  const recent = page.getByRole('table', { name: 'Recent incidents' });
  const row = recent.locator('tr', { hasText: user.upn });
  await expect(row).toContainText(user.expectedVerdict);
  await expect(row).toContainText('Draft');
  await row.getByRole('button', { name: `Open the incident of ${user.upn}` }).click();
  const notes = step(page, 'step-notes');
  await expect(notes.getByRole('textbox', { name: /Your notes/ })).toHaveValue('Paired the phone again.');
  await notes.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(step(page, 'step-fix').getByRole('checkbox').first()).toBeChecked();
  await step(page, 'step-fix').getByRole('button', { name: 'Continue to notes' }).click();

  await step(page, 'step-notes').getByRole('button', { name: 'Close the incident' }).click();
  await expect(step(page, 'step-tenant')).toBeVisible();
  await expect(recent.locator('tr', { hasText: user.upn })).toContainText('Closed');

  // Duplicate: a second, draft incident for the same call; re-diagnosing its saved evidence
  // gives the same verdict without collecting again.
  await recent
    .locator('tr', { hasText: user.upn })
    .getByRole('button', { name: `Duplicate the incident of ${user.upn}` })
    .click();
  await expect(recent.locator('tr', { hasText: user.upn })).toHaveCount(2);
  const copy = recent.locator('tr', { hasText: 'Draft' });
  await copy.getByRole('button', { name: `Open the incident of ${user.upn}` }).click();
  await expect(step(page, 'step-notes').getByRole('textbox', { name: /Your notes/ })).toHaveValue(
    'Paired the phone again.',
  );
  await step(page, 'step-notes').getByRole('button', { name: 'Back', exact: true }).click();
  await step(page, 'step-fix').getByRole('button', { name: 'Back', exact: true }).click();
  await step(page, 'step-verdict').getByRole('button', { name: 'Re-diagnose the saved evidence' }).click();
  await expect(step(page, 'step-verdict').getByTestId('verdict-code')).toHaveText(user.expectedVerdict);
  await step(page, 'step-verdict').getByRole('button', { name: 'Back', exact: true }).click();
  await step(page, 'step-subject').getByRole('button', { name: 'Back', exact: true }).click();
  await recent
    .locator('tr', { hasText: 'Draft' })
    .getByRole('button', { name: `Delete the incident of ${user.upn}` })
    .click();
  await recent
    .locator('tr', { hasText: 'Draft' })
    .getByRole('button', { name: `Confirm: delete the incident of ${user.upn}` })
    .click();
  await expect(recent.locator('tr', { hasText: user.upn })).toHaveCount(1);

  // Delete asks for a second click, then the incident is gone from the list.
  const closed = recent.locator('tr', { hasText: user.upn });
  await closed.getByRole('button', { name: `Delete the incident of ${user.upn}` }).click();
  await closed.getByRole('button', { name: `Confirm: delete the incident of ${user.upn}` }).click();
  await expect(page.getByText('No incidents yet')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
  expect(app.mainErrors).toEqual([]);
});
