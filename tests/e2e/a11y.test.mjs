// The static rendition is the first paint, the no-JS / no-WebGL2 fallback, the print
// version and the accessible mirror of the canvas. Fixtures: tests/e2e/fixtures.mjs.
import { test, axeViolations } from './fixtures.mjs';


// What the page must show, taken from the served content (not from the rendition itself).
async function expectedNames(t) {
  const get = async (p) => {
    const r = await fetch(t.url(p));
    if (!r.ok) throw new Error(`GET ${p}: ${r.status}`);
    return r;
  };
  const index = await (await get('/content/index.json')).json();
  const md = await (await get('/content/' + encodeURIComponent(index.document))).text();
  const plain = (s) => s.replace(/\*\*|__|`/g, '').replace(/:\s*$/, '').trim();
  const sections = [...md.matchAll(/^###\s+(.+)$/gm)].map((m) => plain(m[1]));
  // Entries: "1. **Title**: ..." or "- **Title**: ..." at the start of a line.
  const items = [...md.matchAll(/^(?:\d+\.|[-*])\s+\*\*(.+?)\*\*/gm)].map((m) => plain(m[1]));
  let adopters = [];
  if (index.adopters) {
    const data = await (await get('/content/' + encodeURIComponent(index.adopters))).json();
    adopters = (data.adopters || []).map((a) => a.name);
  }
  return { sections, items, adopters };
}

const squash = (s) => s.replace(/\s+/g, ' ').replace(/[’']/g, "'");

async function assertShowsEverything(t, page) {
  const names = await expectedNames(t);
  t.assert.ok(names.sections.length >= 3, 'the document has sections');
  t.assert.ok(names.items.length >= 10, 'the document has items');
  // innerText only holds what is rendered (not display:none / visibility:hidden, nor a
  // content-visibility:auto section that is off screen): each section is read once scrolled to,
  // as a reader would see it.
  // (rAF never runs with JavaScript off, so the wait is a short poll.)
  const count = await page.evaluate(() => document.querySelectorAll('#doc > section').length);
  const parts = [await page.evaluate(() => document.body.innerText)];
  for (let i = 0; i < count; i++) {
    const sel = `#doc > section:nth-of-type(${i + 1})`;
    await page.evaluate((s) => document.querySelector(s).scrollIntoView(), sel);
    let part = '';
    for (let tries = 0; tries < 40 && !part.trim(); tries++) {
      await page.waitForTimeout(50);
      part = await page.evaluate((s) => document.querySelector(s).innerText, sel);
    }
    parts.push(part);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const text = squash(parts.join('\n'));
  const missing = [];
  for (const kind of ['sections', 'items', 'adopters']) {
    for (const name of names[kind]) if (!text.includes(squash(name))) missing.push(`${kind}: ${name}`);
  }
  t.assert.deepEqual(missing, [], 'every section title, item title and adopter is on screen');
  // It is visible, not just present: the main landmark has a real size.
  const box = await page.locator('#doc').boundingBox();
  t.assert.ok(box && box.width > 300 && box.height > 1000, `#doc is laid out (${JSON.stringify(box)})`);
}

test('noJavaScriptShowsTheWholeDocument', async ({ t }) => {
  const context = await t.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const response = await page.goto(t.url('/'), { waitUntil: 'load' });
  t.assert.ok(response && response.ok());
  await assertShowsEverything(t, page);
  t.assert.match(await page.locator('noscript').first().innerHTML(), /JavaScript/);
  await page.screenshot({ path: `${t.outDir}/a11y-no-js.png` });
});

test('noWebGL2ShowsTheDocumentAndANote', async ({ t }) => {
  await t.context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await t.open('/');
  const note = t.page.locator('#status');
  await t.waitFor(async () => /WebGL2/.test((await note.textContent()) || ''), 10000, 'the WebGL2 note');
  t.assert.ok(await note.isVisible(), '#status is visible');
  await assertShowsEverything(t, t.page);
  // The note is readable: inside the viewport and not covering the document's first heading.
  const noteBox = await note.boundingBox();
  const h1Box = await t.page.locator('#doc h1').boundingBox();
  t.assert.ok(noteBox.y >= 0 && noteBox.y + noteBox.height <= 800, 'the note is on screen');
  t.assert.ok(noteBox.y + noteBox.height <= h1Box.y || noteBox.y >= h1Box.y + h1Box.height,
    'the note does not cover the title');
  t.assert.equal(await t.page.evaluate(() => document.documentElement.classList.contains('ready')), false);
  await t.screenshot('a11y-no-webgl2');
});

test('axeFindsNoViolationsBeforeTheCanvas', async ({ t }) => {
  // The page's scripts (bundled into page.js) never run: the page as it paints first (and as
  // it stays without the canvas).
  await t.page.route('**/page.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  await t.open('/');
  t.assert.equal(await t.page.evaluate(() => typeof window.explorer), 'undefined', 'the page scripts did not run');
  const violations = await axeViolations(t.page);
  t.assert.deepEqual(violations, [], 'axe violations on the first paint');
});

test('axeFindsNoViolationsWithTheCanvas', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/');
  await t.waitReady(30000);
  await t.waitFor(() => t.page.evaluate(() => document.documentElement.classList.contains('ready')),
    10000, 'html.ready');
  const violations = await axeViolations(t.page);
  t.assert.deepEqual(violations, [], 'axe violations with the canvas on top');
});

test('mirrorStaysHiddenButExposedAndInSync', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/');
  await t.waitReady(30000);
  await t.waitFor(() => t.page.evaluate(() => document.documentElement.classList.contains('ready')),
    10000, 'html.ready');
  const canvas = t.page.locator('#canvas');
  t.assert.equal(await canvas.getAttribute('role'), 'application');
  t.assert.ok(((await canvas.getAttribute('aria-label')) || '').length > 5, 'canvas has an aria-label');
  // Visually hidden, but still in the accessibility tree with its headings.
  const box = await t.page.locator('#doc').boundingBox();
  t.assert.ok(!box || (box.width <= 1 && box.height <= 1), `#doc is visually hidden (${JSON.stringify(box)})`);
  const snapshot = await t.page.locator('#doc').ariaSnapshot();
  t.assert.match(snapshot, /heading ".+" \[level=2\]/, 'level-2 headings are exposed');
  t.assert.match(snapshot, /table/, 'the matrix table is exposed');

  // Open a card in the canvas: its article in the mirror becomes aria-current.
  const state = await t.state();
  const card = state.sections[1].cards[0].id;
  await t.page.evaluate((c) => window.explorer.navigate('#card=' + c), card);
  await t.waitFor(() => t.page.evaluate(
    (id) => document.getElementById('card=' + id)?.closest('article')?.getAttribute('aria-current') === 'true', card),
  10000, `aria-current on the article of #card=${card}`);
  t.assert.equal(await t.page.locator('#doc [aria-current]').count(), 1, 'exactly one current element');

  // A view change is announced in the live region.
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix'));
  await t.waitFor(async () => ((await t.page.locator('#live').textContent()) || '').trim().length > 0,
    10000, 'an announcement in #live');
  t.assert.equal(await t.page.locator('#live').getAttribute('aria-live'), 'polite');
  t.assertNoConsoleErrors();
});

