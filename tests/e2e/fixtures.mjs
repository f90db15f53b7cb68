// Shared fixtures and helpers of the browser tests (Playwright Test; config: playwright.config.mjs).
//
// A TEST FILE (tests/e2e/<topic>.test.mjs; the topic is what `--grep <topic>` selects):
//
//   import { test, ready, settle, clickControl, control } from './fixtures.mjs';
//
//   test('searchFindsMemorySafety', async ({ t }) => {
//     test.setTimeout(90_000);                  // only when the default 60 s is too short
//     let s = await ready(t);                   // open '/', wait for state().ready, settle
//     await clickControl(t, control(s, 'mode'));
//     s = await until(t, (x) => x.search.hide, 'Hide other cards');
//     t.assert.equal(s.search.hide, true);
//   });
//
// From the former tests/e2e/run.mjs format: `export async function name(t) { ... }` becomes
// `test('name', async ({ t }) => { ... });`, `name.timeout = N;` becomes `test.setTimeout(N);` as
// the test's first line, and a file's own ready/settle/click helpers give way to the ones below.
//
// Each test gets a blank page (1280x800, devicePixelRatio 1: a worker's tab, reset between tests;
// see ReusedTab) and the fixture `t`:
//   t.page, t.context, t.browser   Playwright objects (the page is not navigated yet)
//   t.baseUrl                      e.g. "http://127.0.0.1:40123" (no trailing slash)
//   t.url(path = '/')              absolute URL on the served site
//   t.open(path = '/')             page.goto(url(path)), waits for 'load', returns the response
//   t.state(page = t.page)         window.explorer.state() (null before the app is there)
//   t.waitReady(ms = 30000, page)  waits until state().ready, returns the state; a timeout names
//                                  the last state and the console errors
//   t.waitFor(fn, ms, what)        polls a (sync or async) predicate until truthy, returns it
//   t.screenshot(name, page)       writes build/e2e/<name>.png, returns the path
//   t.consoleErrors                console.error messages, page errors and failed requests
//   t.assertNoConsoleErrors()
//   t.assert                       node:assert/strict
//   t.newContext(options)          another context (1280x800 unless told), closed after the test
//   t.launchPersistent(options)    a persistent context in a fresh profile (service workers and
//                                  installability need one), closed and removed after the test
//   t.watch(page)                  collect another page's console errors into t.consoleErrors
//   t.chromiumArgs, t.executablePath, t.outDir (build/e2e), t.log(...)
// With RX_E2E_CPU=1 each test's CPU seconds (browser processes by type) go into the JSON report
// (cpu.mjs).
//
// Helpers below, by what they wait for:
//   ready(t, path)      open, ready, no content errors, input settled; returns the state
//   settle(t)           after an input: a couple of frames drawn and scrolling stopped
//   framesQuiet(t, ms)  the frame counter stood still for ms (the loop went idle); returns it
//   until(t, pred, what) state once scrolling stopped and pred(state) holds (10 s)
// Cards: allCards, card, control, clickInCardArea, clickControl, press, clickCardAreaMargin.
// Matrix: matrixState, waitMatrix, clickMatrixControl, typeIntoMatrixField,
// clickCanvasRect, openMatrixByTab.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test as base, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, EXECUTABLE_PATH } from './chromium.mjs';
import { cpuSince, treeCpu } from './cpu.mjs';
import { canvasOrigin, focusCanvas } from '../bench/matrix_typing.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(path.resolve(process.env.RX_BUILD_DIR || path.join(ROOT, 'build')), 'e2e');
const VIEWPORT = { width: 1280, height: 800 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// t.waitFor polls soon at first (most conditions hold a frame or two after the input), then less
// often, up to every POLL_MAX_MS, and once more at the deadline. A poll that costs much (state()
// of a 10,000-card document takes most of a second) waits as long as it took before the next
// one, up to a second, so the page keeps half the CPU for the work being waited for.
const POLL_FIRST_MS = 15;
const POLL_MAX_MS = 100;
const pollPause = (pause, pollMs) => Math.max(pause, Math.min(pollMs, 1000));
const safeName = (s) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');

function makeHarness({ browser, context, page, baseUrl, cleanups }) {
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
    baseUrl,
    outDir: OUT_DIR,
    chromiumArgs: CHROMIUM_ARGS,
    executablePath: EXECUTABLE_PATH,
    consoleErrors,
    assert,
    watch,
    log: (...args) => console.log('    ', ...args),
    url: (p = '/') => baseUrl + (p.startsWith('/') ? p : '/' + p),
    async open(p = '/') {
      return page.goto(t.url(p), { waitUntil: 'load' });
    },
    async state(onPage = page) {
      return onPage.evaluate(() =>
        window.explorer && typeof window.explorer.state === 'function' ? window.explorer.state() : null,
      );
    },
    async waitFor(predicate, timeoutMs = 30000, what = 'condition') {
      const deadline = Date.now() + timeoutMs;
      let lastError = null;
      let pause = POLL_FIRST_MS;
      for (;;) {
        const began = Date.now();
        try {
          const v = await predicate();
          if (v) return v;
        } catch (err) {
          lastError = err;
        }
        const left = deadline - Date.now();
        if (left <= 0) break;
        await sleep(Math.min(left, pollPause(pause, Date.now() - began)));
        pause = Math.min(POLL_MAX_MS, pause * 2);
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
      const file = path.join(OUT_DIR, `${safeName(name)}.png`);
      await onPage.screenshot({ path: file });
      return file;
    },
    assertNoConsoleErrors() {
      assert.deepEqual(consoleErrors, [], `console errors:\n  ${consoleErrors.join('\n  ')}`);
    },
    async newContext(options = {}) {
      const ctx = await browser.newContext({ viewport: VIEWPORT, ...options });
      cleanups.push(() => ctx.close());
      return ctx;
    },
    async launchPersistent(options = {}) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-e2e-profile-'));
      const ctx = await chromium.launchPersistentContext(dir, {
        executablePath: EXECUTABLE_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: VIEWPORT,
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

// Tests whose checks measure CPU time (idle CPU, frame CPU, a paste's handling time) carry this
// tag: `./build.sh test` runs them after the others, one at a time, so no other test's browser
// shares the two cores with them (scripts/test.sh). E.g. test('idleCpuIsNearZero', TIMING, ...).
export const TIMING = { tag: '@timing' };

export const test = base.extend({
  // One context and page per worker, handed from test to test (see ReusedTab below).
  reusedTab: [async ({ browser }, use, workerInfo) => {
    const tab = new ReusedTab(browser, workerInfo.project.use.baseURL);
    await use(tab);
    await tab.discard();
  }, { scope: 'worker' }],

  t: async ({ browser, reusedTab, baseURL }, use, testInfo) => {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const cleanups = [];
    const { context, page } = await reusedTab.take();
    const t = makeHarness({ browser, context, page, baseUrl: baseURL.replace(/\/+$/, ''), cleanups });
    const cpuBefore = process.env.RX_E2E_CPU ? treeCpu() : null; // cpu.mjs
    try {
      await use(t);
    } finally {
      if (cpuBefore) testInfo.annotations.push({ type: 'cpu', description: JSON.stringify(cpuSince(cpuBefore)) });
      const failed = testInfo.status !== testInfo.expectedStatus;
      if (failed && t.consoleErrors.length) {
        await testInfo.attach('console-errors.txt', { body: t.consoleErrors.join('\n'), contentType: 'text/plain' });
      }
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch {
          /* already closed */
        }
      }
      await reusedTab.giveBack({ failed });
    }
  },
});

// What a fresh context and page cost is mostly a new renderer process: its start, the wasm's
// compile and the WebGL context's creation (about 1.5 s of CPU on SwiftShader, against 0.1 s for
// loading the page again in the same tab). So a worker keeps one context and page and hands them
// from test to test, and each test still starts from a blank page: after a test the tab is left
// on about:blank and put back as a new one would be (the test's listeners, routes, CDP sessions,
// other pages, permissions, cookies, storage, service workers and their caches, viewport, held
// keys), so the next test's page loads its own document and app. What cannot be undone
// (init scripts, exposed functions, emulated media, offline, headers) and any failed test make
// the tab go, and the next test gets a fresh one.
class ReusedTab {
  constructor(browser, baseURL) {
    this.browser = browser;
    this.baseURL = baseURL;
    this.context = null;
    this.page = null;
  }

  async take() {
    if (!this.page || this.page.isClosed()) {
      await this.discard();
      this.context = await this.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, baseURL: this.baseURL });
      this.page = await this.context.newPage();
    }
    this.tainted = false;
    this.sessions = [];
    this.listenersBefore = [this.page, this.context].map((emitter) => [emitter, listenersOf(emitter)]);
    this.watchUndoable(this.context);
    this.watchUndoable(this.page);
    return { context: this.context, page: this.page };
  }

  // Marks the tab for discarding when the test calls what a reset cannot undo; keeps the CDP
  // sessions the test opens, to detach them.
  watchUndoable(target) {
    for (const name of UNDOABLE) {
      if (typeof target[name] !== 'function' || Object.hasOwn(target, name)) continue;
      const original = target[name];
      Object.defineProperty(target, name, {
        configurable: true,
        value: (...args) => {
          this.tainted = true;
          return original.apply(target, args);
        },
      });
    }
    if (target === this.context && !Object.hasOwn(target, 'newCDPSession')) {
      const original = target.newCDPSession;
      Object.defineProperty(target, 'newCDPSession', {
        configurable: true,
        value: async (...args) => {
          const session = await original.apply(target, args);
          this.sessions.push(session);
          return session;
        },
      });
    }
  }

  async giveBack({ failed }) {
    if (FRESH_TABS || failed || this.tainted || !this.page || this.page.isClosed()) return this.discard();
    let timer;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('reset timed out')), 10_000); });
    try {
      await Promise.race([this.reset(), timeout]);
    } catch {
      await this.discard();
    } finally {
      clearTimeout(timer);
    }
  }

  async reset() {
    const { context, page } = this;
    for (const session of this.sessions) await session.detach().catch(() => {});
    for (const other of context.pages()) if (other !== page) await other.close();
    // Only the test's own listeners: Playwright keeps some of its own on these objects.
    for (const [emitter, before] of this.listenersBefore) removeListenersSince(emitter, before);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    // Leave the app first: its page can register no service worker after the clean-up.
    await page.goto('about:blank');
    for (const key of ['Shift', 'Control', 'Alt', 'Meta']) await page.keyboard.up(key);
    await page.mouse.up();
    // The tab's history cannot be cleared, and history.length stops at 50: a test counting its
    // own entries needs room, so a long history means a new tab.
    if ((await page.evaluate(() => history.length)) > MAX_HISTORY) throw new Error('history is long');
    await context.clearPermissions();
    await context.clearCookies();
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('Storage.clearDataForOrigin', {
        origin: new URL(this.baseURL).origin,
        storageTypes: 'local_storage,indexeddb,service_workers,cache_storage,cookies',
      });
    } finally {
      await cdp.detach();
    }
    const size = page.viewportSize();
    if (!size || size.width !== VIEWPORT.width || size.height !== VIEWPORT.height) await page.setViewportSize(VIEWPORT);
  }

  async discard() {
    const context = this.context;
    this.context = null;
    this.page = null;
    if (context) await context.close().catch(() => {});
  }
}

