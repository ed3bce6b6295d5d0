import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvidence } from '../../core/collection/collect-evidence';
import type { CollectionProgress } from '../../core/collection/collect-evidence';
import { validateSubject } from '../../core/collection/subject';
import { diagnose } from '../../core/diagnosis/diagnose';
import type { Confidence } from '../../core/diagnosis/model';
import type { EvidenceBundle, EvidenceSource } from '../../core/evidence/bundle';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant, DemoTenantOptions } from '../demo-tenant/demo-tenant';
import { listDemoUsers } from '../demo-tenant/demo-users';
import type { FaultsInput } from '../demo-tenant/server/faults';
import type { DemoUser } from '../demo-tenant/tenant-state';
import { connectToDemoTenant } from './demo-connection';
import type { RunLimits } from './demo-connection';

/*
 * The fault matrix: every demo scenario under every fault, collected through the real SDKs
 * (Okta, MSAL, Graph) from the demo tenant over HTTPS on loopback, then diagnosed.
 *
 * | Fault                  | Demo-tenant setting                         | Tenant          | What must hold                                                           |
 * | ---------------------- | ------------------------------------------- | --------------- | ------------------------------------------------------------------------ |
 * | 429 storm              | rateLimitBursts {'*': 1}: the first request | one per         | no gap; exactly the expected verdict; every route got exactly one more   |
 * |                        | of every route answers 429 with the vendor's| scenario (the   | request than in a clean run (the retry the vendor asked for); "retrying" |
 * |                        | headers (X-Rate-Limit-Reset, Retry-After)   | bursts count    | progress on both sides                                                   |
 * |                        |                                             | down)           |                                                                          |
 * | 5xx on route R         | serverErrorRate {R: 1}                      | one per route,  | gaps = the clean run's gaps + exactly the sources R feeds, each saying   |
 * |                        |                                             | all scenarios   | "service error"; an honest verdict; ends within the step limit           |
 * | hung route R           | hang [R]; request timeout 1 s               | one per route   | the same gaps saying "did not answer in time"; ends at the request       |
 * |                        |                                             |                 | timeout (well before the 20 s step limit); an honest verdict             |
 * | truncated JSON on R    | truncateJson [R]                            | one per route   | the same gaps saying "not valid JSON"; an honest verdict                 |
 * | token refused once     | expiredTokenBursts {'*': 1}: the first      | one per         | no gap; exactly the expected verdict; every data route got exactly one   |
 * | (revoked, key roll-    | request of every route with an access token | scenario        | more request (the retry), and both Okta (service app) and Entra were     |
 * | over, clock skew)      | is refused as expired, though expires_in    |                 | asked for a fresh token                                                  |
 * |                        | promised an hour                            |                 |                                                                          |
 * | token always refused   | expiredTokenBursts on one vendor's routes,  | one per vendor  | that vendor's sources are gaps naming the access token; an honest verdict|
 * |                        | without end                                 |                 |                                                                          |
 *
 * R is every route a collection calls (ROUTE_FEEDS below, checked against the routes a clean run
 * really calls), for every one of the 37 scenarios. An honest verdict is the expected one (at
 * any confidence), INSUFFICIENT_EVIDENCE, or a degrade listed in HONEST_DEGRADES — never another
 * confident answer. Everywhere: no unhandled rejection, and cancelling a run mid-fault ends it at
 * once.
 */

/**
 * What each route of the demo tenant feeds: the sources that become gaps when it fails. The
 * steps that then cannot run (app users, signing keys, policy rules) are gaps too, added by
 * {@link withDependents}.
 */