test('printShowsTheRenditionNotTheCanvas', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/');
  await t.waitReady(30000);
  await t.page.emulateMedia({ media: 'print' });
  t.assert.equal(await t.page.locator('#canvas').isVisible(), false, 'canvas hidden in print');
  // The shown view prints (web/print.js fills #print; at the start: every section).
  const box = await t.page.locator('#print').boundingBox();
  t.assert.ok(box && box.width > 300 && box.height > 1000, `#print printed (${JSON.stringify(box)})`);
  t.assert.equal(await t.page.locator('#doc').isVisible(), false, 'the whole document is not printed twice');
  // "Print the whole document": the static rendition.
  await t.page.evaluate(() => window.rxPrint.prepare(true));
  const whole = await t.page.locator('#doc').boundingBox();
  t.assert.ok(whole && whole.width > 300 && whole.height > 1000, `#doc printed (${JSON.stringify(whole)})`);
  t.assert.equal(await t.page.locator('#print').isVisible(), false, 'only the whole document');
  await t.page.emulateMedia({ media: 'screen' });
});

// The app's start-up work (content, fonts, then the GL context) begins only once the rendition's
// first paint is on screen (CPU or GPU work in that window holds the page's first frame back),
// or after boot.js's cap when no paint is ever reported.
test('canvasWaitsForTheFirstPaint', async ({ t }) => {
  test.setTimeout(90000);
  await t.context.addInitScript(() => {
    const log = (window.__startLog = []);
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (kind === 'webgl2') {
        log.push({ kind: 'context', at: performance.now(),
          painted: performance.getEntriesByName('first-contentful-paint').length > 0,
          prepared: performance.getEntriesByName('rx:prepare').length > 0 });
      }
      return original.call(this, kind, ...rest);
    };
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'rx:prepare') {
        log.push({ kind: 'prepare', painted: performance.getEntriesByName('first-contentful-paint').length > 0 });
      }
      return mark(name, ...rest);
    };
  });
  await t.open('/');
  await t.waitReady(30000);
  const log = await t.page.evaluate(() => window.__startLog);
  t.assert.deepEqual(log.map((e) => e.kind), ['prepare', 'context'], 'content and fonts first, then one WebGL2 context');
  t.assert.ok(log.every((e) => e.painted), `the first paint came before any app work (${JSON.stringify(log)})`);
});