const MAX_HISTORY = 25;
// RX_E2E_FRESH_TABS=1: a new context and page for every test, as before (to compare, or to rule
// the reuse out when a test fails).
const FRESH_TABS = !!process.env.RX_E2E_FRESH_TABS;

const listenersOf = (emitter) => new Map(emitter.eventNames().map((e) => [e, new Set(emitter.rawListeners(e))]));

function removeListenersSince(emitter, before) {
  for (const event of emitter.eventNames()) {
    for (const listener of emitter.rawListeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener);
    }
  }
}

// Page and context methods whose effect outlives what ReusedTab.reset() can put back.
const UNDOABLE = ['addInitScript', 'exposeFunction', 'exposeBinding', 'emulateMedia', 'setOffline',
  'setExtraHTTPHeaders', 'setGeolocation', 'setHTTPCredentials', 'routeFromHAR', 'routeWebSocket',
  'setDefaultTimeout', 'setDefaultNavigationTimeout'];

// --- waiting ------------------------------------------------------------------------------------

// After an input: the app handles it in its next frames (ImGui trickles a press and a release
// over two frames, and the settle frames follow), so wait for three of the page's animation
// frames, then until the app has applied all of it (state().inputPending) and any scroll motion
// stopped. The app draws inside those animation frames, so the wait stretches with slow software
// WebGL frames instead of guessing a time. Returns the state.
export async function settle(t) {
  await animationFrames(t.page, 3);
  return waitScrollStill(t);
}

