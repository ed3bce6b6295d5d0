import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkCollected } from '../src/cli/collect-subject';
import { collectEvidence, DEFAULT_LIMITS } from '../src/core/collection/collect-evidence';
import { timeSlices } from '../src/core/collection/queries';
import { validateSubject } from '../src/core/collection/subject';
import { diagnose } from '../src/core/diagnosis/diagnose';
import { connectToDemoTenant, DEFAULT_RUN_LIMITS } from '../src/main/collect/demo-connection';
import { LOG_PAGE_SIZE } from '../src/main/collect/okta-source';
import { startDemoTenant } from '../src/main/demo-tenant/demo-tenant';
import type { DemoTenant } from '../src/main/demo-tenant/demo-tenant';
import { generateScaleTenant } from '../src/main/demo-tenant/scenario/scale';
import type { DemoUser } from '../src/main/demo-tenant/tenant-state';
import type { BenchLine } from './bench-line';
import { median } from './bench-line';

/*
 * P2, heavy log (issue 9): the scale generator's heavy user — a mail relay denied every few
 * seconds, 50,000 System Log events in 7 days — collected and diagnosed over a 7-day window with
 * every request 100 ms late. Wall time against the paging bound (pages × latency ÷ slices at
 * once), and the growth of the process's resident memory while it runs.
 */

const LATENCY_MS = 100;
const HEAVY_UPN = 'order-mailer@contoso.com';
const EVENTS = 50_000;
const WINDOW_MS = 7 * 86_400_000;
/** How often resident memory is sampled while a run goes on. */
const SAMPLE_MS = 20;
/** 10^6 bytes. */
const MB = 1_000_000;

const GOAL = { overBound: 1.2, rssGrowthMB: 150 } as const;

/**
 * A full garbage collection, so each run's baseline holds only what lives on: `global.gc` when
 * Node runs with --expose-gc, else the same function fetched through V8's flag (the runner
 * starts plain `node`). Null if neither works.
 */
function fullGc(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const fetched: unknown = runInNewContext('gc');
    return typeof fetched === 'function' ? (fetched as () => void) : null;
  } catch {
    return null;
  }
}

interface HeavyRun {
  readonly wallMs: number;
  /** Process CPU time (user + system) during the run: how much of the wall time was JSON, not waiting. */
  readonly cpuMs: number;
  readonly logStepMs: number;
  readonly rssGrowthMB: number;
  readonly pageRequests: number;
  readonly slices: number;
}

/**
 * One diagnosis of the heavy user as the CLI's `diagnose --demo` makes it (see
 * bench/p1-time-to-verdict.ts), with resident memory sampled from a collected baseline. In a
 * function of its own, so nothing of one run is still referenced when the next one measures
 * its baseline.
 */
