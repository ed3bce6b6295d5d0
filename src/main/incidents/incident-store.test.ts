import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INCIDENT_ID_PATTERN } from '../../shared/ipc/incident-id';
import type { IncidentWork } from '../../shared/ipc/incidents';
import { countingHex, demoIncident, steppingClock } from '../test-support/incident-fixtures';
import { IncidentError, incidentIdAt, IncidentStore, incidentsDirBeside } from './incident-store';

/* The incident store on real files in temporary folders, with real Contoso diagnoses. */

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'incidents-'));
  dirs.push(dir);
  return dir;
}

/** A store in a fresh folder with a stepping clock and known ids (…-00000001, …-00000002). */
async function freshStore(): Promise<{ dir: string; store: IncidentStore }> {
  const dir = join(await tempDir(), 'incidents');
  return { dir, store: new IncidentStore(dir, { now: steppingClock(), randomHex: countingHex() }) };
}

const work = (notes: string, status: IncidentWork['status'] = 'draft'): IncidentWork => ({
  step: 'notes',
  done: [0, 2],
  notes,
  status,
});

const reasonOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof IncidentError) return error.reason;
    throw error;
  }
  throw new Error('expected an IncidentError');
};

describe('incident ids and places', () => {
  it('sits beside the profiles file', () => {
    expect(incidentsDirBeside(join('/home/tech/.config/Sign-in Triage', 'profiles.json'))).toBe(
      join('/home/tech/.config/Sign-in Triage', 'incidents'),
    );
  });

  it('makes ids from the UTC time and 8 hex digits, matching the pattern inputs are checked against', () => {
    const id = incidentIdAt(new Date('2026-11-21T23:15:00.123Z'), 'a1b2c3d4');
    expect(id).toBe('inc-20261121T231500Z-a1b2c3d4');
    expect(id).toMatch(INCIDENT_ID_PATTERN);
  });
});