// Resolves after `count` animation frames of `page` (or after 2 s, should the page not be drawing).
function animationFrames(page, count) {
  return page.evaluate((n) => new Promise((resolve) => {
    setTimeout(resolve, 2000);
    const tick = () => (--n <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), count);
}

// Until the input sent so far has been applied and scrolling stopped (no fixed wait first).
// Returns the state.
export async function waitScrollStill(t) {
  return t.waitFor(async () => {
    const s = await t.state();
    return s.scroll && !s.scroll.moving && !s.inputPending ? s : null;
  }, 10000, 'the input applied and scrolling stopped');
}

// Opens `path`, waits for ready, checks there are no content errors, lets the first frames settle.
export async function ready(t, path = '/') {
  await t.open(path);
  const s = await t.waitReady(30000);
  t.assert.deepEqual(s.errors || [], [], 'no content errors');
  await settle(t);
  return t.state();
}

// Opens '/' on `page`: the response is OK, the app ready without content errors and a frame drawn.
export async function openAndDraw(t, page = t.page) {
  const response = await page.goto(t.url('/'), { waitUntil: 'load' });
  t.assert.ok(response && response.ok(), `GET / answered ${response && response.status()}`);
  const s = await t.waitReady(30000, page);
  t.assert.deepEqual(s.errors || [], [], 'state().errors');
  await t.waitFor(async () => ((await t.state(page)).frames || 0) > 0, 10000, 'a drawn frame');
  return s;
}

export const frames = async (t) => (await t.state()).frames;

// Waits until the frame counter stood still for quietMs (the settle frames after load or input
// are over and the loop is idle). Returns the frame count.
export async function framesQuiet(t, quietMs = 600) {
  let last = await frames(t);
  let since = Date.now();
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    await t.page.waitForTimeout(150);
    const now = await frames(t);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return now;
    }
  }
  throw new Error(`frames never settled (still moving at ${last})`);
}

