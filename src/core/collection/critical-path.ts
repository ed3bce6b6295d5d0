import type { EvidenceSource } from '../evidence/bundle';
import type { PlanStep } from './collect-evidence';

/*
 * The critical path of the collection plan, in requests: the longest chain of requests that
 * each had to wait for the one before. With a fixed latency per request, no schedule of the plan
 * can finish sooner than that chain × latency (the benchmarks' yardstick, issue 9).
 */

/**
 * The requests one step makes one after another, at most: its calls (each a chain of requests,
 * e.g. the pages of one System Log slice) started in order, `lanes` at a time, each lane taking
 * the next call as soon as it is free — as collectEvidence runs them.
 */
export function stepDepth(callRequests: readonly number[], lanes: number): number {
  if (callRequests.length === 0) return 0;
  const free = new Array<number>(Math.max(1, Math.min(lanes, callRequests.length))).fill(0);
  for (const requests of callRequests) {
    // The lane that frees up first takes the next call (the first such lane on a tie).
    const lane = free.indexOf(Math.min(...free));
    free[lane] = (free[lane] ?? 0) + requests;
  }
  return Math.max(...free);
}

/** The longest chain through a plan: its length in requests and the steps along it, first to last. */
export interface CriticalPath {
  readonly requests: number;
  readonly steps: readonly EvidenceSource[];
}

/**
 * The longest chain of dependent requests through `plan`, given each step's depth (from
 * {@link stepDepth}; a step that made no request, or is missing, counts 0). Throws on a cycle,
 * which no plan that ends can have.
 */
export function longestChain(
  plan: Readonly<Record<EvidenceSource, PlanStep>>,
  depth: Readonly<Partial<Record<EvidenceSource, number>>>,
): CriticalPath {
  const memo = new Map<EvidenceSource, CriticalPath>();
  const visiting = new Set<EvidenceSource>();
  const through = (step: EvidenceSource): CriticalPath => {
    const known = memo.get(step);
    if (known !== undefined) return known;
    if (visiting.has(step)) throw new Error(`The collection plan has a cycle through ${step}.`);
    visiting.add(step);
    let before: CriticalPath = { requests: 0, steps: [] };
    for (const need of plan[step].after) {
      const path = through(need);
      if (path.requests > before.requests) before = path;
    }
    visiting.delete(step);
    const path = { requests: before.requests + (depth[step] ?? 0), steps: [...before.steps, step] };
    memo.set(step, path);
    return path;
  };
  let longest: CriticalPath = { requests: 0, steps: [] };
  for (const step of Object.keys(plan) as EvidenceSource[]) {
    const path = through(step);
    if (path.requests > longest.requests) longest = path;
  }
  return longest;
}
