/*
 * The benchmarks' output contract (issue 9): one JSON object per line on stdout, each naming its
 * metric, its figures (medians of several runs), the ratios taken within the same run (so machine
 * noise cancels), and the goal with whether it was met. docs/performance.md is written from the
 * same lines.
 */

/** One line of `npm run bench`. */
export interface BenchLine {
  /** Stable id, e.g. "P1 time to verdict". */
  readonly metric: string;
  /** Medians of the runs, with units in the key: { shippedMs, sequentialMs, criticalPathMs, runs }. */
  readonly figures: Readonly<Record<string, number>>;
  /** Ratios within one run: { vsCriticalPath: 1.12, sequentialOverShipped: 4.3 }. */
  readonly ratio: Readonly<Record<string, number>>;
  /** The goal in words, e.g. "≤ 1.3 × critical path and ≥ 3 × faster than sequential". */
  readonly goal: string;
  readonly met: boolean;
  /** When a goal is missed or bounded: the cause, in one sentence. */
  readonly note?: string;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Prints one benchmark line (the machine-readable output of `npm run bench`). */
export function printLine(line: BenchLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
