import { describe, expect, it } from 'vitest';
import { EVIDENCE_SOURCES } from '../evidence/bundle';
import type { EvidenceSource } from '../evidence/bundle';
import type { GraphSignIn, OktaLogEvent } from '../evidence/vendor-types';
import { COLLECTION_PLAN, collectEvidence, DEFAULT_LIMITS, nothingCollected } from './collect-evidence';
import type { CollectionPorts } from './collect-evidence';
import type { CancelSignal, GraphSource, LogQuery, OktaSource } from './ports';
import { SourceError } from './ports';

/*
 * The plan's logic against in-memory sources (the real SDK sources are tested against the demo
 * tenant in src/main/collect): ordering, fallbacks, gaps, caps.
 */

const subject = { upn: 'jd@contoso.com', since: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };
const neverAborts: CancelSignal = {
  aborted: false,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};

function event(uuid: string, published: string): OktaLogEvent {
  return { uuid, published, eventType: 'user.session.start' };
}

function okta(overrides: Partial<OktaSource> = {}, queries: LogQuery[] = []): OktaSource {
  return {
    orgUrl: 'https://contoso.okta.com',
    getUser: () => Promise.resolve({ id: '00u1', status: 'ACTIVE' }),
    listOffice365Apps: () => Promise.resolve([{ id: '0oa1', name: 'office365' }]),
    getAppUser: () => Promise.resolve({ id: '00u1' }),
    listSigningKeys: () => Promise.resolve([]),
    listPolicies: () => Promise.resolve([{ id: 'rst1' }]),
    listPolicyRules: () => Promise.resolve([]),
    listLogEvents: (q) => {
      queries.push(q);
      return Promise.resolve({ events: [event(`e-${q.since}`, q.since)], truncated: false });
    },
    ...overrides,
  };
}

const graph: GraphSource = {
  getUser: () => Promise.resolve({ id: 'g1' }),
  listSignIns: () => Promise.resolve([] as GraphSignIn[]),
  getDomain: () => Promise.resolve({ id: 'contoso.com', authenticationType: 'Federated' }),
  getFederationConfiguration: () => Promise.resolve([]),
};

function ports(o: OktaSource | null, g: GraphSource | null = graph): CollectionPorts {
  return { okta: o, graph: g, stepSignal: () => neverAborts, now: () => new Date('2026-11-21T00:00:00Z') };
}

