import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { TriageBridge } from '../src/shared/ipc/contract';
import { expect, test } from './fixtures/app';

/** Opens the app on the Tenants page and starts a new profile. */
async function openNewTenantForm(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('tab', { name: 'Tenants', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tenants', level: 2 })).toBeVisible();
  // The built-in demo profile is listed, read-only, before anything is added.
  const list = page.getByRole('navigation', { name: 'Tenant profiles' });
  await expect(list.getByRole('button', { name: /Demo tenant \(Contoso\)/ })).toBeVisible();
  await list.getByRole('button', { name: 'Add a tenant', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New tenant', exact: true })).toBeVisible();
}

/** The profiles main has stored, asked through the bridge as the page would. */
async function storedProfileNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const result = await (window as unknown as { triage: TriageBridge }).triage.listProfiles({});
    if (!result.ok) throw new Error(result.error.message);
    return result.value.profiles.map((p) => p.profile.name);
  });
}

test.describe('Tenants page in Chromium, bridged to the real profile handlers and a demo tenant', () => {
  test('sets up a profile through the form, tests it, and never shows a secret', async ({ app }) => {
    const { page, demo } = app;
    await openNewTenantForm(page, app.origin);

    await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Demo via form');
    await page.getByRole('textbox', { name: 'Okta org URL', exact: true }).fill(demo.oktaUrl);
    await page.getByRole('radio', { name: 'API token', exact: true }).check();
    await page.getByLabel('Okta API token', { exact: true }).fill(demo.okta.apiToken);
    await page.getByRole('textbox', { name: 'Entra tenant', exact: true }).fill(demo.entraTenantId);
    await page.getByRole('textbox', { name: 'Application (client) ID', exact: true }).fill(demo.entra.clientId);
    await page.getByRole('radio', { name: 'Client secret', exact: true }).check();
    await page.getByLabel('Entra client secret', { exact: true }).fill(demo.entra.clientSecret);
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    // Saved in place: the same form now edits the stored profile, whose secrets are set.
    await expect(page.getByTestId('profile-form-status')).toContainText('Saved');
    await expect(page.getByRole('heading', { name: 'Edit Demo via form', exact: true })).toBeVisible();
    await expect(page.getByTestId('secret-status-okta-api-token')).toHaveText('Set');
    await expect(page.getByTestId('secret-status-entra-client-secret')).toHaveText('Set');
    await expect(page.getByLabel('Okta API token', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Entra client secret', { exact: true })).toHaveValue('');
    const list = page.getByRole('navigation', { name: 'Tenant profiles' });
    await expect(list.getByRole('button', { name: /Demo via form/ })).toHaveAttribute('aria-current', 'true');
    expect(await storedProfileNames(page)).toContain('Demo via form');

    await page.getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect(page.getByTestId('preflight-summary')).toContainText('All checks passed', { timeout: 20_000 });
    const checks = page.getByTestId('preflight-check');
    const statuses = await checks.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 'pass')).toEqual([]);
    await expect(checks.getByRole('img', { name: 'Failed' })).toHaveCount(0);
    // A passing test records when each secret last worked.
    await expect(page.getByTestId('secret-verified-okta-api-token')).toContainText('Last verified');

    // Write-only: neither the markup nor any field's value holds a secret, now or after the test.
    const content = await page.content();
    const values = await page
      .locator('input, textarea')
      .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement | HTMLTextAreaElement).value));
    for (const secret of [demo.okta.apiToken, demo.entra.clientSecret]) {
      expect(content).not.toContain(secret);
      expect(values.join('\n')).not.toContain(secret);
    }

    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/setup-profile.png', fullPage: true });

    expect(app.consoleErrors).toEqual([]);
    expect(app.mainErrors).toEqual([]);
  });

  test('refuses an http:// Okta org URL next to the field, and saves nothing', async ({ app }) => {
    const { page, demo } = app;
    await openNewTenantForm(page, app.origin);

    await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Plain HTTP');
    const orgUrl = page.getByRole('textbox', { name: 'Okta org URL', exact: true });
    await orgUrl.fill(`http://${new URL(demo.oktaUrl).host}`);
    await page.getByRole('textbox', { name: 'Entra tenant', exact: true }).fill(demo.entraTenantId);
    await page.getByRole('textbox', { name: 'Application (client) ID', exact: true }).fill(demo.entra.clientId);
    await page.getByLabel('Okta API token', { exact: true }).fill(demo.okta.apiToken);
    // Submitted from the keyboard: Enter in a field saves the form.
    await page.getByRole('textbox', { name: 'Application (client) ID', exact: true }).press('Enter');

    await expect(page.getByText('The Okta org URL, e.g. https://contoso.okta.com')).toBeVisible();
    await expect(orgUrl).toHaveAttribute('aria-invalid', 'true');
    await expect(orgUrl).toBeFocused();
    await expect(page.getByTestId('profile-form-status')).toContainText('Not saved');
    await expect(page.getByRole('heading', { name: 'New tenant', exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Tenant profiles' })).not.toContainText('Plain HTTP');
    expect(await storedProfileNames(page)).not.toContain('Plain HTTP');
    // Nothing was sent, so nothing is stored, and the typed token is still only in the field.
    await expect(page.getByTestId('secret-status-okta-api-token')).toHaveText('Not set');
    expect(await page.content()).not.toContain(demo.okta.apiToken);

    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/setup-profile-invalid.png', fullPage: true });
    expect(app.consoleErrors).toEqual([]);
    expect(app.mainErrors).toEqual([]);
  });
});
