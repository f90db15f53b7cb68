// A 10,000-card document: `explorer-tool gen-document --sections 200 --entries 50`
// served in place of the seed document loads with every card present, and the cards search finds
// the word that only the last card holds (the search runs in slices: it says when it is done), and
// Enter goes to that card at the end of the document.
// Fixtures and the `t` harness: tests/e2e/fixtures.mjs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from './fixtures.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAST_CARD_WORD = 'quillwort'; // rx::kLastCardWord (src/tools/synthetic_document.h)

function generatedDocument(sections, entries) {
  const exe = [process.env.RX_BUILD_DIR && path.join(process.env.RX_BUILD_DIR, 'native', 'explorer-tool'),
    path.join(ROOT, 'build', 'native', 'explorer-tool')].filter(Boolean).find((p) => fs.existsSync(p));
  if (!exe) throw new Error('explorer-tool is not built (./build.sh build builds it)');
  return execFileSync(exe, ['gen-document', '--sections', String(sections), '--entries', String(entries)],
    { maxBuffer: 64 << 20 }).toString('utf8');
}

// Serves `explorer-tool gen-document --sections N --entries M` in place of the seed document on
// `page` (its context may be a phone's) and opens the explorer there; returns the ready state.
async function openGenerated(t, sections, entries, page = t.page, path = '/') {
  const markdown = generatedDocument(sections, entries);
  await page.route('**/content/rust-overview.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }));
  await page.goto(t.url(path), { waitUntil: 'load' });
  return t.waitReady(90_000, page);
}

// What the tests need from state({cards: false}): at 10,000 cards the whole state() is 3.3 MB of
// JSON and takes most of a second, the page's own time, on each poll.
const brief = (page) => page.evaluate(() => {
  const s = window.explorer.state({ cards: false });
  return {
    ready: s.ready, docErrors: (s.errors || []).filter((e) => /\.md$/.test(e.source)).map((e) => e.message),
    model: s.model, sections: s.sections.length, cards: s.sections.reduce((n, sec) => n + sec.count, 0),
    search: s.search, matching: s.sections.flatMap((sec) => sec.matchingCards),
    visible: s.sections.flatMap((sec) => sec.visibleCards), openCard: s.openCard,
    navCounts: s.sections.map((sec) => sec.navCount),
  };
});

// The whole state() (each card's details), read once: the last card's id, and whether the cards
// it shows on screen and matching agree with state({cards: false}) of the same moment.
const full = (page) => page.evaluate(() => {
  const cards = window.explorer.state().sections.flatMap((sec) => sec.cards);
  const ids = (list) => list.map((c) => c.id).join(' ');
  const brief = window.explorer.state({ cards: false }).sections;
  return {
    cards: cards.length, last: cards.length ? cards[cards.length - 1].id : null,
    matching: cards.filter((c) => c.matches).map((c) => c.id),
    briefAgrees: ids(cards.filter((c) => c.matches)) === brief.flatMap((sec) => sec.matchingCards).join(' ') &&
      ids(cards.filter((c) => c.visible)) === brief.flatMap((sec) => sec.visibleCards).join(' '),
  };
});

test('tenThousandCardsLoadAndSearchFindsTheLastCard', async ({ t }) => {
  test.setTimeout(180_000);
  await openGenerated(t, 200, 50);
  let s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.cards === 10000 ? b : null;
  }, 60_000, 'all 10,000 cards in state()');
  t.assert.equal(s.sections, 200);
  // (The seed's tags.json, still served, names seed cards: those problems are about tags.json.)
  t.assert.deepEqual(s.docErrors, [], 'the generated document has no problems');

  await t.page.focus('#canvas');
  await t.page.keyboard.press('Control+KeyK');
  await t.waitFor(async () => (await brief(t.page)).search.active, 10_000, 'the search field active');
  await t.page.keyboard.type(LAST_CARD_WORD, { delay: 40 });
  s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.search.query === LAST_CARD_WORD && b.search.complete ? b : null;
  }, 60_000, `the search for "${LAST_CARD_WORD}" complete`);
  t.assert.equal(s.search.cards, 1, `one card matches: ${JSON.stringify(s.search)}`);
  const all = await full(t.page);
  t.assert.equal(all.cards, 10000);
  t.assert.deepEqual(all.matching, [all.last], 'the only match is the last card');
  t.assert.deepEqual(s.matching, all.matching, 'state({cards: false}) names the same matching card');
  t.assert.ok(all.briefAgrees, 'state({cards: false}) names the cards on screen and matching as state() does');
  // The nav's counts, kept up slice by slice as the search tested cards: the match in the last
  // section, none in the others.
  t.assert.equal(s.navCounts.length, 200);
  t.assert.equal(s.navCounts[199], '1/50');
  t.assert.deepEqual([...new Set(s.navCounts.slice(0, 199))], ['0/50']);

  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.visible.includes(all.last) ? b : null;
  }, 20_000, 'Enter scrolled to the last card');
  t.assert.equal(s.search.current, 0);
  t.assert.ok((await full(t.page)).briefAgrees, 'state({cards: false}) names the cards on screen as state() does');
  await t.screenshot('scale-10k-last-card');
  t.assertNoConsoleErrors();
});

