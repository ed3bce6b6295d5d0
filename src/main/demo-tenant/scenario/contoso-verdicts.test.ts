import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../core/diagnosis/diagnose';
import { VERDICT_CODES, familyOf } from '../../../core/diagnosis/verdicts';
import type { VerdictCode } from '../../../core/diagnosis/verdicts';
import { parseEvidenceBundle } from '../../../core/evidence/bundle';
import { renderScenario } from './render-scenario';
import { scenarioBundle } from './scenario-bundle';
import { CERTIFICATES, contosoScenario, ENDPOINTS, NOW, ORG_URL } from './scenario-test-support';

/*
 * THE demo contract: every Contoso demo user, collected by a perfect collector and diagnosed by
 * the engine, gives the verdict the scenario promises; together they cover every verdict code.
 */

const scenario = contosoScenario();
const state = renderScenario(scenario, { now: NOW, endpoints: ENDPOINTS, certificates: CERTIFICATES });

/** Informational codes are never primary; each is showcased by a user whose title names it. */
const INFORMATIONAL = VERDICT_CODES.filter((code) => familyOf(code) === 'informational');

function diagnoseUser(upn: string, windowHours?: number) {
  const bundle = scenarioBundle(state, upn, {
    now: NOW,
    orgUrl: ORG_URL,
    ...(windowHours !== undefined ? { windowHours } : {}),
  });
  return { bundle, diagnosis: diagnose(bundle) };
}

describe('Contoso demo users', () => {
  it.each(scenario.users.map((u) => [u.upn, u.expectedVerdict] as const))('%s → %s', (upn, expected) => {
    const { diagnosis } = diagnoseUser(upn);
    expect(diagnosis.primary?.code).toBe(expected);
  });

  // The collector's window is the technician's choice: the verdicts must not depend on it.
  it.each(scenario.users.map((u) => [u.upn, u.expectedVerdict] as const))(
    '%s gives the same verdict over the last hour and the last 7 days',
    (upn, expected) => {
      expect(diagnoseUser(upn, 1).diagnosis.primary?.code).toBe(expected);
      expect(diagnoseUser(upn, 7 * 24).diagnosis.primary?.code).toBe(expected);
    },
  );

  it('writes bundles the evidence validator accepts', () => {
    for (const u of scenario.users) {
      const { bundle } = diagnoseUser(u.upn);
      const parsed = parseEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
      expect(parsed.ok, `${u.upn}: ${parsed.ok ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('showcases each informational code as a finding of a user whose title names it', () => {
    for (const code of INFORMATIONAL) {
      const showcase = scenario.users.filter((u) => u.title.includes(code));
      expect(showcase.length, code).toBeGreaterThan(0);
      for (const u of showcase) {
        const { diagnosis } = diagnoseUser(u.upn);
        expect(diagnosis.findings.map((f) => f.code)).toContain(code);
        expect(diagnosis.primary?.code).toBe('NO_FAILURE_FOUND');
      }
    }
  });

  it('covers every verdict code with an expected verdict or a showcased informational finding', () => {
    const covered = new Set<VerdictCode>(scenario.users.map((u) => u.expectedVerdict));
    for (const code of INFORMATIONAL) if (scenario.users.some((u) => u.title.includes(code))) covered.add(code);
    expect(VERDICT_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('lists every scenario user as a demo user with its expected verdict', () => {
    expect(state.demoUsers.map((d) => [d.upn, d.expectedVerdict])).toEqual(
      scenario.users.map((u) => [u.upn, u.expectedVerdict]),
    );
  });
});
