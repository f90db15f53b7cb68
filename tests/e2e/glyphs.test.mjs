// Glyphs the explorer's fonts lack: CJK, emoji and other scripts typed into a text
// field are drawn with the browser's own fonts (web/glyphs.js -> src/ui/fallback_glyphs.h), not
// as U+FFFD; state().missingGlyphs counts only what neither the fonts nor the browser can draw,
// state().fallbackGlyphs what the browser drew; the number of fallback glyphs is capped.
// Needs a CJK and a colour emoji font on the machine (Debian: fonts-wqy-microhei,
// fonts-noto-color-emoji; ./build.sh deps installs them).
import fs from 'node:fs';
import { test, untilState } from './fixtures.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const CAP = 512; // src/core/glyph_fallback.h

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const field = (s, id) => (s.textFields || []).find((f) => f.id === id);

const until = (t, pred, what, page = t.page, ms = 20000) =>
  untilState(t, pred, what, { page, ms, describe: (last) => `missingGlyphs ${last.missingGlyphs}, fallbackGlyphs ${last.fallbackGlyphs}, pending ${last.fallbackPending}, query ${JSON.stringify(last.search && last.search.query)}` });

// The explorer open, the search field's twin holding the keyboard.
async function openSearch(t, page = t.page) {
  await page.goto(t.url('/'), { waitUntil: 'load' });
  const s = await t.waitReady(30000, page);
  t.assert.deepEqual(s.errors || [], []);
  t.assert.equal(s.missingGlyphs, 0, 'the content draws with the fonts');
  await sleep(300);
  await page.locator('#canvas').focus();
  await page.keyboard.press('/');
  await t.waitFor(() => page.evaluate(() => document.activeElement && document.activeElement.id === 'rx-field-search'),
    5000, '/ focuses the search field');
}

// Replaces the field's text as an input method or the emoji picker would, then waits until every
// glyph of it is answered.
async function typeAndDraw(t, text, page = t.page) {
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
  return until(t, (x) => x.search.query === text && x.extendedFont && !x.fallbackPending, `"${text}" typed and its glyphs answered`, page);
}

async function paste(page, text) {
  return page.evaluate((text) => {
    const el = document.activeElement;
    el.select();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    el.dispatchEvent(e);
    return e.defaultPrevented;
  }, text);
}

// The inside of the search field (border excluded) as a PNG, with the field not being edited (no
// caret, whose place would differ with the text's width).
async function fieldCrop(t, text) {
  await typeAndDraw(t, text);
  await t.page.keyboard.press('Tab');
  const s = await until(t, (x) => !x.search.active && x.search.query === text, 'the field let go');
  await sleep(250);
  const [x, y, w, h] = field(s, 'search').rect;
  const png = await t.page.screenshot({ clip: { x: x + 2, y: y + 2, width: w - 4, height: h - 4 } });
  await t.page.keyboard.press('/');
  await t.waitFor(() => t.page.evaluate(() => document.activeElement.id === 'rx-field-search'), 5000, 'back in the field');
  return png;
}

// Pixel statistics of a PNG, decoded by the browser: how many pixels are strongly coloured.
async function colourfulPixels(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const max = Math.max(d[i], d[i + 1], d[i + 2]), min = Math.min(d[i], d[i + 1], d[i + 2]);
      if (max - min > 80) n++;
    }
    return n;
  }, png.toString('base64'));
}

test('glyphsTheFontsLackAreDrawnByTheBrowser', async ({ t }) => {
  test.setTimeout(120000);
  await openSearch(t);
  let s = await typeAndDraw(t, '\u30e1\u30e2\u30ea'); // メモリ
  t.assert.equal(s.missingGlyphs, 0, 'the katakana are drawn');
  t.assert.ok(s.fallbackGlyphs >= 3, `three fallback glyphs (${s.fallbackGlyphs})`);
  s = await typeAndDraw(t, 'rust \ud83e\udd80'); // 🦀
  t.assert.equal(s.missingGlyphs, 0, 'the emoji is drawn');
  t.assert.ok(s.fallbackGlyphs >= 4, `the emoji too (${s.fallbackGlyphs})`);
  t.assert.equal(field(s, 'search').text, 'rust \ud83e\udd80');
  // A code point no font has (unassigned): the browser draws only its box, so it stays missing.
  s = await typeAndDraw(t, 'x\u0378');
  t.assert.equal(s.missingGlyphs, 1, 'the unassigned code point is counted');
  const drawn = s.fallbackGlyphs;
  // Typing the same characters again asks for nothing new.
  s = await typeAndDraw(t, '\u30e1\u30e2\u30ea\ud83e\udd80');
  t.assert.equal(s.fallbackGlyphs, drawn, 'each glyph is drawn once');
  t.assert.equal(s.missingGlyphs, 0);
  t.assertNoConsoleErrors();
});

