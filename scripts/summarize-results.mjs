#!/usr/bin/env node
// Sums the JSON reports of every test runner into the one line CI reads:
//   N passed, N failed, N skipped
// A report that is missing or unreadable counts as one failure, so a runner that crashed
// before writing its report cannot pass silently.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report: ${file}`);
    failed += 1;
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (report.stats !== undefined) {
      // Playwright
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
      skipped += report.stats.skipped;
    } else {
      // Vitest (Jest-compatible JSON); a file that failed to load counts as a failure.
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
      skipped += report.numPendingTests + report.numTodoTests;
    }
  } catch (error) {
    console.error(`unreadable test report ${file}: ${error.message}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
