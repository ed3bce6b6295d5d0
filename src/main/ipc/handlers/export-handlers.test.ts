import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../../core/report/report-types';
import type { ReportFormat } from '../../../core/report/report-types';
import type { SecretStore } from '../../../core/ports/secret-store';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { PdfPrintError } from '../../export/export-ports';
import type { PrintPdf } from '../../export/export-ports';
import { IncidentStore } from '../../incidents/incident-store';
import { ProfileStore } from '../../profiles/profile-store';
import { printHtmlToPdf } from '../../report/chromium-pdf';
import { handlersWith } from '../../test-support/handlers';
import { countingHex, demoIncident, steppingClock } from '../../test-support/incident-fixtures';
import { createIpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createExportHandlers } from './export-handlers';

/*
 * incidents:export through the real dispatcher, on real incident and profile stores in temporary
 * folders, for an incident made by the engine from a Contoso user's evidence. The save dialog is a
 * recording stand-in; PDF is printed by the system Chromium with the CLI's printer, since
 * Electron's print window cannot run here (its glue has its own tests, and the e2e tests print
 * through Chromium as well).
 */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };
const UPN = 'dmitri.volkov@contoso.com';
const CODE = 'LEGACY_AUTH_STALE_PASSWORD';
const NOTHING = { otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 0 };

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A keychain the profile store never needs for reading names. */
const noSecrets: SecretStore = {
  set: () => Promise.resolve(),
  read: () => Promise.resolve(null),
  delete: () => Promise.resolve(false),
  probe: () => Promise.resolve({ state: 'available', backend: 'test', detail: 'ok' }),
};

/** The system Chromium through the CLI's printer: the report's HTML to PDF bytes. */
function chromiumPrinter(root: string): PrintPdf {
  let n = 0;
  return async (html) => {
    const out = join(root, `print-${String((n += 1))}.pdf`);
    await printHtmlToPdf(html, out);
    const bytes = await readFile(out);
    await rm(out);
    return bytes;
  };
}

interface SetupOptions {
  /** What the save dialog answers: a path for the suggested name, or null (cancelled). */
  readonly choose?: (defaultFileName: string, reportsDir: string) => string | null;
  readonly printPdf?: (root: string) => PrintPdf;
}

