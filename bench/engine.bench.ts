import { bench, describe } from 'vitest';
import { parseEvidenceBundleJson } from '../src/core/evidence/bundle';
import { diagnose } from '../src/core/diagnosis/diagnose';
import { largeBundle } from './large-bundle';

/*
 * Engine throughput on a 50,000-event bundle (issue: "measured by the benchmarks, not by a timed
 * test"). Run: npm run bench. Divide hz by nothing: one iteration is the whole bundle.
 */
const bundle = largeBundle(50_000);
const json = JSON.stringify(bundle);
const parsed = parseEvidenceBundleJson(json);
if (!parsed.ok) throw new Error(parsed.error.message);
console.log(
  `bundle: ${String(bundle.okta?.logEvents?.length)} Okta events, ${String(bundle.graph?.signIns?.length)} Entra sign-ins, ${(json.length / 1e6).toFixed(1)} MB JSON`,
);

describe('engine on 50,000 Okta events + 5,000 sign-ins', () => {
  bench(
    'diagnose (rules, ranking, timeline)',
    () => {
      diagnose(parsed.value);
    },
    { iterations: 10, warmupIterations: 2 },
  );

  bench(
    'validate bundle JSON (parse + schema)',
    () => {
      parseEvidenceBundleJson(json);
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