const ROUTE_FEEDS: Readonly<Record<string, readonly EvidenceSource[]>> = {
  // The service app's token (private-key authentication only): every Okta call needs it.
  'okta.token': ['okta.user', 'okta.o365Apps', 'okta.logEvents', 'okta.policies'],
  'okta.users': ['okta.user'],
  'okta.apps': ['okta.o365Apps'],
  'okta.policies': ['okta.policies'],
  'okta.logs': ['okta.logEvents'],
  // MSAL reads the authority's metadata, then asks for a token: every Graph call needs both.
  'entra.discovery': ['graph.user', 'graph.signIns', 'graph.domain', 'graph.federationConfiguration'],
  'entra.token': ['graph.user', 'graph.signIns', 'graph.domain', 'graph.federationConfiguration'],
  'graph.users': ['graph.user'],
  'graph.signIns': ['graph.signIns'],
  'graph.domains': ['graph.domain', 'graph.federationConfiguration'],
};

/** Routes whose requests carry data (not credentials): the ones a retry is counted on. */
const DATA_ROUTES = Object.keys(ROUTE_FEEDS).filter((r) => !r.endsWith('.token') && r !== 'entra.discovery');

/**
 * Verdicts a fault may degrade an expected verdict to, besides INSUFFICIENT_EVIDENCE: the
 * family's "could not compare" verdict, which says the comparison was impossible.
 */
const HONEST_DEGRADES: Readonly<Record<string, { readonly code: string; readonly confidence: Confidence }>> = {
  IMMUTABLEID_ENCODING_MISMATCH: { code: 'IMMUTABLEID_MISMATCH', confidence: 'medium' },
  IMMUTABLEID_MISSING_IN_ENTRA: { code: 'IMMUTABLEID_MISMATCH', confidence: 'medium' },
};

/** Every route a collection calls. */
const ROUTES = Object.keys(ROUTE_FEEDS);

/** okta.token is called only with service-app (private-key) authentication; the rest run with an API token. */
function authFor(route: string): 'api-token' | 'private-key' {
  return route === 'okta.token' ? 'private-key' : 'api-token';
}

/**
 * Roomy: 37 runs at once (each its own MSAL client, RSA signatures on both sides) load two cores,
 * and no fault here but the hang is about time, so a request must not time out for the load.
 */
const LIMITS: RunLimits = { requestTimeoutMs: 15_000, stepTimeoutMs: 30_000 };
/** A hung request ends at its own timeout; the step limit is far away, so it cannot be what ends it. */
const HANG_LIMITS: RunLimits = { requestTimeoutMs: 1_500, stepTimeoutMs: 20_000 };
/** The longest chain of dependent calls (Okta user → System Log; apps → policies → rules). */
const CHAIN_DEPTH = 3;

const SCENARIOS = listDemoUsers();

/** The scenario written for a verdict. */
function scenarioFor(verdict: string): DemoUser {
  const user = SCENARIOS.find((u) => u.expectedVerdict === verdict);
  if (user === undefined) throw new Error(`no scenario for ${verdict}`);
  return user;
}

/** One collection and its diagnosis. */
interface Run {
  readonly user: DemoUser;
  readonly bundle: EvidenceBundle;
  readonly code: string | undefined;
  readonly confidence: Confidence | undefined;
  readonly progress: readonly CollectionProgress[];
  readonly elapsedMs: number;
}

async function run(
  tenant: DemoTenant,
  user: DemoUser,
  limits: RunLimits = LIMITS,
  auth: 'api-token' | 'private-key' = 'api-token',
): Promise<Run> {
  const subject = validateSubject({ upn: user.upn, symptom: user.symptom }, new Date());
  if (!subject.ok) throw new Error(subject.error);
  const connection = connectToDemoTenant(tenant, limits, auth);
  const progress: CollectionProgress[] = [];
  const started = performance.now();
  try {
    const bundle = await collectEvidence(subject.value, connection.ports, (e) => progress.push(e));
    const elapsedMs = performance.now() - started;
    const primary = diagnose(bundle).primary;
    return { user, bundle, code: primary?.code, confidence: primary?.confidence, progress, elapsedMs };
  } finally {
    connection.close();
  }
}

