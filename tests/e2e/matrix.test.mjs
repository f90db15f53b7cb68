// The adopter × domain matrix driven with real input: mouse clicks on the canvas at the
// rects state().matrix reports, real typing, downloads and the clipboard.
// Fixtures: tests/e2e/fixtures.mjs.
// The 10,000 x 100 typing measurement lives in tests/bench/matrix_typing.mjs (the bench reuses it).
import fs from 'node:fs';
import { generateAdopters, measureMatrixTypingFrameCpu, canvasOrigin } from '../bench/matrix_typing.mjs';
import {
  test, TIMING, matrixState, waitMatrix, clickMatrixControl, typeIntoMatrixField, clickCanvasRect,
  openMatrixByTab,
} from './fixtures.mjs';

// --- helpers ---------------------------------------------------------------------------------------

// The table as state() describes it, in the shape toCsv/toTsv write: header, then one line per row.
function expectedTable(m) {
  const strength = new Map(m.cells.map((c) => [`${c.row}\u0000${c.col}`, c.strength]));
  const header = [m.rowAxis === 'domain' ? 'Domain' : 'Adopter', ...m.cols.map((c) => c.label)];
  const rows = m.rows.map((r) => [r.label, ...m.cols.map((c) => strength.get(`${r.id}\u0000${c.id}`) || '')]);
  return [header, ...rows];
}

function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// --- tests -----------------------------------------------------------------------------------------

test('matrixFilterPivotDetailAndJump', async ({ t }) => {
  test.setTimeout(90000);
  let m = await openMatrixByTab(t);
  t.assert.equal(m.counts.totalAdopters, 9);
  t.assert.equal(m.cols.length, m.counts.totalDomains);
  t.assert.ok(m.rows.every((r) => r.visible && r.rect), 'all nine adopters on screen at 1280x800');
  t.assert.deepEqual(m.emptyDomains.sort(), ['embedded', 'games']);
  for (const id of m.emptyDomains) t.assert.equal(m.cols.find((c) => c.id === id).total, 0);
  // Totals agree with the cells.
  for (const r of m.rows) t.assert.equal(r.total, m.cells.filter((c) => c.row === r.id).length);
  t.assert.ok(m.cells.some((c) => c.mark === 'filled') && m.cells.some((c) => c.mark === 'outlined'));
  await t.screenshot('matrix-1-initial');

  // Type a filter.
  await typeIntoMatrixField(t, 'text', 'servo');
  m = await waitMatrix(t, (m) => m.filters.text === 'servo' && m.rows.length === 1, 'text filter "servo"');
  t.assert.equal(m.rows[0].id, 'mozilla');
  t.assert.match(m.counts.text, /^1 of 9 adopters/);
  t.assert.ok(m.controls.clearText, 'the active text filter shows a clear chip');
  await t.screenshot('matrix-2-text-filter');
  await clickMatrixControl(t, 'clearText');
  m = await waitMatrix(t, (m) => m.filters.text === '' && m.rows.length === 9, 'text filter cleared');

  // Tick a domain chip.
  await clickMatrixControl(t, 'domain:web');
  m = await waitMatrix(t, (m) => m.filters.domains.length === 1, 'domain filter web');
  t.assert.deepEqual(m.cols.map((c) => c.id), ['web']);
  t.assert.ok(m.rows.length > 1 && m.rows.length < 9, `web rows: ${m.rows.length}`);
  t.assert.equal(m.counts.text, `${m.rows.length} of 9 adopters \u00b7 1 of 6 domains`);
  t.assert.match((await t.state()).url, /domains=web/);
  await t.screenshot('matrix-3-domain-web');

  // Pivot.
  await clickMatrixControl(t, 'pivot');
  m = await waitMatrix(t, (m) => m.pivot === true, 'pivot');
  t.assert.equal(m.rowAxis, 'domain');
  t.assert.deepEqual(m.rows.map((r) => r.id), ['web']);
  t.assert.ok(m.cols.length > 1);
  await t.screenshot('matrix-4-pivot');

  // Click a cell: the detail panel pins it.
  const cell = m.cells.find((c) => c.rect);
  await clickCanvasRect(t, cell.rect, `cell ${cell.row} x ${cell.col}`);
  m = await waitMatrix(t, (m) => m.selected && m.selected.panel, 'detail panel');
  t.assert.equal(m.selected.row, cell.row);
  t.assert.equal(m.selected.col, cell.col);
  t.assert.equal(m.selected.strength, cell.strength);
  t.assert.ok(m.selected.quotes.length > 0 && m.selected.quotes.every((q) => q.length > 10));
  t.assert.ok(m.selected.sourceCards.length > 0, 'the evidence names a source card');
  const url = (await t.state()).url;
  t.assert.match(url, new RegExp(`row=${cell.row}`));
  t.assert.match(url, new RegExp(`col=${cell.col}`));
  await t.screenshot('matrix-5-detail');

  // Jump to the source card.
  const card = m.selected.sourceCards[0];
  await clickMatrixControl(t, 'sourceCard:0');
  const s = await t.waitFor(
    async () => {
      const st = await t.state();
      return st.view === 'cards' && st.openCard === card ? st : null;
    },
    8000,
    `cards view with ${card} open`,
  );
  const shown = await t.waitFor(
    async () => {
      const st = await t.state();
      for (const sec of st.sections) for (const c of sec.cards) if (c.id === card && c.visible) return c;
      return null;
    },
    5000,
    `card ${card} scrolled into view`,
  );
  t.assert.ok(shown.rect[1] >= 0 && shown.rect[1] < 800, `card top ${shown.rect[1]} inside the viewport`);
  t.assert.equal(s.view, 'cards');
  await t.page.waitForTimeout(300);
  await t.screenshot('matrix-6-source-card');

  // Back returns to the matrix with the cell still pinned.
  await t.page.goBack();
  await waitMatrix(t, (m, st) => st.view === 'matrix' && m.selected && m.selected.row === cell.row, 'back to the pinned cell');
  t.assertNoConsoleErrors();
});

