// Printing what the explorer shows: the explorer's own PDF after a filter, the "Print
// the whole document" menu action, and a reveal.js print-pdf deck whose embeds print their own
// state as vector text (no canvas). PDFs are read back with poppler-utils (pdftotext, pdftoppm);
// copies go to build/e2e/print-*.pdf and the rasterised pages to build/e2e/print-*.ppm/png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, ready, settle, waitMatrix } from './fixtures.mjs';

// ---- reading PDFs back ----

function savePdf(t, name, bytes) {
  const file = path.join(t.outDir, `print-${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

// The text of each page, whitespace collapsed (lines wrap differently in a PDF).
function pdfPages(file) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').map((p) => p.replace(/\s+/g, ' ').trim()).filter((p, i, all) => p || i < all.length - 1);
}

// One page rasterised to an RGB pixel array (PPM from pdftoppm).
function rasterise(file, pageNumber, width, outName) {
  const prefix = path.join(path.dirname(file), outName);
  execFileSync('pdftoppm', ['-f', String(pageNumber), '-l', String(pageNumber), '-scale-to-x', String(width),
    '-scale-to-y', '-1', '-singlefile', file, prefix]);
  execFileSync('pdftoppm', ['-f', String(pageNumber), '-l', String(pageNumber), '-scale-to-x', String(width),
    '-scale-to-y', '-1', '-singlefile', '-png', file, prefix]);
  const ppm = fs.readFileSync(prefix + '.ppm');
  // Header: "P6\n<w> <h>\n255\n" (pdftoppm writes no comments).
  let at = 0;
  const fields = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[at]))) at++;
    let start = at;
    while (!/\s/.test(String.fromCharCode(ppm[at]))) at++;
    fields.push(ppm.toString('latin1', start, at));
  }
  at++;
  return { width: Number(fields[1]), height: Number(fields[2]), pixels: ppm.subarray(at) };
}

const channel = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
const luminance = (r, g, b) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

// Inside a rectangle of the raster: the background (the most common colour) and the text: the
// 98th percentile of contrast against the background among pixels that differ from it (the
// cores of glyphs; anti-aliased edges sit below). Also how much of the area is text at all.
function textContrast(raster, rect) {
  const counts = new Map();
  const lum = [];
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * raster.width + x) * 3;
      const key = (raster.pixels[i] << 16) | (raster.pixels[i + 1] << 8) | raster.pixels[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
      lum.push(luminance(raster.pixels[i], raster.pixels[i + 1], raster.pixels[i + 2]));
    }
  }
  let bgKey = 0, bgCount = -1;
  for (const [k, n] of counts) if (n > bgCount) { bgKey = k; bgCount = n; }
  const bgLum = luminance(bgKey >> 16, (bgKey >> 8) & 255, bgKey & 255);
  const ratios = lum.map((l) => contrast(l, bgLum)).filter((r) => r > 1.05).sort((a, b) => a - b);
  return {
    background: '#' + bgKey.toString(16).padStart(6, '0'),
    textShare: ratios.length / lum.length,
    ratio: ratios.length ? ratios[Math.floor(ratios.length * 0.98)] : 1,
  };
}

const has = (page, text) => page.includes(text);

// ---- the explorer's own PDF ----

test('printExplorerPrintsTheFilteredMatrixAndTheWholeDocument', async ({ t }) => {
  test.setTimeout(120000);
  await t.page.addInitScript(() => {
    window.__printCalls = 0;
    window.print = () => { window.__printCalls++; };
  });
  await ready(t, '/');
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&domains=networking'));
  const m = await waitMatrix(t, (x, s) => s.view === 'matrix' && x.cols.length === 1, 'the matrix filtered to networking');
  const shownRows = m.rows.map((r) => r.label);
  t.assert.ok(shownRows.includes('Cloudflare'), `rows: ${shownRows}`);
  const all = await t.page.evaluate(() => Array.from(document.querySelectorAll('#doc tr[data-adopter] th')).map((th) => th.textContent));
  const hidden = all.filter((name) => !shownRows.includes(name));
  t.assert.ok(hidden.includes('Mozilla') && hidden.length >= 3, `adopters outside networking: ${hidden}`);
  // Nothing is rendered for print until the page prints.
  t.assert.equal(await t.page.evaluate(() => window.rxPrint.renders()), 0, 'no print rendering while the explorer is used');

  const file = savePdf(t, 'explorer-networking', await t.page.pdf({ format: 'A4', printBackground: true }));
  const pages = pdfPages(file);
  const text = pages.join(' ');
  t.log(`explorer PDF: ${pages.length} page(s), ${text.length} chars`);
  t.assert.ok(has(text, 'Who uses Rust for what'), 'the matrix heading');
  t.assert.ok(has(text, 'Filters: domains Networking'), 'the active filter is named');
  t.assert.match(text, /Live view: http:\/\/127\.0\.0\.1:\d+\/#view=matrix&domains=networking/, 'the live view\'s address');
  t.assert.ok(has(text, 'Stated') && has(text, 'Inferred'), 'the legend');
  for (const name of shownRows) t.assert.ok(has(text, name), `shown row ${name} is in the PDF`);
  for (const name of hidden) t.assert.ok(!has(text, name), `hidden row ${name} is not in the PDF`);
  for (const domain of ['Web Development', 'Game Development', 'Embedded Systems', 'Blockchain'])
    t.assert.ok(!has(text, domain), `hidden column ${domain} is not in the PDF`);
  t.assert.ok(!has(text, 'Key Features of Rust'), 'no cards: the matrix view was shown');
  rasterise(file, 1, 800, 'print-explorer-networking-p1');

  // "Print the whole document" from the explorer's menu: every section, every adopter.
  const canvas = await t.page.$('#canvas');
  const box = await canvas.boundingBox();
  await t.page.mouse.click(box.x + box.width - 40, box.y + box.height - 30, { button: 'right' });
  const menu = await t.waitFor(async () => (await t.state()).contextMenu, 5000, 'the explorer menu opens');
  const item = menu.items.find((i) => i.id === 'print-document');
  t.assert.ok(item, `menu items: ${menu.items.map((i) => i.id)}`);
  t.assert.match(item.label, /Print the whole document/);
  await t.page.mouse.click(box.x + item.rect[0] + item.rect[2] / 2, box.y + item.rect[1] + item.rect[3] / 2);
  await t.waitFor(() => t.page.evaluate(() => window.__printCalls === 1), 5000, 'the menu item prints');
  const wholeFile = savePdf(t, 'explorer-whole', await t.page.pdf({ format: 'A4', printBackground: true }));
  const whole = pdfPages(wholeFile).join(' ');
  const sections = await t.page.evaluate(() => Array.from(document.querySelectorAll('#doc section > h2')).map((h) => h.textContent));
  t.assert.ok(sections.length >= 6, `sections: ${sections}`);
  for (const title of sections) t.assert.ok(has(whole, title), `whole document: section ${title}`);
  for (const name of all) t.assert.ok(has(whole, name), `whole document: adopter ${name}`);
  t.log(`whole-document PDF: ${pdfPages(wholeFile).length} pages`);
  t.assertNoConsoleErrors();
});

test('printExplorerPrintsTheSearchWithHighlights', async ({ t }) => {
  test.setTimeout(90000);
  await ready(t, '/#q=cloudflare');
  const file = savePdf(t, 'explorer-search', await t.page.pdf({ format: 'A4' }));
  const html = await t.page.evaluate(() => document.getElementById('print').innerHTML);
  t.assert.match(html, /<mark>Cloudflare<\/mark>/, 'matches highlighted');
  const text = pdfPages(file).join(' ');
  t.assert.ok(has(text, 'Search “cloudflare”'), 'the search is named');
  t.assert.ok(!has(text, 'Zero-Cost Abstractions'), 'cards without a match are not printed');
  rasterise(file, 1, 800, 'print-explorer-search-p1');
});

// ---- the deck as a PDF ----

const slidePage = (pages, heading) => {
  // reveal's theme sets headings in capitals; the PDF's text has them so.
  const page = pages.find((p) => p.toLowerCase().includes(heading.toLowerCase()));
  if (!page) throw new Error(`no PDF page has the slide heading "${heading}"; pages: ${pages.map((p) => p.slice(0, 60)).join(' | ')}`);
  return page;
};

test('printDeckPdfShowsEachEmbedsState', async ({ t }) => {
  test.setTimeout(150000);
  await t.page.setViewportSize({ width: 1280, height: 800 });
  await t.page.addInitScript(() => {
    // Every WebGL context any frame makes (the print view must make none).
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (/webgl/i.test(String(kind))) {
        try { window.top.__webglContexts = (window.top.__webglContexts || 0) + 1; } catch (e) { /* cross-origin */ }
      }
      return original.call(this, kind, ...rest);
    };
  });
  await t.open('/deck/?print-pdf');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  // reveal lays the print view out in animation frames after "ready": wait for its pages.
  await t.page.waitForFunction(() => document.querySelectorAll('.pdf-page iframe.explorer').length >= 3, null, { timeout: 20000 });
  const frames = await t.page.$$('.pdf-page iframe.explorer');
  t.assert.ok(frames.length >= 3, `embeds: ${frames.length}`);
  // Every embed renders its state as HTML instead of starting the canvas.
  await t.waitFor(async () => {
    for (const f of t.page.frames()) {
      if (f === t.page.mainFrame() || !/embed=1/.test(f.url())) continue;
      const ok = await f.evaluate(() => document.documentElement.classList.contains('static-state') &&
        document.documentElement.classList.contains('has-print')).catch(() => false);
      if (!ok) return false;
    }
    return t.page.frames().filter((f) => /embed=1/.test(f.url())).length >= 3;
  }, 40000, 'every embed shows its printed state');
  t.assert.equal(await t.page.evaluate(() => window.__webglContexts || 0), 0, 'WebGL contexts in the print view');
  const file = savePdf(t, 'deck', await t.page.pdf({ printBackground: true, preferCSSPageSize: true }));
  const pages = pdfPages(file);
  t.log(`deck PDF: ${pages.length} pages`);

  const features = slidePage(pages, 'Key features, live');
  for (const title of ['Memory Safety without Garbage Collection', 'Zero-Cost Abstractions', 'Concurrency without Data Races',
    'High Performance', 'Rich Type System', 'Tooling and Developer Experience']) {
    t.assert.ok(has(features, title), `key-features slide: ${title}`);
  }
  t.assert.ok(!has(features, 'modern systems programming language'), 'key-features slide: not the intro paragraph');
  t.assert.ok(!has(features, 'Contents'), 'key-features slide: not the table of contents');

  const networking = slidePage(pages, 'Who ships Rust for networking?');
  t.assert.ok(has(networking, 'Cloudflare'), 'networking slide: Cloudflare');
  t.assert.ok(has(networking, 'Networking'), 'networking slide: the Networking column');
  t.assert.ok(!has(networking, 'Mozilla'), 'networking slide: not Mozilla');

  // The fragment slide: reveal prints one page per step, each page's embed at its step.
  const steps = pages.filter((p) => p.toLowerCase().includes('step by step: cloudflare'));
  t.assert.equal(steps.length, 3, 'the fragment slide prints as three pages');
  t.assert.ok(has(steps[0], 'Section: “Examples of Products Built with Rust”') && !has(steps[0], 'Open card'), 'step 0: the embed\'s own URL');
  t.assert.ok(has(steps[1], 'Open card: “Cloudflare”'), 'step 1: the Cloudflare card open');
  t.assert.ok(has(steps[2], 'Who uses Rust for what') && has(steps[2], 'Filters: domains Networking') && !has(steps[2], 'Mozilla'), 'step 2: the matrix in networking');

  // The dark slide: the embed's text against what is behind it, on the rasterised page.
  const darkIndex = pages.findIndex((p) => p.toLowerCase().includes('where rust is used'));
  t.assert.ok(darkIndex >= 0, 'the dark slide is in the PDF');
  t.assert.ok(has(pages[darkIndex], 'Systems Programming'), 'dark slide: its section is printed');
  const geometry = await t.page.evaluate(() => {
    const frame = document.querySelector('section#dark iframe');
    const pageEl = frame.closest('.pdf-page');
    const a = frame.getBoundingClientRect(), p = pageEl.getBoundingClientRect();
    return { x: a.left - p.left, y: a.top - p.top, w: a.width, h: a.height, pageWidth: p.width };
  });
  const raster = rasterise(file, darkIndex + 1, 1280, 'print-deck-dark');
  const k = raster.width / geometry.pageWidth;
  const inset = 6;
  const rect = {
    x: Math.round((geometry.x + inset) * k), y: Math.round((geometry.y + inset) * k),
    w: Math.round((geometry.w - 2 * inset) * k), h: Math.round((geometry.h - 2 * inset) * k),
  };
  const measured = textContrast(raster, rect);
  t.log(`dark slide embed: background ${measured.background}, text contrast ${measured.ratio.toFixed(2)}:1, text ${(measured.textShare * 100).toFixed(1)}% of the area`);
  t.assert.ok(measured.textShare > 0.01, 'the dark embed printed text at all');
  t.assert.ok(measured.ratio >= 4.5, `dark slide text contrast ${measured.ratio.toFixed(2)} < 4.5`);
  t.assertNoConsoleErrors();
});

// A deck printed without ?print-pdf (Ctrl+P on the slides): each live embed prints its own state,
// fitted to its frame, instead of its canvas.
test('printLiveDeckEmbedsFitTheirFrames', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/deck/#/features');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  const handle = await t.page.$('section#features iframe');
  const frame = await t.waitFor(async () => {
    const f = await handle.contentFrame();
    return f && (await f.evaluate(() => !!(window.explorer && window.explorer.state().ready)).catch(() => false)) ? f : null;
  }, 40000, 'the embed is ready');
  await t.page.emulateMedia({ media: 'print' });
  const m = await t.waitFor(() => frame.evaluate(() => {
    const el = document.getElementById('print');
    if (!el || getComputedStyle(el).display === 'none') return null;
    return { height: el.getBoundingClientRect().height, frame: innerHeight, text: el.textContent,
      canvas: getComputedStyle(document.getElementById('canvas')).display };
  }), 5000, 'the embed shows its printed state in print media');
  t.assert.equal(m.canvas, 'none', 'the canvas does not print');
  t.assert.ok(m.text.includes('Zero-Cost Abstractions') && !m.text.includes('Benefits of Using Rust'), 'the embed\'s own section');
  t.assert.ok(m.height <= m.frame + 1, `fitted: ${m.height.toFixed(0)} px in a ${m.frame} px frame`);
  await t.page.emulateMedia({ media: 'screen' });
  t.assertNoConsoleErrors();
});
