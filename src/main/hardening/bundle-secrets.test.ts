import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/diagnosis/diagnose';
import { maskBundleSecrets } from '../../core/redaction/bundle-secrets';
import { renderScenario } from '../demo-tenant/scenario/render-scenario';
import { scenarioBundle } from '../demo-tenant/scenario/scenario-bundle';
import { CERTIFICATES, contosoScenario, ENDPOINTS, NOW, ORG_URL } from '../demo-tenant/scenario/scenario-test-support';
import { dataSecrets, dataSentinels, poisonedContoso } from '../test-support/poisoned-tenant';
import { findLeaks } from '../test-support/secret-sentinels';

/*
 * Masking secrets at collection (maskBundleSecrets, called by collectEvidence) must not change a
 * diagnosis: for every Contoso demo user the masking leaves the bundle as it is (there is no
 * credential in it, and ids, certificates, codes and addresses are not credentials), and for a
 * user whose records are full of credentials the masked bundle gives the verdict, the findings
 * and the timeline the scenario gives without them.
 */

const scenario = contosoScenario();
const state = renderScenario(scenario, { now: NOW, endpoints: ENDPOINTS, certificates: CERTIFICATES });
const bundleOf = (s: typeof state, upn: string) =>
  scenarioBundle(s, upn, { now: NOW, orgUrl: ORG_URL, windowHours: 7 * 24 });

describe('masking the secrets in the vendor data at collection', () => {
  it.each(scenario.users.map((u) => [u.upn] as const))('%s: nothing to mask, the same bundle', (upn) => {
    const bundle = bundleOf(state, upn);
    expect(maskBundleSecrets(bundle)).toBe(bundle);
  });

  it.each(['dmitri.volkov@contoso.com', 'kenji.watanabe@contoso.com', 'luis.fernandez@contoso.com'])(
    '%s with credentials in every record: all masked, and the same diagnosis',
    (upn) => {
      const secrets = dataSecrets();
      const withSecrets = bundleOf(poisonedContoso(upn, secrets, NOW)(ENDPOINTS, CERTIFICATES), upn);
      const sentinels = dataSentinels(secrets);
      // The control: the bundle as the API sent it holds every one of them.
      expect(findLeaks([{ where: 'raw', text: JSON.stringify(withSecrets) }], sentinels)).toHaveLength(
        sentinels.length,
      );

      const masked = maskBundleSecrets(withSecrets);
      expect(findLeaks([{ where: 'masked', text: JSON.stringify(masked) }], sentinels)).toEqual([]);
      const before = diagnose(withSecrets);
      const after = diagnose(masked);
      expect(after.primary?.code).toBe(scenario.users.find((u) => u.upn === upn)?.expectedVerdict);
      expect(after.primary?.code).toBe(before.primary?.code);
      expect(after.findings.map((f) => f.code)).toEqual(before.findings.map((f) => f.code));
      expect(after.timeline.length).toBe(before.timeline.length);
      // Masking is done once: a masked bundle has nothing left to mask.
      expect(maskBundleSecrets(masked)).toBe(masked);
    },
  );
});
