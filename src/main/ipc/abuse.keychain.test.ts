import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInFilter } from '../../core/collection/queries';
import type { ChannelOutput, IpcChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { listDemoUsers } from '../demo-tenant/demo-users';
import { PdfPrintError } from '../export/export-ports';
import { IncidentStore } from '../incidents/incident-store';
import { DemoTenantHost } from '../profiles/profile-connection';
import { demoTenantCloud, profileHandlerDeps } from '../profiles/profile-deps';
import { ProfileStore } from '../profiles/profile-store';
import { KeychainSecretStore } from '../secrets/keychain-secret-store';
import { AppSettingsStore } from '../settings/app-settings-store';
import {
  FORBIDDEN_IN_OUTPUT,
  FREE_TEXT_FIELDS,
  HOSTILE_BUNDLE_EDITS,
  HOSTILE_NAME_UPNS,
  HOSTILE_TEXT,
  longString,
  MALFORMED_JSON_FILES,
  MAX_ERROR_MESSAGE,
  ONE_MB,
  OVERSIZED_BUNDLE,
  QUERY_INJECTION_UPNS,
} from '../test-support/hostile-inputs';
import type { FreeTextField, HostileFileRow, HostileRow } from '../test-support/hostile-inputs';
import { createIpcDispatcher } from './dispatcher';
import type { IpcDispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { createSenderPolicy, TrustedWebContents } from './sender-policy';

/*
 * The abuse suite over IPC: every row of src/main/test-support/hostile-inputs.ts that enters
 * through IPC, sent through the real dispatcher to the real handlers (the same createHandlers
 * the app and the e2e tests use), with the real OS keychain, a real incidents folder and the demo
 * tenant over HTTPS, which records every request so a test sees exactly what reached the tenant.
 */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

const root = mkdtempSync(join(tmpdir(), 'ipc-abuse-'));
const incidentsDir = join(root, 'incidents');
const reportsDir = join(root, 'reports');
/** Requests the demo tenant received: service, route key, and the URL as sent. */
const requests: { service: string; key: string; url: string }[] = [];
/** Main-side errors the dispatcher logged (an unexpected error in a handler). */
const mainErrors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
let tenant: DemoTenant;
let dispatcher: IpcDispatcher;
let profiles: ProfileStore;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  tenant = await startDemoTenant({ onRequest: (service, key, _m, url) => requests.push({ service, key, url }) });
  const secrets = new KeychainSecretStore({ platform: process.platform });
  profiles = new ProfileStore(join(root, 'profiles.json'), secrets);
  const trusted = new TrustedWebContents();
  trusted.add(1);
  dispatcher = createIpcDispatcher({
    handlers: createHandlers({
      secrets,
      profiles: profileHandlerDeps(profiles, demoTenantCloud(tenant), new DemoTenantHost(tenant)),
      settings: new AppSettingsStore(join(root, 'settings.json')),
      incidents: new IncidentStore(incidentsDir),
      openExternal: () => Promise.resolve(),
      // The save dialog "chooses" the suggested name as it is, without basename(): a name that
      // could climb out of the reports folder would do so here, and the test would see it.
      chooseSavePath: (name) => Promise.resolve(join(reportsDir, name)),
      printPdf: () => Promise.reject(new PdfPrintError('not in this suite')),
    }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
    onError: (channel, message) => mainErrors.push(`${channel}: ${message}`),
  });
});

afterAll(async () => {
  for (const summary of await profiles.list()) if (!summary.builtIn) await profiles.delete(summary.profile.id);
  await tenant.stop();
  rmSync(root, { recursive: true, force: true });
  process.off('unhandledRejection', onUnhandled);
  // Nothing a hostile input did was left to fail later, unseen.
  expect(unhandled).toEqual([]);
  expect(mainErrors).toEqual([]);
});

const call = <C extends IpcChannel>(channel: C, input: unknown) =>
  dispatcher.dispatch(channel, sender, input) as Promise<Result<ChannelOutput<C>>>;

async function value<C extends IpcChannel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A refusal: an error value (never a throw) with a short, inert message that matches. */
function expectRefused(result: Result<unknown>, message: RegExp, code?: string): void {
  if (result.ok) throw new Error('expected a refusal, got an answer');
  if (code !== undefined) expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(message);
  expect(result.error.message.length, 'short, whatever the input').toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  expect(result.error.message).not.toMatch(FORBIDDEN_IN_OUTPUT);
  expect(result.error.message).not.toMatch(/\n\s+at /);
}

let runId = 100;
function runRequest(upn: string) {
  const until = new Date();
  return {
    runId: ++runId,
    profileId: 'demo',
    upn,
    symptom: 'outlook-desktop',
    since: new Date(until.getTime() - 86_400_000).toISOString(),
    until: until.toISOString(),
  };
}

const ipcRows = (rows: readonly HostileRow[]) => rows.filter((r) => r.ways.includes('ipc'));
const DEMO_UPNS = listDemoUsers().map((u) => u.upn.toLowerCase());

describe('diagnosis:run with a hostile UPN', () => {
  beforeEach(() => {
    requests.length = 0;
  });

  it.each(ipcRows(QUERY_INJECTION_UPNS))('$name', async (row) => {
    const result = await call('diagnosis:run', runRequest(row.value));
    if (row.outcome.kind === 'refused') {
      expectRefused(result, row.outcome.message, 'invalid-input');
      expect(requests, 'nothing reached the tenant').toEqual([]);
      return;
    }
    if (!result.ok) throw new Error(result.error.message);
    const { diagnosis, records } = result.value;
    expect(diagnosis.subject.upn).toBe(row.value);
    expect(diagnosis.primary?.code).toBe('OKTA_USER_NOT_FOUND');
    expect(diagnosis.timeline).toEqual([]);
    for (const gap of diagnosis.gaps) expect(gap.reason).toMatch(/longer than 40 characters/);
    // No other user's record came back.
    const answer = JSON.stringify({ diagnosis, records }).toLowerCase();
    for (const upn of DEMO_UPNS) expect(answer).not.toContain(`"${upn}"`);

    // What reached the tenant: the UPN as one literal in the Graph $filter, one path segment in
    // each user lookup; no request to a route the collector does not call for a user.
    const signIns = requests.filter((r) => r.key === 'graph.signIns');
    expect(signIns.length).toBeGreaterThan(0);
    for (const r of signIns) {
      const filter = new URL(r.url, 'https://graph.invalid').searchParams.get('$filter') ?? '';
      expect(
        filter.startsWith(`(${signInFilter(row.value, diagnosis.subject.since, diagnosis.subject.until)})`) ||
          filter === signInFilter(row.value, diagnosis.subject.since, diagnosis.subject.until),
        filter,
      ).toBe(true);
    }
    const oktaUser = requests.find((r) => r.key === 'okta.users');
    expect(decodeURIComponent(new URL(oktaUser?.url ?? '', 'https://okta.invalid').pathname)).toBe(
      `/api/v1/users/${row.value}`,
    );
    const graphUser = requests.find((r) => r.key === 'graph.users');
    expect(graphUser, 'the Graph user lookup went to the users route').toBeDefined();
  });
});

/** A valid profile to put a hostile value into. */
function profileWith(field: FreeTextField, text: string): Record<string, unknown> {
  const profile = {
    id: 'abuse',
    name: 'Abuse test',
    okta: {
      orgUrl: 'https://contoso.okta.com',
      authMode: 'private-key',
      clientId: '0oa1abcdefghijklmnop',
      keyId: 'kid-1',
    },
    entra: { tenant: 'contoso.com', clientId: '6f1c4a2e-8d3b-4c5a-9e7f-1a2b3c4d5e6f', authMode: 'client-secret' },
    office365AppId: '0oa1office365app0001',
  };
  if (field === 'profiles:save profile.name') return { ...profile, name: text };
  if (field === 'profiles:save profile.okta.keyId') return { ...profile, okta: { ...profile.okta, keyId: text } };
  return { ...profile, office365AppId: text };
}

/** Whether a "line" field refuses the text: any control, format, surrogate, private-use or line separator. */
const NOT_ONE_PLAIN_LINE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

describe('free text over IPC: stored as data, or refused with a short message', () => {
  let incidentId: string;
  beforeAll(async () => {
    const run = await value('diagnosis:run', runRequest('dmitri.volkov@contoso.com'));
    if (run.incidentId === null) throw new Error(run.saveError ?? 'not saved');
    incidentId = run.incidentId;
  });

  const texts = [...ipcRows(HOSTILE_TEXT), { name: '1 MB string', value: longString(ONE_MB) }];
  const cases = FREE_TEXT_FIELDS.flatMap((f) =>
    texts.map((t) => ({ ...f, text: t.value, name: `${f.field}: ${t.name}` })),
  );

  it.each(cases)('$name', async ({ field, max, policy, text }) => {
    const refused = text.length > max || (policy === 'line' && NOT_ONE_PLAIN_LINE.test(text));
    if (field === 'incidents:update work.notes') {
      const before = (await value('incidents:open', { id: incidentId })).incident.work;
      const result = await call('incidents:update', { id: incidentId, work: { ...before, notes: text } });
      const after = (await value('incidents:open', { id: incidentId })).incident.work;
      if (refused) {
        expectRefused(result, /notes: Too big/, 'invalid-input');
        expect(after, 'nothing lost').toEqual(before);
      } else {
        expect(result.ok).toBe(true);
        expect(after.notes, 'kept exactly as typed').toBe(text);
      }
      return;
    }
    const result = await call('profiles:save', { profile: profileWith(field, text) });
    const listed = (await value('profiles:list', {})).profiles.find((p) => p.profile.id === 'abuse');
    if (refused) {
      expectRefused(result, /Too big|no line breaks, control or invisible characters/, 'invalid-input');
      const stored = listed === undefined ? undefined : JSON.stringify(listed.profile);
      if (stored !== undefined) expect(stored).not.toContain(JSON.stringify(text).slice(1, -1));
    } else {
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      expect(JSON.stringify(listed?.profile)).toContain(JSON.stringify(text.trim()).slice(1, -1));
    }
  });

  it.each(texts)('notes "$name" exported in every text format: inert', async ({ value: text }) => {
    const work = (await value('incidents:open', { id: incidentId })).incident.work;
    const saved = await call('incidents:update', { id: incidentId, work: { ...work, notes: text } });
    if (!saved.ok) {
      expect(text.length).toBeGreaterThan(20_000);
      return;
    }
    for (const format of ['html', 'md', 'ticket', 'json'] as const) {
      const { path } = await value('incidents:export', { id: incidentId, format, redaction: 'none' });
      if (path === null) throw new Error('not saved');
      const report = readFileSync(path, 'utf8');
      expect(report, `${format}: no control, bidi or invisible character`).not.toMatch(FORBIDDEN_IN_OUTPUT);
      if (format === 'html') {
        expect(report).not.toContain('<img src=x');
        expect(report).not.toContain('<script>window');
      }
      if (format === 'md') {
        expect(report).not.toMatch(/^# Resolved/m);
        expect(report).not.toContain('](javascript:');
      }
      if (format === 'ticket') expect(report).not.toMatch(/^Resolution: closed by attacker/m);
      if (format === 'json') expect(() => JSON.parse(report) as unknown).not.toThrow();
    }
  });

  it.each([
    ['a path', 'contoso.com/../../common'],
    ['a query', 'contoso.com?x=1'],
    ['a right-to-left override', 'contoso\u202e.com'],
    ['a terminal escape', 'contoso\u001b[2J.com'],
    ['1 MB', `${longString(ONE_MB)}.com`],
  ])('entra:discover-tenant with %s in the domain is refused before any request', async (_name, domain) => {
    requests.length = 0;
    expectRefused(
      await call('entra:discover-tenant', { domain }),
      /domain: (a domain such as contoso\.com|Too big)/,
      'invalid-input',
    );
    expect(requests).toEqual([]);
  });
});

/** A fresh incident (a diagnosis of a demo user), and its two files. */
async function freshIncident(upn = 'michael.chen@contoso.com'): Promise<{ id: string; file: string; bundle: string }> {
  const run = await value('diagnosis:run', runRequest(upn));
  if (run.incidentId === null) throw new Error(run.saveError ?? 'not saved');
  return {
    id: run.incidentId,
    file: join(incidentsDir, `${run.incidentId}.json`),
    bundle: join(incidentsDir, `${run.incidentId}.bundle.json`),
  };
}

/** Replaces a file with a hostile one. */
function plant(path: string, row: HostileFileRow): void {
  rmSync(path, { recursive: true, force: true });
  if (row.file.kind === 'text') writeFileSync(path, row.file.text);
  else if (row.file.kind === 'sparse') {
    writeFileSync(path, '');
    truncateSync(path, row.file.bytes);
  } else if (row.file.kind === 'folder') mkdirSync(path);
}

describe('incident files on disk', () => {
  let keeper: string;
  beforeAll(async () => {
    keeper = (await freshIncident()).id;
  });

  /** The other incidents are still listed, the keeper among them, whatever one damaged file holds. */
  async function othersStillListed(): Promise<number> {
    const list = await value('incidents:list', {});
    expect(list.incidents.map((i) => i.id)).toContain(keeper);
    return list.unreadable;
  }

  it.each([...MALFORMED_JSON_FILES, OVERSIZED_BUNDLE])('evidence: $name', async (row) => {
    const { id, bundle } = await freshIncident();
    plant(bundle, row);
    expectRefused(
      await call('incidents:open', { id }),
      /evidence of incident .* (is damaged|could not be read|is not a file|is larger than)/,
      'unavailable',
    );
    expectRefused(await call('incidents:export', { id, format: 'md', redaction: 'internal' }), /evidence of incident/);
    expectRefused(await call('incidents:duplicate', { id }), /evidence of incident/);
    await othersStillListed();
    const deleted = await call('incidents:delete', { id });
    if (row.file.kind === 'folder') {
      // A folder where the evidence should be is not the app's to remove (never a recursive
      // delete of what it did not write): said clearly, and the incident has left the list.
      expectRefused(deleted, /evidence of incident .* could not be deleted/, 'unavailable');
      expect((await value('incidents:list', {})).incidents.map((i) => i.id)).not.toContain(id);
    } else expect(deleted).toEqual({ ok: true, value: { deleted: true } });
  });

  it.each([...MALFORMED_JSON_FILES, OVERSIZED_BUNDLE])('incident file: $name', async (row) => {
    const { id, file } = await freshIncident();
    const before = await othersStillListed();
    plant(file, row);
    const unreadable = await othersStillListed();
    // Skipped and counted, unless it is gone altogether (the "no such file" row).
    expect(unreadable).toBe(row.file.kind === 'missing' ? before : before + 1);
    expectRefused(
      await call('incidents:open', { id }),
      /Incident .* (is damaged|does not exist|is not a file|is larger than)/,
    );
    rmSync(file, { recursive: true, force: true });
    await value('incidents:delete', { id });
  });

  it.each(HOSTILE_BUNDLE_EDITS)('evidence edited: $name', async (row) => {
    const { id, bundle } = await freshIncident();
    const edited = row.edit(JSON.parse(readFileSync(bundle, 'utf8')) as Record<string, unknown>);
    writeFileSync(bundle, edited);
    const opened = await call('incidents:open', { id });
    const exported = await call('incidents:export', { id, format: 'json', redaction: 'none' });
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype is untouched').toBeUndefined();
    if (row.outcome.kind === 'refused') {
      expectRefused(opened, /evidence of incident .* is damaged/, 'unavailable');
      expectRefused(exported, /evidence of incident .* is damaged/);
    } else {
      expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
      expect(exported.ok, exported.ok ? '' : exported.error.message).toBe(true);
    }
    await othersStillListed();
    await value('incidents:delete', { id });
  });
});

describe('export names from a hostile user principal name in a stored incident', () => {
  it.each(ipcRows(HOSTILE_NAME_UPNS))('$name', async (row) => {
    const { id, file, bundle } = await freshIncident();
    // An incident written by hand or by another tool: the stored subject is the hostile UPN.
    for (const path of [file, bundle]) {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { subject: { upn: string } };
      json.subject.upn = row.value;
      writeFileSync(path, JSON.stringify(json));
    }
    rmSync(reportsDir, { recursive: true, force: true });
    for (const format of ['md', 'html', 'ticket', 'json'] as const) {
      const { path } = await value('incidents:export', { id, format, redaction: 'none' });
      expect(path?.startsWith(`${reportsDir}/`), path ?? '').toBe(true);
    }
    const names = readdirSync(reportsDir);
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(name).toMatch(/^signin-triage-[A-Za-z0-9._@-]+\.(md|html|txt|json)$/);
      expect(name).not.toContain('..');
      expect(name.length).toBeLessThanOrEqual(120);
    }
    // Nothing landed beside the reports folder (the app's own files and folders only).
    const own = ['incidents', 'profiles.json', 'settings.json', 'reports'];
    expect(readdirSync(root).filter((n) => !own.includes(n))).toEqual([]);
    await value('incidents:delete', { id });
  });
});
