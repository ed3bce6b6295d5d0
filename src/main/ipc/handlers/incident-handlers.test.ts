import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvidenceBundleJson } from '../../../core/evidence/bundle';
import type { ChannelOutput, IpcChannel } from '../../../shared/ipc/contract';
import type { IncidentWork } from '../../../shared/ipc/incidents';
import type { Result } from '../../../shared/result';
import { connectToDemoTenant } from '../../collect/demo-connection';
import { startDemoTenant } from '../../demo-tenant/demo-tenant';
import type { DemoTenant } from '../../demo-tenant/demo-tenant';
import { listDemoUsers } from '../../demo-tenant/demo-users';
import { IncidentStore } from '../../incidents/incident-store';
import { handlersWith } from '../../test-support/handlers';
import { createIpcDispatcher } from '../dispatcher';
import { createSenderPolicy, TrustedWebContents } from '../sender-policy';
import { createDiagnosisHandlers } from './diagnosis-handlers';
import { createIncidentHandlers } from './incident-handlers';

/*
 * Incidents through the real dispatcher: diagnoses run against the demo tenant are kept in a
 * real folder, then listed, reopened, updated and deleted over IPC.
 */

const sender = { webContentsId: 1, isTopFrame: true, url: 'app://triage/index.html' };

let tenant: DemoTenant;
const dirs: string[] = [];
beforeAll(async () => {
  tenant = await startDemoTenant();
});
afterAll(async () => {
  await tenant.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A dispatcher with the diagnosis and incident handlers over one incident store, and a typed caller. */
async function setup(store?: (root: string) => IncidentStore) {
  const root = await mkdtemp(join(tmpdir(), 'incident-handlers-'));
  dirs.push(root);
  const dir = join(root, 'incidents');
  const incidents = store?.(root) ?? new IncidentStore(dir);
  const trusted = new TrustedWebContents();
  trusted.add(1);
  const dispatcher = createIpcDispatcher({
    handlers: handlersWith({
      ...createDiagnosisHandlers({
        connect: (_id, limits) => Promise.resolve(connectToDemoTenant(tenant, limits)),
        incidents,
      }),
      ...createIncidentHandlers(incidents),
    }),
    isTrustedSender: createSenderPolicy(trusted, ['app://triage']),
  });
  const call = <C extends IpcChannel>(channel: C, input: unknown) =>
    dispatcher.dispatch(channel, sender, input) as Promise<Result<ChannelOutput<C>>>;
  const value = async <C extends IpcChannel>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { root, dir, call, value };
}

let nextRunId = 1;
function request(upn: string, symptom = 'outlook-desktop') {
  const until = new Date().toISOString();
  const since = new Date(Date.now() - 86_400_000).toISOString();
  return { runId: nextRunId++, profileId: 'demo', upn, symptom, since, until };
}

const notes = (text: string, status: IncidentWork['status'] = 'draft'): IncidentWork => ({
  step: 'fix',
  done: [1],
  notes: text,
  status,
});

describe('incidents over IPC', () => {
  it('keeps every run as a draft incident, with its evidence bundle beside it', async () => {
    const { dir, value } = await setup();
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    const id = run.incidentId;
    if (id === null) throw new Error(`not saved: ${String(run.saveError)}`);
    expect(run.saveError).toBeUndefined();

    expect((await readdir(dir)).sort()).toEqual([`${id}.bundle.json`, `${id}.json`]);
    const bundle = parseEvidenceBundleJson(await readFile(join(dir, `${id}.bundle.json`), 'utf8'));
    if (!bundle.ok) throw new Error(bundle.error.message);
    expect(bundle.value.subject.upn).toBe('dmitri.volkov@contoso.com');
    expect(bundle.value.okta?.logEvents?.length).toBeGreaterThan(0);

    const listed = await value('incidents:list', {});
    expect(listed).toEqual({
      unreadable: 0,
      incidents: [
        {
          id,
          createdAt: expect.any(String) as unknown,
          updatedAt: expect.any(String) as unknown,
          status: 'draft',
          profileId: 'demo',
          upn: 'dmitri.volkov@contoso.com',
          symptom: 'outlook-desktop',
          code: 'LEGACY_AUTH_STALE_PASSWORD',
          summary: run.diagnosis.primary?.summary,
        },
      ],
    });
  });

  it('reopens every demo user’s incident with the diagnosis, records and links its run answered with', async () => {
    const { value } = await setup();
    const users = listDemoUsers();
    const runs = await Promise.all(users.map((user) => value('diagnosis:run', request(user.upn, user.symptom))));
    for (const run of runs) {
      if (run.incidentId === null) throw new Error(`not saved: ${String(run.saveError)}`);
      const { incident } = await value('incidents:open', { id: run.incidentId });
      const who = run.diagnosis.subject.upn;
      // Byte for byte what the run sent: the records are JSON text printed from the stored evidence.
      expect(JSON.stringify(incident.records), who).toBe(JSON.stringify(run.records));
      expect(incident.links, who).toEqual(run.links);
      expect(incident.diagnosis, who).toEqual(run.diagnosis);
      expect(incident, who).toMatchObject({
        id: run.incidentId,
        status: 'draft',
        profileId: 'demo',
        subject: run.diagnosis.subject,
        work: { step: 'verdict', done: [], notes: '', status: 'draft' },
      });
      expect(incident.createdAt).toBe(incident.updatedAt);
    }
    expect(runs.filter((r) => r.records.length > 0).length).toBeGreaterThan(users.length / 2);
    expect((await value('incidents:list', {})).incidents).toHaveLength(users.length);
  });

  it('saves the technician’s work, closes the incident, and lists it first', async () => {
    const { value } = await setup();
    const older = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    const newer = await value('diagnosis:run', request('michael.chen@contoso.com', 'teams-desktop'));
    if (older.incidentId === null || newer.incidentId === null) throw new Error('not saved');
    expect((await value('incidents:list', {})).incidents.map((i) => i.id)).toEqual([
      newer.incidentId,
      older.incidentId,
    ]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const { updatedAt } = await value('incidents:update', {
      id: older.incidentId,
      work: notes('App password reset; Outlook signed in.', 'closed'),
    });
    const { incident } = await value('incidents:open', { id: older.incidentId });
    expect(incident).toMatchObject({
      updatedAt,
      status: 'closed',
      work: notes('App password reset; Outlook signed in.', 'closed'),
    });
    expect(incident.records).toEqual(older.records);
    const list = await value('incidents:list', {});
    expect(list.incidents.map((i) => [i.id, i.status])).toEqual([
      [older.incidentId, 'closed'],
      [newer.incidentId, 'draft'],
    ]);
  });

  it('deletes an incident and its evidence', async () => {
    const { dir, value } = await setup();
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    if (run.incidentId === null) throw new Error('not saved');
    expect(await value('incidents:delete', { id: run.incidentId })).toEqual({ deleted: true });
    expect(await readdir(dir)).toEqual([]);
    expect(await value('incidents:delete', { id: run.incidentId })).toEqual({ deleted: false });
    expect(await value('incidents:list', {})).toEqual({ incidents: [], unreadable: 0 });
  });

  it('answers not-found for an incident that does not exist', async () => {
    const { call } = await setup();
    const id = 'inc-20261121T231500Z-0badf00d';
    for (const result of [
      await call('incidents:open', { id }),
      await call('incidents:update', { id, work: notes('x') }),
    ]) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'not-found', message: `Incident ${id} does not exist (any more).` },
      });
    }
  });

  it('refuses ids that are not incident ids, and work outside its bounds, before any handler runs', async () => {
    const { call } = await setup();
    for (const id of ['../profiles', 'inc-20261121T231500Z-0badf00d/../../x', 'INC-20261121T231500Z-0BADF00D']) {
      expect(await call('incidents:open', { id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await call('incidents:delete', { id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const id = 'inc-20261121T231500Z-0badf00d';
    for (const work of [
      { ...notes('x'), notes: 'x'.repeat(20_001) },
      { ...notes('x'), done: Array.from({ length: 101 }, (_, i) => i) },
      { ...notes('x'), done: [-1] },
      { ...notes('x'), done: [1.5] },
      { ...notes('x'), step: 'collecting' },
      { ...notes('x'), status: 'open' },
      { ...notes('x'), extra: true },
    ]) {
      expect(await call('incidents:update', { id, work }), JSON.stringify(work).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(await call('incidents:update', { id, work: { ...notes('x'), notes: 'x'.repeat(20_000) } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('still answers with the diagnosis when the incident cannot be saved, and says why', async () => {
    // A file where the incidents folder should be: nothing can be saved in it.
    const { root, value } = await setup((r) => new IncidentStore(join(r, 'blocked', 'incidents')));
    await writeFile(join(root, 'blocked'), '');
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    expect(run.diagnosis.primary?.code).toBe('LEGACY_AUTH_STALE_PASSWORD');
    expect(run.records.length).toBeGreaterThan(0);
    expect(run.incidentId).toBeNull();
    expect(run.saveError).toMatch(/^The incident could not be saved in .*blocked\/incidents \(E[A-Z]+\)\.$/);
  });

  it('reports a damaged incident as unavailable to open, and skips it when listing', async () => {
    const { dir, call, value } = await setup();
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    if (run.incidentId === null) throw new Error('not saved');
    await writeFile(join(dir, `${run.incidentId}.json`), '{"format":"signin-triage.incident/v1"');
    expect(await call('incidents:open', { id: run.incidentId })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: `Incident ${run.incidentId} is damaged and cannot be opened.` },
    });
    expect(await value('incidents:list', {})).toEqual({ incidents: [], unreadable: 1 });
    expect(await value('incidents:delete', { id: run.incidentId })).toEqual({ deleted: true });
  });

  it('duplicates an incident as a new draft that reopens with the same evidence, diagnosis and work', async () => {
    const { dir, value } = await setup();
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    if (run.incidentId === null) throw new Error('not saved');
    await value('incidents:update', { id: run.incidentId, work: notes('Reset the app password.', 'closed') });
    const original = (await value('incidents:open', { id: run.incidentId })).incident;

    const { id } = await value('incidents:duplicate', { id: run.incidentId });
    expect(id).not.toBe(run.incidentId);
    const copy = (await value('incidents:open', { id })).incident;
    expect(copy).toEqual({
      ...original,
      id,
      createdAt: copy.createdAt,
      updatedAt: copy.createdAt,
      status: 'draft',
      work: notes('Reset the app password.', 'draft'),
    });
    expect(JSON.stringify(copy.records)).toBe(JSON.stringify(run.records));
    expect(await readFile(join(dir, `${id}.bundle.json`), 'utf8')).toBe(
      await readFile(join(dir, `${run.incidentId}.bundle.json`), 'utf8'),
    );
    expect((await value('incidents:list', {})).incidents.map((i) => [i.id, i.status])).toEqual([
      [id, 'draft'],
      [run.incidentId, 'closed'],
    ]);
  });

  it('re-diagnoses an incident with the current engine, saves it in place and answers as incidents:open does', async () => {
    const { dir, value } = await setup();
    const run = await value('diagnosis:run', request('dmitri.volkov@contoso.com'));
    const id = run.incidentId;
    if (id === null) throw new Error('not saved');
    const steps = run.diagnosis.primary?.remediation.length ?? 0;
    expect(steps).toBeGreaterThan(0);
    // As an older engine would have left it: no verdict, and fix steps ticked that the verdict does not have.
    const file = join(dir, `${id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { diagnosis: object; work: object };
    await writeFile(
      file,
      JSON.stringify({
        ...stored,
        diagnosis: { ...stored.diagnosis, primary: null, findings: [] },
        work: { ...stored.work, step: 'fix', done: [0, steps, steps + 5], notes: 'Called back.' },
      }),
    );
    expect((await value('incidents:open', { id })).incident.diagnosis.primary).toBeNull();

    const { incident } = await value('incidents:rediagnose', { id });
    expect(incident.diagnosis).toEqual(run.diagnosis);
    expect(JSON.stringify(incident.records)).toBe(JSON.stringify(run.records));
    expect(incident.links).toEqual(run.links);
    expect(incident.work).toEqual({ step: 'fix', done: [0], notes: 'Called back.', status: 'draft' });
    expect(Date.parse(incident.updatedAt)).toBeGreaterThanOrEqual(Date.parse(incident.createdAt));
    expect((await value('incidents:open', { id })).incident).toEqual(incident);
    expect((await value('incidents:list', {})).incidents[0]).toMatchObject({ id, code: 'LEGACY_AUTH_STALE_PASSWORD' });
  });

  it('refuses bad ids for duplicate and rediagnose, and answers not-found for a missing incident', async () => {
    const { dir, call } = await setup();
    for (const channel of ['incidents:duplicate', 'incidents:rediagnose'] as const) {
      for (const id of ['../profiles', 'inc-20261121T231500Z-0badf00d/../../x', '']) {
        expect(await call(channel, { id }), `${channel} ${id}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }
      expect(await call(channel, { id: 'inc-20261121T231500Z-0badf00d', extra: 1 })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
      expect(await call(channel, { id: 'inc-20261121T231500Z-0badf00d' })).toEqual({
        ok: false,
        error: { code: 'not-found', message: 'Incident inc-20261121T231500Z-0badf00d does not exist (any more).' },
      });
    }
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
