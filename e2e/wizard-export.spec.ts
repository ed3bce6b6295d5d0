import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from './fixtures/app';
import { DEMO_USERS, demoUserWith, step, workThroughToNotes } from './fixtures/wizard';

/*
 * The incident report from the wizard's last step: main renders it, the save dialog (answered
 * by the fixture) picks the file, PDF is printed by Chromium. What lands on disk is read back.
 */
const run = promisify(execFile);

test('exports a PDF with the verdict, the evidence and the notes typed just before', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await page.goto(`${app.origin}/`);
  await workThroughToNotes(page, demoUserWith(/^LEGACY_AUTH_BLOCKED$/), 'Exported from the wizard.');
  const notes = step(page, 'step-notes');
  await notes.getByRole('radio', { name: 'PDF' }).check();
  await notes.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-state')).toContainText('Saved to');
  const [path] = app.savedReports;
  if (path === undefined) throw new Error('nothing was saved');
  const pdf = await readFile(path);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { stdout } = await run('pdftotext', ['-layout', path, '-']);
  expect(stdout).toContain('LEGACY_AUTH_BLOCKED');
  expect(stdout).toContain('Exported from the wizard.');
  await mkdir('test-results/reports', { recursive: true });
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, 'test-results/reports/wizard-export-page']);
  expect(app.mainErrors).toEqual([]);
});

test('an external HTML report names no other user and no IP address; a cancelled dialog writes nothing', async ({
  app,
}) => {
  test.setTimeout(60_000);
  const { page } = app;
  await page.goto(`${app.origin}/`);
  const user = demoUserWith(/^LEGACY_AUTH_SPRAY_SUSPECTED$|^LEGACY_AUTH_BLOCKED$/);
  const { upn } = user;
  await workThroughToNotes(page, user, 'Exported from the wizard.');
  const notes = step(page, 'step-notes');
  await notes.getByRole('radio', { name: /^HTML/ }).check();
  await notes.getByRole('radio', { name: /^External/ }).check();
  await notes.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-state')).toContainText('Saved to');
  const html = await readFile(app.savedReports[0] ?? '', 'utf8');
  expect(html).toContain(upn);
  for (const other of DEMO_USERS.map((u) => u.upn).filter((u) => u !== upn)) expect(html).not.toContain(other);
  expect(html).not.toMatch(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/);
  expect(html).not.toMatch(/<script/i);

  app.saveDialog.cancel = true;
  await notes.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-state')).toHaveText('Export cancelled: nothing was written.');
  expect(app.savedReports).toHaveLength(1);
});
