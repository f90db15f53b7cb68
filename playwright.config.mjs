// Browser tests (tests/e2e/*.test.mjs) on Playwright Test, driving Debian's Chromium with software
// WebGL2. After `./build.sh build`:
//
//   npx playwright test                 every browser test against build/site
//   npx playwright test --grep deck     only the deck tests (file names are part of the titles)
//
// Fixtures and helpers for the tests: tests/e2e/fixtures.mjs. Failures leave a trace, a screenshot
// and the page's console in build/e2e/results/; test screenshots go to build/e2e/*.png.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, EXECUTABLE_PATH } from './tests/e2e/chromium.mjs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUILD = path.resolve(process.env.RX_BUILD_DIR || path.join(ROOT, 'build'));
const SITE = path.resolve(process.env.RX_SITE || path.join(BUILD, 'site'));

// Several clones may test on one machine at once: a free port unless RX_E2E_PORT names one.
// The workers load this file again and inherit the variable, so they agree on the port.
if (!process.env.RX_E2E_PORT) {
  const probe = 'const s = require("net").createServer().listen(0, "127.0.0.1", () => ' +
    '{ process.stdout.write(String(s.address().port)); s.close(); })';
  process.env.RX_E2E_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}
const PORT = Number(process.env.RX_E2E_PORT);
// A pass of `./build.sh test` (e.g. "timing"): its own JSON report and results folder, so the
// second pass keeps the first one's failure traces.
const PASS = process.env.RX_E2E_PASS ? `-${process.env.RX_E2E_PASS.replace(/[^a-z0-9]/gi, '')}` : '';
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.test.mjs',
  outputDir: path.join(BUILD, 'e2e', `results${PASS}`),
  // One test at a time in file order unless told (`--workers 2`). `./build.sh test` runs the tests
  // in two passes: all but the @timing ones on two workers, then the @timing ones alone
  // (scripts/test.sh; RX_E2E_PASS names each pass's report and results folder).
  workers: 1,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [
    [process.stdout.isTTY ? 'line' : 'list'],
    ['json', { outputFile: path.join(BUILD, 'e2e', `results${PASS}.json`) }],
  ],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: EXECUTABLE_PATH, args: CHROMIUM_ARGS },
    // The trace keeps actions, console and network, without DOM snapshots or screencast frames:
    // those cost CPU and page memory on every action, which the idle, timing and heap tests (and
    // the 5,000-interaction run) would feel. The failure screenshot shows the canvas.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node web/serve.mjs --root "${SITE}" --port ${PORT} --host 127.0.0.1`,
    cwd: ROOT,
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
