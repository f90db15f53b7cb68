// Foundation in a real browser: the page loads clean, state() lists the document's
// sections and entries (derived here from the served Markdown, independently of the C++ parser),
// every content character has a glyph, the cards relayout on resize, the canvas is sized for
// devicePixelRatio 1, 2 and 3, and the page says what is wrong instead of showing a blank canvas.
// Fixtures: tests/e2e/fixtures.mjs.
import fs from 'node:fs';
import { test, openAndDraw, allCards } from './fixtures.mjs';

// Titles straight from the Markdown, by the rules of content/README.md: sections are the `###`
// headings outside lists (`**` and a trailing ':' dropped); entries are the top-level numbered
// or bulleted items of a section, titled by their leading bold text (trailing ':' dropped).
function expectedOutline(markdown) {
  const clean = (s) =>
    s
      .replace(/\*\*/g, '')
      .trim()
      .replace(/:$/, '')
      .trim();
  const sections = [];
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^ {0,3}###\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      sections.push({ title: clean(heading[1]), items: [] });
      continue;
    }
    // Top-level entry: the marker starts the line (nested bullets are indented).
    const entry = /^(?:\d+[.)]|[-*+])\s+\*\*(.+?)\*\*/.exec(line);
    if (entry && sections.length) sections[sections.length - 1].items.push(clean(entry[1]));
  }
  return sections;
}

async function fetchText(t, path) {
  const response = await fetch(t.url(path));
  t.assert.ok(response.ok, `GET ${path} answered ${response.status}`);
  return response.text();
}

async function servedOutline(t) {
  const index = JSON.parse(await fetchText(t, '/content/index.json'));
  t.assert.equal(typeof index.document, 'string', 'content/index.json names the document');
  const markdown = await fetchText(t, `/content/${encodeURIComponent(index.document)}`);
  const outline = expectedOutline(markdown);
  t.assert.ok(outline.length > 0, `no ### sections found in ${index.document}`);
  t.assert.ok(
    outline.every((s) => s.items.length > 0),
    `a section without entries in ${index.document}: ${JSON.stringify(outline)}`,
  );
  return outline;
}

const visibleRects = (s) =>
  allCards(s).filter((c) => c.visible && Array.isArray(c.rect));

function overlapArea(a, b) {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

// Every visible card lies within the page width and no two visible cards overlap.
function checkCardsFit(t, s, width, label) {
  const cards = visibleRects(s);
  t.assert.ok(cards.length > 0, `${label}: no visible card`);
  for (const c of cards) {
    const [x, , w] = c.rect;
    t.assert.ok(w > 0, `${label}: ${c.id} has width ${w}`);
    t.assert.ok(x >= -0.5 && x + w <= width + 0.5, `${label}: ${c.id} [${c.rect}] leaves 0..${width}`);
  }
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const area = overlapArea(cards[i].rect, cards[j].rect);
      t.assert.ok(
        area < 1,
        `${label}: ${cards[i].id} [${cards[i].rect}] overlaps ${cards[j].id} [${cards[j].rect}]`,
      );
    }
  }
  return cards;
}

const columnsOf = (cards) => new Set(cards.map((c) => Math.round(c.rect[0]))).size;

test('loadsWithoutConsoleErrors', async ({ t }) => {
  const s = await openAndDraw(t);
  t.assert.equal(s.ready, true);
  t.assert.equal(typeof s.version, 'string', 'state().version');
  t.assert.equal(typeof s.view, 'string', 'state().view');
  await t.page.waitForTimeout(500);
  t.assertNoConsoleErrors();
});

test('stateListsEverySectionAndEntry', async ({ t }) => {
  const outline = await servedOutline(t);
  const s = await openAndDraw(t);
  t.assert.ok(Array.isArray(s.sections), 'state().sections is a list');
  t.assert.deepEqual(
    s.sections.map((sec) => sec.title),
    outline.map((sec) => sec.title),
    'section titles',
  );
  for (let i = 0; i < outline.length; i++) {
    t.assert.deepEqual(
      s.sections[i].cards.map((c) => c.title),
      outline[i].items,
      `entry titles of "${outline[i].title}"`,
    );
    const ids = s.sections[i].cards.map((c) => c.id);
    t.assert.equal(new Set(ids).size, ids.length, `card ids of "${outline[i].title}" are unique`);
  }
  t.log(`${outline.length} sections, ${outline.reduce((n, sec) => n + sec.items.length, 0)} entries`);
});

test('noMissingGlyphs', async ({ t }) => {
  const s = await openAndDraw(t);
  t.assert.equal(typeof s.missingGlyphs, 'number', 'state().missingGlyphs is a number');
  t.assert.equal(s.missingGlyphs, 0, 'content characters without a glyph');
});

test('screenshotUnderBuildTree', async ({ t }) => {
  await openAndDraw(t);
  await t.page.waitForTimeout(500);
  const file = await t.screenshot('foundation-cards-1280x800');
  const bytes = fs.readFileSync(file);
  t.assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  t.assert.equal(bytes.readUInt32BE(16), 1280, 'screenshot width');
  t.assert.equal(bytes.readUInt32BE(20), 800, 'screenshot height');
  // A blank page compresses to almost nothing; drawn cards with text do not.
  t.assert.ok(bytes.length > 20000, `${file} is only ${bytes.length} bytes: a blank canvas?`);
});

