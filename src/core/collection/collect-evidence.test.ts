import { describe, expect, it } from 'vitest';
import type { GraphSignIn, OktaLogEvent } from '../evidence/vendor-types';
import { collectEvidence, nothingCollected } from './collect-evidence';
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

  it('falls back to the login when the user lookup failed, and records the failure as a gap', async () => {
    const queries: LogQuery[] = [];
    const bundle = await collectEvidence(
      subject,
      ports(okta({ getUser: () => Promise.reject(new SourceError('Okta refused: grant okta.users.read')) }, queries)),
    );
    expect(queries[0]?.filter).toMatch(/^actor\.alternateId eq "jd@contoso\.com"/);
    expect(bundle.gaps).toEqual([{ source: 'okta.user', reason: 'Okta refused: grant okta.users.read' }]);
    expect(bundle.okta && 'user' in bundle.okta).toBe(false);
  });

  it('slices a long window, merges in time order without duplicates', async () => {
    const queries: LogQuery[] = [];
    const week = { ...subject, since: '2026-11-14T00:00:00.000Z' };
    const bundle = await collectEvidence(week, ports(okta({}, queries)));
    expect(queries).toHaveLength(7);
    const published = bundle.okta?.logEvents?.map((e) => e.published) ?? [];
    expect(published).toEqual([...published].sort());
    expect(new Set(bundle.okta?.logEvents?.map((e) => e.uuid)).size).toBe(7);
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