// A document this large is read in pieces: the first frame comes after its first sections, the
// rest is read in slices between frames. Until it is read to its end, a search says it is not
// complete (never "1 match" for what was read so far), then finds the last card. The query comes
// with the link, so the search starts while the document is being read on any machine (typed
// keys could arrive after the last slice on a fast one, or a slow one).
test('largeDocumentShowsItsStartFirstAndSearchWaitsForTheRest', async ({ t }) => {
  test.setTimeout(180_000);
  // Sampled in the page at every animation frame from the first one: the reading goes on between
  // frames, so a poll from the test could come after its end on a fast machine.
  await t.page.addInitScript(() => {
    window.__rxSamples = [];
    const tick = () => {
      const e = window.explorer;
      const s = e && typeof e.state === 'function' ? e.state({ cards: false }) : null;
      if (s && s.ready) {
        window.__rxSamples.push({ read: s.model.complete, cards: s.model.cards, query: s.search.query, complete: s.search.complete });
        if (s.model.complete) return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await openGenerated(t, 200, 50, t.page, `/#q=${LAST_CARD_WORD}`);
  const model = () => brief(t.page);
  const firstSamples = await t.waitFor(async () => {
    const x = await t.page.evaluate(() => window.__rxSamples);
    return x && x.length ? x : null;
  }, 30_000, 'the first frames sampled');
  const first = firstSamples[0];
  t.assert.equal(first.read, false, 'the first frame came before the whole document was read');
  t.assert.ok(first.cards > 0 && first.cards < 10000, `the first sections only: ${first.cards} cards`);
  t.assert.equal(first.query, LAST_CARD_WORD, 'the search started with the first sections');
  t.assert.equal(first.complete, false, `a search of part of the document is not complete: ${JSON.stringify(first)}`);

  const samples = [];
  const done = await t.waitFor(async () => {
    const x = await model();
    samples.push({ read: x.model.complete, query: x.search.query, complete: x.search.complete, cards: x.search.cards });
    return x.model.complete && x.search.query === LAST_CARD_WORD && x.search.complete ? x : null;
  }, 90_000, 'the document read and the search complete');
  const early = [...(await t.page.evaluate(() => window.__rxSamples)), ...samples].filter((x) => !x.read);
  t.assert.deepEqual(early.filter((x) => x.complete || x.query !== LAST_CARD_WORD), [],
    'no search called itself complete before the document was read');
  t.assert.equal(done.model.cards, 10000);
  t.assert.equal(done.search.cards, 1, `one card matches: ${JSON.stringify(done.search)}`);
  t.assert.deepEqual(done.matching, [(await full(t.page)).last], 'the only match is the last card');
  t.assert.deepEqual(done.docErrors, [], 'the generated document has no problems');
  t.assertNoConsoleErrors();
});

// A document read in pieces, small enough for state() to stay cheap (1,200 cards, 0.4 MB): each
// slice laid out only the sections it read, after the ones before (not every card read so far
// again), and the result is the layout a full one gives; while a search runs in slices the nav's
// counts follow the cards it tested, and end as each section's matching cards.
test('readingInPiecesGrowsTheLayoutAndTheNavCountsFollowTheSearch', async ({ t }) => {
  test.setTimeout(180_000);
  await openGenerated(t, 60, 20);
  await t.waitFor(async () => t.page.evaluate(() => window.explorer.state().model.complete), 60_000, 'the document read');
  const layout = () => t.page.evaluate(() => window.explorer.state().layout);
  const grown = await layout();
  t.assert.ok(grown.grownLayouts > 0, `the reading grew the layout slice by slice: ${JSON.stringify(grown)}`);
  t.assert.ok(grown.fullLayouts <= 3, `few full layouts while reading: ${JSON.stringify(grown)}`);
  const goToSection = async (id) => {
    await t.page.evaluate((h) => window.explorer.navigate(h), `#section=${encodeURIComponent(id)}`);
    await t.waitFor(async () => t.page.evaluate((sectionId) => {
      const st = window.explorer.state();
      return st.currentSection === sectionId && !st.scroll.moving;
    }, id), 20_000, `section ${id} on screen`);
  };
  // The last section's cards as drawn, after a jump from the first section.
  const lastSectionCards = async () => {
    const [firstId, id] = await t.page.evaluate(() => {
      const sections = window.explorer.state().sections;
      return [sections[0].id, sections.at(-1).id];
    });
    await goToSection(firstId);
    await goToSection(id);
    return t.page.evaluate(() => {
      const st = window.explorer.state();
      return { cards: st.sections.at(-1).cards.filter((c) => c.visible).map((c) => [c.id, c.rect]), scroll: st.scroll.y, max: st.scroll.max };
    });
  };
  const before = await lastSectionCards();
  t.assert.ok(before.cards.length > 0, 'the last section\'s cards are drawn');
  // Narrower and back: two full layouts, the second at the grown layout's width.
  const size = t.page.viewportSize();
  await t.page.setViewportSize({ width: size.width - 200, height: size.height });
  await t.waitFor(async () => (await layout()).contentHeight !== grown.contentHeight, 10_000, 'a narrower layout');
  await t.page.setViewportSize(size);
  const full = await t.waitFor(async () => {
    const l = await layout();
    return l.fullLayouts >= grown.fullLayouts + 2 && l.contentHeight === grown.contentHeight ? l : null;
  }, 10_000, `the full layout at the first width has the grown layout's height ${grown.contentHeight}`);
  t.assert.equal(full.grownLayouts, grown.grownLayouts, 'no reading since');
  t.assert.deepEqual(await lastSectionCards(), before, "the last section's cards where the grown layout had them");

  // A query many cards match, typed key by key: each section's count in the nav is its matches.
  await t.page.focus('#canvas');
  await t.page.keyboard.press('Control+KeyK');
  await t.page.keyboard.type('safe borrowing', { delay: 40 });
  const many = await t.waitFor(async () => {
    const x = await t.page.evaluate(() => {
      const st = window.explorer.state();
      return { search: st.search, sections: st.sections.map((sec) => [sec.navCount, sec.cards.filter((c) => c.matches).length]) };
    });
    return x.search.query === 'safe borrowing' && x.search.complete ? x : null;
  }, 60_000, 'the search for "safe borrowing" complete');
  t.assert.ok(many.search.cards > 20, `many cards match: ${many.search.cards}`);
  t.assert.deepEqual(many.sections.map(([nav]) => nav), many.sections.map(([, n]) => `${n}/20`));
  t.assertNoConsoleErrors();
});

// On a phone the sections are a dropdown: with 200 of them it is as tall as the screen allows
// and a finger's swipe scrolls its list (not the cards below); a tap on an entry jumps there.
test('phoneSectionDropdownScrollsThrough200Sections', async ({ t }) => {
  test.setTimeout(180_000);
  const context = await t.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  t.watch(page);
  await openGenerated(t, 200, 2, page);
  const state = () => page.evaluate(() => {
    const s = window.explorer.state({ cards: false });
    return { controls: s.controls, open: s.layout.navMenuOpen, scroll: s.scroll.y, currentSection: s.currentSection,
      sections: s.sections.map((x) => x.id) };
  });
  const navShown = (s) => s.controls.filter((c) => c.id.startsWith('nav:'));
  let s = await state();
  t.assert.equal(s.sections.length, 200);
  const last = s.sections[199];
  const menu = s.controls.find((c) => c.id === 'nav-menu');
  t.assert.ok(menu, 'the phone layout has the sections menu');
  await page.touchscreen.tap(menu.rect[0] + menu.rect[2] / 2, menu.rect[1] + menu.rect[3] / 2);
  s = await t.waitFor(async () => { const x = await state(); return x.open && navShown(x).length ? x : null; }, 10_000, 'the dropdown open');
  const shown = navShown(s);
  t.assert.ok(shown.length < 60, `only the entries that fit are shown: ${shown.length}`);
  for (const c of shown) t.assert.ok(c.rect[1] + c.rect[3] <= 844 + 0.5, `${c.id} is on the screen: ${c.rect}`);
  t.assert.ok(!shown.some((c) => c.id === `nav:${last}`), 'the last section is further down');
  await t.screenshot('scale-phone-dropdown-open', page);

  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const x = shown[0].rect[0] + shown[0].rect[2] / 2;
  // Each swipe from low in the list up to near the top of the screen (the list follows the finger
  // wherever it goes), in four moves.
  const fromY = 820, toY = 40; // from 12 px above the dropdown's bottom edge
  const scrollBefore = s.scroll;
  let target = null;
  let swipe = 0;
  for (; swipe < 40 && !target; swipe++) {
    await touch('touchStart', x, fromY);
    for (let k = 1; k <= 4; k++) { await touch('touchMove', x, fromY + ((toY - fromY) * k) / 4); await page.waitForTimeout(16); }
    await touch('touchEnd', x, toY);
    await page.waitForTimeout(150);
    s = await state();
    t.assert.equal(s.open, true, 'a swipe picks no entry');
    target = navShown(s).find((c) => c.id === `nav:${last}`);
  }
  t.assert.ok(target, `${swipe} swipes reached the last section`);
  t.assert.equal(s.scroll, scrollBefore, 'the cards below did not scroll');
  await t.screenshot('scale-phone-dropdown-end', page);
  await page.touchscreen.tap(target.rect[0] + target.rect[2] / 2, target.rect[1] + target.rect[3] / 2);
  s = await t.waitFor(async () => { const v = await state(); return !v.open && v.currentSection === last ? v : null; }, 20_000,
    'the tap jumped to the last section');
  t.assert.ok(s.scroll > scrollBefore);
  t.assertNoConsoleErrors();
});

// page.js is loaded async from before the rendition, not deferred: the explorer starts once the
// first screen is painted, while the rest of a large rendition is still arriving and being parsed
// (a 10,000-card document's is megabytes). Here the page's HTML comes in two parts, the second
// (the last section, with the deep-linked card) only once the canvas is up: the explorer was ready
// before the parse ended, and the mirror still ends up whole and in sync: every card's article,
// aria-current on the deep-linked one once it is parsed.
test('explorerStartsBeforeTheRenditionIsParsed', async ({ t }) => {
  test.setTimeout(120_000);
  const html = await (await fetch(t.url('/'))).text();
  const cards = [...html.matchAll(/<article aria-labelledby="card=[^"]+"><h3 id="card=([^"]+)"/g)].map((m) => m[1]);
  const last = cards.at(-1);
  const cut = html.lastIndexOf('<section', html.indexOf(`<h3 id="card=${last}"`));
  t.assert.ok(cards.length > 10 && cut > 0, 'the built page has the rendition');
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(html.slice(0, cut));
    released.then(() => res.end(html.slice(cut)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const streamed = `http://127.0.0.1:${server.address().port}/`;
    await t.page.route((url) => url.pathname === '/', (route) => route.continue({ url: streamed }));
    await t.page.goto(t.url(`/#card=${encodeURIComponent(last)}`), { waitUntil: 'commit' });
    const s = await t.waitReady(60_000);
    const early = await t.page.evaluate((id) => ({
      parsing: document.readyState === 'loading',
      lastArticle: !!document.getElementById('card=' + id),
      ready: document.documentElement.classList.contains('ready'),
    }), last);
    t.assert.deepEqual(early, { parsing: true, lastArticle: false, ready: true },
      'the canvas was up while the rendition was still arriving');
    t.assert.equal(s.openCard, last, 'the deep link opened its card');
    release();
    await t.page.waitForLoadState('load');
    const mirror = await t.waitFor(() => t.page.evaluate((id) => {
      const el = document.getElementById('card=' + id)?.closest('article');
      return el && el.getAttribute('aria-current') === 'true'
        ? { articles: document.querySelectorAll('#doc article').length } : null;
    }, last), 10_000, 'aria-current on the deep-linked card once it is parsed');
    t.assert.equal(mirror.articles, cards.length, 'the whole rendition is in the mirror');
    t.assert.equal(await t.page.evaluate(() => document.querySelectorAll('[aria-current="true"]').length), 1);
  } finally {
    release();
    server.close();
  }
  t.assertNoConsoleErrors();
});

// Typing at scale: which cards match comes with the keys; counting their matches (the total, and
// where Enter steps) waits until the query has stood for a moment (250 ms), and until then the
// status row says it is counting, never a count. Sampled inside the page every few milliseconds
// (state({cards: false}): the per-card details of every poll would take the page's time).
test('searchCountsItsMatchesOnceTheQueryStands', async ({ t }) => {
  test.setTimeout(180_000);
  await openGenerated(t, 60, 20);
  await t.waitFor(async () => t.page.evaluate(() => window.explorer.state({ cards: false }).model.complete), 60_000, 'the document read');
  await t.page.focus('#canvas');
  await t.page.keyboard.press('Control+KeyK');
  await t.waitFor(async () => t.page.evaluate(() => window.explorer.state({ cards: false }).search.active), 10_000, 'the search field active');
  const sampled = t.page.evaluate(() => new Promise((resolve) => {
    const out = [];
    const t0 = window.__t0 = performance.now();
    window.__keyAt = null;
    const tick = () => {
      const s = window.explorer.state({ cards: false }).search;
      out.push({ at: performance.now() - t0, query: s.query, cards: s.cards, matches: s.matches, counted: s.counted,
        matching: s.matchingComplete, complete: s.complete, status: s.status });
      if ((s.query === 'e' && s.complete) || performance.now() - t0 > 30_000) resolve({ out, keyAt: window.__keyAt });
      else setTimeout(tick, 4);
    };
    tick();
  }));
  await t.page.evaluate(() => { window.__keyAt = performance.now() - window.__t0; }); // just before the key
  await t.page.keyboard.type('e');
  const { out, keyAt } = await sampled;
  const samples = out.filter((x) => x.query === 'e');
  const last = samples.at(-1);
  t.assert.ok(last.complete, `the search completed: ${JSON.stringify(last)}`);
  t.assert.ok(last.cards > 1000 && last.counted === last.cards && last.matches >= last.cards, JSON.stringify(last));
  t.assert.equal(last.status, `${last.matches} matches in ${last.cards} cards`);
  const waiting = samples.filter((x) => x.matching && !x.complete);
  t.assert.ok(waiting.length > 0, `a wait between matching and counting: ${JSON.stringify(samples.slice(0, 8))}`);
  for (const x of waiting) {
    t.assert.equal(x.cards, last.cards, 'which cards match is known before counting');
    t.assert.equal(x.status, `Counting the matches in ${x.cards} cards\u2026`, 'no count shown before it is known');
  }
  t.assert.deepEqual(samples.filter((x) => !x.complete && /match(es)? in/.test(x.status) && !/^Counting/.test(x.status)), [],
    'no count shown as the result before the search is complete');
  // The query started in the frame after the key: its count cannot be complete before 250 ms.
  t.assert.ok(keyAt !== null && last.at - keyAt >= 250, `counting waited for the query to stand (key at ${keyAt}, counted at ${last.at} ms)`);

  // Enter while the counting waits steps at once: it counts first.
  await t.page.keyboard.type('a');
  const typed = await t.waitFor(async () => {
    const s = await t.page.evaluate(() => window.explorer.state({ cards: false }).search);
    return s.query === 'ea' && s.matchingComplete ? s : null;
  }, 20_000, 'the cards matching "ea" known');
  await t.page.keyboard.press('Enter');
  const stepped = await t.waitFor(async () => {
    const s = await t.page.evaluate(() => window.explorer.state({ cards: false }).search);
    return s.query === 'ea' && s.current === 0 ? s : null;
  }, 20_000, 'Enter went to the first match of "ea"');
  t.assert.ok(stepped.complete && stepped.matches > 0, `${JSON.stringify(stepped)} (before Enter: ${JSON.stringify(typed)})`);
  t.assertNoConsoleErrors();
});

// A large document's characters are gathered as it is read (the first frame needs only its first
// pieces'): characters the fonts lack that only its last section holds are drawn once that
// section is read, with nothing left missing.
test('charactersOnlyTheLastSectionHoldsAreDrawnOnceRead', async ({ t }) => {
  test.setTimeout(120_000);
  let markdown = generatedDocument(40, 50); // 0.6 MB: read in pieces
  const heading = markdown.lastIndexOf('\n### ');
  const eol = markdown.indexOf('\n', heading + 1);
  markdown = markdown.slice(0, eol) + ' \u30e1\u30e2\u30ea \u03a9 \u0416' + markdown.slice(eol);
  await t.page.route('**/content/rust-overview.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }));
  await t.page.goto(t.url('/'), { waitUntil: 'load' });
  await t.waitReady(60_000);
  const glyphs = () => t.page.evaluate(() => {
    const s = window.explorer.state({ cards: false });
    return { complete: s.model.complete, missing: s.missingGlyphs, fallback: s.fallbackGlyphs,
      pending: s.fallbackPending, last: s.sections.length ? s.sections[s.sections.length - 1].title : '' };
  });
  const done = await t.waitFor(async () => {
    const g = await glyphs();
    return g.complete && !g.pending && g.fallback >= 5 ? g : null;
  }, 60_000, 'the whole document read and its glyphs drawn');
  t.assert.ok(done.last.includes('\u30e1\u30e2\u30ea \u03a9 \u0416'), `the last section is the edited one: ${done.last}`);
  t.assert.equal(done.missing, 0, 'every character of the document is drawn');
  t.assertNoConsoleErrors();
});
