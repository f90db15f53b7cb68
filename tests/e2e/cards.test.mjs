// Interactive cards with real input (page.mouse / page.keyboard at rects from state()):
// search, keyboard focus, open/close, tag filter, related links, copy, wheel and drag scrolling,
// section navigation, the 360 px layout, dark and light screenshots.
// Fixtures: tests/e2e/fixtures.mjs.

import {
  test, ready, settle, until, waitScrollStill, allCards, card, control, clickInCardArea, clickControl,
  press, clickCardAreaMargin,
} from './fixtures.mjs';

// The first view's faces carry ASCII, the UI's punctuation and the content's characters; the
// full regular face (Latin-1 and more) is fetched once, when a text field first takes input.
test('extendedFontLoadsOnlyWhenTyping', async ({ t }) => {
  const fetched = [];
  t.page.on('request', (r) => { if (r.url().includes('/fonts/ui-regular-full.ttf')) fetched.push(r.url()); });
  let s = await ready(t);
  await t.page.waitForTimeout(500);
  t.assert.equal(fetched.length, 0, 'not fetched for the first view');
  t.assert.equal(s.extendedFont, false);
  await clickCardAreaMargin(t, s);
  await t.page.keyboard.press('/');
  await t.waitFor(async () => { const x = await t.state(); return x.focus === 'search' && x.search.active ? x : null; }, 5000, '/ focuses search');
  await t.page.keyboard.type('caf');
  // "é" arrives as a paste into the field (its DOM twin has the keyboard).
  const paste = (text) => t.page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await until(t, (x) => x.search.query === 'caf', 'typed');
  await paste('\u00e9');
  s = await until(t, (x) => x.extendedFont === true && x.search.query === 'caf\u00e9', 'the full face loaded, query kept');
  t.assert.equal(fetched.length, 1, 'fetched once');
  t.assert.equal(s.missingGlyphs, 0);
  await settle(t);
  await t.screenshot('cards-search-latin1');
  await t.page.keyboard.type('s');
  await until(t, (x) => x.search.query === 'caf\u00e9s', 'typing goes on');
  t.assert.equal(fetched.length, 1, 'never fetched twice');
});

test('searchTypingUpdatesStateAndScreenshot', async ({ t }) => {
  let s = await ready(t);
  const before = await t.page.screenshot();
  await clickCardAreaMargin(t, s);
  await t.page.keyboard.press('/');
  s = await t.waitFor(async () => { const x = await t.state(); return x.focus === 'search' && x.search.active ? x : null; }, 5000, '/ focuses search');
  t.assert.equal(s.search.query, '', '"/" is not typed into the field');
  await t.page.keyboard.type('memory safety');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.query === 'memory safety' ? x : null; }, 5000, 'query in state');
  t.assert.ok(s.search.matches > 0 && s.search.cards > 0, `matches ${JSON.stringify(s.search)}`);
  t.assert.ok(s.search.matches >= s.search.cards);
  const matching = allCards(s).filter((c) => c.matches).length;
  t.assert.equal(matching, s.search.cards, 'per-card matches agree with the count');
  t.assert.match(s.url, /q=memory%20safety/);
  await settle(t);
  const after = await t.screenshot('cards-search');
  t.assert.ok(after, 'screenshot written');
  const now = await t.page.screenshot();
  t.assert.ok(!before.equals(now), 'the canvas changed after typing');

  // Enter / Shift+Enter step through matches, the field keeps focus.
  await settle(t);
  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.current === 0 ? x : null; }, 5000, 'first match');
  await settle(t);
  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.current === 1 ? x : null; }, 5000, 'second match');
  await t.page.keyboard.press('Shift+Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.current === 0 ? x : null; }, 5000, 'back to first');

  // Hide non-matching cards with the toggle.
  s = await waitScrollStill(t);
  const mode = control(s, 'mode');
  t.assert.ok(mode, 'hide/show toggle on screen');
  await clickControl(t, mode);
  s = await until(t, (x) => x.search.hide === true, 'hide toggle');
  const shown = allCards(s).filter((c) => c.shown);
  t.assert.equal(shown.length, s.search.cards, 'only matching cards are shown');

  // No match: says so, and the clear button clears.
  await press(t, '/');
  await t.page.keyboard.press('End');
  await t.page.keyboard.type(' zzqqxx');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.query.endsWith('zzqqxx') ? x : null; }, 5000, 'no-match query');
  t.assert.equal(s.search.cards, 0);
  await t.screenshot('cards-search-empty');
  const clear = control(s, 'clear-search');
  t.assert.ok(clear, 'clear-search button shown for an empty result');
  await clickControl(t, clear);
  s = await until(t, (x) => x.search.query === '', 'clear search');
  t.assertNoConsoleErrors();
});

