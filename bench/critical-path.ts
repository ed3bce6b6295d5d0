import { COLLECTION_PLAN } from '../src/core/collection/collect-evidence';
import type { CollectionLimits, CollectionPorts } from '../src/core/collection/collect-evidence';
import { longestChain, stepDepth } from '../src/core/collection/critical-path';
import type { CriticalPath } from '../src/core/collection/critical-path';
import type { GraphSource, OktaSource } from '../src/core/collection/ports';
import type { EvidenceSource } from '../src/core/evidence/bundle';

/*
 * The critical path of one diagnosis, measured (issue 9, P1): which requests each step of the
 * collection plan made, taken from the demo tenant's request log during a run where every call
 * went one after another (maxConcurrentCalls: 1), so each request falls inside exactly one call;
 * then the longest chain through COLLECTION_PLAN (src/core/collection/critical-path.ts).
 */

/** One source call of a run: the step it served and when it ran (performance.now()). */
export interface RecordedCall {
  readonly step: EvidenceSource;
  readonly start: number;
  readonly end: number;
}

/** One request the demo tenant received (its onRequest hook), stamped with performance.now(). */
export interface RecordedRequest {
  readonly service: 'okta' | 'entra' | 'graph';
  readonly key: string;
  readonly at: number;
}

type Methods<S> = { [K in keyof S as S[K] extends (...args: never[]) => unknown ? K : never]: EvidenceSource };

/** The step each source method serves: collectEvidence calls every method from one step only. */
const OKTA_STEPS: Readonly<Methods<OktaSource>> = {
  getUser: 'okta.user',
  listOffice365Apps: 'okta.o365Apps',
  getAppUser: 'okta.appUsers',
  listSigningKeys: 'okta.signingKeys',
  listPolicies: 'okta.policies',
  listPolicyRules: 'okta.policyRules',
  listLogEvents: 'okta.logEvents',
};

const GRAPH_STEPS: Readonly<Methods<GraphSource>> = {
  getUser: 'graph.user',
  listSignIns: 'graph.signIns',
  getDomain: 'graph.domain',
  getFederationConfiguration: 'graph.federationConfiguration',
};

/** A source whose every call is recorded with its step and its start and end. */
function recording<S extends object>(
  source: S,
  steps: Readonly<Record<string, EvidenceSource>>,
  calls: RecordedCall[],
): S {
  return new Proxy(source, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      const step = typeof key === 'string' ? steps[key] : undefined;
      if (typeof value !== 'function' || step === undefined) return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          // Called on the source itself: the SDK sources keep private fields.
          return (await Reflect.apply(value, target, args)) as unknown;
        } finally {
          calls.push({ step, start, end: performance.now() });
        }
      };
    },
  });
}

/**
 * The same ports with every source call recorded into `calls`. Passed to collectEvidence, the
 * recording sits inside its call limiter, so a call's time is its own, not its wait.
 */
export function recordingPorts(ports: CollectionPorts, calls: RecordedCall[]): CollectionPorts {
  return {
    ...ports,
    okta: ports.okta === null ? null : recording(ports.okta, OKTA_STEPS, calls),
    graph: ports.graph === null ? null : recording(ports.graph, GRAPH_STEPS, calls),
  };
}

/**
 * Requests that sign a client in, and the side that waits for them: MSAL's discovery and token
 * requests come before any Graph call can go out (in a concurrent run every Graph step waits for
 * them, though one call made them), and so does Okta's OAuth token when a service app is used.
 */
function signInFor(request: RecordedRequest): 'okta' | 'graph' | null {
  if (request.service === 'entra') return 'graph';
  if (request.key === 'okta.token') return 'okta';
  return null;
}

/** The critical path of a run, and each step's depth in requests (for the figures). */
export interface MeasuredCriticalPath extends CriticalPath {
  readonly depth: Readonly<Partial<Record<EvidenceSource, number>>>;
  /** All requests of the run: what a sequential run waits for, one after another. */
  readonly totalRequests: number;
}

/**
 * The critical path of a run in which calls went one at a time (`maxConcurrentCalls: 1`): each
 * request is counted in the call it arrived during, a step's depth is its calls run as the plan
 * runs them (System Log slices `logConcurrency` at a time, the rest all at once) after its side's
 * sign-in, and the longest chain of depths through the plan is the critical path.
 */
export function criticalPathOf(
  calls: readonly RecordedCall[],
  requests: readonly RecordedRequest[],
  limits: CollectionLimits,
): MeasuredCriticalPath {
  const ordered = [...calls].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    if ((ordered[i]?.start ?? 0) < (ordered[i - 1]?.end ?? 0))
      throw new Error('Calls overlapped: the critical path is measured on a run with maxConcurrentCalls 1.');
  }
  const perCall = new Map<RecordedCall, number>(ordered.map((c) => [c, 0]));
  const signIn = { okta: 0, graph: 0 };
  for (const request of requests) {
    const side = signInFor(request);
    if (side !== null) {
      signIn[side]++;
      continue;
    }
    const call = ordered.find((c) => c.start <= request.at && request.at <= c.end);
    if (call === undefined) throw new Error(`A ${request.key} request arrived outside every call of the run.`);
    perCall.set(call, (perCall.get(call) ?? 0) + 1);
  }
  const depth: Partial<Record<EvidenceSource, number>> = {};
  for (const step of Object.keys(COLLECTION_PLAN) as EvidenceSource[]) {
    const counts = ordered.filter((c) => c.step === step).map((c) => perCall.get(c) ?? 0);
    if (counts.length === 0) continue;
    const lanes = COLLECTION_PLAN[step].callsAtOnce === 'all' ? Infinity : limits.logConcurrency;
    depth[step] = signIn[step.startsWith('okta.') ? 'okta' : 'graph'] + stepDepth(counts, lanes);
  }
  return { ...longestChain(COLLECTION_PLAN, depth), depth, totalRequests: requests.length };
}