/** A tenant of its own for one run, counting the requests of every route. */
async function runAlone(
  user: DemoUser,
  options: DemoTenantOptions,
  auth: 'api-token' | 'private-key' = 'api-token',
): Promise<Run & { readonly calls: ReadonlyMap<string, number> }> {
  const calls = new Map<string, number>();
  const tenant = await startDemoTenant({
    ...options,
    onRequest: (_service, key) => calls.set(key, (calls.get(key) ?? 0) + 1),
  });
  try {
    return { ...(await run(tenant, user, LIMITS, auth)), calls };
  } finally {
    await tenant.stop();
  }
}

async function withTenant<T>(options: DemoTenantOptions, body: (tenant: DemoTenant) => Promise<T>): Promise<T> {
  const tenant = await startDemoTenant(options);
  try {
    return await body(tenant);
  } finally {
    await tenant.stop();
  }
}

/** Why a verdict is not an honest one for its scenario under a fault, or null when it is. */
function dishonesty(r: Run): string | null {
  const expected = r.user.expectedVerdict;
  if (r.code === expected || r.code === 'INSUFFICIENT_EVIDENCE') return null;
  const degrade = HONEST_DEGRADES[expected];
  if (degrade !== undefined && r.code === degrade.code && r.confidence === degrade.confidence) return null;
  return `${r.user.upn}: expected ${expected} or an honest degrade, got ${r.code ?? 'none'} (${r.confidence ?? '-'})`;
}

/** The gaps as a sorted "source: reason" list, for readable comparisons. */
function gapSources(bundle: EvidenceBundle): string[] {
  return bundle.gaps.map((g) => g.source).sort();
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

/** The clean run of every scenario: its gaps and its request counts per route. */
const clean = new Map<string, { readonly bundle: EvidenceBundle; readonly calls: ReadonlyMap<string, number> }>();

/** The clean run of a scenario (collected before any test runs). */
function cleanRun(user: DemoUser): { readonly bundle: EvidenceBundle; readonly calls: ReadonlyMap<string, number> } {
  const found = clean.get(user.upn);
  if (found === undefined) throw new Error(`no clean run of ${user.upn}`);
  return found;
}

/**
 * Whether the clean run's answer for a source was "not found" (404). A cut-off body does not
 * change a status: a 404 whose error text is cut short is still "not found", correctly.
 */
function answeredNotFound(bundle: EvidenceBundle, source: EvidenceSource): boolean {
  switch (source) {
    case 'okta.user':
      return bundle.okta?.user === null;
    case 'graph.user':
      return bundle.graph?.user === null;
    case 'graph.domain':
    case 'graph.federationConfiguration':
      return bundle.graph?.domain === null;
    default:
      return false;
  }
}

/**
 * The gaps a faulted run must have: the clean run's, with their reasons, plus the sources the
 * faulted route feeds, with the fault's reason. A truncated body cannot turn an error status
 * (a 404, the demo's 403 for one user) into anything else, so those sources stay as they were.
 */
function expectedGaps(
  user: DemoUser,
  feeds: readonly EvidenceSource[],
  reason: RegExp,
  statusWins: boolean,
): Map<EvidenceSource, RegExp | string> {
  const base = cleanRun(user).bundle;
  const gaps = new Map<EvidenceSource, RegExp | string>(base.gaps.map((g) => [g.source, g.reason]));
  for (const source of feeds) {
    if (statusWins && (gaps.has(source) || answeredNotFound(base, source))) continue;
    gaps.set(source, reason);
  }
  return withDependents(base, gaps);
}

/** The reason of a step that did not run because a step it needs failed. */
const NOT_READ = /^Not read: it needs /;

/**
 * Adds the gaps of the steps that could not run without a failed one: the app assignment needs
 * the Okta user (unless Okta answered that there is none) and the apps; signing keys need the
 * apps; rules need the policies; and without the apps only the global policies can be read.
 */
function withDependents(
  base: EvidenceBundle,
  gaps: Map<EvidenceSource, RegExp | string>,
): Map<EvidenceSource, RegExp | string> {
  const failed = new Set(gaps.keys());
  const add = (source: EvidenceSource, reason: RegExp): void => {
    if (!gaps.has(source)) gaps.set(source, reason);
  };
  const oktaKnowsNoUser = base.okta?.user === null;
  if (failed.has('okta.user') || (failed.has('okta.o365Apps') && !oktaKnowsNoUser)) add('okta.appUsers', NOT_READ);
  if (failed.has('okta.o365Apps')) {
    add('okta.signingKeys', NOT_READ);
    if (!failed.has('okta.policies')) add('okta.policies', /^Only the global sign-on policies were read/);
  }
  if (failed.has('okta.policies')) add('okta.policyRules', NOT_READ);
  return gaps;
}

/** How a run's gaps differ from the expected ones (empty when they match, reasons included). */
function gapProblems(r: Run, expected: ReadonlyMap<EvidenceSource, RegExp | string>): string[] {
  const want = [...expected.keys()].sort();
  const got = gapSources(r.bundle);
  if (JSON.stringify(got) !== JSON.stringify(want))
    return [`${r.user.upn}: gaps ${got.join(', ') || 'none'} instead of ${want.join(', ') || 'none'}`];
  return r.bundle.gaps
    .filter((gap) => {
      const reason = expected.get(gap.source);
      return reason instanceof RegExp ? !reason.test(gap.reason) : gap.reason !== reason;
    })
    .map((gap) => `${r.user.upn}: ${gap.source} says "${gap.reason}"`);
}

/** Runs async work with at most `limit` at once (hung requests wait out their timeouts side by side). */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T);
      }
    }),
  );
  return results;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const runs = await Promise.all(SCENARIOS.map((user) => runAlone(user, {})));
  for (const r of runs) clean.set(r.user.upn, { bundle: r.bundle, calls: r.calls });
}, 60_000);

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('the clean runs the matrix compares against', () => {
  it('give every scenario its expected verdict', async () => {
    await withTenant({}, async (tenant) => {
      const runs = await Promise.all(SCENARIOS.map((user) => run(tenant, user)));
      expect(
        runs.filter((r) => r.code !== r.user.expectedVerdict).map((r) => `${r.user.upn}: ${r.code ?? '-'}`),
      ).toEqual([]);
      expect(runs).toHaveLength(37);
    });
  });

  it('call exactly the routes the matrix faults (so a new route cannot go untested)', async () => {
    const called = new Set([...clean.values()].flatMap((c) => [...c.calls.keys()]));
    // okta.token is called only with service-app (private-key) authentication.
    const privateKey = await runAlone(scenarioFor('LEGACY_AUTH_STALE_PASSWORD'), {}, 'private-key');
    for (const key of privateKey.calls.keys()) called.add(key);
    expect([...called].sort()).toEqual(Object.keys(ROUTE_FEEDS).sort());
  }, 20_000);
});