// Waits (up to 10 s: software WebGL frames on a busy machine can be slow) until scrolling stopped
// and pred(state). A timeout names what the state last showed, so a failure says where it went.
// Polls state() of `page` until `pred(state)` holds; returns that state. On timeout the error
// names `what` and, through `describe(lastState)`, what the state still was.
export async function untilState(t, pred, what, { page = t.page, ms = 10000, describe } = {}) {
  let last = null;
  try {
    return await t.waitFor(async () => {
      last = await t.state(page);
      return last && pred(last) ? last : null;
    }, ms, what);
  } catch (err) {
    if (last && describe) err.message += ` (last: ${describe(last)})`;
    throw err;
  }
}

export async function until(t, pred, what) {
  let last = null;
  try {
    return await t.waitFor(async () => {
      const s = (last = await t.state());
      return s && s.scroll && !s.scroll.moving && pred(s) ? s : null;
    }, 10000, what);
  } catch (err) {
    if (last) {
      const { focus, openCard, view, frames: f } = last;
      err.message += ` (last state: ${JSON.stringify({ focus, openCard, view, frames: f, scroll: last.scroll })})`;
    }
    throw err;
  }
}

// --- cards view: state reads and input -----------------------------------------------------------

export const allCards = (s) => s.sections.flatMap((sec) => sec.cards);
export const card = (s, id) => allCards(s).find((c) => c.id === id);
export const control = (s, id) => (s.controls || []).find((c) => c.id === id);

