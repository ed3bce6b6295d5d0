import { readdir, readFile } from 'node:fs/promises';
import { HOSTILE_TEXT, MAX_ERROR_MESSAGE, QUERY_INJECTION_UPNS } from '../src/main/test-support/hostile-inputs';
import type { TriageBridge } from '../src/shared/ipc/contract';
import { expect, test } from './fixtures/app';
import { chooseDemoTenant, demoUserWith, step, workThroughToNotes } from './fixtures/wizard';

/*
 * The abuse suite through the UI: the rows of src/main/test-support/hostile-inputs.ts that a
 * technician can type, in the built renderer in Chromium bound to the real main handlers. What is
 * checked is what the page does with them: refused inline with a short message, or shown as text
 * (no element injected, nothing run), and what main stored and exported.
 */

const uiRows = (rows: typeof QUERY_INJECTION_UPNS) => rows.filter((r) => r.ways.includes('ui'));
const HTML_PAYLOAD = HOSTILE_TEXT.find((r) => r.name === 'HTML element with a handler')?.value ?? '';
const RLO_PAYLOAD = HOSTILE_TEXT.find((r) => r.name === 'right-to-left override')?.value ?? '';

test('a hostile or 1 MB user principal name gets a short inline error, and nothing is collected', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await page.goto(`${app.origin}/`);
  await chooseDemoTenant(page);
  const subject = step(page, 'step-subject');
  await subject.getByRole('radio').first().check();
  const upn = subject.getByRole('textbox', { name: /User principal name/ });
  // The table's UI rows: an injection with spaces, and the 1 MB UPN; both refused by subject validation.
  const rows = uiRows(QUERY_INJECTION_UPNS);
  expect(rows.map((r) => r.outcome.kind)).toEqual(['refused', 'refused']);
  for (const row of rows) {
    if (row.outcome.kind !== 'refused') continue;
    await upn.fill(row.value);
    await subject.getByRole('button', { name: 'Diagnose', exact: true }).click();
    const alert = subject.getByRole('alert');
    await expect(alert, row.name).toContainText(row.outcome.message);
    const text = (await alert.textContent()) ?? '';
    expect(text.length, `${row.name}: the message is short`).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    // Still on the subject step, still responsive: the field takes a correction at once.
    await expect(step(page, 'step-subject')).toBeVisible();
  }
  await upn.fill('jane@contoso.com');
  await expect(upn).toHaveValue('jane@contoso.com');
  // Nothing was collected, so no incident was kept.
  expect(await readdir(app.incidentsDir).catch(() => [])).toEqual([]);
  expect(app.mainErrors).toEqual([]);
});

test('hostile notes are shown and kept as text, and exported inert', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  const note = `${HTML_PAYLOAD} ${RLO_PAYLOAD} <script>window.__pwned=2</script>`;
  await page.goto(`${app.origin}/`);
  await workThroughToNotes(page, demoUserWith(/^LEGACY_AUTH_BLOCKED$/), note);
  const notes = step(page, 'step-notes');
  await expect(notes.getByRole('textbox', { name: /Your notes/ })).toHaveValue(note);
  await notes.getByRole('radio', { name: /^HTML/ }).check();
  await notes.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-state')).toContainText('Saved to');

  // Nothing ran and nothing was injected into the page.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);

  // Main kept the notes exactly as typed (asked through the bridge, as the page would).
  const stored = await page.evaluate(async () => {
    const triage = (window as unknown as { triage: TriageBridge }).triage;
    const list = await triage.listIncidents({});
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value.incidents[0]?.id ?? '';
    const opened = await triage.openIncident({ id });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value.incident.work.notes;
  });
  expect(stored).toBe(note);

  // The exported report carries the notes as escaped text, without the override.
  const html = await readFile(app.savedReports[0] ?? '', 'utf8');
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('<script>window');
  expect(html).toContain('&lt;img src=x onerror=');
  expect(html).not.toContain('\u202e');

  // Reopened after a reload, the notes come back as the same text, still inert.
  await page.reload();
  await page
    .getByRole('button', { name: /LEGACY_AUTH_BLOCKED|Open/ })
    .first()
    .click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(app.mainErrors).toEqual([]);
});

test('a profile name with a right-to-left override is refused next to the field, and nothing is saved', async ({
  app,
}) => {
  const { page, demo } = app;
  await page.goto(`${app.origin}/`);
  await page.getByRole('tab', { name: 'Tenants', exact: true }).click();
  await page.getByRole('navigation', { name: 'Tenant profiles' }).getByRole('button', { name: 'Add a tenant' }).click();
  const name = page.getByRole('textbox', { name: 'Profile name', exact: true });
  await name.fill('Contoso \u202Edorp');
  await page.getByRole('textbox', { name: 'Okta org URL', exact: true }).fill(demo.oktaUrl);
  await page.getByRole('textbox', { name: 'Entra tenant', exact: true }).fill(demo.entraTenantId);
  await page.getByRole('textbox', { name: 'Application (client) ID', exact: true }).fill(demo.entra.clientId);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('no line breaks, control or invisible characters')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const names = await page.evaluate(async () => {
    const result = await (window as unknown as { triage: TriageBridge }).triage.listProfiles({});
    if (!result.ok) throw new Error(result.error.message);
    return result.value.profiles.map((p) => p.profile.name);
  });
  expect(names.some((n) => n.includes('dorp'))).toBe(false);
  expect(names).toContain('Demo tenant (Contoso)');
  expect(app.mainErrors).toEqual([]);
});
