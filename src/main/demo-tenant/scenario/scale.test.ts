import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { generateScaleTenant } from './scale';
import type { ScaleOptions } from './scale';
import { scenarioBundle } from './scenario-bundle';
import { CERTIFICATES, ENDPOINTS, NOW, ORG_URL } from './scenario-test-support';

/*
 * The scale generator at a small size (the 100,000-user figures are measured by a script, not by
 * a timed test): exact counts, determinism, and demo users that still give their verdicts.
 */

const OPTIONS: ScaleOptions = {
  users: 300,
  eventsPerUser: 5,
  heavyUser: { upn: 'order-mailer@contoso.com', events: 2001 },
  seed: 11,
  now: NOW,
  endpoints: ENDPOINTS,
  certificates: CERTIFICATES,
};
const state = generateScaleTenant(OPTIONS);

describe('generateScaleTenant', () => {
  it('makes exactly the users and events asked for', () => {
    expect(state.okta.users).toHaveLength(301);
    expect(state.graph.users).toHaveLength(301);
    expect(state.okta.logEvents).toHaveLength(300 * 5 + 2001);
    const perActor = new Map<string, number>();
    for (const e of state.okta.logEvents) {
      const id = e.actor?.id ?? '';
      perActor.set(id, (perActor.get(id) ?? 0) + 1);
    }
    const heavy = state.okta.users.find((u) => u.profile?.login === 'order-mailer@contoso.com');
    for (const u of state.okta.users) expect(perActor.get(u.id), u.profile?.login).toBe(u === heavy ? 2001 : 5);
  });

  it('gives every user a unique UPN and Okta id', () => {
    expect(new Set(state.okta.users.map((u) => u.profile?.login)).size).toBe(301);
    expect(new Set(state.okta.users.map((u) => u.id)).size).toBe(301);
  });

  it('spreads the events over the last 7 days, in order', () => {
    const times = state.okta.logEvents.map((e) => Date.parse(e.published));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 7 * 86_400_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateScaleTenant(OPTIONS))).toBe(JSON.stringify(state));
  });

  it('lists demo users that give their expected verdicts over the week', () => {
    expect(state.demoUsers.map((d) => d.expectedVerdict)).toEqual(['NO_FAILURE_FOUND', 'LEGACY_AUTH_BLOCKED']);
    for (const d of state.demoUsers) {
      const bundle = scenarioBundle(state, d.upn, { now: NOW, orgUrl: ORG_URL, windowHours: 7 * 24 });
      expect(diagnose(bundle).primary?.code, d.upn).toBe(d.expectedVerdict);
    }
  });

  it('refuses a heavy user outside the tenant’s domain', () => {
    expect(() =>
      generateScaleTenant({ ...OPTIONS, users: 1, heavyUser: { upn: 'x@example.org', events: 10 } }),
    ).toThrow(/contoso\.com/);
  });
});
