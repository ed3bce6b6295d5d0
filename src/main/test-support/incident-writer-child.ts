import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IncidentStore, parseIncident } from '../incidents/incident-store';
import { versionOf, versionWork } from './incident-versions';

/*
 * The writer the crash test (incident-store.crash.test.ts) runs as its own Node process and
 * kills at random moments: it saves one incident over and over through the real store, each
 * time the next version of its work, until it is killed (or, if its parent vanished, for 15 s).
 * It says "ready" once it has saved one version, so a kill always lands among the writes.
 */

async function main(): Promise<void> {
  const [dir, id] = process.argv.slice(2);
  if (dir === undefined || id === undefined) throw new Error('usage: incident-writer-child DIR ID');
  const store = new IncidentStore(dir);
  const current = parseIncident(await readFile(join(dir, `${id}.json`), 'utf8'), id);
  if (current === null) throw new Error('the incident file is damaged');
  let n = versionOf(current.work) ?? 0;
  const deadline = Date.now() + 15_000;
  let announced = false;
  while (Date.now() < deadline) {
    n += 1;
    await store.update(id, versionWork(n));
    if (!announced) {
      process.stdout.write('ready\n');
      announced = true;
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