// Centre of the part of `rect` inside the card area (cards may be cut by the scroll area).
function visibleCentre(s, rect) {
  const [ax, ay, aw, ah] = s.cardArea;
  const x0 = Math.max(rect[0], ax), y0 = Math.max(rect[1], ay);
  const x1 = Math.min(rect[0] + rect[2], ax + aw), y1 = Math.min(rect[1] + rect[3], ay + ah);
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

// Clicks the visible part of a card's rect; returns the settled state.
export async function clickInCardArea(t, s, rect) {
  const [x, y] = visibleCentre(s, rect);
  await t.page.mouse.click(x, y);
  return settle(t);
}

// Clicks a control from state().controls (its rect is already the clickable, clipped part).
export async function clickControl(t, c) {
  await t.page.mouse.click(c.rect[0] + c.rect[2] / 2, c.rect[1] + c.rect[3] / 2);
  return settle(t);
}

export async function press(t, key) {
  await t.page.keyboard.press(key);
  return settle(t);
}

// A click on the card area's empty margin: gives the canvas keyboard focus, closes nothing
// important (an open card closes).
export async function clickCardAreaMargin(t, s) {
  const [ax, ay, aw] = s.cardArea;
  await t.page.mouse.click(ax + aw - 20, ay + 4);
  return settle(t);
}

// --- matrix view ----------------------------------------------------------------------------------

// Clicks the centre of a rect in canvas CSS pixels ([x, y, w, h], as state() reports them).
export async function clickCanvasRect(t, rect, what) {
  t.assert.ok(Array.isArray(rect), `no rect on screen for ${what}`);
  const o = await canvasOrigin(t.page);
  await t.page.mouse.click(o.x + rect[0] + rect[2] / 2, o.y + rect[1] + rect[3] / 2);
}

export async function matrixState(t) {
  return (await t.state()).matrix;
}

// Waits until the matrix is built (not pending), the input sent so far is applied
// (state().inputPending: its controls are where the last frame drew them) and pred(matrix, state);
// returns the matrix.
export async function waitMatrix(t, pred, what, timeout = 8000) {
  return t.waitFor(
    async () => {
      const s = await t.state();
      return s && s.matrix && !s.matrix.pending && !s.inputPending && pred(s.matrix, s) ? s.matrix : null;
    },
    timeout,
    what,
  );
}

async function matrixControl(t, name) {
  const m = await waitMatrix(t, (m) => m.controls && m.controls[name], `matrix control ${name}`);
  return m.controls[name];
}

export async function clickMatrixControl(t, name) {
  await clickCanvasRect(t, await matrixControl(t, name), name);
}

// Clicks a matrix text field, then types. A click on the canvas does not focus it yet (SDL's
// mouse handler prevents the default focus change), so keys would go nowhere: focusCanvas() notes
// that and focuses it like a Tab would, until the page focuses the canvas on pointerdown.
export async function typeIntoMatrixField(t, name, text) {
  await clickMatrixControl(t, name);
  if (await focusCanvas(t.page)) t.log('note: clicking the canvas did not focus it (page bug); focused it');
  await t.page.keyboard.type(text, { delay: 40 });
}

// Switches to the matrix by clicking the top-bar tab. App exposes the tab rects as
// state().tabs.matrix when it can; otherwise the tab is found by clicking along the top bar's first
// line (left half only: the theme and link buttons sit on the right) until the view changes.
export async function openMatrixByTab(t, pathAndHash = '/') {
  await t.open(pathAndHash);
  const s = await t.waitReady(30000);
  t.assert.equal(s.view, 'cards');
  const tabRect = s.tabs && s.tabs.matrix;
  if (tabRect) {
    await clickCanvasRect(t, tabRect, 'matrix tab');
  } else {
    const o = await canvasOrigin(t.page);
    const width = await t.page.evaluate(() => innerWidth);
    let found = false;
    for (let x = 150; x < width * 0.6 && !found; x += 24) {
      await t.page.mouse.click(o.x + x, o.y + 27);
      await t.page.waitForTimeout(120);
      found = (await t.state()).view === 'matrix';
    }
    t.assert.ok(found, 'could not find the "Adopters × domains" tab in the top bar');
  }
  await waitMatrix(t, (m, st) => st.view === 'matrix' && m.rows.length > 0, 'the matrix view');
  await animationFrames(t.page, 3);
  return matrixState(t);
}

let axeSource = null;

// axe-core's violations on `page` as one line each: id (impact), help, the first three targets.
export async function axeViolations(page) {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  });
}