describe('collectEvidence', () => {
  it('queries the System Log by the Okta user id once the user is known', async () => {
    const queries: LogQuery[] = [];
    const bundle = await collectEvidence(subject, ports(okta({}, queries)));
    expect(queries[0]?.filter).toMatch(/^actor\.id eq "00u1"/);
    expect(bundle.gaps).toEqual([]);
    expect(bundle.okta?.appUsers).toEqual({ '0oa1': { id: '00u1' } });
  });

  it('falls back to a keyword search for a user Okta does not know, and skips app users', async () => {
    const queries: LogQuery[] = [];
    const bundle = await collectEvidence(subject, ports(okta({ getUser: () => Promise.resolve(null) }, queries)));
    expect(queries[0]).toMatchObject({ q: 'jd@contoso.com' });
    expect(bundle.okta?.user).toBeNull();
    expect(bundle.okta?.appUsers).toBeUndefined();
  });

  it('falls back to the login when the user lookup failed, and records the failure and what it kept from being read as gaps', async () => {
    const queries: LogQuery[] = [];
    const bundle = await collectEvidence(
      subject,
      ports(okta({ getUser: () => Promise.reject(new SourceError('Okta refused: grant okta.users.read')) }, queries)),
    );
    expect(queries[0]?.filter).toMatch(/^actor\.alternateId eq "jd@contoso\.com"/);
    expect(bundle.gaps).toEqual([
      { source: 'okta.user', reason: 'Okta refused: grant okta.users.read' },
      // Without the user's id, the app assignment cannot be looked up: a gap, not "not assigned".
      { source: 'okta.appUsers', reason: 'Not read: it needs the Okta user, which could not be read.' },
    ]);
    expect(bundle.okta && 'user' in bundle.okta).toBe(false);
  });

  it.each([
    [
      'the Office 365 apps',
      { listOffice365Apps: () => Promise.reject(new SourceError('Okta answered 503')) },
      [
        ['okta.o365Apps', 'Okta answered 503'],
        ['okta.appUsers', 'Not read: it needs the Office 365 apps, which could not be read.'],
        ['okta.signingKeys', 'Not read: it needs the Office 365 apps, which could not be read.'],
        ['okta.policies', expect.stringMatching(/^Only the global sign-on policies were read/) as unknown],
      ],
    ],
    [
      'the sign-on policies',
      { listPolicies: () => Promise.reject(new SourceError('Okta answered 503')) },
      [
        ['okta.policies', 'Okta answered 503'],
        ['okta.policyRules', 'Not read: it needs the sign-on policies, which could not be read.'],
      ],
    ],
  ] as const)('names what could not be read when %s failed, not only the failure', async (_name, failing, expected) => {
    const bundle = await collectEvidence(subject, ports(okta(failing)));
    // In the order the steps ended, which depends on timing: compared as a set.
    const bySource = (a: readonly unknown[], b: readonly unknown[]): number => String(a[0]).localeCompare(String(b[0]));
    expect(bundle.gaps.map((g) => [g.source, g.reason]).sort(bySource)).toEqual([...expected].sort(bySource));
  });

  it('records no gap for the app assignment of a user Okta does not know: there is none to read', async () => {
    const bundle = await collectEvidence(subject, ports(okta({ getUser: () => Promise.resolve(null) })));
    expect(bundle.gaps).toEqual([]);
  });

  it('slices a long window, merges in time order without duplicates', async () => {
    const queries: LogQuery[] = [];
    const week = { ...subject, since: '2026-11-14T00:00:00.000Z' };
    const bundle = await collectEvidence(week, ports(okta({}, queries)));
    // 7 days on 4 lanes: 8 slices of 21 hours (two full waves).
    expect(queries).toHaveLength(8);
    const published = bundle.okta?.logEvents?.map((e) => e.published) ?? [];
    expect(published).toEqual([...published].sort());
    expect(new Set(bundle.okta?.logEvents?.map((e) => e.uuid)).size).toBe(8);
  });

  it('caps an enormous window and says so in the bundle', async () => {
    const many = okta({
      listLogEvents: (q) =>
        Promise.resolve({
          events: Array.from({ length: 30 }, (_, i) => event(`${q.since}-${String(i)}`, q.since)),
          truncated: false,
        }),
    });
    const bundle = await collectEvidence({ ...subject, since: '2026-11-18T00:00:00.000Z' }, ports(many), undefined, {
      maxLogEvents: 50,
      logSliceMs: 86_400_000,
      logConcurrency: 2,
    });
    expect(bundle.okta?.logEvents).toHaveLength(50);
    expect(bundle.gaps[0]).toMatchObject({
      source: 'okta.logEvents',
      reason: expect.stringMatching(/more than 50 events/) as unknown,
    });
  });

  it('names every source of an unconfigured side as a gap, and knows when nothing was collected', async () => {
    const bundle = await collectEvidence(subject, ports(null, null));
    expect(bundle.gaps.map((g) => g.source)).toContain('okta.logEvents');
    expect(bundle.gaps.map((g) => g.source)).toContain('graph.signIns');
    expect(nothingCollected(bundle)).toBe(true);
    expect(nothingCollected(await collectEvidence(subject, ports(okta())))).toBe(false);
  });

  it('redacts secrets that an unexpected error message carries', async () => {
    const leaky = okta({
      listOffice365Apps: () =>
        Promise.reject(new Error('failed with Authorization: SSWS 00abcdefghijklmnopqrstuvwxyz0123456789ABCD')),
    });
    const bundle = await collectEvidence(subject, ports(leaky));
    const reason = bundle.gaps.find((g) => g.source === 'okta.o365Apps')?.reason ?? '';
    expect(reason).toContain('SSWS [redacted]');
    expect(reason).not.toContain('00abcdef');
  });
});

/** A call waiting for the test: it answers after `rounds` more rounds. */
interface Pending {
  rounds: number;
  readonly answer: () => void;
}

