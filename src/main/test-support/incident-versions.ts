import type { IncidentWork } from '../../shared/ipc/incidents';

/*
 * Numbered versions of an incident's work for the crash test: each differs from its neighbours
 * in every field and in size, so a file that mixed two writes, or held part of one, is caught.
 */

const STEPS = ['verdict', 'fix', 'notes'] as const;

/** The work of version `n`: notes that grow and shrink (up to 19,000 characters) with `n`. */
export function versionWork(n: number): IncidentWork {
  return {
    step: STEPS[n % STEPS.length] ?? 'verdict',
    done: Array.from({ length: n % 7 }, (_, i) => i),
    notes: `${String(n)}:${'x'.repeat((n * 997) % 19_000)}`,
    status: n % 2 === 0 ? 'draft' : 'closed',
  };
}

/** The version number of some work, or null when it is not exactly one of the versions. */
export function versionOf(work: IncidentWork): number | null {
  const match = /^(\d+):/.exec(work.notes);
  if (match === null) return null;
  const n = Number(match[1]);
  return JSON.stringify(versionWork(n)) === JSON.stringify(work) ? n : null;
}
