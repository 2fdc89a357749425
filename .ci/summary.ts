/** Prints vitest's JSON report as the one closing line CI reads: "N passed, N failed". */
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
// A suite that failed to load has no test results of its own; count it as a failure.
const brokenSuites = (report.testResults ?? []).filter((r: any) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
const failed = report.numFailedTests + brokenSuites;
console.log(`${report.numPassedTests} passed, ${failed} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