/** Every method of a source, deferred: it answers after as many rounds as `rounds` gives its name (1 if none). */
function deferred<S extends object>(source: S, pending: Pending[], rounds: Readonly<Record<string, number>>): S {
  return new Proxy(source, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        new Promise((resolve) => {
          pending.push({
            rounds: rounds[String(key)] ?? 1,
            answer: () => {
              resolve(Reflect.apply(value, target, args));
            },
          });
        });
    },
  });
}

/** Every method of a source, taking a few milliseconds and counting how many run at once. */
function timed<S extends object>(source: S, inFlight: { now: number; max: number }): S {
  return new Proxy(source, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        inFlight.max = Math.max(inFlight.max, ++inFlight.now);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight.now--;
        return (await Reflect.apply(value, target, args)) as unknown;
      };
    },
  });
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the collection plan', () => {
  it('starts every step as soon as the steps COLLECTION_PLAN says it needs are done, and not before', async () => {
    // Rounds: in each, every waiting call gets one round closer to its answer. Calls take
    // different numbers of rounds, so a step that waited for the wrong step (or for none) starts
    // in another round than the plan says.
    const oktaRounds = { getUser: 2, listOffice365Apps: 1, listPolicies: 3 };
    const graphRounds = { getUser: 1, listSignIns: 2, getDomain: 3, getFederationConfiguration: 4 };
    const pending: Pending[] = [];
    const started = new Map<EvidenceSource, number>();
    const done = new Map<EvidenceSource, number>();
    let round = 0;
    const state = { finished: false };
    const run = collectEvidence(
      subject,
      ports(
        deferred(
          okta({ listOffice365Apps: () => Promise.resolve([{ id: '0oa1' }, { id: '0oa2' }]) }),
          pending,
          oktaRounds,
        ),
        deferred(graph, pending, graphRounds),
      ),
      (e) => {
        if (e.phase === 'started') started.set(e.step, round);
        if (e.phase === 'done') done.set(e.step, round);
      },
    ).then((bundle) => {
      state.finished = true;
      return bundle;
    });
    for (;;) {
      await settle();
      if (state.finished) break;
      expect(pending.length, `round ${String(round)} waits on nothing`).toBeGreaterThan(0);
      round++;
      for (const call of [...pending]) {
        if (--call.rounds > 0) continue;
        pending.splice(pending.indexOf(call), 1);
        call.answer();
      }
    }
    expect((await run).gaps).toEqual([]);
    expect([...started.keys()].sort()).toEqual([...EVIDENCE_SOURCES].sort());
    for (const source of EVIDENCE_SOURCES) {
      const needs = COLLECTION_PLAN[source].after.map((s) => done.get(s) ?? Infinity);
      expect(started.get(source), source).toBe(Math.max(0, ...needs));
    }
    // The rounds above make a plan whose every step waits: the test would see a wrong edge.
    expect(started.get('okta.appUsers')).toBe(2);
    expect(started.get('okta.policyRules')).toBe(4);
  });

  it('runs one call at a time with maxConcurrentCalls 1, and collects the same bundle', async () => {
    const week = { ...subject, since: '2026-11-14T00:00:00.000Z' };
    const apps = (): Promise<{ id: string }[]> => Promise.resolve([{ id: '0oa1' }, { id: '0oa2' }]);
    const shipped = { now: 0, max: 0 };
    const sequential = { now: 0, max: 0 };
    const asShipped = await collectEvidence(
      week,
      ports(timed(okta({ listOffice365Apps: apps }), shipped), timed(graph, shipped)),
    );
    const oneByOne = await collectEvidence(
      week,
      ports(timed(okta({ listOffice365Apps: apps }), sequential), timed(graph, sequential)),
      undefined,
      { ...DEFAULT_LIMITS, maxConcurrentCalls: 1 },
    );
    expect(shipped.max).toBeGreaterThan(4);
    expect(sequential.max).toBe(1);
    expect(oneByOne).toEqual(asShipped);
    expect(oneByOne.okta?.logEvents).toHaveLength(8);
  });
});