async function heavyRun(
  tenant: DemoTenant,
  user: DemoUser,
  gc: (() => void) | null,
  pageRequests: () => number,
): Promise<HeavyRun> {
  gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  const pagesBefore = pageRequests();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let logStarted = NaN;
  let logDone = NaN;
  try {
    const until = new Date();
    const since = new Date(until.getTime() - WINDOW_MS);
    const subject = validateSubject(
      { upn: user.upn, symptom: user.symptom, since: since.toISOString(), until: until.toISOString() },
      until,
    );
    if (!subject.ok) throw new Error(subject.error);
    const connection = connectToDemoTenant(tenant, DEFAULT_RUN_LIMITS);
    let verdict: string | undefined;
    let events: number;
    try {
      const bundle = await collectEvidence(subject.value, connection.ports, (e) => {
        if (e.step !== 'okta.logEvents') return;
        if (e.phase === 'started') logStarted = performance.now();
        if (e.phase === 'done' || e.phase === 'failed') logDone = performance.now();
      });
      const valid = checkCollected(bundle);
      if (!valid.ok) throw new Error(valid.error.message);
      verdict = diagnose(valid.value).primary?.code;
      events = valid.value.okta?.logEvents?.length ?? 0;
      if (valid.value.gaps.length > 0)
        throw new Error(`${user.upn} was collected with gaps: ${valid.value.gaps.map((g) => g.reason).join(' ')}`);
    } finally {
      connection.close();
    }
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    peak = Math.max(peak, process.memoryUsage.rss());
    // A benchmark of the wrong work is worse than none.
    if (verdict !== user.expectedVerdict)
      throw new Error(`${user.upn} was diagnosed ${String(verdict)}, not ${user.expectedVerdict}.`);
    if (events !== EVENTS)
      throw new Error(`${user.upn} has ${String(events)} events in the window, not ${String(EVENTS)}.`);
    return {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      logStepMs: logDone - logStarted,
      rssGrowthMB: (peak - baseline) / MB,
      pageRequests: pageRequests() - pagesBefore,
      slices: timeSlices(subject.value.since, subject.value.until, DEFAULT_LIMITS.logSliceMs).length,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * P2 heavy log: medians of `runs` diagnoses of a 50,000-event week. The bound is what paging alone
 * costs: ceil(events ÷ the page size the collector asks for) pages × latency ÷ the slices it runs
 * at once. The memory goal is judged on the largest growth of the runs (the first, on a heap that
 * has not grown yet), not the median.
 */
export async function benchHeavyLog(runs = 3): Promise<BenchLine> {
  const gc = fullGc();
  const now = new Date();
  let logRequests = 0;
  const tenant = await startDemoTenant({
    faults: { latencyMs: { '*': LATENCY_MS } },
    render: (endpoints, certificates) =>
      generateScaleTenant({
        users: 100,
        eventsPerUser: 5,
        heavyUser: { upn: HEAVY_UPN, events: EVENTS },
        seed: 9,
        now,
        endpoints,
        certificates,
      }),
    onRequest: (_service, key) => {
      if (key === 'okta.logs') logRequests++;
    },
  });
  try {
    const user = tenant.state.demoUsers.find((u) => u.upn === HEAVY_UPN);
    if (user === undefined) throw new Error(`The scale tenant has no ${HEAVY_UPN}.`);
    const results: HeavyRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await heavyRun(tenant, user, gc, () => logRequests));

    const pages = Math.ceil(EVENTS / LOG_PAGE_SIZE);
    const concurrency = Math.min(DEFAULT_LIMITS.logConcurrency, results[0]?.slices ?? 1);
    const boundMs = (pages * LATENCY_MS) / concurrency;
    const logStepOverBound = median(results.map((r) => r.logStepMs / boundMs));
    const wallOverBound = median(results.map((r) => r.wallMs / boundMs));
    const worstGrowth = Math.max(...results.map((r) => r.rssGrowthMB));
    const timeMet = logStepOverBound <= GOAL.overBound;
    const memoryMet = worstGrowth <= GOAL.rssGrowthMB;
    const pageRequestsMedian = median(results.map((r) => r.pageRequests));
    const logStepMs = median(results.map((r) => r.logStepMs));
    const roundMs = logStepMs / (pageRequestsMedian / concurrency);
    const causes = [
      ...(timeMet
        ? []
        : [
            `time: paging averaged ${String(Math.round(roundMs))} ms per round of ${String(concurrency)} pages, not ${String(LATENCY_MS)}, because the demo tenant runs on the collector's own Node thread: after each round's latency the simulator serialises and the client parses ${String(concurrency)} × ${String(LOG_PAGE_SIZE)} events one after another (CPU ${String(Math.round(median(results.map((r) => r.cpuMs))))} ms of a ${String(Math.round(median(results.map((r) => r.wallMs))))} ms run), work a real Okta does on its own servers`,
          ]),
      ...(memoryMet
        ? []
        : [
            `memory: the first run grows the heap to hold the bundle's ${String(EVENTS)} events as the verdict and the raw records need them (over 100 MB of live objects) plus the pages in flight; later runs reuse that heap (median ${String(Math.round(median(results.map((r) => r.rssGrowthMB))))} MB), and maxLogEvents (${String(DEFAULT_LIMITS.maxLogEvents)}, a named gap when reached) is the cap that bounds it`,
          ]),
      ...(gc === null ? ['no forced garbage collection was available, so baselines include garbage'] : []),
    ];
    return {
      metric: 'P2 heavy log',
      figures: {
        wallMs: Math.round(median(results.map((r) => r.wallMs))),
        cpuMs: Math.round(median(results.map((r) => r.cpuMs))),
        logStepMs: Math.round(logStepMs),
        boundMs,
        events: EVENTS,
        pages,
        pageRequests: pageRequestsMedian,
        logConcurrency: concurrency,
        rssGrowthMB: Math.round(median(results.map((r) => r.rssGrowthMB))),
        rssGrowthMaxMB: Math.round(worstGrowth),
        latencyMs: LATENCY_MS,
        runs,
      },
      ratio: { logStepOverBound: round3(logStepOverBound), wallOverBound: round3(wallOverBound) },
      goal: `System Log paging ≤ ${String(GOAL.overBound)} × pages × latency ÷ concurrency, and ≤ ${String(GOAL.rssGrowthMB)} MB RSS growth`,
      met: timeMet && memoryMet,
      ...(causes.length === 0 ? {} : { note: `${causes.join('; ')}.` }),
    };
  } finally {
    await tenant.stop();
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
