import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import {
  chooseDemoTenant,
  DEMO_USERS,
  demoUserWith,
  describeCall,
  diagnose,
  seriousViolations,
  step,
} from './fixtures/wizard';

/*
 * Journeys through the wizard as a technician makes them: each step screenshotted for the
 * three classic causes, axe on every step, screen-share mode, cancel, and the keyboard alone.
 * The demo tenant answers each request after 300 ms here, so the collecting step is on screen
 * long enough to be seen.
 */
test.use({ tenantFaults: { latencyMs: { '*': 300 } } });

const SHOTS = 'test-results/screenshots/wizard';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const JOURNEYS = [
  { name: 'legacy-auth', user: demoUserWith(/^LEGACY_AUTH_BLOCKED$/) },
  { name: 'immutable-id', user: demoUserWith(/^IMMUTABLEID_MISMATCH$/) },
  { name: 'device-code', user: demoUserWith(/^DEVICE_CODE_/) },
] as const;

test.describe('wizard journeys', () => {
  test.beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
  });

  for (const { name, user } of JOURNEYS) {
    test(`${name}: every step, screenshotted and checked with axe`, async ({ app }) => {
      test.setTimeout(90_000);
      const { page } = app;
      await page.goto(`${app.origin}/`);
      const tenant = step(page, 'step-tenant');
      await expect(tenant.getByRole('radio', { name: /Demo/ })).toBeChecked();
      await shot(page, `${name}-1-tenant`);
      expect(await seriousViolations(page)).toEqual([]);

      await chooseDemoTenant(page);
      await describeCall(page, user);
      await shot(page, `${name}-2-subject`);
      expect(await seriousViolations(page)).toEqual([]);

      await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
      const collecting = step(page, 'step-collecting');
      await expect(collecting).toBeVisible();
      await expect(collecting.locator('tr[data-phase="running"], tr[data-phase="done"]').first()).toBeVisible();
      await shot(page, `${name}-3-collecting`);

      const verdict = step(page, 'step-verdict');
      await expect(verdict).toBeVisible({ timeout: 30_000 });
      await expect(verdict.getByTestId('verdict-code')).toHaveText(user.expectedVerdict);
      await expect(verdict.locator('figure')).toBeVisible();
      await shot(page, `${name}-4-verdict`);
      expect(await seriousViolations(page)).toEqual([]);

      // An evidence item opens to its raw record, as the vendor's API returned it.
      const item = verdict.locator('[data-evidence-id]:not([data-evidence-source="subject"])').first();
      await item.getByRole('button').first().click();
      const raw = item.locator('[data-raw-record]');
      await expect(raw).toBeVisible();
      // The record is the one the item names (its id is in the vendor's JSON).
      const id = (await item.getAttribute('data-evidence-id')) ?? '';
      const record = JSON.parse((await raw.textContent()) ?? '') as unknown;
      expect(JSON.stringify(record)).toContain(id);
      await shot(page, `${name}-4b-evidence`);
      expect(await seriousViolations(page)).toEqual([]);

      // A click on the timeline selects the attempt drawn there (points at the same minute
      // overlap, so the one on top is the one clicked), in the chart and in the table alike.
      const first = verdict.locator('figure [role="button"]').first();
      await first.scrollIntoViewIfNeeded();
      const box = await first.boundingBox();
      if (box === null) throw new Error('no point on the timeline');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const pressed = verdict.locator('figure [role="button"][aria-pressed="true"]');
      await expect(pressed).toHaveCount(1);
      const picked = (await pressed.getAttribute('data-entry-id')) ?? '';
      expect(picked).not.toBe('');
      await expect(
        verdict.getByRole('region', { name: 'Sign-in attempts table' }).locator('button[aria-pressed="true"]'),
      ).toHaveCount(1);

      await verdict.getByRole('button', { name: 'Continue to the fix' }).click();
      const fix = step(page, 'step-fix');
      await expect(fix.getByRole('heading', { name: 'Your checklist' })).toBeVisible();
      await expect(fix.getByRole('heading', { name: 'Read out to the user' })).toBeVisible();
      await fix.getByRole('checkbox').first().check();
      await expect(fix.getByText(/^1 of \d+ done$/)).toBeVisible();
      await shot(page, `${name}-5-fix`);
      expect(await seriousViolations(page)).toEqual([]);

      await fix.getByRole('button', { name: 'Continue to notes' }).click();
      const notes = step(page, 'step-notes');
      await notes.getByRole('textbox', { name: /Your notes/ }).fill('Caller confirmed the prompt stopped.');
      await shot(page, `${name}-6-notes`);
      expect(await seriousViolations(page)).toEqual([]);

      // Back keeps what was done and written.
      await notes.getByRole('button', { name: 'Back', exact: true }).click();
      await expect(step(page, 'step-fix').getByRole('checkbox').first()).toBeChecked();
      expect(app.consoleErrors).toEqual([]);
      expect(app.mainErrors).toEqual([]);
    });
  }

  test('the verdict step in the dark theme has no serious accessibility violation', async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    await describeCall(page, JOURNEYS[0].user);
    await diagnose(page);
    await shot(page, 'legacy-auth-4-verdict-dark');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('collecting shows each source live and Cancel returns to the form with the input kept', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    await chooseDemoTenant(page);
    const user = JOURNEYS[1].user;
    await describeCall(page, user);
    await step(page, 'step-subject').getByRole('button', { name: 'Diagnose', exact: true }).click();
    const collecting = step(page, 'step-collecting');
    await expect(collecting.getByRole('rowheader')).toHaveCount(11);
    // No layout shift: the table's box does not move or grow while statuses change.
    const table = collecting.getByRole('table', { name: 'Sources' });
    const before = await table.boundingBox();
    await expect(collecting.locator('tr[data-phase="done"]').first()).toBeVisible();
    const after = await table.boundingBox();
    expect(after).toEqual(before);
    await collecting.getByRole('button', { name: 'Cancel', exact: true }).click();
    const subject = step(page, 'step-subject');
    await expect(subject).toBeVisible();
    await expect(subject.getByRole('textbox', { name: /User principal name/ })).toHaveValue(user.upn);
    expect(app.mainErrors).toEqual([]);
  });
});

