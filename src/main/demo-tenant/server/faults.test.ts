import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults';
import { RateLimits } from './rate-limits';

describe('FaultInjector', () => {
  it('adds latency per route (and for every route with "*")', () => {
    const faults = new FaultInjector({ latencyMs: { 'okta.logs': 250, '*': 10 } });
    expect(faults.decide('okta.logs')).toMatchObject({ kind: 'none', delayMs: 250 });
    expect(faults.decide('graph.users')).toMatchObject({ kind: 'none', delayMs: 10 });
  });

  it('answers 429 for exactly the next N requests of a burst', () => {
    const faults = new FaultInjector({ rateLimitBursts: { 'graph.signIns': 2 } });
    expect(['graph.signIns', 'graph.signIns', 'graph.signIns'].map((k) => faults.decide(k).kind)).toEqual([
      'rate-limit',
      'rate-limit',
      'none',
    ]);
    expect(faults.decide('okta.logs').kind).toBe('none');
  });

  it('gives every route a burst of its own with "*" (a storm), and a named route its own number', () => {
    const faults = new FaultInjector({ rateLimitBursts: { '*': 1, 'okta.logs': 2 } });
    const kinds = ['okta.users', 'okta.users', 'graph.users', 'okta.logs', 'okta.logs', 'okta.logs'].map(
      (k) => faults.decide(k).kind,
    );
    expect(kinds).toEqual(['rate-limit', 'none', 'rate-limit', 'rate-limit', 'rate-limit', 'none']);
  });

  it('refuses only requests carrying an access token as expired, for exactly the next N of a route', () => {
    const faults = new FaultInjector({ expiredTokenBursts: { '*': 1 } });
    const token = { accessToken: true };
    // An API token (SSWS) or a token request is never refused and does not use up the burst.
    expect(faults.decide('okta.users', { accessToken: false }).kind).toBe('none');
    expect(faults.decide('okta.users', token).kind).toBe('expired-token');
    expect(faults.decide('okta.users', token).kind).toBe('none');
    expect(faults.decide('graph.signIns', token).kind).toBe('expired-token');
    // Throttling comes first, as at a real service: the token is judged on the retry.
    const both = new FaultInjector({ rateLimitBursts: { 'graph.users': 1 }, expiredTokenBursts: { 'graph.users': 1 } });
    expect([both.decide('graph.users', token).kind, both.decide('graph.users', token).kind]).toEqual([
      'rate-limit',
      'expired-token',
    ]);
    expect(() => new FaultInjector({ expiredTokenBursts: { '*': -1 } })).toThrow();
  });

  it('answers 503 for the next N requests of a route, then lets it recover', () => {
    const faults = new FaultInjector({ serverErrorBursts: { 'entra.discovery': 2 } });
    expect(
      ['entra.discovery', 'entra.discovery', 'entra.discovery', 'okta.users'].map((k) => faults.decide(k).kind),
    ).toEqual(['server-error', 'server-error', 'none', 'none']);
  });

  it('spreads server errors at the configured rate, reproducibly for a seed', () => {
    const a = new FaultInjector({ serverErrorRate: { '*': 0.3 }, seed: 7 });
    const kinds = Array.from({ length: 2000 }, () => a.decide('okta.users').kind);
    const errors = kinds.filter((k) => k === 'server-error').length / kinds.length;
    expect(errors).toBeGreaterThan(0.25);
    expect(errors).toBeLessThan(0.35);
    const b = new FaultInjector({ serverErrorRate: { '*': 0.3 }, seed: 7 });
    expect(Array.from({ length: 2000 }, () => b.decide('okta.users').kind)).toEqual(kinds);
  });

  it('hangs and truncates only the named routes, and rejects nonsense settings', () => {
    const faults = new FaultInjector({ hang: ['entra.token'], truncateJson: ['graph.users'] });
    expect(faults.decide('entra.token').kind).toBe('hang');
    expect(faults.decide('graph.users')).toMatchObject({ kind: 'none', truncate: true });
    expect(faults.decide('okta.users')).toMatchObject({ kind: 'none', truncate: false });
    expect(() => new FaultInjector({ serverErrorRate: { '*': 2 } })).toThrow();
    expect(() => new FaultInjector({ tokenLifetimeSeconds: 0 })).toThrow();
  });
});

describe('RateLimits', () => {
  it('counts per route, sends Okta’s headers, and resets after the window', () => {
    let now = 1_000_000;
    const limits = new RateLimits({ 'okta.logs': 2 }, 100, 60, () => now);
    const first = limits.take('okta.logs');
    expect(first).toEqual({
      limited: false,
      headers: {
        'X-Rate-Limit-Limit': '2',
        'X-Rate-Limit-Remaining': '1',
        'X-Rate-Limit-Reset': String(Math.ceil((1_000_000 + 60_000) / 1000)),
      },
    });
    expect(limits.take('okta.logs').limited).toBe(false);
    expect(limits.take('okta.logs')).toMatchObject({ limited: true, headers: { 'X-Rate-Limit-Remaining': '0' } });
    expect(limits.take('okta.users').limited).toBe(false);
    now += 60_000;
    expect(limits.take('okta.logs').limited).toBe(false);
  });
});