test('matrixExportCsvAndTsv', async ({ t }) => {
  test.setTimeout(90000);
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  let m = await openMatrixByTab(t);
  // Something non-trivial to export: stated only, sorted by name descending.
  await clickMatrixControl(t, 'inferred');
  m = await waitMatrix(t, (m) => m.filters.includeInferred === false, 'stated only');
  t.assert.ok(m.cells.length > 0 && m.cells.every((c) => c.strength === 'stated'));
  t.assert.ok(m.rows.length < 9, 'inferred-only adopters left the table');
  await clickMatrixControl(t, 'sortRowsName');
  m = await waitMatrix(t, (m) => m.sort.rows === 'name', 'rows by name');
  await clickMatrixControl(t, 'sortRowsName');
  m = await waitMatrix(t, (m) => m.sort.rows === '-name', 'rows by name, reversed');
  const labels = m.rows.map((r) => r.label);
  t.assert.deepEqual(labels, [...labels].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
  const expected = expectedTable(m);

  const [download] = await Promise.all([t.page.waitForEvent('download', { timeout: 8000 }), clickMatrixControl(t, 'csv')]);
  t.assert.match(download.suggestedFilename(), /\.csv$/);
  const file = await download.path();
  const csv = fs.readFileSync(file, 'utf8');
  t.assert.equal(csv, expected.map((row) => row.map(csvField).join(',') + '\r\n').join(''));
  await t.screenshot('matrix-7-exported');

  await clickMatrixControl(t, 'tsv');
  const tsv = await t.waitFor(
    async () => {
      const text = await t.page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
      return text.includes('\t') ? text : null;
    },
    8000,
    'TSV on the clipboard',
  );
  t.assert.equal(tsv, expected.map((row) => row.join('\t') + '\n').join(''));
  // The page writes the clipboard inside the click; the app's frame that records it may come later.
  await waitMatrix(t, (m) => m.lastExport === 'tsv', 'the app records the TSV export');
  t.assertNoConsoleErrors();
});

test('matrixEmptyResultsFacetsAndClearAll', async ({ t }) => {
  test.setTimeout(90000);
  let m = await openMatrixByTab(t);
  // A domain no adopter uses: the table is empty and says why.
  await clickMatrixControl(t, 'domain:games');
  m = await waitMatrix(t, (m) => m.filters.domains.includes('games'), 'games domain');
  t.assert.equal(m.empty, true);
  t.assert.match(m.emptyExplanation, /names no adopter for Game Development/);
  t.assert.ok(m.controls.emptyClear && m.controls.clearAll);
  await t.screenshot('matrix-8-empty');
  await clickMatrixControl(t, 'emptyClear');
  m = await waitMatrix(t, (m) => m.filters.domains.length === 0 && !m.empty, 'cleared');

  // A facet narrows the adopters; combined with text it narrows further; Clear all resets both.
  await clickMatrixControl(t, 'facet:performance');
  m = await waitMatrix(t, (m) => m.filters.facets.includes('performance'), 'facet');
  const withFacet = m.rows.length;
  t.assert.ok(withFacet > 0 && withFacet < 9, `performance rows ${withFacet}`);
  await typeIntoMatrixField(t, 'text', 'zzzz-not-there');
  m = await waitMatrix(t, (m) => m.filters.text === 'zzzz-not-there', 'text typed');
  t.assert.equal(m.empty, true);
  t.assert.match(m.emptyExplanation, /all filters/);
  await clickMatrixControl(t, 'clearAll');
  m = await waitMatrix(t, (m) => !m.filters.text && m.filters.facets.length === 0 && m.rows.length === 9, 'clear all');
  t.assertNoConsoleErrors();
});

test('matrixNarrowDarkFrozenColumn', async ({ t }) => {
  test.setTimeout(90000);
  await t.page.setViewportSize({ width: 360, height: 740 });
  await t.open('/#view=matrix&theme=dark');
  await t.waitReady(30000);
  let m = await waitMatrix(t, (m) => m.rows.length === 9, 'matrix at 360 px');
  t.assert.equal((await t.state()).theme, 'dark');
  t.assert.ok(m.grid[0] + m.grid[2] <= 361, `grid fits: ${m.grid}`);
  await t.screenshot('matrix-9-narrow-dark');
  const rowX = m.rows[0].rect[0];
  const lastCol = m.cols[m.cols.length - 1];
  t.assert.equal(lastCol.visible, false, 'six domains do not fit in 360 px: the table scrolls');
  // Scroll the grid sideways with the wheel: the first column stays, the columns move.
  const o = await canvasOrigin(t.page);
  const cell = m.rows[0].rect;
  await t.page.mouse.move(o.x + 300, o.y + cell[1] + cell[3] / 2);
  // A sideways wheel (trackpad swipe) to the right: deltaX > 0 scrolls right (the platform layer
  // follows upstream's 1.90 SDL2 backend, which flips SDL's wheel.x; 1.86's went the other way).
  // A wheel step is 100 px of deltaX, as vertically.
  const lastVisible = async () => (await matrixState(t)).cols.slice(-1)[0].visible;
  for (let i = 0; i < 40 && !(await lastVisible()); i++) await t.page.mouse.wheel(120, 0);
  m = await waitMatrix(t, (m) => m.cols[m.cols.length - 1].visible, 'scrolled to the last column');
  t.assert.equal(m.rows[0].rect[0], rowX, 'the first column is frozen');
  await t.screenshot('matrix-10-narrow-scrolled');
  // Light theme, same place.
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&theme=light&pivot=1'));
  m = await waitMatrix(t, (m) => m.pivot, 'pivot via URL');
  await t.page.waitForTimeout(200);
  await t.screenshot('matrix-11-narrow-light-pivot');
  t.assertNoConsoleErrors();
});

// The screen colour at a point of the page (CSS px), decoded in the page from a 1 px screenshot.
async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const g = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    g.drawImage(bitmap, 0, 0);
    return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, png.toString('base64'));
}
const colourDistance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

