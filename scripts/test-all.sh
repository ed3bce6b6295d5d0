#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up, typecheck, lint, format, build, then every
# test tier. Every step runs even if an earlier one failed, so one run shows everything; the
# last line is the summary CI reads ("N passed, N failed, N skipped").
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "set-up failed"; echo "0 passed, 1 failed"; exit 1; }
export npm_config_nodedir="${npm_config_nodedir:-/usr}" ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

rm -rf test-results && mkdir -p test-results
failures=()
step() {
  local name=$1; shift
  echo "── $name"
  "$@" || failures+=("$name")
}

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step format npx prettier --check . --log-level warn
step build npm run --silent build

# Unit tiers (core, main with electron mocked, renderer in happy-dom) and the keychain-absent case.
step unit npx vitest run --project core --project main --project renderer --project no-keychain \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-unit.json
# The Electronegativity gate over the built out/: fails on any finding not on the reviewed
# allow-list (security/electronegativity/allowlist.ts) and on a seeded violation.
step security npx vitest run --project security \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-security.json
# The real keychain: a private D-Bus session with gnome-keyring.
step keychain bash scripts/with-keyring.sh npx vitest run --project keychain \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-keychain.json
# e2e in Chromium, with the real handlers (and so the real keychain) in the test process.
step e2e bash scripts/with-keyring.sh npx playwright test
# The workplace's self-check: every demo user, collected live through the SDKs and diagnosed by
# the built CLI, gives the verdict its scenario is written to produce.
if [ -f ../shared/checks/demo-verdicts.sh ]; then
  step demo-verdicts bash ../shared/checks/demo-verdicts.sh
else
  echo "── demo-verdicts: ../shared/checks/demo-verdicts.sh not present beside this clone; skipped"
fi

echo
[ ${#failures[@]} -gt 0 ] && echo "failed steps: ${failures[*]}"
node scripts/summarize-results.mjs test-results/vitest-unit.json test-results/vitest-security.json test-results/vitest-keychain.json test-results/playwright.json
summary=$?
# Gates without a test count (typecheck, lint, format, build) still fail the run.
[ ${#failures[@]} -eq 0 ] && [ $summary -eq 0 ]
