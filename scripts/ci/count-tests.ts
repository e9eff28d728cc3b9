/**
 * Prints CI's closing line from the Vitest, Playwright and Python SDK (scripts/ci/python-sdk.ts) JSON
 * reports: `tests: N passed, N failed`. A missing report counts as one failed test.
 */
import fs from 'node:fs';

function read(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const vitest = read('ci-results/vitest.json');
if (vitest) {
  passed += Number(vitest.numPassedTests ?? 0);
  failed += Number(vitest.numFailedTests ?? 0);
} else failed += 1;
const e2e = read('ci-results/e2e.json');
const stats = e2e?.stats as { expected?: number; unexpected?: number; flaky?: number } | undefined;
if (stats) {
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
} else failed += 1;
const python = read('ci-results/python.json');
if (python) {
  passed += Number(python.passed ?? 0);
  failed += Number(python.failed ?? 0);
} else failed += 1;
for (const step of process.argv.slice(2)) if (step) failed += 1; // steps that failed outside the runners (lint, build, …)
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
