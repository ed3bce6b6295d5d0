import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvidence } from '../../core/collection/collect-evidence';
import type { CollectionProgress } from '../../core/collection/collect-evidence';
import { validateSubject } from '../../core/collection/subject';
import { diagnose } from '../../core/diagnosis/diagnose';
import { parseEvidenceBundle } from '../../core/evidence/bundle';
import type { EvidenceBundle } from '../../core/evidence/bundle';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant, DemoTenantOptions } from '../demo-tenant/demo-tenant';
import { listDemoUsers } from '../demo-tenant/demo-users';
import { generateScaleTenant } from '../demo-tenant/scenario/scale';
import { connectToDemoTenant } from './demo-connection';
import { LOG_PAGE_SIZE, OktaSdkSource } from './okta-source';
import type { RunLimits } from './demo-connection';

/*
 * Collection through the official SDKs against the demo tenant over HTTPS on loopback.
 */

const LIMITS: RunLimits = { requestTimeoutMs: 5_000, stepTimeoutMs: 10_000 };

async function collect(
  tenant: DemoTenant,
  upn: string,
  limits: RunLimits = LIMITS,
  symptom?: string,
): Promise<{ bundle: EvidenceBundle; progress: CollectionProgress[] }> {
  const subject = validateSubject({ upn, ...(symptom === undefined ? {} : { symptom }) }, new Date());
  if (!subject.ok) throw new Error(subject.error);
  const connection = connectToDemoTenant(tenant, limits);
  const progress: CollectionProgress[] = [];
  try {
    return { bundle: await collectEvidence(subject.value, connection.ports, (e) => progress.push(e)), progress };
  } finally {
    connection.close();
  }
}

async function withTenant<T>(
  options: DemoTenantOptions,
  run: (tenant: DemoTenant, calls: string[]) => Promise<T>,
): Promise<T> {
  const calls: string[] = [];
  const tenant = await startDemoTenant({
    ...options,
    onRequest: (service, key, _method, url) => calls.push(`${service}:${key} ${url}`),
  });
  try {
    return await run(tenant, calls);
  } finally {
    await tenant.stop();
  }
}

describe('collection from the demo tenant, every scenario', () => {
  let tenant: DemoTenant;
  beforeAll(async () => {
    tenant = await startDemoTenant();
  });
  afterAll(async () => {
    await tenant.stop();
  });

  it.each(listDemoUsers().map((u) => [u.upn, u.expectedVerdict, u.symptom] as const))(
    '%s → %s',
    async (upn, expected, symptom) => {
      const { bundle } = await collect(tenant, upn, LIMITS, symptom);
      const valid = parseEvidenceBundle(bundle);
      if (!valid.ok) throw new Error(valid.error.message);
      expect(diagnose(valid.value).primary?.code).toBe(expected);
    },
  );
});

describe('collection plan', () => {
  it('overlaps independent calls: with 100 ms per request, the wall time is near the longest chain, not the sum', async () => {
    await withTenant({ faults: { latencyMs: { '*': 100 } } }, async (tenant, calls) => {
      const started = performance.now();
      await collect(tenant, 'michael.chen@contoso.com');
      const wall = performance.now() - started;
      const sum = calls.length * 100;
      // The longest dependent chain is Okta user → System Log (plus the Graph token → sign-ins):
      // a few round trips, while the plan makes many more calls.
      expect(calls.length).toBeGreaterThanOrEqual(12);
      expect(wall).toBeLessThan(sum / 2);
      expect(wall).toBeGreaterThanOrEqual(200);
    });
  });

  it('reports progress for every step: started, then done or failed', async () => {
    await withTenant({}, async (tenant) => {
      const { progress } = await collect(tenant, 'dmitri.volkov@contoso.com');
      const steps = new Set(progress.map((p) => p.step));
      for (const step of steps) {
        const phases = progress.filter((p) => p.step === step).map((p) => p.phase);
        expect(phases[0], step).toBe('started');
        expect(['done', 'failed'], step).toContain(phases.at(-1));
      }
      expect(steps.size).toBeGreaterThanOrEqual(10);
    });
  });
});