test.describe('screen-share mode', () => {
  test('shows no other user, no IP address and no raw JSON on any step', async ({ app }) => {
    test.setTimeout(60_000);
    const { page } = app;
    await page.goto(`${app.origin}/`);
    await page.getByRole('switch', { name: 'Screen-share mode' }).check();
    await expect(page.getByTestId('screen-share-banner')).toBeVisible();

    // The user whose evidence names the most other people and addresses.
    const user = demoUserWith(/^LEGACY_AUTH_SPRAY_SUSPECTED$|^LEGACY_AUTH_BLOCKED$/);
    await chooseDemoTenant(page);
    await describeCall(page, user);
    await diagnose(page);
    const verdict = step(page, 'step-verdict');
    // Open every evidence item and every other finding: hidden things must be absent, not folded.
    for (const header of await verdict.locator('[data-evidence-id] button').all()) await header.click();
    const others = [...new Set(DEMO_USERS.map((u) => u.upn.toLowerCase()))].filter((u) => u !== user.upn.toLowerCase());

    const check = async (where: string): Promise<void> => {
      const html = await page.evaluate(() => document.body.innerHTML);
      const text = html.toLowerCase();
      for (const other of others) expect(text, `${where}: ${other}`).not.toContain(other);
      expect(html, `${where}: IPv4`).not.toMatch(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/);
      expect(html, `${where}: IPv6`).not.toMatch(/\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}:[0-9a-f]{1,4}\b/i);
      expect(await page.locator('[data-raw-record]').count(), `${where}: raw records`).toBe(0);
      expect(html, `${where}: raw JSON`).not.toMatch(/"(uuid|eventType|createdDateTime|actor|client)"\s*:/);
      expect(text, `${where}: the subject is still named`).toContain(user.upn.toLowerCase());
    };
    await check('verdict');
    await shot(page, 'screen-share-verdict');
    await verdict.getByRole('button', { name: 'Continue to the fix' }).click();
    await check('fix');
    await step(page, 'step-fix').getByRole('button', { name: 'Continue to notes' }).click();
    await check('notes');
    // The Tenants page (org URLs, tenant ids) is not drawn at all while sharing.
    await page.getByRole('tab', { name: 'Tenants' }).click();
    await check('tenants');
    expect(app.consoleErrors).toEqual([]);
  });
});