test('ctrlKFocusesSearchAndEscClears', async ({ t }) => {
  let s = await ready(t);
  await clickCardAreaMargin(t, s);
  await t.page.keyboard.press('Control+k');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.active ? x : null; }, 5000, 'Ctrl+K focuses search');
  await t.page.keyboard.type('wasm');
  await t.waitFor(async () => (await t.state()).search.query === 'wasm', 5000, 'typed');
  await t.page.keyboard.press('Escape');
  s = await t.waitFor(async () => { const x = await t.state(); return x.search.query === '' && !x.search.active ? x : null; }, 5000, 'Esc clears and leaves');
});

test('arrowKeysMoveFocusEnterOpensEscCloses', async ({ t }) => {
  let s = await ready(t);
  await clickCardAreaMargin(t, s);
  const first = s.sections[0].cards;
  await t.page.keyboard.press('ArrowRight');
  s = await t.waitFor(async () => { const x = await t.state(); return x.focus ? x : null; }, 5000, 'a card focused');
  t.assert.equal(s.focus, first[0].id, 'first arrow focuses the first card in view');
  const columns = s.layout.columns;
  await t.page.keyboard.press('ArrowRight');
  s = await until(t, (x) => x.focus === first[1].id, 'right moves to the next card');
  await t.page.keyboard.press('ArrowDown');
  const below = first[Math.min(first.length - 1, 1 + columns)].id;
  s = await until(t, (x) => x.focus === below, 'down keeps the column');
  await t.page.keyboard.press('ArrowUp');
  s = await until(t, (x) => x.focus === first[1].id, 'up goes back');
  await t.screenshot('cards-focus-ring');

  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.openCard === first[1].id ? x : null; }, 5000, 'Enter opens');
  t.assert.match(s.url, /card=/);
  await t.screenshot('cards-open');
  await t.page.keyboard.press('Escape');
  s = await t.waitFor(async () => { const x = await t.state(); return x.openCard === null ? x : null; }, 5000, 'Esc closes');
  t.assert.equal(s.focus, first[1].id, 'focus stays on the closed card');

  // Tab walks the controls in order and reaches the cards.
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    await t.page.keyboard.press('Tab');
    await t.page.waitForTimeout(60);
    seen.add((await t.state()).focus);
  }
  t.assert.ok([...seen].some((f) => f && f.startsWith('nav:')) || [...seen].some((f) => f && f.includes('/')), `Tab reached controls: ${[...seen]}`);
});

test('clickOpensCardAndOutsideCloses', async ({ t }) => {
  let s = await ready(t);
  const target = s.sections[0].cards[0];
  await clickInCardArea(t, s, target.rect);
  s = await until(t, (x) => x.openCard === target.id && control(x, `copy:${target.id}`), 'card opens with a Copy button');
  const tagChips = s.controls.filter((c) => c.id.startsWith('tag:'));
  t.assert.deepEqual(tagChips.map((c) => c.id.slice(4)).sort(), [...card(s, target.id).tags].sort(), 'one chip per tag');
  // Click outside every card (the grid's gap below the intro text) closes it.
  await clickCardAreaMargin(t, s);
  s = await until(t, (x) => x.openCard === null, 'a click outside closes the card');
});