/** A dispatcher with the export handler over fresh stores, one demo incident, and a recording save dialog. */
async function setup(options: SetupOptions = {}) {
  const root = await mkdtemp(join(tmpdir(), 'export-handlers-'));
  roots.push(root);
  const reportsDir = join(root, 'reports');
  const incidents = new IncidentStore(join(root, 'incidents'), { now: steppingClock(), randomHex: countingHex() });
  const profiles = new ProfileStore(join(root, 'profiles.json'), noSecrets);
  const { id } = await incidents.create(demoIncident(UPN));
  const dialogs: { defaultFileName: string; format: ReportFormat }[] = [];
  const prints: string[] = [];
  const printPdf = (options.printPdf ?? chromiumPrinter)(root);
  const trusted = new TrustedWebContents();
  trusted.add(1);
  const dispatcher = createIpcDispatcher({
    handlers: handlersWith(
      createExportHandlers({
        incidents,
        profileName: async (profileId) => (await profiles.get(profileId))?.name ?? null,
        chooseSavePath: (defaultFileName, format) => {
          dialogs.push({ defaultFileName, format });
          const choose = options.choose ?? ((name, dir) => join(dir, name));
          return Promise.resolve(choose(defaultFileName, reportsDir));
        },
        printPdf: (html) => {
          prints.push(html);
          return printPdf(html);
        },
        appVersion: '9.8.7-test',
        now: () => new Date('2026-11-22T08:30:00.000Z'),
      }),
    ),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
  const call = (input: unknown) =>
    dispatcher.dispatch('incidents:export', sender, input) as Promise<Result<ChannelOutput<'incidents:export'>>>;
  const value = async (input: unknown): Promise<ChannelOutput<'incidents:export'>> => {
    const result = await call(input);
    if (!result.ok) throw new Error(`incidents:export: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { root, reportsDir, id, incidents, profiles, dialogs, prints, call, value };
}

/** The text of a PDF, by pdftotext (poppler-utils, installed by scripts/setup.sh). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('incidents:export', () => {
  it('saves the report in every format where the technician chose, atomically and privately', async () => {
    const { reportsDir, id, dialogs, value } = await setup();
    const saved = new Map<ReportFormat, string>();
    for (const format of REPORT_FORMATS) {
      const result = await value({ id, format, redaction: 'internal' });
      const path = join(reportsDir, dialogs.at(-1)?.defaultFileName ?? '');
      expect(dialogs.at(-1)?.format, format).toBe(format);
      expect(result.path, format).toBe(path);
      const info = await stat(path);
      expect(result.bytes, format).toBe(info.size);
      expect(info.mode & 0o777, format).toBe(0o600);
      saved.set(format, path);
    }
    // One file per format under its own suggested name, and no temp file left behind.
    expect((await readdir(reportsDir)).sort()).toEqual([...saved.values()].map((p) => basename(p)).sort());
    expect(new Set(dialogs.map((d) => d.defaultFileName)).size).toBe(REPORT_FORMATS.length);

    const text = (format: ReportFormat) => readFile(saved.get(format) ?? '', 'utf8');
    const html = await text('html');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(CODE);
    expect(html).not.toMatch(/<script/i);
    expect(await text('md')).toContain(CODE);
    const json = JSON.parse(await text('json')) as unknown;
    expect(JSON.stringify(json)).toContain(CODE);
    expect(JSON.stringify(json)).toContain(id);
    expect(await text('ticket')).toContain('Short description');
    const pdf = await readFile(saved.get('pdf') ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(saved.get('pdf') ?? '').replace(/\s+/g, '')).toContain(CODE);
  }, 60_000);

  it('names the tenant by its profile, or by the id of a profile that is gone, and dates and versions the report', async () => {
    const { reportsDir, id, incidents, dialogs, value } = await setup();
    await value({ id, format: 'json', redaction: 'none' });
    const demo = await readFile(join(reportsDir, dialogs.at(-1)?.defaultFileName ?? ''), 'utf8');
    expect(demo).toContain('Demo tenant (Contoso)');
    expect(demo).toContain('9.8.7-test');
    expect(demo).toContain('2026-11-22T08:30:00.000Z');

    const other = await incidents.create(demoIncident(UPN, 'deleted-profile'));
    await value({ id: other.id, format: 'md', redaction: 'none' });
    expect(await readFile(join(reportsDir, dialogs.at(-1)?.defaultFileName ?? ''), 'utf8')).toContain(
      'deleted-profile',
    );
  });

  it('writes nothing, prints nothing and counts nothing when the technician cancels', async () => {
    const { reportsDir, id, dialogs, prints, value } = await setup({ choose: () => null });
    for (const format of REPORT_FORMATS) {
      expect(await value({ id, format, redaction: 'external' }), format).toEqual({
        path: null,
        bytes: 0,
        redacted: NOTHING,
      });
    }
    expect(dialogs).toHaveLength(REPORT_FORMATS.length);
    expect(prints).toEqual([]);
    await expect(readdir(reportsDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('hides other users, IP addresses, device and tenant ids for an external reader, and counts them', async () => {
    const { reportsDir, id, incidents, dialogs, value } = await setup();
    const { incident } = await incidents.load(id);
    const ips = [
      ...new Set(incident.diagnosis.timeline.flatMap((e) => (e.ipAddress === undefined ? [] : [e.ipAddress]))),
    ];
    expect(ips.length).toBeGreaterThan(0);

    const open = await value({ id, format: 'json', redaction: 'none' });
    const openText = await readFile(join(reportsDir, dialogs.at(-1)?.defaultFileName ?? ''), 'utf8');
    const external = await value({ id, format: 'json', redaction: 'external' });
    const externalText = await readFile(join(reportsDir, dialogs.at(-1)?.defaultFileName ?? ''), 'utf8');

    expect(open.redacted.ipAddresses).toBe(0);
    expect(external.redacted.ipAddresses).toBeGreaterThan(0);
    expect(external.redacted.ipAddresses + external.redacted.tenantIds + external.redacted.deviceIds).toBeGreaterThan(
      open.redacted.ipAddresses + open.redacted.tenantIds + open.redacted.deviceIds,
    );
    for (const ip of ips) {
      expect(openText, ip).toContain(ip);
      expect(externalText, ip).not.toContain(ip);
    }
    expect(externalText).toContain('[IP address]');
    // The caller is who the report is about: never hidden.
    expect(externalText).toContain(UPN);
  });

  it('refuses bad ids, formats and levels before anything runs, and answers not-found for an unknown incident', async () => {
    const { id, dialogs, call } = await setup();
    for (const input of [
      { id: '../profiles', format: 'md', redaction: 'none' },
      { id: `${id}/../../x`, format: 'md', redaction: 'none' },
      { id, format: 'docx', redaction: 'none' },
      { id, format: 'md', redaction: 'screenShare' },
      { id, format: 'md' },
      { id, format: 'md', redaction: 'none', path: '/etc/passwd' },
    ]) {
      expect(await call(input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const missing = 'inc-20261121T231500Z-0badf00d';
    expect(await call({ id: missing, format: 'md', redaction: 'none' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `Incident ${missing} does not exist (any more).` },
    });
    expect(dialogs).toEqual([]);
  });

  it('answers unavailable, without asking where to save, when the incident cannot be read', async () => {
    const { root, id, dialogs, call } = await setup();
    await writeFile(join(root, 'incidents', `${id}.bundle.json`), 'not json');
    expect(await call({ id, format: 'md', redaction: 'none' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: `The evidence of incident ${id} is damaged.` },
    });
    expect(dialogs).toEqual([]);
  });

  it('names the file it could not write, with the reason and no stack', async () => {
    // A file where the chosen folder should be: nothing can be written inside it.
    const { root, id, call } = await setup({ choose: (name, dir) => join(dir, 'blocked', name) });
    await writeFile(join(root, 'reports'), '');
    const result = await call({ id, format: 'html', redaction: 'none' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(result.error.message).toMatch(
      new RegExp(`^The report could not be saved as ${root}/reports/blocked/[^/]+\\.html \\(E[A-Z]+\\)\\.$`),
    );
    expect(result.error.message).not.toMatch(/\n\s+at /);
  });

  it('says why a PDF could not be printed, and keeps any other print error out of the answer', async () => {
    const failing = (error: Error) => () => () => Promise.reject(error);
    const plain = await setup({ printPdf: failing(new PdfPrintError('The report could not be printed to PDF.')) });
    expect(await plain.call({ id: plain.id, format: 'pdf', redaction: 'none' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The report could not be printed to PDF.' },
    });
    const bug = await setup({ printPdf: failing(new Error('renderer crashed at 0xdeadbeef /home/tech/secret')) });
    const result = await bug.call({ id: bug.id, format: 'pdf', redaction: 'none' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('0xdeadbeef');
    for (const { reportsDir } of [plain, bug]) {
      await expect(readdir(reportsDir)).rejects.toMatchObject({ code: 'ENOENT' });
    }
  });
});
