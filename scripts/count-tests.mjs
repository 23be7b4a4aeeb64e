// Adds up vitest's and Playwright's JSON reports into the one closing line CI reads: `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const missing = [];

if (vitestFile && existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
} else missing.push('vitest');

if (playwrightFile && existsSync(playwrightFile)) {
  const stats = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
} else missing.push('playwright');

if (missing.length) console.log(`no report from: ${missing.join(', ')} (counted as a failure)`);
console.log(`${passed} passed, ${failed + missing.length} failed`);
process.exit(failed + missing.length > 0 || passed === 0 ? 1 : 0);
