import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startDemoTenant } from '../src/main/demo-tenant/demo-tenant';
import type { DemoTenant } from '../src/main/demo-tenant/demo-tenant';
import { dataSecrets, dataSentinels, poisonedContoso } from '../src/main/test-support/poisoned-tenant';
import { findLeaks, sentinelValue } from '../src/main/test-support/secret-sentinels';
import type { Place, Sentinel } from '../src/main/test-support/secret-sentinels';
import { expect, test as base } from './fixtures/app';
import { step } from './fixtures/wizard';

/*
 * Secret hygiene in the renderer (issue 10): a technician sets up a tenant with sentinel secrets
 * through the Tenants form, tests it, diagnoses a user whose vendor records carry credentials
 * (a client secret in a URL, a bearer JWT, a SAML response, a password), opens every raw record,
 * works the call through and exports it. Then the renderer's every store is searched for every
 * secret: the DOM (markup, every attribute, every field's value), localStorage, sessionStorage,
 * IndexedDB, and the JavaScript heap (a Chromium heap snapshot, after the garbage collection the
 * snapshot does, searched string by string). Main's handler errors, the page's console and the
 * reports and incident files are searched too. A canary planted in each of those places first
 * proves each search finds what is there.
 */

const UPN = 'dmitri.volkov@contoso.com';
const oktaApiToken = sentinelValue('okta-api-token');
const entraClientSecret = sentinelValue('entra-client-secret');
const data = dataSecrets();

const SECRETS: readonly Sentinel[] = [
  { name: 'Okta API token', value: oktaApiToken },
  { name: 'Entra client secret', value: entraClientSecret },
  ...dataSentinels(data),
];

// This spec's worker gets a demo tenant that accepts the sentinels and serves the poisoned records.
const test = base.extend<object, { tenant: DemoTenant }>({
  tenant: [
    async ({}, use) => {
      const tenant = await startDemoTenant({
        render: poisonedContoso(UPN, data),
        credentials: { oktaApiToken, entraClientSecret },
      });
      await use(tenant);
      await tenant.stop();
    },
    { scope: 'worker' },
  ],
});

/** Every string of the page's JavaScript heap, from a heap snapshot (which collects garbage first). */
async function heapStrings(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
  return snapshot.strings.join('\n');
}