describe('429 storm: every route throttles its first request', () => {
  it('every scenario: each throttled request is retried as the vendor says, nothing is lost', async () => {
    const runs = await Promise.all(
      SCENARIOS.map((user) =>
        runAlone(user, { faults: { rateLimitBursts: { '*': 1 } }, rateLimits: { windowSeconds: 1 } }),
      ),
    );
    const problems: string[] = [];
    for (const r of runs) {
      const base = cleanRun(r.user);
      problems.push(...gapProblems(r, expectedGaps(r.user, [], /never/, false)));
      if (r.code !== r.user.expectedVerdict) problems.push(`${r.user.upn}: ${r.code ?? '-'}`);
      // One 429 per data route, then the one retry: nothing else was sent again.
      for (const route of [...DATA_ROUTES, 'entra.discovery']) {
        const extra = (r.calls.get(route) ?? 0) - (base.calls.get(route) ?? 0);
        if (extra !== 1) problems.push(`${r.user.upn}: ${route} sent ${String(extra)} extra requests, not 1`);
      }
      // MSAL's concurrent cache misses each ask for a token, so only "at least once more" is fixed.
      if ((r.calls.get('entra.token') ?? 0) <= (base.calls.get('entra.token') ?? 0))
        problems.push(`${r.user.upn}: the throttled token request was not sent again`);
      const retried = r.progress.filter((p) => p.phase === 'retrying');
      // Okta waits until X-Rate-Limit-Reset (at least a second); Graph and Entra send Retry-After: 1.
      if (!retried.some((p) => p.step.startsWith('okta.') && (p.retryInSeconds ?? 0) >= 1))
        problems.push(`${r.user.upn}: no Okta "retrying" progress`);
      if (!retried.some((p) => p.step.startsWith('graph.') && p.retryInSeconds === 1))
        problems.push(`${r.user.upn}: no Graph "retrying" progress`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

/** The per-route faults: each with the words its gaps must use. */
describe.each([
  {
    name: '5xx',
    faults: (route: string): FaultsInput => ({ serverErrorRate: { [route]: 1 } }),
    reason: /service error/,
  },
  {
    name: 'truncated JSON',
    faults: (route: string): FaultsInput => ({ truncateJson: [route] }),
    reason: /not valid JSON/,
  },
])('$name on one route, every scenario', ({ name, faults, reason }) => {
  it.each(ROUTES)(
    '%s: exactly its gaps, an honest verdict, within the step limit',
    async (route) => {
      const runs = await withTenant({ faults: faults(route) }, (tenant) =>
        Promise.all(SCENARIOS.map((user) => run(tenant, user, LIMITS, authFor(route)))),
      );
      const problems: string[] = [];
      for (const r of runs) {
        // Only a data route's own answer keeps its status when cut short; a cut-off token or
        // metadata answer fails every call behind it.
        const statusWins = name !== '5xx' && DATA_ROUTES.includes(route);
        problems.push(...gapProblems(r, expectedGaps(r.user, ROUTE_FEEDS[route] ?? [], reason, statusWins)));
        const dishonest = dishonesty(r);
        if (dishonest !== null) problems.push(dishonest);
        if (r.elapsedMs >= LIMITS.stepTimeoutMs) problems.push(`${r.user.upn}: took ${r.elapsedMs.toFixed(0)} ms`);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});

describe('hung route', () => {
  // Each scenario hangs on two routes (ROUTES[i] and ROUTES[i + 5], in turn), so every route
  // hangs for 7 or 8 scenarios: hung requests take their full timeout, and the whole product
  // would not fit a CI budget.
  it.each(ROUTES)(
    '%s: its scenarios end at the request timeout with exactly their gaps',
    async (route) => {
      const index = ROUTES.indexOf(route);
      const users = SCENARIOS.filter((_, i) => i % ROUTES.length === index || (i + 5) % ROUTES.length === index);
      expect(users.length).toBeGreaterThanOrEqual(7);
      const runs = await withTenant({ faults: { hang: [route] } }, (tenant) =>
        mapLimited(users, 8, (user) => run(tenant, user, HANG_LIMITS, authFor(route))),
      );
      const bound = CHAIN_DEPTH * HANG_LIMITS.requestTimeoutMs + 2_000;
      const problems: string[] = [];
      for (const r of runs) {
        problems.push(
          ...gapProblems(r, expectedGaps(r.user, ROUTE_FEEDS[route] ?? [], /did not answer in time/, false)),
        );
        const dishonest = dishonesty(r);
        if (dishonest !== null) problems.push(dishonest);
        if (r.elapsedMs >= bound)
          problems.push(`${r.user.upn}: took ${r.elapsedMs.toFixed(0)} ms (bound ${String(bound)})`);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});

describe('expired or revoked access tokens', () => {
  it('refused once on every route: a fresh token is fetched, the request sent again, nothing is lost', async () => {
    const runs = await Promise.all(
      SCENARIOS.map((user) => runAlone(user, { faults: { expiredTokenBursts: { '*': 1 } } }, 'private-key')),
    );
    const problems: string[] = [];
    for (const r of runs) {
      const base = cleanRun(r.user);
      problems.push(...gapProblems(r, expectedGaps(r.user, [], /never/, false)));
      if (r.code !== r.user.expectedVerdict) problems.push(`${r.user.upn}: ${r.code ?? '-'}`);
      for (const route of DATA_ROUTES) {
        const extra = (r.calls.get(route) ?? 0) - (base.calls.get(route) ?? 0);
        if (extra !== 1) problems.push(`${r.user.upn}: ${route} sent ${String(extra)} extra requests, not 1`);
      }
      // Both services were asked again: Okta's token endpoint (the SDK's refresh) and Entra's
      // (ours, skipping MSAL's cache, which still held the refused token as valid).
      if ((r.calls.get('okta.token') ?? 0) < 2) problems.push(`${r.user.upn}: no fresh Okta token`);
      if ((r.calls.get('entra.token') ?? 0) <= (base.calls.get('entra.token') ?? 0))
        problems.push(`${r.user.upn}: no fresh Entra token`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it.each([
    { vendor: 'Microsoft Graph', routes: ['graph.users', 'graph.signIns', 'graph.domains'], token: 'entra.token' },
    { vendor: 'Okta', routes: ['okta.users', 'okta.apps', 'okta.policies', 'okta.logs'], token: 'okta.token' },
  ])(
    'refused every time by $vendor: its sources are gaps naming the access token',
    async ({ routes, token }) => {
      const bursts = Object.fromEntries(routes.map((r) => [r, 1_000_000]));
      const runs = await withTenant({ faults: { expiredTokenBursts: bursts } }, (tenant) =>
        Promise.all(SCENARIOS.map((user) => run(tenant, user, LIMITS, 'private-key'))),
      );
      const problems: string[] = [];
      for (const r of runs) {
        problems.push(...gapProblems(r, expectedGaps(r.user, ROUTE_FEEDS[token] ?? [], /access token/, false)));
        const dishonest = dishonesty(r);
        if (dishonest !== null) problems.push(dishonest);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});

describe('cancelling mid-fault', () => {
  it('ends a run at once while a route hangs, and says the rest was cancelled', async () => {
    await withTenant({ faults: { hang: ['okta.logs'] } }, async (tenant) => {
      const controller = new AbortController();
      const user = scenarioFor('LEGACY_AUTH_STALE_PASSWORD');
      const running = run(tenant, user, { requestTimeoutMs: 30_000, stepTimeoutMs: 60_000, signal: controller.signal });
      // Cancel once everything but the hung System Log has answered.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const cancelledAt = performance.now();
      controller.abort();
      const r = await running;
      expect(performance.now() - cancelledAt).toBeLessThan(1_000);
      expect(r.bundle.gaps).toEqual([{ source: 'okta.logEvents', reason: 'Okta was cancelled.' }]);
    });
  });

  it('ends a run at once while it waits out a rate limit', async () => {
    await withTenant({ faults: { rateLimitBursts: { '*': 1 } }, rateLimits: { windowSeconds: 30 } }, async (tenant) => {
      const controller = new AbortController();
      const user = scenarioFor('LEGACY_AUTH_BLOCKED');
      const subject = validateSubject({ upn: user.upn }, new Date());
      if (!subject.ok) throw new Error(subject.error);
      const connection = connectToDemoTenant(tenant, {
        ...LIMITS,
        requestTimeoutMs: 60_000,
        signal: controller.signal,
      });
      let cancelledAt = 0;
      try {
        const bundle = await collectEvidence(subject.value, connection.ports, (e) => {
          // Okta asked for a 30 s wait: cancel while the client waits.
          if (e.phase === 'retrying' && e.step.startsWith('okta.') && cancelledAt === 0) {
            cancelledAt = performance.now();
            controller.abort();
          }
        });
        expect(cancelledAt).toBeGreaterThan(0);
        expect(performance.now() - cancelledAt).toBeLessThan(1_000);
        const cancelled = bundle.gaps.filter((g) => g.reason === 'Okta was cancelled.').map((g) => g.source);
        expect(cancelled).toContain('okta.user');
      } finally {
        connection.close();
      }
    });
  });
});

describe('the whole matrix', () => {
  it('left no unhandled promise rejection', () => {
    expect(unhandled).toEqual([]);
  });
});
