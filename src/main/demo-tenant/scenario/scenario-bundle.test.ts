import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { renderScenario } from './render-scenario';
import { scenarioBundle } from './scenario-bundle';
import { CERTIFICATES, contosoScenario, ENDPOINTS, NOW, ORG_URL } from './scenario-test-support';
import type { DemoTenantState } from '../tenant-state';

/*
 * The perfect collector: what it gathers for one user from the state, and the gaps it records
 * when the simulator would refuse a source.
 */

const scenario = contosoScenario();
const state = renderScenario(scenario, { now: NOW, endpoints: ENDPOINTS, certificates: CERTIFICATES });
const collect = (s: DemoTenantState, upn: string, windowHours?: number) =>
  scenarioBundle(s, upn, { now: NOW, orgUrl: ORG_URL, ...(windowHours !== undefined ? { windowHours } : {}) });

describe('scenarioBundle', () => {
  it('collects every source for a healthy user, and only that user’s records', () => {
    const bundle = collect(state, 'michael.chen@contoso.com');
    expect(bundle.gaps).toEqual([]);
    expect(bundle.subject).toEqual({
      upn: 'michael.chen@contoso.com',
      since: '2026-11-24T15:30:00.000Z',
      until: '2026-11-25T15:30:00.000Z',
      symptom: 'teams-desktop',
    });
    expect(bundle.okta?.user?.profile?.login).toBe('michael.chen@contoso.com');
    const appId = state.okta.apps[0]?.id ?? '';
    expect(bundle.okta?.appUsers?.[appId]?.credentials?.userName).toBe('michael.chen@contoso.com');
    expect(bundle.okta?.logEvents?.every((e) => e.actor?.id === bundle.okta?.user?.id)).toBe(true);
    expect(bundle.okta?.logEvents?.length).toBe(3);
    expect(bundle.graph?.signIns?.every((s) => s.userPrincipalName === 'michael.chen@contoso.com')).toBe(true);
    expect(bundle.graph?.domain?.id).toBe('contoso.com');
    expect(bundle.graph?.federationConfiguration?.length).toBe(1);
    expect(bundle.okta?.policies?.length).toBe(2);
    expect(Object.keys(bundle.okta?.signingKeys ?? {})).toHaveLength(2);
  });

  it('keeps only the window', () => {
    const all = collect(state, 'harold.jensen@contoso.com').okta?.logEvents ?? [];
    const lastHour = collect(state, 'harold.jensen@contoso.com', 1).okta?.logEvents ?? [];
    expect(lastHour.length).toBeGreaterThan(0);
    expect(lastHour.length).toBeLessThan(all.length);
    for (const e of lastHour) expect(Date.parse(e.published)).toBeGreaterThanOrEqual(NOW.getTime() - 3_600_000);
  });

  it('finds events that target the user, such as an administrator’s or a workflow’s action', () => {
    const events = collect(state, 'victor.almeida@contoso.com').okta?.logEvents ?? [];
    expect(events.map((e) => [e.eventType, e.actor?.type])).toEqual([['user.lifecycle.suspend', 'SystemPrincipal']]);
  });

  it('records a per-user fault as a gap, so nothing-found becomes INSUFFICIENT_EVIDENCE', () => {
    const bundle = collect(state, 'yuki.tanaka@contoso.com');
    expect(bundle.graph?.signIns).toBeUndefined();
    expect(bundle.gaps).toEqual([
      {
        source: 'graph.signIns',
        reason:
          'the Graph API answered 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.',
      },
    ]);
    expect(diagnose(bundle).primary?.code).toBe('INSUFFICIENT_EVIDENCE');
  });

  it('honours a fault on the Okta System Log too', () => {
    const faulty: DemoTenantState = {
      ...state,
      faults: [
        {
          upn: 'michael.chen@contoso.com',
          source: 'okta.logEvents',
          status: 500,
          code: 'E0000009',
          message: 'Internal Server Error',
        },
      ],
    };
    const bundle = collect(faulty, 'michael.chen@contoso.com');
    expect(bundle.okta?.logEvents).toBeUndefined();
    expect(bundle.gaps.map((g) => g.source)).toEqual(['okta.logEvents']);
    expect(diagnose(bundle).primary?.code).toBe('INSUFFICIENT_EVIDENCE');
  });

  it('leaves sign-ins out for a tenant without Entra ID P1, for every user', () => {
    const free = { ...state, entra: { ...state.entra, hasP1: false } };
    const healthy = collect(free, 'michael.chen@contoso.com');
    expect(healthy.graph?.signIns).toBeUndefined();
    expect(healthy.gaps[0]?.reason).toContain('Entra ID P1 or P2');
    expect(diagnose(healthy).primary?.code).toBe('INSUFFICIENT_EVIDENCE');
    // A cause found in the other sources still wins.
    expect(diagnose(collect(free, 'scan-to-email@contoso.com')).primary?.code).toBe('LEGACY_AUTH_BLOCKED');
  });

  it('answers "not found" for someone neither Okta nor Entra knows', () => {
    const bundle = collect(state, 'nobody@contoso.com');
    expect(bundle.okta?.user).toBeNull();
    expect(bundle.okta?.appUsers).toBeUndefined();
    expect(bundle.graph?.user).toBeNull();
    expect(bundle.okta?.logEvents).toEqual([]);
    expect(bundle.gaps.map((g) => g.source)).toEqual(['okta.appUsers']);
    expect(diagnose(bundle).primary?.code).toBe('OKTA_USER_NOT_FOUND');
  });

  it('takes the symptom from the demo user unless told otherwise', () => {
    expect(collect(state, 'luis.fernandez@contoso.com').subject.symptom).toBe('teams-phone');
    const told = scenarioBundle(state, 'luis.fernandez@contoso.com', { now: NOW, orgUrl: ORG_URL, symptom: 'browser' });
    expect(told.subject.symptom).toBe('browser');
  });
});