// The tab of the view on screen stands out from the other one (filled with the accent), in both
// themes, and the fill follows the view.
test('matrixTabShowsTheCurrentView', async ({ t }) => {
  test.setTimeout(60000);
  for (const theme of ['light', 'dark']) {
    await t.open(`/#theme=${theme}`);
    let s = await t.waitReady(30000);
    t.assert.equal(s.view, 'cards');
    t.assert.ok(s.tabs && s.tabs.cards && s.tabs.matrix, `tab rects: ${JSON.stringify(s.tabs)}`);
    const o = await canvasOrigin(t.page);
    // Inside each tab, left of its label: the tab's own fill, not text.
    const fill = (rect) => pixelAt(t.page, o.x + rect[0] + 5, o.y + rect[1] + rect[3] / 2);
    await t.page.mouse.move(o.x + 2, o.y + s.tabs.cards[1] + s.tabs.cards[3] + 200); // hover nothing
    await t.page.waitForTimeout(200);
    const cardsOn = await fill(s.tabs.cards), matrixOff = await fill(s.tabs.matrix);
    t.assert.ok(colourDistance(cardsOn, matrixOff) > 80,
      `${theme}: the current tab stands out: cards ${cardsOn} vs matrix ${matrixOff}`);
    await clickCanvasRect(t, s.tabs.matrix, 'matrix tab');
    await waitMatrix(t, (m, st) => st.view === 'matrix', 'the matrix view');
    await t.page.mouse.move(o.x + 2, o.y + s.tabs.cards[1] + s.tabs.cards[3] + 200);
    await t.page.waitForTimeout(300);
    s = await t.state();
    const cardsOff = await fill(s.tabs.cards), matrixOn = await fill(s.tabs.matrix);
    t.assert.ok(colourDistance(matrixOn, cardsOn) < 30, `${theme}: the matrix tab now has the current fill: ${matrixOn} vs ${cardsOn}`);
    t.assert.ok(colourDistance(cardsOff, matrixOff) < 30, `${theme}: the cards tab now has the other fill: ${cardsOff} vs ${matrixOff}`);
  }
  await t.screenshot('matrix-tabs-current-view');
  t.assertNoConsoleErrors();
});