test('aFallbackGlyphIsNotTheReplacementGlyph', async ({ t }) => {
  test.setTimeout(120000);
  await openSearch(t);
  const katakana = await fieldCrop(t, '\u30e1');        // メ
  const replacement = await fieldCrop(t, '\ufffd');     // what the fonts draw for what they lack
  const other = await fieldCrop(t, '\u30e2');           // モ
  const crab = await fieldCrop(t, '\ud83e\udd80');      // 🦀
  t.assert.ok(!katakana.equals(replacement), 'メ is not drawn as U+FFFD');
  t.assert.ok(!katakana.equals(other), 'メ and モ differ');
  t.assert.ok(!crab.equals(replacement), '🦀 is not drawn as U+FFFD');
  const colourful = await colourfulPixels(t.page, crab);
  t.assert.ok(colourful >= 20, `the emoji keeps its colours (${colourful} coloured pixels)`);
  t.assert.equal(await colourfulPixels(t.page, katakana), 0, 'a monochrome glyph takes the text colour');
  t.assertNoConsoleErrors();
});

test('twoThousandCjkCharactersPastedKeepTheCap', async ({ t }) => {
  test.setTimeout(240000);
  await openSearch(t);
  const chars = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
  // All at once: the field keeps what fits its limit.
  t.assert.equal(await paste(t.page, chars.join('')), true);
  let s = await until(t, (x) => x.search.query.length > 0 && !x.fallbackPending, 'the paste drawn');
  t.assert.equal(s.missingGlyphs, 0, 'what fits the field is drawn');
  let used = [...s.search.query].length;
  t.assert.ok(used > 50 && used < 100, `cut at the field's limit (${used} characters)`);
  // Then the rest, a field-full at a time: the fallback stops at the cap.
  while (used < chars.length) {
    const part = chars.slice(used, used + 85).join('');
    await paste(t.page, part);
    s = await until(t, (x) => x.search.query === part && !x.fallbackPending, `paste at ${used}`);
    used += [...part].length;
  }
  t.assert.equal(s.fallbackGlyphs, CAP, 'no more fallback glyphs than the cap');
  const last = [...s.search.query].length;
  t.assert.equal(s.missingGlyphs, last, 'characters beyond the cap are counted as missing');
  // Still drawing: frames go on and the canvas is not blank.
  const frames = s.frames;
  await t.page.keyboard.type('a');
  s = await until(t, (x) => x.frames > frames && x.search.query.endsWith('a'), 'a frame after');
  const png = await t.page.screenshot();
  t.assert.ok(png.length > 20000, `the page is drawn (${png.length} bytes of PNG)`);
  await t.screenshot('glyphs-cap');
  t.assertNoConsoleErrors();
});

test('fallbackGlyphsSitOnTheBaselineOnAPhone', async ({ t }) => {
  test.setTimeout(120000);
  const phone = await (await t.newContext(PHONE)).newPage();
  t.watch(phone);
  await openSearch(t, phone);
  await phone.keyboard.insertText('Rust \u30e1\u30e2\u30ea \ud83e\udd80 \u00e9');
  const s = await until(t, (x) => x.search.query.endsWith('\u00e9') && x.extendedFont && !x.fallbackPending && x.missingGlyphs === 0,
    'drawn at DPR 3', phone);
  t.assert.equal(s.dpr, 3);
  t.assert.ok(s.fallbackGlyphs >= 4);
  await sleep(300);
  await t.screenshot('glyphs-phone', phone);
  await openSearch(t);
  await t.page.keyboard.insertText('Rust \u30e1\u30e2\u30ea \ud83e\udd80 \u00e9');
  await until(t, (x) => x.search.query.endsWith('\u00e9') && x.extendedFont && !x.fallbackPending && x.missingGlyphs === 0, 'drawn at DPR 1');
  await sleep(300);
  await t.screenshot('glyphs-desktop');
  t.assertNoConsoleErrors();
});

// The document's own text: a heading, a card title and its body with characters the fonts lack
// (served in place of the built document) are drawn in every face that shows them.
test('documentTextTheFontsLackIsDrawnToo', async ({ t }) => {
  test.setTimeout(120000);
  const original = fs.readFileSync(new URL('../../content/rust-overview.md', import.meta.url), 'utf8');
  const markdown = original
    .replace('### Key Features of Rust:', '### Key Features of Rust \u30e1\u30e2\u30ea:')
    .replace('**Memory Safety without Garbage Collection**:', '**Memory Safety \u5b89\u5168 \ud83e\udd80 without Garbage Collection**: \u03a9 \u0416');
  t.assert.notEqual(markdown, original);
  await t.page.route('**/content/rust-overview.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }));
  await t.open('/');
  await t.waitReady(30000);
  const s = await until(t, (x) => !x.fallbackPending && x.fallbackGlyphs > 0, 'the document\'s glyphs drawn');
  t.assert.deepEqual(s.errors || [], []);
  t.assert.ok(s.sections[0].title.includes('\u30e1\u30e2\u30ea'), 'the served document is shown');
  t.assert.equal(s.missingGlyphs, 0, 'every character of the document is drawn');
  t.assert.ok(s.fallbackGlyphs >= 8, `katakana, kanji, emoji, Greek and Cyrillic letters (${s.fallbackGlyphs})`);
  await sleep(300);
  await t.screenshot('glyphs-document');
  t.assertNoConsoleErrors();
});