describe('IncidentStore', () => {
  it('creates a draft incident: the evidence first, then the incident file, both private', async () => {
    const { dir, store } = await freshStore();
    const input = demoIncident();
    const { id, createdAt } = await store.create(input);
    expect(id).toBe('inc-20261121T231500Z-00000001');
    expect(createdAt).toBe('2026-11-21T23:15:00.000Z');

    expect((await readdir(dir)).sort()).toEqual([`${id}.bundle.json`, `${id}.json`]);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const bundleStat = await stat(join(dir, `${id}.bundle.json`), { bigint: true });
    const incidentStat = await stat(join(dir, `${id}.json`), { bigint: true });
    expect(Number(bundleStat.mode & 0o777n)).toBe(0o600);
    expect(Number(incidentStat.mode & 0o777n)).toBe(0o600);
    expect(bundleStat.mtimeNs <= incidentStat.mtimeNs).toBe(true);

    const file = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual([
      'format',
      'id',
      'createdAt',
      'updatedAt',
      'status',
      'profileId',
      'subject',
      'diagnosis',
      'work',
    ]);
    expect(file).toMatchObject({
      format: 'signin-triage.incident/v1',
      id,
      createdAt,
      updatedAt: createdAt,
      status: 'draft',
      profileId: 'demo',
      subject: input.bundle.subject,
      work: { step: 'verdict', done: [], notes: '', status: 'draft' },
    });
    // The incident file is the small one: the evidence is not in it.
    expect(JSON.stringify(file)).not.toContain('"debugContext"');

    const loaded = await store.load(id);
    // Exactly as stored, vendor objects' key order included: raw records are printed from them.
    expect(JSON.stringify(loaded.bundle)).toBe(JSON.stringify(input.bundle));
    expect(loaded.incident.diagnosis).toEqual(JSON.parse(JSON.stringify(input.diagnosis)));
  });

  it('lists incidents by last update, newest first, with what identifies the call', async () => {
    const { store } = await freshStore();
    const first = await store.create(demoIncident('dmitri.volkov@contoso.com'));
    const second = await store.create(demoIncident('michael.chen@contoso.com', 'contoso-prod'));
    const third = await store.create(demoIncident('dmitri.volkov@contoso.com'));
    expect((await store.list()).incidents.map((i) => i.id)).toEqual([third.id, second.id, first.id]);

    await store.update(first.id, work('called back', 'closed'));
    const { incidents, unreadable } = await store.list();
    expect(unreadable).toBe(0);
    expect(incidents.map((i) => i.id)).toEqual([first.id, third.id, second.id]);
    expect(incidents[0]).toEqual({
      id: first.id,
      createdAt: first.createdAt,
      updatedAt: incidents[0]?.updatedAt,
      status: 'closed',
      profileId: 'demo',
      upn: 'dmitri.volkov@contoso.com',
      symptom: 'outlook-desktop',
      code: 'LEGACY_AUTH_STALE_PASSWORD',
      summary: demoIncident().diagnosis.primary?.summary,
    });
    expect(Date.parse(incidents[0]?.updatedAt ?? '')).toBeGreaterThan(Date.parse(first.createdAt));
    expect(incidents[2]).toMatchObject({ profileId: 'contoso-prod', upn: 'michael.chen@contoso.com' });
  });

  it('lists nothing, and creates nothing, when the folder does not exist yet', async () => {
    const { dir, store } = await freshStore();
    expect(await store.list()).toEqual({ incidents: [], unreadable: 0 });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lists at most 100, the newest', async () => {
    const { dir, store } = await freshStore();
    const { id } = await store.create(demoIncident());
    const text = await readFile(join(dir, `${id}.json`), 'utf8');
    const file = JSON.parse(text) as { id: string; updatedAt: string };
    // Copies of the incident file under other ids and times: listing reads incident files only.
    for (let i = 0; i < 110; i += 1) {
      const copyId = `inc-20261122T000000Z-${i.toString(16).padStart(8, '0')}`;
      const updatedAt = new Date(Date.parse('2026-11-22T00:00:00.000Z') + i * 60_000).toISOString();
      await writeFile(join(dir, `${copyId}.json`), JSON.stringify({ ...file, id: copyId, updatedAt }));
    }
    const { incidents, unreadable } = await store.list();
    expect(unreadable).toBe(0);
    expect(incidents).toHaveLength(100);
    expect(incidents[0]?.id).toBe('inc-20261122T000000Z-0000006d');
    expect(incidents.map((i) => i.id)).not.toContain(id);
  });

  it('skips and counts unreadable incident files, and ignores files that are not incidents', async () => {
    const { dir, store } = await freshStore();
    const { id } = await store.create(demoIncident());
    const good = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
    const other = (n: number) => `inc-20261121T000000Z-${String(n).padStart(8, '0')}`;
    await writeFile(join(dir, `${other(1)}.json`), '{ "format": "signin-triage.incident/v1", "id": ');
    await writeFile(join(dir, `${other(2)}.json`), JSON.stringify({ ...good, id: other(2), status: 'open' }));
    // A file that names another incident than its own (copied by hand) is not trusted either.
    await writeFile(join(dir, `${other(3)}.json`), JSON.stringify(good));
    await writeFile(join(dir, `${other(4)}.json`), JSON.stringify({ ...good, id: other(4), status: 'closed' }));
    await mkdir(join(dir, `${other(5)}.json`));
    // Not incident files: a crash's temp file, evidence, names that are not ids.
    await writeFile(join(dir, `${id}.json.0a1b2c3d4e5f.tmp`), '{ "format": "signin-tri');
    await writeFile(join(dir, `${other(6)}.bundle.json`), 'not json');
    await writeFile(join(dir, 'inc-latest.json'), 'not json');
    await writeFile(join(dir, 'notes.txt'), 'hello');

    const { incidents, unreadable } = await store.list();
    expect(incidents.map((i) => i.id)).toEqual([id]);
    expect(unreadable).toBe(5);
    await expect(store.load(other(1))).rejects.toMatchObject({ reason: 'unreadable' });
    await expect(store.update(other(2), work('x'))).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('updates the work and status only, rewriting the small file and never the evidence', async () => {
    const { dir, store } = await freshStore();
    const { id, createdAt } = await store.create(demoIncident());
    const bundleFile = join(dir, `${id}.bundle.json`);
    const before = await stat(bundleFile, { bigint: true });
    const bundleText = await readFile(bundleFile, 'utf8');
    const original = await store.load(id);

    const { updatedAt } = await store.update(id, work('Reset the app password; user confirmed.', 'closed'));
    expect(updatedAt).toBe('2026-11-21T23:15:01.000Z');
    const { incident } = await store.load(id);
    expect(incident).toEqual({
      ...original.incident,
      updatedAt,
      status: 'closed',
      work: work('Reset the app password; user confirmed.', 'closed'),
    });
    expect(incident.createdAt).toBe(createdAt);
    // Back to draft: reopened and worked on again.
    await store.update(id, { step: 'fix', done: [], notes: '', status: 'draft' });
    expect((await store.load(id)).incident.status).toBe('draft');

    const after = await stat(bundleFile, { bigint: true });
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(await readFile(bundleFile, 'utf8')).toBe(bundleText);
    expect((await readdir(dir)).sort()).toEqual([`${id}.bundle.json`, `${id}.json`]);
    expect((await stat(join(dir, `${id}.json`))).mode & 0o777).toBe(0o600);
  });

  it('answers not-found for an incident that does not exist', async () => {
    const { store } = await freshStore();
    const missing = 'inc-20261121T231500Z-ffffffff';
    expect(await reasonOf(store.load(missing))).toBe('not-found');
    expect(await reasonOf(store.update(missing, work('x')))).toBe('not-found');
    expect(await store.delete(missing)).toBe(false);
  });

  it('deletes both files and any temp file a crash left, and says whether there was an incident', async () => {
    const { dir, store } = await freshStore();
    const keep = await store.create(demoIncident());
    const { id } = await store.create(demoIncident());
    await writeFile(join(dir, `${id}.json.0a1b2c3d4e5f.tmp`), '{');
    expect(await store.delete(id)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([`${keep.id}.bundle.json`, `${keep.id}.json`]);
    expect(await store.delete(id)).toBe(false);
    expect(await reasonOf(store.load(id))).toBe('not-found');
    expect((await store.list()).incidents.map((i) => i.id)).toEqual([keep.id]);
  });

  it('refuses ids that are not incident ids before they come near a file name', async () => {
    const root = await tempDir();
    const dir = join(root, 'incidents');
    const store = new IncidentStore(dir);
    await store.create(demoIncident());
    // Files a traversal would aim at, beside and above the incidents folder.
    await writeFile(join(root, 'profiles.json'), '{}');
    await writeFile(join(root, 'profiles.bundle.json'), '{}');
    const hostile = [
      '../profiles',
      '..',
      '',
      '/etc/passwd',
      'inc-20261121T231500Z-deadbeef/../../profiles',
      'inc-20261121T231500Z-DEADBEEF',
      'inc-20261121T231500Z-deadbee',
      'inc-20261121T231500Z-deadbeef ',
      'inc-20261121T231500Z-deadbeef\n',
      'inc-20261121T231500Z-deadbeef.bundle',
      'inc-2026112T231500Z-deadbeef',
    ];
    for (const id of hostile) {
      expect(await reasonOf(store.load(id)), JSON.stringify(id)).toBe('invalid-id');
      expect(await reasonOf(store.update(id, work('x'))), JSON.stringify(id)).toBe('invalid-id');
      expect(await reasonOf(store.delete(id)), JSON.stringify(id)).toBe('invalid-id');
    }
    expect((await readdir(root)).sort()).toEqual(['incidents', 'profiles.bundle.json', 'profiles.json']);
    expect((await store.list()).incidents).toHaveLength(1);
  });

  it('runs quick updates of one incident one at a time, in call order: the last one wins', async () => {
    const { dir, store } = await freshStore();
    const { id } = await store.create(demoIncident());
    const saves = Array.from({ length: 25 }, (_, i) => store.update(id, work(`version ${String(i)}`)));
    const answers = await Promise.all(saves);
    // Each save read the file the one before it wrote, so their times follow the call order.
    const times = answers.map((a) => Date.parse(a.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    const { incident } = await store.load(id);
    expect(incident.work.notes).toBe('version 24');
    expect(incident.updatedAt).toBe(answers.at(-1)?.updatedAt);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('orders an update, a delete and another update of one incident as they were called', async () => {
    const { store } = await freshStore();
    const { id } = await store.create(demoIncident());
    const other = await store.create(demoIncident());
    const first = store.update(id, work('before delete'));
    const deleted = store.delete(id);
    const late = store.update(id, work('after delete'));
    // Another incident's save does not wait behind them.
    const elsewhere = store.update(other.id, work('elsewhere'));
    await expect(first).resolves.toMatchObject({ updatedAt: expect.any(String) as unknown });
    await expect(deleted).resolves.toBe(true);
    expect(await reasonOf(late)).toBe('not-found');
    await expect(elsewhere).resolves.toBeDefined();
    expect((await store.list()).incidents.map((i) => i.id)).toEqual([other.id]);
  });

  it('says the incident cannot be saved when the folder cannot be written, and leaves no evidence behind', async () => {
    const root = await tempDir();
    // A file where the folder should be: nothing can be created inside it.
    await writeFile(join(root, 'incidents'), '');
    const blocked = new IncidentStore(join(root, 'incidents'));
    const error = await blocked.create(demoIncident()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncidentError);
    expect(error).toMatchObject({
      reason: 'unwritable',
      message: expect.stringMatching(/^The incident could not be saved in .*incidents \(E[A-Z]+\)\.$/) as unknown,
    });

    // The evidence is written, then the incident file cannot be: the evidence is removed again.
    const { dir, store } = await freshStore();
    await mkdir(join(dir, 'inc-20261121T231500Z-00000001.json'), { recursive: true });
    expect(await reasonOf(store.create(demoIncident()))).toBe('unwritable');
    expect(await readdir(dir)).toEqual(['inc-20261121T231500Z-00000001.json']);
  });

  it('reports an incident whose evidence is missing or damaged as unreadable', async () => {
    const { dir, store } = await freshStore();
    const { id } = await store.create(demoIncident());
    await writeFile(join(dir, `${id}.bundle.json`), '{"format":"signin-triage.evidence/v1"}');
    expect(await reasonOf(store.load(id))).toBe('unreadable');
    await rm(join(dir, `${id}.bundle.json`));
    const error = await store.load(id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'unreadable',
      message: `The evidence of incident ${id} could not be read (ENOENT).`,
    });
    // Still listed, and deletable.
    expect((await store.list()).incidents).toHaveLength(1);
    expect(await store.delete(id)).toBe(true);
  });
});

describe('IncidentStore.duplicate', () => {
  it('copies an incident as a new draft: the same evidence byte for byte, diagnosis and work', async () => {
    const { dir, store } = await freshStore();
    const source = await store.create(demoIncident());
    await store.update(source.id, work('Reset the app password.', 'closed'));
    const before = await store.load(source.id);
    const sourceBundle = await readFile(join(dir, `${source.id}.bundle.json`), 'utf8');

    const copy = await store.duplicate(source.id);
    expect(copy).toEqual({ id: 'inc-20261121T231502Z-00000002', createdAt: '2026-11-21T23:15:02.000Z' });
    const loaded = await store.load(copy.id);
    expect(loaded.incident).toEqual({
      ...before.incident,
      id: copy.id,
      createdAt: copy.createdAt,
      updatedAt: copy.createdAt,
      status: 'draft',
      work: work('Reset the app password.', 'draft'),
    });
    expect(await readFile(join(dir, `${copy.id}.bundle.json`), 'utf8')).toBe(sourceBundle);
    for (const name of [`${copy.id}.json`, `${copy.id}.bundle.json`]) {
      expect((await stat(join(dir, name))).mode & 0o777, name).toBe(0o600);
    }
    // The original is as it was, and both are listed, the copy first.
    expect(await store.load(source.id)).toEqual(before);
    expect((await store.list()).incidents.map((i) => [i.id, i.status])).toEqual([
      [copy.id, 'draft'],
      [source.id, 'closed'],
    ]);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('copies the work saved by an update called before it', async () => {
    const { store } = await freshStore();
    const { id } = await store.create(demoIncident());
    const saving = store.update(id, work('saved just before the copy'));
    const copy = await store.duplicate(id);
    await saving;
    expect((await store.load(copy.id)).incident.work.notes).toBe('saved just before the copy');
  });

  it('refuses bad ids, answers not-found for a missing incident, and copies nothing damaged', async () => {
    const { dir, store } = await freshStore();
    expect(await reasonOf(store.duplicate('../profiles'))).toBe('invalid-id');
    expect(await reasonOf(store.duplicate('inc-20261121T231500Z-ffffffff'))).toBe('not-found');
    const { id } = await store.create(demoIncident());
    await writeFile(join(dir, `${id}.bundle.json`), '{"format":"signin-triage.evidence/v1"}');
    expect(await reasonOf(store.duplicate(id))).toBe('unreadable');
    expect((await readdir(dir)).sort()).toEqual([`${id}.bundle.json`, `${id}.json`]);
  });
});

describe('IncidentStore.rediagnose', () => {
  it('saves the engine’s new diagnosis in the same incident, keeping the work and the evidence', async () => {
    const { dir, store } = await freshStore();
    const input = demoIncident();
    // As an older engine might have left it: nothing found.
    const stale = { ...input.diagnosis, primary: null, findings: [] };
    const { id, createdAt } = await store.create({ ...input, diagnosis: stale });
    await store.update(id, work('Called the user.'));
    const bundleText = await readFile(join(dir, `${id}.bundle.json`), 'utf8');

    const { incident, bundle } = await store.rediagnose(id, () => input.diagnosis);
    expect(incident.diagnosis).toEqual(JSON.parse(JSON.stringify(input.diagnosis)));
    expect(incident.diagnosis.primary?.code).toBe('LEGACY_AUTH_STALE_PASSWORD');
    expect(incident).toMatchObject({ id, createdAt, status: 'draft', work: { notes: 'Called the user.' } });
    expect(Date.parse(incident.updatedAt)).toBeGreaterThan(Date.parse(createdAt));
    expect(await store.load(id)).toEqual({ incident, bundle });
    expect(await readFile(join(dir, `${id}.bundle.json`), 'utf8')).toBe(bundleText);
    expect((await store.list()).incidents[0]).toMatchObject({ id, code: 'LEGACY_AUTH_STALE_PASSWORD' });
  });

  it('keeps only the ticked fix steps the new primary finding still has', async () => {
    const { store } = await freshStore();
    const input = demoIncident();
    const primary = input.diagnosis.primary;
    if (primary === null) throw new Error('the demo user has a verdict');
    // Stored with three fix steps, all ticked (and an index no fix ever had); the engine now gives the real ones.
    const steps = [...primary.remediation, { title: 'Second step' }, { title: 'Third step' }];
    const { id } = await store.create({
      ...input,
      diagnosis: { ...input.diagnosis, primary: { ...primary, remediation: steps } },
    });
    await store.update(id, { step: 'fix', done: [0, 1, 2, 40], notes: '', status: 'draft' });

    const done = (await store.rediagnose(id, () => input.diagnosis)).incident.work.done;
    expect(done).toEqual(primary.remediation.map((_, index) => index));
    expect(done.length).toBeLessThan(3);
    const nothing = { ...input.diagnosis, primary: null, findings: [] };
    expect((await store.rediagnose(id, () => nothing)).incident.work.done).toEqual([]);
  });

  it('gives the engine the stored evidence, and refuses bad, missing and damaged incidents', async () => {
    const { dir, store } = await freshStore();
    const input = demoIncident();
    const { id } = await store.create(input);
    const seen: unknown[] = [];
    await store.rediagnose(id, (bundle) => {
      seen.push(bundle);
      return input.diagnosis;
    });
    expect(JSON.stringify(seen)).toBe(JSON.stringify([input.bundle]));

    const never = () => {
      throw new Error('the engine must not run');
    };
    expect(await reasonOf(store.rediagnose('../profiles', never))).toBe('invalid-id');
    expect(await reasonOf(store.rediagnose('inc-20261121T231500Z-ffffffff', never))).toBe('not-found');
    await writeFile(join(dir, `${id}.bundle.json`), 'not json');
    expect(await reasonOf(store.rediagnose(id, never))).toBe('unreadable');
  });
});