// A matrix shorter and narrower than the window gets a box that fits it, not a frame trailing
// down and across the window; a long one still fills the height and scrolls.
test('matrixBoxFitsTheTable', async ({ t }) => {
  await t.open('/#view=matrix');
  await t.waitReady(30000);
  const m = await waitMatrix(t, (m) => m.rows.length === 9, 'the seed matrix');
  const viewport = await t.page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
  const lastRow = m.rows[m.rows.length - 1].rect, lastCol = m.cols[m.cols.length - 1].rect;
  const gridBottom = m.grid[1] + m.grid[3], gridRight = m.grid[0] + m.grid[2];
  t.assert.ok(lastRow[1] + lastRow[3] < viewport.h - 100, `the seed's rows end well above the bottom: ${lastRow}`);
  t.assert.ok(gridBottom - (lastRow[1] + lastRow[3]) <= 4, `the box ends at the last row: grid ${m.grid}, last row ${lastRow}`);
  t.assert.ok(gridRight - (lastCol[0] + lastCol[2]) <= 4, `the box ends at the last column: grid ${m.grid}, last column ${lastCol}`);
  t.assert.equal(m.cols[m.cols.length - 1].visible, true, 'every column is on screen');
  // A pinned cell opens the side panel; the panel gives up some width rather than hide the
  // table's last few pixels behind a horizontal scrollbar.
  await t.open('/#view=matrix&row=aws&col=systems');
  await t.waitReady(30000);
  const p = await waitMatrix(t, (m) => m.rows.length === 9 && m.selected && m.selected.panel, 'the matrix with a pinned cell');
  const pinnedRight = p.grid[0] + p.grid[2], last = p.cols[p.cols.length - 1].rect;
  t.assert.ok(last[0] + last[2] <= pinnedRight + 0.5, `the last column ends inside the box: column ${last}, grid ${p.grid}`);
  t.assert.ok(p.selected.panel[0] >= pinnedRight, `the panel is beside the grid: panel ${p.selected.panel}, grid ${p.grid}`);
  t.assert.ok(p.selected.panel[2] >= 300, `the panel keeps a readable width: ${p.selected.panel}`);
  t.assertNoConsoleErrors();
});

