#!/usr/bin/env node
// Browser end-to-end test runner: Playwright (playwright-core from npm) driving Debian's Chromium
// with software WebGL2 (SwiftShader). `./build.sh test` serves build/site and runs:
//
//   node tests/e2e/run.mjs --base http://127.0.0.1:PORT [--filter TEXT] [--out build/e2e]
//
// TEST-FILE CONTRACT
// - Every tests/e2e/*.test.mjs is loaded (sorted by name). A test is either a named export that is
//   an async function (`export async function cardsListEverySection(t) {...}`; the export name is
//   the test name), or an entry of `export default [fn, {name, fn, timeout}, ...]`.
// - Optional per-test timeout in ms: `myTest.timeout = 90000` or `{timeout}` (default 60000).
// - Each test gets a fresh browser context + page (viewport 1280x800, devicePixelRatio 1) and one
//   argument `t` with:
//     t.page, t.context, t.browser   Playwright objects (the page is not navigated yet)
//     t.baseUrl                      e.g. "http://127.0.0.1:40123" (no trailing slash)
//     t.url(path = '/')              absolute URL on the served site
//     t.open(path = '/')             page.goto(url(path)), waits for 'load'
//     t.state()                      page.evaluate(() => window.explorer && window.explorer.state())
//     t.waitReady(timeoutMs = 30000) waits until state().ready, returns the state (throws with the
//                                    last state and console errors on timeout)
//     t.waitFor(fn, timeoutMs, what) polls an async/sync predicate until truthy, returns its value
//     t.screenshot(name)             writes <out>/<name>.png (out = build/e2e), returns the path
//     t.consoleErrors                console.error messages, uncaught page errors and failed
//                                    requests seen so far (strings)
//     t.assertNoConsoleErrors()
//     t.assert                       node:assert/strict (t.assert.equal, deepEqual, ok, match ...)
//     t.newContext(options)          another context with the same launch (closed after the test)
//     t.launchPersistent(options)    chromium.launchPersistentContext(fresh temp dir, ...) with the
//                                    same executable and flags (closed after the test)
//     t.chromiumArgs, t.executablePath, t.outDir, t.log(...)
// - A test passes when it resolves and fails when it throws or times out; on failure a screenshot
//   <out>/FAIL-<file>-<test>.png is written.
// Output: one "PASS|FAIL <file> > <test> (<seconds>)" line per test, failures with their message,
// build/e2e/results.json, and as the LAST line exactly "N passed, N failed". Exit 1 on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

export const CHROMIUM_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const EXECUTABLE_PATH = process.env.RX_CHROMIUM || '/usr/bin/chromium';

function parseArgs(argv) {
  const opts = { base: null, filter: null, out: path.join(ROOT, 'build', 'e2e') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') opts.base = argv[++i];
    else if (a === '--filter') opts.filter = argv[++i];
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.base) throw new Error('usage: node tests/e2e/run.mjs --base http://127.0.0.1:PORT');
  opts.base = opts.base.replace(/\/+$/, '');
  return opts;
}

async function discover(filter) {
  const files = fs
    .readdirSync(HERE)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(HERE, file)).href);
    const found = [];
    for (const [name, value] of Object.entries(mod)) {
      if (name !== 'default' && typeof value === 'function') found.push({ name, fn: value });
    }
    if (Array.isArray(mod.default)) {
      for (const entry of mod.default) {
        if (typeof entry === 'function') found.push({ name: entry.name || 'anonymous', fn: entry });
        else if (entry && typeof entry.fn === 'function') found.push({ ...entry });
      }
    }
    for (const t of found) {
      const id = `${file.replace(/\.test\.mjs$/, '')} > ${t.name}`;
      if (filter && !id.includes(filter)) continue;
      tests.push({ file, id, name: t.name, fn: t.fn, timeout: t.timeout || t.fn.timeout || 60000 });
    }
  }
  return tests;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const safeName = (s) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');