/** The renderer's stores, each as a place: DOM, attributes, field values, web storage, IndexedDB. */
async function rendererPlaces(page: Page): Promise<Place[]> {
  const stores = await page.evaluate(async () => {
    const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => `${el.tagName}[${a.name}]=${a.value}`),
    );
    const values = [...document.querySelectorAll('input, textarea, select')].map(
      (el) => (el as HTMLInputElement).value,
    );
    const storage = (s: Storage): string =>
      JSON.stringify(Array.from({ length: s.length }, (_, i) => [s.key(i), s.getItem(s.key(i) ?? '')]));
    const databases: string[] = [];
    for (const info of await indexedDB.databases()) {
      const name = info.name;
      if (name === undefined) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        databases.push(`${name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return {
      attributes: attributes.join('\n'),
      values: values.join('\n'),
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      indexedDB: databases.join('\n'),
      text: document.body.innerText,
    };
  });
  return [
    { where: 'DOM markup', text: await page.content() },
    { where: 'DOM text', text: stores.text },
    { where: 'DOM attributes', text: stores.attributes },
    { where: 'field values', text: stores.values },
    { where: 'localStorage', text: stores.localStorage },
    { where: 'sessionStorage', text: stores.sessionStorage },
    { where: 'IndexedDB', text: stores.indexedDB },
    { where: 'JS heap', text: await heapStrings(page) },
  ];
}

/** Every file under a folder (the test's profiles, incidents and reports), as text. */
async function folderPlaces(folder: string): Promise<Place[]> {
  const places: Place[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    places.push({ where: `file ${path}`, text: (await readFile(path)).toString('latin1') });
  }
  return places;
}

test('a profile with sentinel secrets, a poisoned diagnosis, every raw record opened and an export: no secret in the renderer', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page, demo } = app;
  await page.goto(`${app.origin}/`);

  // Set up the tenant through the form, as a technician types it.
  await page.getByRole('tab', { name: 'Tenants', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Tenant profiles' })
    .getByRole('button', { name: 'Add a tenant', exact: true })
    .click();
  await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Sentinel tenant');
  await page.getByRole('textbox', { name: 'Okta org URL', exact: true }).fill(demo.oktaUrl);
  await page.getByRole('radio', { name: 'API token', exact: true }).check();
  await page.getByLabel('Okta API token', { exact: true }).fill(oktaApiToken);
  await page.getByRole('textbox', { name: 'Entra tenant', exact: true }).fill(demo.entraTenantId);
  await page.getByRole('textbox', { name: 'Application (client) ID', exact: true }).fill(demo.entra.clientId);
  await page.getByRole('radio', { name: 'Client secret', exact: true }).check();
  await page.getByLabel('Entra client secret', { exact: true }).fill(entraClientSecret);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('secret-status-okta-api-token')).toHaveText('Set');
  await expect(page.getByTestId('secret-status-entra-client-secret')).toHaveText('Set');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(page.getByTestId('preflight-summary')).toContainText('All checks passed', { timeout: 20_000 });

  // Diagnose the poisoned user with it.
  await page.getByRole('tab', { name: 'Diagnose', exact: true }).click();
  const tenantStep = step(page, 'step-tenant');
  await tenantStep.getByRole('radio', { name: /Sentinel tenant/ }).check();
  await tenantStep.getByRole('button', { name: 'Continue', exact: true }).click();
  const subject = step(page, 'step-subject');
  await subject.getByRole('textbox', { name: /User principal name/ }).fill(UPN);
  await subject
    .getByRole('radio', { name: /Outlook/ })
    .first()
    .check();
  await subject.getByRole('button', { name: 'Diagnose', exact: true }).click();
  const verdict = step(page, 'step-verdict');
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(verdict.getByTestId('verdict-code')).toHaveText('LEGACY_AUTH_STALE_PASSWORD');
  // Every raw record opened in turn (one is open at a time), so each is drawn in the DOM.
  const items = verdict.locator('[data-evidence-id]');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  const rawRecords: Place[] = [];
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await item.getByRole('button').first().click();
    const raw = item.locator('[data-raw-record]');
    await expect(raw).toBeVisible();
    rawRecords.push({ where: `raw record ${String(i)}`, text: (await raw.textContent()) ?? '' });
  }
  // The records are there, masked: a credential's name survives, its value does not.
  expect(rawRecords.map((r) => r.text).join('\n')).toMatch(/(client_secret|password|SAMLResponse)=\[redacted\]/);

  await verdict.getByRole('button', { name: 'Continue to the fix' }).click();
  await step(page, 'step-fix').getByRole('button', { name: 'Continue to notes' }).click();
  const notes = step(page, 'step-notes');
  await notes.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-state')).toContainText('Saved to', { timeout: 30_000 });

  // The control: a canary in each store the search reads, which the search must find.
  const canary = sentinelValue('canary');
  await page.evaluate(async (c) => {
    localStorage.setItem('canary', c);
    sessionStorage.setItem('canary', c);
    document.body.setAttribute('data-canary', c);
    // Built at run time, so the heap holds it as a string of its own, not only in this script.
    (window as unknown as { canary: unknown }).canary = { held: c.split('').join('') };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('canary-db', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
      open.onsuccess = () => {
        const tx = open.result.transaction('s', 'readwrite');
        tx.objectStore('s').add({ c });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
  }, canary);
  const places = await rendererPlaces(page);
  const canaryHits = findLeaks(places, [{ name: 'canary', value: canary }]).map((l) => l.where);
  for (const where of ['DOM markup', 'DOM attributes', 'localStorage', 'sessionStorage', 'IndexedDB', 'JS heap'])
    expect(canaryHits, where).toContain(where);

  // The search itself: nothing in the renderer, in main's errors, in the console or on disk.
  const everywhere = [
    ...places,
    ...rawRecords,
    { where: 'main handler errors', text: app.mainErrors.join('\n') },
    { where: 'page console', text: app.consoleErrors.join('\n') },
    ...(await folderPlaces(join(app.incidentsDir, '..'))),
  ];
  expect(app.savedReports.length).toBeGreaterThan(0);
  expect(findLeaks(everywhere, SECRETS)).toEqual([]);
});