test('resizeRelayoutsTheCards', async ({ t }) => {
  test.setTimeout(90000);
  const wide = await openAndDraw(t);
  const wideCards = checkCardsFit(t, wide, 1280, '1280x800');
  const wideById = new Map(wideCards.map((c) => [c.id, c.rect]));
  const wideColumns = columnsOf(wideCards);
  let previousColumns = wideColumns;
  for (const [width, height] of [
    [700, 900],
    [360, 740],
  ]) {
    const label = `${width}x${height}`;
    await t.page.setViewportSize({ width, height });
    // Relayout happens on the next frames: wait until every visible card fits the new width.
    const s = await t.waitFor(
      async () => {
        const st = await t.state();
        const cards = visibleRects(st);
        return cards.length && cards.every((c) => c.rect[0] + c.rect[2] <= width + 0.5) ? st : null;
      },
      15000,
      `cards to fit ${label}`,
    );
    await t.page.waitForTimeout(300);
    const settled = await t.state();
    const cards = checkCardsFit(t, settled, width, label);
    const canvasWidth = await t.page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().width);
    t.assert.ok(Math.abs(canvasWidth - width) <= 1, `${label}: canvas is ${canvasWidth} CSS px wide`);
    const moved = cards.filter((c) => {
      const before = wideById.get(c.id);
      return before && (before[0] !== c.rect[0] || before[2] !== c.rect[2]);
    });
    t.assert.ok(moved.length > 0, `${label}: no card changed its x or width`);
    const columns = columnsOf(cards);
    t.assert.ok(columns <= previousColumns, `${label}: ${columns} columns after ${previousColumns}`);
    if (s.layout && typeof s.layout.columns === 'number') t.log(`${label}: ${s.layout.columns} columns`);
    previousColumns = columns;
    await t.screenshot(`foundation-cards-${label}`);
  }
  t.assert.ok(wideColumns > 1, `1280 px wide shows ${wideColumns} column(s)`);
  t.assert.equal(previousColumns, 1, 'a 360 px phone shows one column');
  t.assertNoConsoleErrors();
});

test('canvasSizedForDevicePixelRatio', async ({ t }) => {
  test.setTimeout(120000);
  for (const dpr of [1, 2, 3]) {
    const context = await t.newContext({ viewport: { width: 900, height: 640 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    t.watch(page);
    const s = await openAndDraw(t, page);
    t.assert.equal(s.dpr, dpr, `state().dpr at deviceScaleFactor ${dpr}`);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, ratio: devicePixelRatio };
    });
    t.assert.equal(size.ratio, dpr, 'window.devicePixelRatio');
    t.assert.ok(size.cssWidth > 0 && size.cssHeight > 0, `canvas CSS size ${size.cssWidth}x${size.cssHeight}`);
    t.assert.equal(size.width, Math.round(size.cssWidth * dpr), `backing store width at dpr ${dpr}`);
    t.assert.equal(size.height, Math.round(size.cssHeight * dpr), `backing store height at dpr ${dpr}`);
    if (dpr === 2) {
      await page.waitForTimeout(500);
      const file = await t.screenshot('foundation-dpr2', page);
      const png = fs.readFileSync(file);
      t.assert.equal(png.readUInt32BE(16), 900 * 2, 'dpr 2 screenshot has device pixels');
    }
    await context.close();
  }
  t.assertNoConsoleErrors();
});

// The page must explain itself and show the document instead of a blank canvas.
async function expectMessageAndDocument(t, pattern, label) {
  const status = t.page.locator('#status');
  await status.waitFor({ state: 'visible', timeout: 20000 });
  const message = (await status.textContent()).trim();
  t.assert.match(message, pattern, `${label}: #status says why`);
  t.assert.ok(await t.page.locator('#doc').isVisible(), `${label}: the document rendition #doc is visible`);
  const outline = await servedOutline(t);
  const docText = await t.page.locator('#doc').innerText();
  for (const sec of outline) {
    t.assert.ok(docText.includes(sec.title), `${label}: #doc shows the section "${sec.title}"`);
  }
  const s = await t.state();
  t.assert.ok(s && s.ready === false, `${label}: state().ready is false`);
  await t.screenshot(`foundation-${label}`);
}

test('messageWhenContentCannotLoad', async ({ t }) => {
  await t.page.route('**/content/index.json', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
  );
  await t.open('/');
  await expectMessageAndDocument(t, /could not load its content.*404/i, 'no-content');
});

// The page's head names the content files so that they download together with
// content/index.json, but the index decides: one that names another document (a deploy that
// swapped the content) gets that document, with its own sections, and no errors.
test('contentIndexDecidesOverThePageHint', async ({ t }) => {
  const markdown = fs.readFileSync(new URL('../fixtures/second-doc/go-overview.md', import.meta.url), 'utf8');
  const requested = [];
  t.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await t.page.route('**/content/index.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ document: 'swapped.md' }) }));
  await t.page.route('**/content/swapped.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }));
  await t.open('/');
  const s = await t.waitReady(30000);
  const hint = await t.page.evaluate(() => document.querySelector('meta[name="explorer-content"]').getAttribute('content'));
  t.assert.ok(JSON.parse(hint).includes('rust-overview.md'), `the head names the built content: ${hint}`);
  t.assert.ok(requested.includes('/content/swapped.md'), 'the document the index names was fetched');
  const titles = s.sections.map((x) => x.title);
  t.assert.deepEqual(titles, expectedOutline(markdown).map((x) => x.title), 'the sections are the swapped document\'s');
  t.assert.deepEqual(s.errors || [], [], 'no content errors');
  t.assertNoConsoleErrors();
});

test('messageWithoutWebGL2', async ({ t }) => {
  await t.page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await t.open('/');
  await expectMessageAndDocument(t, /WebGL2/, 'no-webgl2');
  t.assertNoConsoleErrors();
});