test('tagClickFiltersAndClears', async ({ t }) => {
  let s = await ready(t);
  const target = allCards(s).find((c) => c.visible && c.tags.length > 0);
  await clickInCardArea(t, s, target.rect);
  s = await until(t, (x) => x.controls.some((c) => c.id.startsWith('tag:')), 'a tag chip on the open card');
  const chip = s.controls.find((c) => c.id.startsWith('tag:'));
  const tag = chip.id.slice(4);
  await clickControl(t, chip);
  // The frame that applies the filter drew the old status row: wait for the one after it.
  s = await until(t, (x) => x.tag === tag && control(x, 'clear-tag'), 'the tag filter applies');
  t.assert.match(s.url, new RegExp(`tag=${encodeURIComponent(tag)}`));
  const shown = allCards(s).filter((c) => c.shown);
  t.assert.ok(shown.length > 0);
  for (const c of shown) t.assert.ok(c.tags.includes(tag), `${c.id} shown with tag ${tag}`);
  t.assert.ok(allCards(s).some((c) => !c.shown), 'some cards are filtered out');
  for (const c of allCards(s)) if (!c.shown) t.assert.equal(c.visible, false);
  await t.screenshot('cards-tag-filter');
  const clear = control(s, 'clear-tag');
  t.assert.ok(clear, 'one-click clear of the tag filter');
  await clickControl(t, clear);
  s = await until(t, (x) => x.tag === null, 'the tag filter clears');
  t.assert.ok(allCards(s).every((c) => c.shown));
});

test('linkClickJumpsToTarget', async ({ t }) => {
  let s = await ready(t);
  const source = allCards(s).find((c) => c.visible && c.links.length > 0);
  t.assert.ok(source, 'a visible card with related links');
  await clickInCardArea(t, s, source.rect);
  s = await until(t, (x) => x.controls.some((c) => c.id.startsWith('link:')), 'related link chips on the open card');
  const link = s.controls.find((c) => c.id.startsWith('link:'));
  const targetId = link.id.slice(5);
  t.assert.ok(source.links.includes(targetId));
  await clickControl(t, link);
  s = await until(t, (x) => x.openCard === targetId, 'the link opens its target');
  t.assert.equal(s.openCard, targetId, 'the target card is open');
  t.assert.equal(s.focus, targetId);
  const target = card(s, targetId);
  t.assert.equal(target.visible, true, 'the target is scrolled into view');
  const [, ay, , ah] = s.cardArea;
  t.assert.ok(target.rect[1] >= ay - 1 && target.rect[1] < ay + ah, 'its top is inside the area');
  t.assert.ok(card(s, targetId).links.includes(source.id), 'links are symmetric');
  // The flash animation ends and the loop idles again.
  await t.page.waitForTimeout(1600);
  const f0 = (await t.state()).frames;
  await t.page.waitForTimeout(500);
  t.assert.equal((await t.state()).frames, f0, 'no frames drawn while nothing changes');
});

// The memory-safety cards (content/tags.json linkGroups) each link to all the others.
test('memorySafetyCardsLinkToEachOther', async ({ t }) => {
  const s = await ready(t);
  const group = [
    'key-features-of-rust/memory-safety-without-garbage-collection',
    'benefits-of-using-rust/memory-safety',
    'examples-of-products-built-with-rust/cloudflare',
    'examples-of-products-built-with-rust/microsoft',
    'summary-of-rusts-usage-areas/operating-systems',
  ];
  for (const id of group) {
    const c = card(s, id);
    t.assert.ok(c, `card ${id} exists`);
    for (const other of group) {
      if (other !== id) t.assert.ok(c.links.includes(other), `${id} links to ${other}`);
    }
  }
});