// scale= (projectors) zooms everything drawn, not only ImGui's widgets: the matrix rows and the
// top bar's tabs are both 1.5x as tall at scale=1.5, and state() still reports CSS px (a click at
// a reported rect lands on it).
test('scaleZoomsTheWholeUi', async ({ t }) => {
  const measure = async (hash) => {
    await t.open(`/${hash}`);
    await t.waitReady(30000);
    const m = await waitMatrix(t, (m) => m.rows.length === 9, `matrix at ${hash}`);
    const s = await t.state();
    return { row: m.rows[0].rect[3], tab: s.tabs.cards[3], cardsTab: s.tabs.cards };
  };
  const one = await measure('#view=matrix');
  const big = await measure('#view=matrix&scale=1.5');
  t.assert.ok(Math.abs(big.row / one.row - 1.5) < 0.05, `matrix row height ${one.row} -> ${big.row} at scale 1.5`);
  t.assert.ok(Math.abs(big.tab / one.tab - 1.5) < 0.08, `tab height ${one.tab} -> ${big.tab} at scale 1.5`);
  await clickCanvasRect(t, big.cardsTab, 'cards tab at scale 1.5');
  await t.waitFor(async () => ((await t.state()).view === 'cards' ? true : null), 5000, 'the click on the reported rect switched the view');
  await t.screenshot('matrix-scale-1.5-cards');
  t.assertNoConsoleErrors();
});

test('matrixTypingFrameCpuAt10k', TIMING, async ({ t }) => {
  test.setTimeout(120000);
  const json = generateAdopters();
  t.assert.ok(json, 'build/native/explorer-tool makes the 10,000 x 100 adopters');
  const r = await measureMatrixTypingFrameCpu(t.page, t.baseUrl, { adoptersJson: json });
  t.log(`10,000 x 100 typing: ${JSON.stringify(r)}`);
  // The same typing over the nine seed adopters: the environment's own frame cost (software GL).
  const seedPage = await t.context.newPage();
  const base = await measureMatrixTypingFrameCpu(seedPage, t.baseUrl, {});
  t.log(`seed data typing:   ${JSON.stringify(base)}`);
  t.assert.equal(r.filterText, 'rust performance');
  t.assert.ok(r.builds >= 1, 'typing rebuilt the matrix');
  t.assert.ok(r.builds <= 'rust performance'.length + 2, `rebuilds only on change: ${r.builds}`);
  t.assert.ok(r.frames > 0);
  // The bench holds the 4 ms target on real hardware. Under SwiftShader every frame costs far more
  // for GL alone, so here the big file may only add a little over the seed data's frames.
  t.assert.ok(r.lastBuildMs < 50, `one rebuild took ${r.lastBuildMs} ms`);
  t.assert.ok(r.medianMs < base.medianMs * 1.5 + 10,
    `median frame CPU ${r.medianMs.toFixed(1)} ms at 10,000 x 100 vs ${base.medianMs.toFixed(1)} ms with the seed data`);
  await t.screenshot('matrix-12-10k');
});