test('canvasStartsAnywayWhenNoPaintIsReported', async ({ t }) => {
  test.setTimeout(90000);
  // A browser that never reports the paint: the wait is capped, the canvas still comes.
  await t.context.addInitScript(() => {
    const Original = window.PerformanceObserver;
    window.PerformanceObserver = class extends Original {
      constructor(callback) {
        super((list, observer) => {
          const entries = list.getEntries().filter((e) => e.entryType !== 'paint');
          if (entries.length) callback({ getEntries: () => entries }, observer);
        });
      }
    };
    const byName = performance.getEntriesByName.bind(performance);
    performance.getEntriesByName = (name, type) => (name === 'first-contentful-paint' ? [] : byName(name, type));
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (kind === 'webgl2') window.__contextAt = performance.now();
      return original.call(this, kind, ...rest);
    };
  });
  await t.open('/');
  await t.waitReady(30000);
  const r = await t.page.evaluate(() => ({
    contextAt: window.__contextAt,
    scriptIn: performance.getEntriesByType('resource').find((e) => /\/page\.js$/.test(e.name)).responseEnd,
    ready: document.documentElement.classList.contains('ready'),
  }));
  t.assert.equal(r.ready, true, 'the canvas is up');
  // boot.js caps the wait at 800 ms from its start, which is after page.js arrived (async script).
  t.assert.ok(r.contextAt - r.scriptIn >= 780, `the context waited for the cap (${JSON.stringify(r)})`);
});

// "Loading the explorer…" appears only when loading is slow, and goes when the canvas is up.
test('loadingNoteOnlyWhenSlow', async ({ t }) => {
  test.setTimeout(90000);
  await t.page.route('**/explorer.wasm', async (route) => {
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 2500));
    await route.fulfill({ response });
  });
  await t.open('/');
  const status = t.page.locator('#status');
  await t.waitFor(async () => /Loading the explorer/.test((await status.textContent()) || ''), 10000,
    'the loading note on a slow load');
  await t.waitReady(30000);
  await t.waitFor(async () => ((await status.textContent()) || '').trim() === '', 10000,
    'the note gone once the canvas is up');
});