describe('faults end in a completed diagnosis with the right gap', () => {
  it('429 bursts: Okta waits for X-Rate-Limit-Reset, Graph for Retry-After, and nothing is lost', async () => {
    await withTenant(
      { faults: { rateLimitBursts: { 'okta.logs': 1, 'graph.signIns': 1 } }, rateLimits: { windowSeconds: 1 } },
      async (tenant) => {
        const { bundle, progress } = await collect(tenant, 'dmitri.volkov@contoso.com');
        expect(bundle.gaps).toEqual([]);
        expect(progress.some((p) => p.phase === 'retrying' && p.step === 'okta.logEvents')).toBe(true);
        expect(progress.some((p) => p.phase === 'retrying' && p.step === 'graph.signIns')).toBe(true);
        expect(diagnose(bundle).primary?.code).toBe('LEGACY_AUTH_STALE_PASSWORD');
      },
    );
  }, 20_000);

  it('5xx: the failing source becomes a gap that says so, the rest is diagnosed', async () => {
    await withTenant({ faults: { serverErrorRate: { 'graph.signIns': 1 } } }, async (tenant) => {
      const { bundle } = await collect(tenant, 'dmitri.volkov@contoso.com');
      expect(bundle.gaps.map((g) => g.source)).toEqual(['graph.signIns']);
      expect(bundle.gaps[0]?.reason).toMatch(/service error/);
      expect(diagnose(bundle).primary?.code).toBe('LEGACY_AUTH_STALE_PASSWORD');
    });
  }, 30_000);

  it('a hung route ends at its timeout as a gap, and the rest is diagnosed', async () => {
    await withTenant({ faults: { hang: ['okta.logs'] } }, async (tenant) => {
      const started = performance.now();
      // The hang ends at the request timeout; the step limit is roomy so a loaded machine does not
      // time out the other sources too.
      const { bundle } = await collect(tenant, 'dmitri.volkov@contoso.com', {
        requestTimeoutMs: 800,
        stepTimeoutMs: 8_000,
      });
      expect(performance.now() - started).toBeLessThan(8_000);
      expect(bundle.gaps).toEqual([{ source: 'okta.logEvents', reason: expect.stringMatching(/in time/) as unknown }]);
      expect(diagnose(bundle).primary).not.toBeNull();
    });
  });

  it('a timeout whose URL holds "429" is a timeout, not a rate limit', async () => {
    await withTenant({ faults: { hang: ['okta.users'] } }, async (tenant) => {
      const { bundle } = await collect(tenant, 'ops429@contoso.com', { requestTimeoutMs: 500, stepTimeoutMs: 8_000 });
      expect(bundle.gaps.find((g) => g.source === 'okta.user')?.reason).toBe('Okta did not answer in time.');
    });
  });

  it('truncated JSON becomes a gap naming the malformed response', async () => {
    await withTenant({ faults: { truncateJson: ['graph.users'] } }, async (tenant) => {
      const { bundle } = await collect(tenant, 'kenji.watanabe@contoso.com');
      expect(bundle.gaps.map((g) => g.source)).toEqual(['graph.user']);
      expect(bundle.gaps[0]?.reason).toMatch(/JSON/);
    });
  });

  it('an access token that expires in transit becomes a gap naming the token', async () => {
    await withTenant({ faults: { tokenLifetimeSeconds: 1, latencyMs: { 'graph.domains': 1_500 } } }, async (tenant) => {
      const { bundle } = await collect(tenant, 'michael.chen@contoso.com');
      const gapSources = bundle.gaps.map((g) => g.source);
      expect(gapSources).toContain('graph.domain');
      expect(bundle.gaps.find((g) => g.source === 'graph.domain')?.reason).toMatch(/access token/);
      expect(diagnose(bundle).primary).not.toBeNull();
    });
  }, 20_000);

  it('a user whose sign-in logs are unreadable gets INSUFFICIENT_EVIDENCE naming why', async () => {
    await withTenant({}, async (tenant) => {
      const fault = tenant.state.faults?.find((f) => f.source === 'graph.signIns');
      if (fault === undefined) throw new Error('no faulted demo user');
      const { bundle } = await collect(tenant, fault.upn);
      expect(bundle.gaps.map((g) => g.source)).toEqual(['graph.signIns']);
      const diagnosis = diagnose(bundle);
      expect(diagnosis.primary?.code).toBe('INSUFFICIENT_EVIDENCE');
    });
  });
});