test('copyPutsCardTextOnClipboard', async ({ t }) => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  let s = await ready(t);
  const target = s.sections[0].cards[1];
  await clickInCardArea(t, s, target.rect);
  s = await until(t, (x) => control(x, `copy:${target.id}`), 'Copy button on the open card');
  const copy = control(s, `copy:${target.id}`);
  s = await clickControl(t, copy);
  // The clipboard write is asynchronous: poll (a loaded machine takes longer than a fixed wait).
  const clipboard = (what) => t.waitFor(async () => {
    const v = await t.page.evaluate(() => navigator.clipboard.readText());
    return v && v !== '-' ? v : null;
  }, 5000, what).catch(() => t.page.evaluate(() => navigator.clipboard.readText()));
  let text = await clipboard('the Copy button to fill the clipboard');
  t.assert.ok(text.startsWith(target.title + '\n\n'), `clipboard: ${JSON.stringify(text.slice(0, 80))}`);
  t.assert.ok(text.length > target.title.length + 40, 'the body is copied too');

  // Ctrl+C on a focused card.
  await t.page.evaluate(() => navigator.clipboard.writeText('-'));
  await t.page.keyboard.press('Escape');
  await settle(t);
  s = await press(t, 'ArrowRight');
  const focused = card(s, s.focus);
  t.assert.ok(focused, 'a card has focus');
  await t.page.keyboard.press('Control+c');
  text = await clipboard('Ctrl+C to fill the clipboard');
  t.assert.ok(text.startsWith(focused.title + '\n\n'), `Ctrl+C clipboard: ${JSON.stringify(text.slice(0, 80))}`);
});

test('wheelAndDragScrollMoveCards', async ({ t }) => {
  let s = await ready(t);
  const id = s.sections[0].cards[0].id;
  const y0 = card(s, id).rect[1];
  const [ax, ay, aw, ah] = s.cardArea;
  await t.page.mouse.move(ax + aw / 2, ay + ah / 2);
  await t.page.mouse.wheel(0, 300);
  await settle(t);
  s = await t.waitFor(async () => { const x = await t.state(); return x.scroll.y > 0 && !x.scroll.moving ? x : null; }, 5000, 'wheel scroll settles');
  const y1 = card(s, id).rect[1];
  t.assert.ok(y1 < y0 - 50, `wheel moved the card up: ${y0} -> ${y1}`);

  // Drag up by 250 px from a spot without text (a mouse drag on text selects it): content
  // follows the pointer, then a fling may carry it further.
  const startScroll = s.scroll.y;
  const runs = await t.page.evaluate(() => window.explorer.textLayout());
  const free = (px, py) => !runs.some((r) => px >= r.rect[0] - 6 && px <= r.rect[0] + r.rect[2] + 6 && py >= r.rect[1] - 6 && py <= r.rect[1] + r.rect[3] + 6);
  let x = ax + aw / 2, y = ay + ah - 60;
  for (let py = ay + ah - 60, found = false; py > ay + ah / 2 && !found; py -= 10)
    for (let px = ax + 10; px < ax + aw - 30 && !found; px += 7)
      if (free(px, py)) [x, y, found] = [px, py, true];
  await t.page.mouse.move(x, y);
  await t.page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await t.page.mouse.move(x, y - i * 25);
    await t.page.waitForTimeout(16);
  }
  const f0 = (await t.state()).frames;
  await t.page.mouse.up();
  s = await settle(t);
  t.assert.ok(s.scroll.y >= startScroll + 240, `drag scrolled: ${startScroll} -> ${s.scroll.y}`);
  t.assert.equal(s.openCard, null, 'a drag is not a click');
  // The fling stops and the loop goes idle.
  await t.page.waitForTimeout(1000); // the settle frames after the last input (slow in software GL)
  const idleFrames = (await t.state()).frames;
  await t.page.waitForTimeout(700);
  t.assert.equal((await t.state()).frames, idleFrames, 'idle after the fling');
});

test('sectionNavJumpsAndHighlights', async ({ t }) => {
  let s = await ready(t);
  t.assert.equal(s.layout.nav, 'sidebar');
  const last = s.sections[s.sections.length - 2];
  const entry = control(s, `nav:${last.id}`);
  t.assert.ok(entry, 'sidebar entry');
  await clickControl(t, entry);
  s = await until(t, (x) => x.section === last.id && x.scroll.y > 0, 'the jump');
  t.assert.equal(s.currentSection, last.id, 'scroll-spy follows the jump');
  t.assert.equal(s.section, last.id);
  t.assert.ok(s.sections.find((x) => x.id === last.id).cards.some((c) => c.visible));
});

