import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIncident } from '../test-support/incident-fixtures';
import { versionOf } from '../test-support/incident-versions';
import { IncidentStore, parseIncident } from './incident-store';

/*
 * Crash safety: a separate Node process saves one incident in a loop through the real store and
 * is SIGKILLed at random moments, 30 times. After every kill the incident file must parse,
 * validate, and hold exactly one of the versions written (never a mix or a part), never an older
 * one than before; the evidence must be untouched; and a temp file the kill left behind must
 * never be taken for an incident.
 *
 * The child is the TypeScript module test-support/incident-writer-child.ts, bundled once with
 * Vite (the project's own build tool; Node 20 cannot run TypeScript) into one plain .mjs file,
 * so each round starts a bare `node` in tens of milliseconds.
 */

const ROUNDS = 30;
const CHILD_SOURCE = resolve(import.meta.dirname, '../test-support/incident-writer-child.ts');

let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'incident-crash-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(import.meta.dirname, '../../..'),
    // Everything bundled (zod included): the file runs from a temp folder with no node_modules.
    ssr: { noExternal: true },
    build: {
      ssr: CHILD_SOURCE,
      outDir: join(work, 'child'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'incident-writer-child.mjs' } },
    },
  });
  child = join(work, 'child', 'incident-writer-child.mjs');
}, 30_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts the writer, waits until it has saved once, lets it run a random while, and SIGKILLs it. */
async function runAndKill(dir: string, id: string): Promise<void> {
  const proc = spawn(process.execPath, [child, dir, id], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  const ready = new Promise<boolean>((done) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) done(true);
    });
    void exited.then(() => done(false));
  });
  if (!(await ready)) throw new Error(`the writer stopped before it saved: ${stderr}`);
  // Random moments: sometimes at once, mostly somewhere inside a later write.
  await sleep(Math.random() < 0.2 ? 0 : Math.random() * 40);
  proc.kill('SIGKILL');
  await exited;
  expect(proc.signalCode, stderr).toBe('SIGKILL');
}

describe('incident store, killed while saving', () => {
  it(`leaves a whole incident, one of the versions written, after each of ${String(ROUNDS)} kills`, async () => {
    const dir = join(work, 'incidents');
    const store = new IncidentStore(dir);
    const { id } = await store.create(demoIncident());
    const bundleHash = sha256(await readFile(join(dir, `${id}.bundle.json`), 'utf8'));
    // A temp file as a kill mid-write leaves it (half an incident), planted so the list check
    // below always has one to ignore, whether or not a kill happens to land inside a write.
    const whole = await readFile(join(dir, `${id}.json`), 'utf8');
    await writeFile(join(dir, `${id}.json.0123456789ab.tmp`), whole.slice(0, whole.length / 2));

    let last = 0;
    const leftovers = new Set<string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      await runAndKill(dir, id);
      const text = await readFile(join(dir, `${id}.json`), 'utf8');
      const incident = parseIncident(text, id);
      expect(incident, `round ${String(round)}: the incident file is not a valid incident`).not.toBeNull();
      const version = incident === null ? null : versionOf(incident.work);
      expect(version, `round ${String(round)}: not one of the versions written`).not.toBeNull();
      expect(version ?? 0, `round ${String(round)}: went back to an older version`).toBeGreaterThanOrEqual(last);
      expect(incident?.status).toBe(incident?.work.status);
      last = version ?? 0;

      const listed = await store.list();
      expect(listed).toMatchObject({ unreadable: 0, incidents: [{ id }] });
      expect(listed.incidents).toHaveLength(1);
      for (const name of await readdir(dir)) if (name.endsWith('.tmp')) leftovers.add(name);
    }
    // The writer got somewhere, and never touched the evidence.
    expect(last).toBeGreaterThan(ROUNDS);
    expect(sha256(await readFile(join(dir, `${id}.bundle.json`), 'utf8'))).toBe(bundleHash);
    expect((await store.load(id)).incident.work.notes.startsWith(`${String(last)}:`)).toBe(true);
    // Deleting the incident clears the temp files the kills left behind.
    expect(leftovers.size).toBeGreaterThan(0);
    expect(await store.delete(id)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);
});