describe('input is data', () => {
  it('sends UPNs with quotes, backslashes and filter keywords to the tenant as literals', async () => {
    await withTenant({}, async (tenant, calls) => {
      const upn = `o'brien"\\or"actor.id@contoso.com`;
      const { bundle } = await collect(tenant, upn);
      // Okta and Graph both answered "not found"; no query was malformed (a 400 would be a gap).
      expect(bundle.gaps).toEqual([]);
      expect(bundle.okta?.user).toBeNull();
      expect(bundle.graph?.user).toBeNull();
      expect(bundle.okta?.logEvents).toEqual([]);
      expect(bundle.graph?.signIns).toEqual([]);
      const graphQuery = calls.find((c) => c.startsWith('graph:graph.signIns'));
      expect(decodeURIComponent(graphQuery ?? '').replaceAll('+', ' ')).toContain(
        `userPrincipalName eq 'o''brien"\\or"actor.id@contoso.com'`,
      );
      const logQuery = calls.find((c) => c.startsWith('okta:okta.logs'));
      expect(new URL(`https://x${(logQuery ?? '').split(' ')[1] ?? ''}`).searchParams.get('q')).toBe(upn);
    });
  });
});

describe('profile choices', () => {
  it('collects only the Office 365 app instance a profile names, when the org has several', async () => {
    await withTenant({}, async (tenant) => {
      const apps = tenant.state.okta.apps.filter((a) => a.name === 'office365');
      expect(apps.length).toBeGreaterThan(1);
      const chosen = apps[1];
      if (chosen === undefined) throw new Error('no second instance');
      const connection = connectToDemoTenant(tenant, LIMITS);
      try {
        const ctx = { signal: AbortSignal.timeout(5_000), onPage: () => undefined, onRetry: () => undefined };
        const all = await connection.clients.oktaSource.listOffice365Apps(ctx);
        const preferred = await new OktaSdkSource(connection.clients.okta, tenant.oktaUrl, chosen.id).listOffice365Apps(
          ctx,
        );
        expect(all.map((a) => a.id).sort()).toEqual(apps.map((a) => a.id).sort());
        expect(preferred.map((a) => a.id)).toEqual([chosen.id]);
        // Vendor JSON, not SDK models: dates are the API's ISO strings.
        expect(typeof (preferred[0] as unknown as { created?: unknown }).created).toBe('string');
      } finally {
        connection.close();
      }
    });
  });
});

describe('the System Log', () => {
  it('reads every page of a window as the JSON Okta sent, and stops at maxEvents', async () => {
    const upn = 'order-mailer@contoso.com';
    await withTenant(
      {
        render: (endpoints, certificates) =>
          generateScaleTenant({
            users: 1,
            eventsPerUser: 1,
            heavyUser: { upn, events: 2 * LOG_PAGE_SIZE + 501 },
            seed: 3,
            now: new Date(),
            endpoints,
            certificates,
          }),
      },
      async (tenant, calls) => {
        const user = tenant.state.okta.users.find((u) => u.profile?.login === upn);
        if (user === undefined) throw new Error('no heavy user');
        const until = new Date().toISOString();
        const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
        // As the API sends them: the simulator's events through JSON, field names and all.
        const sent = JSON.parse(
          JSON.stringify(tenant.state.okta.logEvents.filter((e) => e.actor?.id === user.id)),
        ) as unknown[];
        expect(sent).toHaveLength(2 * LOG_PAGE_SIZE + 501);
        const connection = connectToDemoTenant(tenant, LIMITS);
        try {
          const pages: [number, number][] = [];
          const ctx = {
            signal: AbortSignal.timeout(10_000),
            onPage: (page: number, n: number) => pages.push([page, n]),
            onRetry: () => undefined,
          };
          const source = connection.clients.oktaSource;
          const filter = `actor.id eq "${user.id}"`;
          const all = await source.listLogEvents({ since, until, filter, maxEvents: 50_000 }, ctx);
          expect(all).toEqual({ events: sent, truncated: false });
          expect(pages).toEqual([
            [1, 1],
            [2, LOG_PAGE_SIZE + 1],
            [3, 2 * LOG_PAGE_SIZE + 1],
          ]);
          const before = calls.filter((c) => c.startsWith('okta:okta.logs')).length;
          const capped = await source.listLogEvents({ since, until, filter, maxEvents: LOG_PAGE_SIZE + 1 }, ctx);
          expect(capped).toEqual({ events: sent.slice(0, LOG_PAGE_SIZE + 1), truncated: true });
          expect(calls.filter((c) => c.startsWith('okta:okta.logs')).length - before).toBe(2);
        } finally {
          connection.close();
        }
      },
    );
  });
});