test('narrowLayoutHasNoOverlaps', async ({ t }) => {
  const ctx = await t.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(t.url('/'));
  await page.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 30000 });
  await page.waitForTimeout(400);
  const state = () => page.evaluate(() => window.explorer.state());
  let s = await state();
  t.assert.equal(s.layout.columns, 1);
  t.assert.equal(s.layout.nav, 'bar');
  await page.screenshot({ path: `${t.outDir}/cards-360.png` });
  const check = (st) => {
    const vis = allCards(st).filter((c) => c.visible);
    t.assert.ok(vis.length > 0);
    for (const c of vis) t.assert.ok(c.rect[0] >= 0 && c.rect[0] + c.rect[2] <= 360, `${c.id} inside 360 px`);
    for (let i = 0; i < vis.length; i++)
      for (let j = i + 1; j < vis.length; j++) {
        const a = vis[i].rect, b = vis[j].rect;
        const overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
        t.assert.ok(!overlap, `${vis[i].id} overlaps ${vis[j].id}`);
      }
  };
  check(s);
  // The compact section menu opens and jumps.
  const menu = control(s, 'nav-menu');
  await page.mouse.click(menu.rect[0] + menu.rect[2] / 2, menu.rect[1] + menu.rect[3] / 2);
  await page.waitForTimeout(250);
  s = await state();
  t.assert.equal(s.layout.navMenuOpen, true);
  await page.screenshot({ path: `${t.outDir}/cards-360-menu.png` });
  const target = s.sections[2];
  const entry = control(s, `nav:${target.id}`);
  await page.mouse.click(entry.rect[0] + entry.rect[2] / 2, entry.rect[1] + entry.rect[3] / 2);
  await page.waitForTimeout(900);
  s = await state();
  t.assert.equal(s.currentSection, target.id);
  check(s);
  await page.screenshot({ path: `${t.outDir}/cards-360-jump.png` });
});

// While searching, the section nav counts the matching cards ("2/8"; a section without any is
// muted as "0/6"), in the dimming mode as well as with the other cards hidden; without a search
// it shows the totals again.
test('sectionNavCountsSearchMatches', async ({ t }) => {
  let s = await ready(t, '/#q=memory%20safety');
  for (const hash of ['dimming the others', 'hiding the others']) {
    if (hash === 'hiding the others') {
      await clickControl(t, control(s, 'mode'));
      s = await until(t, (x) => x.search.hide, 'Hide other cards');
    }
    t.assert.ok(s.search.matches > 0, `${hash}: the search finds something`);
    let withMatches = 0, without = 0;
    for (const section of s.sections) {
      const k = section.cards.filter((c) => c.matches).length;
      const expected = k === section.count ? String(section.count) : `${k}/${section.count}`;
      t.assert.equal(section.navCount, expected, `${hash}: nav count of ${section.id}`);
      if (k > 0) withMatches++; else without++;
    }
    t.assert.ok(withMatches > 0 && without > 0, `${hash}: sections with and without matches (${withMatches}, ${without})`);
  }
  s = await ready(t, '/');
  for (const section of s.sections) t.assert.equal(section.navCount, String(section.count), `no search: ${section.id}`);
});

// The top bar's tabs and buttons never overlap and stay on screen, in both views, from phone to
// desktop widths (at 390 px the matrix view drew Copy link and the theme button over its tab).
test('topBarControlsNeverOverlap', async ({ t }) => {
  const overlaps = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  for (const width of [360, 390, 430, 520, 700, 1280]) {
    await t.page.setViewportSize({ width, height: 800 });
    for (const view of ['cards', 'matrix']) {
      await t.open(`/#view=${view}`);
      await t.waitReady(30000);
      const s = await until(t, (x) => x.view === view && x.tabs, `the ${view} view at ${width} px`);
      const boxes = { cardsTab: s.tabs.cards, matrixTab: s.tabs.matrix, copyLink: s.copyLink, theme: s.themeButton };
      const names = Object.keys(boxes);
      for (const n of names) {
        const r = boxes[n];
        t.assert.ok(r[2] > 0 && r[0] >= 0 && r[0] + r[2] <= width, `${view} at ${width} px: ${n} ${r} is on screen`);
      }
      for (let i = 0; i < names.length; i++)
        for (let j = i + 1; j < names.length; j++)
          t.assert.ok(!overlaps(boxes[names[i]], boxes[names[j]]),
            `${view} at ${width} px: ${names[i]} ${boxes[names[i]]} overlaps ${names[j]} ${boxes[names[j]]}`);
    }
  }
});

