import { checkCollected } from '../src/cli/collect-subject';
import { collectEvidence, DEFAULT_LIMITS } from '../src/core/collection/collect-evidence';
import type { CollectionLimits } from '../src/core/collection/collect-evidence';
import { validateSubject } from '../src/core/collection/subject';
import { diagnose } from '../src/core/diagnosis/diagnose';
import { connectToDemoTenant, DEFAULT_RUN_LIMITS } from '../src/main/collect/demo-connection';
import { startDemoTenant } from '../src/main/demo-tenant/demo-tenant';
import type { DemoTenant } from '../src/main/demo-tenant/demo-tenant';
import { listDemoUsers } from '../src/main/demo-tenant/demo-users';
import type { DemoUser } from '../src/main/demo-tenant/tenant-state';
import type { BenchLine } from './bench-line';
import { median } from './bench-line';
import { criticalPathOf, recordingPorts } from './critical-path';
import type { MeasuredCriticalPath, RecordedCall, RecordedRequest } from './critical-path';

/*
 * P1, time to verdict (issue 9): one demo user diagnosed live from the demo tenant, every request
 * 100 ms late, through the real SDKs. The collector as shipped, against the same plan with every
 * call one after another (maxConcurrentCalls: 1), and against the critical path of the plan —
 * its longest chain of dependent requests × the latency, measured in the sequential run of the
 * same round (bench/critical-path.ts).
 */

/** Latency the demo tenant adds to every request, on every route. */
const LATENCY_MS = 100;

const GOAL = { vsCriticalPath: 1.3, sequentialOverShipped: 3 } as const;

/** The call the benchmark times: a typical legacy-authentication block, the first in the demo list. */
function typicalUser(): DemoUser {
  const user = listDemoUsers().find((u) => u.expectedVerdict === 'LEGACY_AUTH_BLOCKED');
  if (user === undefined) throw new Error('The demo scenario has no LEGACY_AUTH_BLOCKED user.');
  return user;
}

/**
 * One diagnosis as the CLI's `diagnose --demo` makes it (src/cli/collect-subject.ts), against a
 * tenant already running, as the app's demo tenant is: the subject with the user's own symptom
 * and the default window, a fresh connection with the default run limits, the collection, the
 * bundle check and the diagnosis. Returns its milliseconds; a wrong verdict fails the benchmark
 * rather than timing the wrong work.
 */
async function timeToVerdict(
  tenant: DemoTenant,
  user: DemoUser,
  limits: CollectionLimits,
  calls?: RecordedCall[],
): Promise<number> {
  const started = performance.now();
  const subject = validateSubject({ upn: user.upn, symptom: user.symptom }, new Date());
  if (!subject.ok) throw new Error(subject.error);
  const connection = connectToDemoTenant(tenant, DEFAULT_RUN_LIMITS);
  try {
    const ports = calls === undefined ? connection.ports : recordingPorts(connection.ports, calls);
    const bundle = await collectEvidence(subject.value, ports, () => undefined, limits);
    const valid = checkCollected(bundle);
    if (!valid.ok) throw new Error(valid.error.message);
    const verdict = diagnose(valid.value).primary?.code;
    const ms = performance.now() - started;
    if (verdict !== user.expectedVerdict)
      throw new Error(`${user.upn} was diagnosed ${String(verdict)}, not ${user.expectedVerdict}.`);
    if (valid.value.gaps.length > 0) throw new Error(`${user.upn} was collected with gaps.`);
    return ms;
  } finally {
    connection.close();
  }
}

/** One round: shipped, then sequential with its requests recorded, then the critical path of that run. */
async function round(
  tenant: DemoTenant,
  user: DemoUser,
  requests: RecordedRequest[],
): Promise<{ shippedMs: number; sequentialMs: number; path: MeasuredCriticalPath }> {
  const shippedMs = await timeToVerdict(tenant, user, DEFAULT_LIMITS);
  requests.length = 0;
  const calls: RecordedCall[] = [];
  const sequentialMs = await timeToVerdict(tenant, user, { ...DEFAULT_LIMITS, maxConcurrentCalls: 1 }, calls);
  return { shippedMs, sequentialMs, path: criticalPathOf(calls, requests, DEFAULT_LIMITS) };
}

/**
 * P1 time to verdict: medians of `runs` rounds; each round's ratios are taken within the round
 * (shipped ÷ critical path, sequential ÷ shipped), then medianed.
 */
export async function benchTimeToVerdict(runs = 5): Promise<BenchLine> {
  const user = typicalUser();
  const requests: RecordedRequest[] = [];
  const tenant = await startDemoTenant({
    faults: { latencyMs: { '*': LATENCY_MS } },
    onRequest: (service, key) => requests.push({ service, key, at: performance.now() }),
  });
  try {
    // One untimed diagnosis first: TLS contexts, the SDKs' lazy set-up and the JIT are paid once
    // per app session, not once per call.
    await timeToVerdict(tenant, user, DEFAULT_LIMITS);
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let i = 0; i < runs; i++) rounds.push(await round(tenant, user, requests));

    const criticalMs = rounds.map((r) => r.path.requests * LATENCY_MS);
    const vsCriticalPath = median(rounds.map((r, i) => r.shippedMs / (criticalMs[i] ?? 1)));
    const sequentialOverShipped = median(rounds.map((r) => r.sequentialMs / r.shippedMs));
    const path = rounds[0]?.path;
    const chain = path?.steps.map((s) => `${s} (${String(path.depth[s] ?? 0)})`).join(' → ') ?? '';
    const met = vsCriticalPath <= GOAL.vsCriticalPath && sequentialOverShipped >= GOAL.sequentialOverShipped;
    return {
      metric: 'P1 time to verdict',
      figures: {
        shippedMs: Math.round(median(rounds.map((r) => r.shippedMs))),
        sequentialMs: Math.round(median(rounds.map((r) => r.sequentialMs))),
        criticalPathMs: median(criticalMs),
        criticalPathRequests: median(rounds.map((r) => r.path.requests)),
        requests: median(rounds.map((r) => r.path.totalRequests)),
        latencyMs: LATENCY_MS,
        runs,
      },
      ratio: { vsCriticalPath: round3(vsCriticalPath), sequentialOverShipped: round3(sequentialOverShipped) },
      goal: `≤ ${String(GOAL.vsCriticalPath)} × critical path and ≥ ${String(GOAL.sequentialOverShipped)} × faster than sequential`,
      met,
      note: `${user.upn} (${user.expectedVerdict}); critical path in requests: ${chain}.${met ? '' : ' Goal missed: see the chain and the ratios.'}`,
    };
  } finally {
    await tenant.stop();
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