function makeHarness({ browser, context, page, opts, cleanups }) {
  const consoleErrors = [];
  const watch = (p) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`console.error: ${msg.text()}`);
    });
    p.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
    p.on('requestfailed', (req) => {
      const why = req.failure() ? req.failure().errorText : 'failed';
      // Navigations away abort pending requests; that is not an error of the page.
      if (why !== 'net::ERR_ABORTED') consoleErrors.push(`request failed: ${req.url()} ${why}`);
    });
  };
  watch(page);
  const t = {
    browser,
    context,
    page,
    baseUrl: opts.base,
    outDir: opts.out,
    chromiumArgs: CHROMIUM_ARGS,
    executablePath: EXECUTABLE_PATH,
    consoleErrors,
    assert,
    watch,
    log: (...args) => console.log('    ', ...args),
    url: (p = '/') => opts.base + (p.startsWith('/') ? p : '/' + p),
    async open(p = '/') {
      return page.goto(t.url(p), { waitUntil: 'load' });
    },
    async state(onPage = page) {
      return onPage.evaluate(() =>
        window.explorer && typeof window.explorer.state === 'function'
          ? window.explorer.state()
          : null,
      );
    },
    async waitFor(predicate, timeoutMs = 30000, what = 'condition') {
      const deadline = Date.now() + timeoutMs;
      let lastError = null;
      while (Date.now() < deadline) {
        try {
          const v = await predicate();
          if (v) return v;
        } catch (err) {
          lastError = err;
        }
        await sleep(100);
      }
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}` +
          (lastError ? ` (last error: ${lastError.message})` : ''),
      );
    },
    async waitReady(timeoutMs = 30000, onPage = page) {
      let last = null;
      try {
        return await t.waitFor(
          async () => {
            last = await t.state(onPage);
            return last && last.ready ? last : null;
          },
          timeoutMs,
          'window.explorer.state().ready',
        );
      } catch (err) {
        const summary = last === null ? 'window.explorer.state is missing' : JSON.stringify(last);
        err.message +=
          `; last state: ${summary.slice(0, 400)}` +
          (consoleErrors.length ? `; console errors: ${consoleErrors.join(' | ')}` : '');
        throw err;
      }
    },
    async screenshot(name, onPage = page) {
      const file = path.join(opts.out, `${safeName(name)}.png`);
      await onPage.screenshot({ path: file });
      return file;
    },
    assertNoConsoleErrors() {
      assert.deepEqual(consoleErrors, [], `console errors:\n  ${consoleErrors.join('\n  ')}`);
    },
    async newContext(options = {}) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      cleanups.push(() => ctx.close());
      return ctx;
    },
    async launchPersistent(options = {}) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-e2e-profile-'));
      const ctx = await chromium.launchPersistentContext(dir, {
        executablePath: EXECUTABLE_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      cleanups.push(async () => {
        await ctx.close();
        fs.rmSync(dir, { recursive: true, force: true });
      });
      return ctx;
    },
  };
  return t;
}

async function runOne(browser, test, opts) {
  const cleanups = [];
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const t = makeHarness({ browser, context, page, opts, cleanups });
  let timer;
  try {
    await Promise.race([
      test.fn(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`test timed out after ${test.timeout} ms`)), test.timeout);
      }),
    ]);
    return { ok: true };
  } catch (err) {
    try {
      await page.screenshot({
        path: path.join(opts.out, `FAIL-${safeName(test.file)}-${safeName(test.name)}.png`),
        timeout: 5000,
      });
    } catch {
      /* the page may be gone */
    }
    return { ok: false, error: (err && (err.stack || err.message)) || String(err) };
  } finally {
    clearTimeout(timer);
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        /* already closed */
      }
    }
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.out, { recursive: true });
  let passed = 0;
  let failed = 0;
  const results = [];
  let tests = [];
  try {
    tests = await discover(opts.filter);
  } catch (err) {
    console.log(`FAIL loading tests: ${err.stack || err}`);
    failed++;
  }
  if (tests.length === 0 && failed === 0) {
    console.log('FAIL no tests found in tests/e2e/*.test.mjs');
    failed++;
  }
  let browser = null;
  if (tests.length) {
    try {
      browser = await chromium.launch({
        executablePath: EXECUTABLE_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
      });
    } catch (err) {
      console.log(`FAIL cannot launch ${EXECUTABLE_PATH}: ${err.message}`);
      failed += tests.length;
      tests = [];
    }
  }
  for (const test of tests) {
    const t0 = Date.now();
    const r = await runOne(browser, test, opts);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    results.push({ test: test.id, ok: r.ok, seconds: Number(secs), error: r.error || null });
    if (r.ok) {
      passed++;
      console.log(`PASS ${test.id} (${secs}s)`);
    } else {
      failed++;
      console.log(`FAIL ${test.id} (${secs}s)`);
      console.log('    ' + String(r.error).split('\n').slice(0, 12).join('\n    '));
    }
  }
  if (browser) await browser.close();
  fs.writeFileSync(path.join(opts.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

// Importable (e.g. by the bench for CHROMIUM_ARGS) without running the tests.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.log(`FAIL runner: ${err.stack || err}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
}