// A collapsed card cut after a few lines ends in " …" that follows its last word: never drawn over
// it, never past the text's right edge. Checked at several widths, so that some line ends close to
// the edge (at 360 px one did, and the ellipsis covered the last letter).
test('cutCardsEndInAnEllipsisAfterTheLastWord', async ({ t }) => {
  let checked = 0;
  for (const width of [360, 420, 700, 1000, 1280]) {
    await t.page.setViewportSize({ width, height: 900 });
    await ready(t, '/');
    const s = await t.state();
    const cut = allCards(s).filter((c) => c.visible && c.cut);
    for (const c of cut) {
      const e = c.cut;
      t.assert.ok(e.ellipsisLeft >= e.lastWordRight + 1,
        `${width} px, ${c.id}: the ellipsis (${e.ellipsisLeft}) starts after the last word (${e.lastWordRight})`);
      t.assert.ok(e.ellipsisRight <= e.textRight + 0.5,
        `${width} px, ${c.id}: the ellipsis (${e.ellipsisRight}) stays inside the text (${e.textRight})`);
    }
    checked += cut.length;
  }
  t.assert.ok(checked >= 5, `some cut cards were on screen (${checked})`);
});

test('darkAndLightScreenshots', async ({ t }) => {
  for (const scheme of ['dark', 'light']) {
    const ctx = await t.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(t.url('/#q=memory&card=key-features-of-rust%2Fmemory-safety-without-garbage-collection'));
    await page.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 30000 });
    await page.waitForTimeout(500);
    const s = await page.evaluate(() => window.explorer.state());
    t.assert.equal(s.theme, scheme);
    t.assert.equal(s.search.query, 'memory');
    t.assert.ok(s.openCard, 'deep-linked card is open');
    await page.screenshot({ path: `${t.outDir}/cards-${scheme}.png` });
  }
});

// Tab starts in the top bar: the view tabs, the search field, Copy link, Embed and the theme toggle are
// reached in order, show a focus ring, and Enter activates them like a click.
test('tabReachesTopBarButtonsAndEnterActivatesThem', async ({ t }) => {
  let s = await ready(t);
  await clickCardAreaMargin(t, s);
  const themeBefore = s.theme;
  const seen = [];
  for (let i = 0; i < 6; i++) {
    await t.page.keyboard.press('Tab');
    let last = null;
    s = await t.waitFor(async () => { const x = (last = await t.state()); return x.focus && x.focus !== seen[seen.length - 1] ? x : null; }, 5000, `Tab ${i + 1} moves focus (so far ${seen})`)
      .catch((err) => { err.message += ` (last: focus ${last && last.focus}, search active ${last && last.search.active})`; throw err; });
    seen.push(s.focus);
  }
  t.assert.deepEqual(seen, ['app:view-cards', 'app:view-matrix', 'search', 'app:copy-link', 'app:embed', 'app:theme'], 'Tab order through the top bar');
  await settle(t);
  await t.screenshot('cards-focus-theme-button');
  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.theme !== themeBefore ? x : null; }, 5000, 'Enter on the theme button switches the theme');
  t.assert.equal(s.focus, 'app:theme', 'focus stays on the button');
  // Shift+Tab walks back to the matrix tab; Enter switches the view.
  for (const expected of ['app:embed', 'app:copy-link', 'search', 'app:view-matrix']) {
    await t.page.keyboard.press('Shift+Tab');
    s = await t.waitFor(async () => { const x = await t.state(); return x.focus === expected ? x : null; }, 5000, `Shift+Tab to ${expected}`);
  }
  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => { const x = await t.state(); return x.view === 'matrix' ? x : null; }, 5000, 'Enter on the matrix tab switches the view');
  t.assertNoConsoleErrors();
});
