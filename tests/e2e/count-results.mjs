#!/usr/bin/env node
// Prints "N passed, N failed" summed over Playwright JSON reports (one per pass of ./build.sh
// test: build/e2e/results-parallel.json, results-timing.json), for its summary. A missing or
// unreadable report, or errors outside any test (a broken config, a web server that did not
// start, no tests found), count as one failure.
//
//   node tests/e2e/count-results.mjs build/e2e/results-parallel.json build/e2e/results-timing.json
import fs from 'node:fs';

function count(file) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`no Playwright report: ${err.message}`);
    return { passed: 0, failed: 1 };
  }
  const stats = report.stats || {};
  const passed = stats.expected || 0;
  let failed = (stats.unexpected || 0) + (stats.flaky || 0);
  const errors = report.errors || [];
  for (const e of errors) console.error(`outside any test: ${(e.message || '').split('\n')[0]}`);
  if (errors.length && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1;
  return { passed, failed };
}

const files = process.argv.slice(2);
let passed = 0, failed = 0;
for (const file of files.length ? files : ['build/e2e/results.json']) {
  const c = count(file);
  passed += c.passed;
  failed += c.failed;
}
console.log(`${passed} passed, ${failed} failed`);