test.describe('start in screen-share mode', () => {
  test('the saved option turns the mode on when the app starts', async ({ app }) => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    const option = page.getByRole('checkbox', { name: 'Start in screen-share mode' });
    await expect(option).toBeEnabled();
    await option.check();
    // Main has stored it: a new start (a reload) begins in screen-share mode.
    await expect
      .poll(async () => (await page.evaluate(() => window.triage?.getSettings({}))) ?? null)
      .toMatchObject({
        ok: true,
        value: { startInScreenShare: true },
      });
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Screen-share mode' })).toBeChecked();
    await expect(page.getByTestId('screen-share-banner')).toBeVisible();
    await expect(page.getByText('Hidden while screen sharing: it names other callers.')).toBeVisible();
  });
});

test.describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(page: Page, matches: (el: { role: string; name: string }) => boolean): Promise<void> {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const role = el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '';
        const labelledBy = el?.getAttribute('aria-labelledby');
        const label =
          el?.getAttribute('aria-label') ??
          (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
          (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
          el?.textContent ??
          '';
        return { role: el instanceof HTMLInputElement ? `input:${el.type}` : role, name: label.trim() };
      });
      if (matches(focused)) return;
    }
    throw new Error('the element was not reachable with Tab');
  }

  test('reaches the verdict and the fix without the mouse', async ({ app }) => {
    const { page } = app;
    const user = demoUserWith(/^IMMUTABLEID_MISMATCH$/);
    await page.goto(`${app.origin}/`);
    await expect(step(page, 'step-tenant').getByRole('radio', { name: /Demo/ })).toBeChecked();
    await tabTo(page, (f) => f.name === 'Continue');
    await page.keyboard.press('Enter');
    await expect(step(page, 'step-subject')).toBeVisible();
    await tabTo(page, (f) => f.role === 'input:email');
    await page.keyboard.type(user.upn);
    // Into the symptom group, then arrow keys move the choice down the list.
    await tabTo(page, (f) => f.role === 'input:radio');
    await page.keyboard.press('Space');
    const wanted = await step(page, 'step-subject')
      .getByRole('radio')
      .evaluateAll(
        (radios, symptom) => radios.findIndex((r) => (r as HTMLInputElement).value === symptom),
        user.symptom,
      );
    for (let i = 0; i < wanted; i += 1) await page.keyboard.press('ArrowDown');
    await expect(step(page, 'step-subject').locator(`input[value="${user.symptom}"]`)).toBeChecked();
    await tabTo(page, (f) => f.name === 'Diagnose');
    await page.keyboard.press('Enter');
    const verdict = step(page, 'step-verdict');
    await expect(verdict.getByTestId('verdict-code')).toHaveText(user.expectedVerdict, { timeout: 30_000 });
    // Focus moved to the new step's heading, so reading starts at the verdict.
    await expect(page.locator('#step-verdict')).toBeFocused();
    await tabTo(page, (f) => f.name === 'Continue to the fix');
    await page.keyboard.press('Enter');
    await expect(step(page, 'step-fix')).toBeVisible();
    await tabTo(page, (f) => f.role === 'input:checkbox');
    await page.keyboard.press('Space');
    await expect(step(page, 'step-fix').getByRole('checkbox').first()).toBeChecked();
    await shot(page, 'keyboard-fix');
  });
});
