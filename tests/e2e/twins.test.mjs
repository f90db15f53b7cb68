// Every control the canvas draws has a DOM twin with a role, a name and a state, and the
// explorer can be driven entirely through them. Fixtures and `t`: tests/e2e/fixtures.mjs.
//
// The first test acts ONLY through the accessibility tree (getByRole / getByLabel, then focus,
// fill or a key on the element; never coordinates). state() only checks what the canvas shows.
// Twins take no pointer events (the canvas does), so a twin is operated the way a keyboard or a
// screen reader does it: focus + Enter/Space, or the element's click() (a screen reader's default
// action dispatches exactly that).
import { test, TIMING, axeViolations } from './fixtures.mjs';
import { measureIdle } from '../bench/idle.mjs';
import { generateAdopters } from '../bench/matrix_typing.mjs';

async function openExplorer(t, path = '/') {
  await t.open(path);
  await t.waitReady(30000);
  // The twins arrive with the first tree, right after the first frame.
  await t.waitFor(() => t.page.evaluate(() => window.rxTwins && window.rxTwins.count() > 10), 10000,
    'the DOM twins');
}

// Polls state() until `check(state)` is truthy; returns that state.
async function untilState(t, check, what, timeoutMs = 10000) {
  let last = null;
  try {
    return await t.waitFor(async () => {
      last = await t.state();
      return check(last) ? last : null;
    }, timeoutMs, what);
  } catch (e) {
    throw new Error(`${e.message}\nlast state: ${JSON.stringify(last && {
      view: last.view, focus: last.focus, openCard: last.openCard, search: last.search,
      matrix: last.matrix && { filters: last.matrix.filters, selected: last.matrix.selected } })}`);
  }
}

// state().focus names a focused card by its id, every other control by its control id.
const stateFocus = (twin) => (twin && twin.startsWith('card:') ? twin.slice(5) : twin);
const isCard = (focus) => !!focus && focus.includes('/');

const activeTwin = (t) => t.page.evaluate(() => {
  const a = document.activeElement;
  // A text field's twin is its real input (textagent.js): id rx-field-<field>; the search
  // field's control is "search" in state().focus.
  if (a && a.id === 'rx-field-search') return 'search';
  return a && a.dataset ? a.dataset.twin || null : null;
});

test('twinsDriveTheWholeExplorer', async ({ t }) => {
  test.setTimeout(120000);
  const page = t.page;
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  await openExplorer(t);

  // Views are tabs; the selected one is the one on screen.
  const cardsTab = page.getByRole('tab', { name: 'Cards', exact: true });
  const matrixTab = page.getByRole('tab', { name: /^Adopters/ });
  t.assert.equal(await cardsTab.getAttribute('aria-selected'), 'true');
  await matrixTab.press('Enter');
  await untilState(t, (s) => s.view === 'matrix', 'the matrix view');
  await t.waitFor(async () => (await matrixTab.getAttribute('aria-selected')) === 'true', 5000,
    'the matrix tab selected');

  // A real text field: type into it.
  await page.getByLabel('Filter adopters').fill('cloud');
  await untilState(t, (s) => s.matrix.filters.text === 'cloud' && !s.matrix.pending, 'the text filter');

  // Domain chips are toggle buttons.
  const networking = page.getByRole('button', { name: 'Networking', exact: true });
  t.assert.equal(await networking.getAttribute('aria-pressed'), 'false');
  await networking.press('Space');
  await untilState(t, (s) => s.matrix.filters.domains.includes('networking'), 'the Networking domain filter');
  await t.waitFor(async () => (await networking.getAttribute('aria-pressed')) === 'true', 5000,
    'the chip pressed');

  // The grid: a cell names its row, column, mark and strength; activating it pins it.
  const cell = page.getByRole('gridcell', { name: /^Cloudflare × Networking: stated/ });
  await cell.press('Enter');
  const pinned = await untilState(t, (s) => s.matrix.selected && s.matrix.selected.adopter === 'cloudflare' &&
    s.matrix.selected.domain === 'networking' && s.matrix.selected.panel, 'the pinned cell and its panel');
  await t.waitFor(async () => (await cell.getAttribute('aria-selected')) === 'true', 5000,
    'the pinned cell selected');
  // Its quote, read from the tree (the detail panel is a region named after the cell).
  const panel = page.getByRole('region', { name: /Cloudflare · Networking/ });
  const panelText = (await panel.textContent()).replace(/\s+/g, ' ');
  const quote = pinned.matrix.selected.quotes[0].replace(/\s+/g, ' ');
  t.assert.ok(quote.length > 20 && panelText.includes(quote), `the panel's twin reads the quote "${quote}"`);

  // Clear the filters, back to the cards.
  // A screen reader's default action is a click event on the element (no focus, no key).
  await page.getByRole('button', { name: 'Clear all filters' }).dispatchEvent('click');
  await untilState(t, (s) => !s.matrix.filters.text && s.matrix.filters.domains.length === 0, 'filters cleared');
  await cardsTab.press('Enter');
  await untilState(t, (s) => s.view === 'cards', 'the cards view');

  // Search, then open the first result.
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('memory');
  const searched = await untilState(t, (s) => s.search.query === 'memory' && s.search.cards > 0, 'search results');
  await page.getByRole('button', { name: 'Hide other cards' }).press('Enter');
  await untilState(t, (s) => s.search.hide, 'only the matching cards');
  await t.waitFor(() => page.evaluate(() => !document.querySelector('[data-twin^="card:"][aria-description]')),
    5000, 'the dimmed cards gone from the tree');
  const firstCard = page.getByRole('button', { expanded: false }).first();
  const cardName = await firstCard.textContent();
  await firstCard.press('Enter');
  const opened = await untilState(t, (s) => s.openCard, 'an open card');
  const matching = searched.sections.flatMap((s) => s.cards).filter((c) => c.matches);
  t.assert.equal(opened.openCard, matching[0].id, 'the first result opened');
  t.assert.equal(matching[0].title, cardName, 'the twin named the card it opened');
  t.assert.equal(await page.getByRole('button', { name: cardName, exact: true }).getAttribute('aria-expanded'), 'true');

  // Follow one of its related links: the target opens and the DOM focus moves to its card.
  const related = page.getByRole('group', { name: 'Related' }).getByRole('link').first();
  const relatedName = await related.textContent();
  await related.press('Enter');
  const followed = await untilState(t, (s) => s.openCard && s.openCard !== opened.openCard, 'the related card');
  const target = followed.sections.flatMap((s) => s.cards).find((c) => c.id === followed.openCard);
  t.assert.equal(target.title, relatedName);
  await t.waitFor(async () => (await activeTwin(t)) === 'card:' + followed.openCard, 5000,
    'the DOM focus on the followed card');

  // Copy the link to exactly this view.
  await page.getByRole('button', { name: 'Copy link' }).press('Enter');
  const link = await t.waitFor(() => page.evaluate(() => window.explorer.lastCopiedLink), 5000, 'a copied link');
  t.assert.ok(link.includes('card=' + encodeURIComponent(followed.openCard).replace(/%2F/g, '/')) ||
    link.includes('card=' + followed.openCard), `the link names the open card (${link})`);
  t.assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  t.assertNoConsoleErrors();
});

// The whole accessibility tree Chromium builds (CDP), as a list of {role, name, focusable, parent}.
async function fullAxTree(t) {
  const cdp = await t.context.newCDPSession(t.page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (n, name) => (n.properties || []).find((p) => p.name === name);
  return nodes.filter((n) => !n.ignored).map((n) => ({
    id: n.nodeId,
    parent: n.parentId,
    role: n.role && n.role.value,
    name: (n.name && n.name.value) || '',
    focusable: !!(prop(n, 'focusable') && prop(n, 'focusable').value.value),
    backend: n.backendDOMNodeId,
  }));
}

async function checkAxTree(t, where) {
  const nodes = await fullAxTree(t);
  const problems = [];
  const focusable = nodes.filter((n) => n.focusable);
  for (const n of focusable) {
    if (!n.role || n.role === 'generic' || n.role === 'none') problems.push(`${where}: focusable node without a role (${n.name})`);
    if (!n.name.trim() && n.role !== 'RootWebArea') problems.push(`${where}: focusable ${n.role} without a name`);
  }
  // Siblings a user tells apart only by name: the same role and name must mean the same control.
  const byParent = new Map();
  for (const n of focusable) {
    const key = `${n.parent}|${n.role}|${n.name}`;
    if (byParent.has(key)) problems.push(`${where}: two sibling ${n.role}s named "${n.name}"`);
    byParent.set(key, n);
  }
  const twins = await t.page.evaluate(() => document.querySelectorAll('#twins [data-twin]').length);
  t.assert.ok(focusable.length > 10 && twins > 10, `${where}: the tree has the twins (${focusable.length} focusable)`);
  const s = await t.state();
  t.assert.deepEqual(s.a11y.problems, [], `${where}: the explorer's own tree check`);
  return problems;
}

test('fullAccessibilityTreeIsNamedInEveryView', async ({ t }) => {
  test.setTimeout(90000);
  await openExplorer(t);
  const problems = [];
  problems.push(...await checkAxTree(t, 'cards'));
  const s = await t.state();
  const card = s.sections[1].cards[0].id;
  await t.page.evaluate((c) => window.explorer.navigate('#card=' + c), card);
  await untilState(t, (x) => x.openCard === card, 'an open card');
  await t.waitFor(() => t.page.evaluate((c) => !!document.querySelector(`[data-twin="close:${c}"]`), card), 5000, 'its twins');
  problems.push(...await checkAxTree(t, 'open card'));
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&row=cloudflare&col=networking'));
  await untilState(t, (x) => x.view === 'matrix' && x.matrix.selected, 'the matrix with a pinned cell');
  await t.waitFor(() => t.page.evaluate(() => !!document.querySelector('[data-twin="detail"]')), 5000, 'the panel twin');
  problems.push(...await checkAxTree(t, 'matrix'));
  t.assert.deepEqual(problems, []);
});

test('axeFindsNoViolationsInAnyState', async ({ t }) => {
  test.setTimeout(120000);
  await openExplorer(t);
  const found = [];
  const check = async (where) => {
    for (const v of await axeViolations(t.page)) found.push(`${where}: ${v}`);
  };
  await check('cards');
  const s = await t.state();
  const card = s.sections[1].cards[0].id;
  await t.page.evaluate((c) => window.explorer.navigate('#card=' + c), card);
  await untilState(t, (x) => x.openCard === card, 'an open card');
  await t.waitFor(() => t.page.evaluate((c) => !!document.querySelector(`[data-twin="close:${c}"]`), card), 5000, 'its twins');
  await check('open card');
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix'));
  await untilState(t, (x) => x.view === 'matrix', 'the matrix');
  await t.waitFor(() => t.page.evaluate(() => !!document.querySelector('[data-twin="grid"]')), 5000, 'the grid twin');
  await check('matrix');
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&row=cloudflare&col=networking'));
  await t.waitFor(() => t.page.evaluate(() => !!document.querySelector('[data-twin="detail"]')), 5000, 'the panel twin');
  await check('pinned cell');
  t.assert.deepEqual(found, []);
});

test('focusIsOneBetweenTwinsAndCanvas', async ({ t }) => {
  test.setTimeout(90000);
  const page = t.page;
  await openExplorer(t);
  // Tab through the twins: the canvas's focus follows each one.
  await page.getByRole('tab', { name: 'Cards', exact: true }).focus();
  await untilState(t, (s) => s.focus === 'app:view-cards', 'the canvas focus on the Cards tab');
  const seen = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    // The DOM focus moves at once between twins, a frame later when the canvas moved it.
    const before = seen.length ? seen[seen.length - 1] : 'app:view-cards';
    const twin = await t.waitFor(async () => { const x = await activeTwin(t); return x && x !== before ? x : null; },
      5000, `Tab ${i + 1} moves to another twin`);
    await untilState(t, (s) => s.focus === stateFocus(twin), `state().focus = ${twin}`);
    seen.push(twin);
  }
  t.assert.ok(seen.includes('app:copy-link') && seen.includes('app:theme'), `Tab went through ${seen.join(', ')}`);

  // Arrow keys in the canvas: the DOM focus moves to the twin of the focused card.
  await page.evaluate(() => document.getElementById('canvas').focus());
  await page.keyboard.press('ArrowDown');
  const first = await untilState(t, (s) => isCard(s.focus), 'a card focused by the arrow');
  await t.waitFor(async () => (await activeTwin(t)) === 'card:' + first.focus, 5000, 'the DOM focus on its twin');
  // The next arrow lands on the twin: it goes on to the canvas, and the focus moves again.
  await page.keyboard.press('ArrowRight');
  const second = await untilState(t, (s) => isCard(s.focus) && s.focus !== first.focus, 'the next card');
  await t.waitFor(async () => (await activeTwin(t)) === 'card:' + second.focus, 5000, 'the DOM focus follows');
  // Shift+Tab goes back through the DOM twins and the canvas follows.
  await page.keyboard.press('Shift+Tab');
  const back = await activeTwin(t);
  await untilState(t, (s) => s.focus === stateFocus(back), `state().focus back on ${back}`);

  // The matrix: a focused cell twin gets ImGui's keyboard focus; arrows move both.
  await page.getByRole('tab', { name: /^Adopters/ }).press('Enter');
  await untilState(t, (s) => s.view === 'matrix', 'the matrix');
  const cell = page.getByRole('gridcell', { name: /^Cloudflare × Networking/ });
  await cell.focus();
  const cellId = await cell.getAttribute('data-twin');
  await untilState(t, (s) => s.focus === cellId, 'the canvas focus on the cell');
  await page.keyboard.press('ArrowLeft'); // Cloudflare × Web is to its left
  const moved = await untilState(t, (s) => s.focus && s.focus.startsWith('cell:') && s.focus !== cellId, 'the next cell');
  await t.waitFor(async () => (await activeTwin(t)) === moved.focus, 5000, 'the DOM focus on the next cell');
  t.assertNoConsoleErrors();
});

// The context menu is a `menu` of `menuitem` twins; the DOM focus follows its highlight, so a
// screen reader reads each item, and a menuitem's default action chooses it.
test('contextMenuTwinsFollowTheKeyboard', async ({ t }) => {
  test.setTimeout(90000);
  const page = t.page;
  await openExplorer(t);
  await page.evaluate(() => document.getElementById('canvas').focus());
  await page.keyboard.press('ArrowDown');
  const card = await untilState(t, (s) => isCard(s.focus), 'a card focused by the arrow');
  await t.waitFor(async () => (await activeTwin(t)) === 'card:' + card.focus, 5000, 'the DOM focus on its twin');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions' });
  await menu.waitFor({ state: 'attached', timeout: 5000 });
  const labels = await menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
  t.assert.ok(labels.includes('Copy card text') && labels.includes('Copy link to this card'), `menu items: ${labels.join(', ')}`);
  await t.waitFor(async () => (await activeTwin(t)) === 'menu:copy-card', 5000, 'the DOM focus on the first item');
  await page.keyboard.press('ArrowDown');
  await t.waitFor(async () => (await activeTwin(t)) === 'menu:copy-card-link', 5000, 'ArrowDown moves the DOM focus');
  await page.keyboard.press('Escape');
  await untilState(t, (s) => s.contextMenu === null, 'Esc closes the menu');
  await menu.waitFor({ state: 'detached', timeout: 5000 });
  await t.waitFor(async () => (await activeTwin(t)) === 'card:' + card.focus, 5000, 'the DOM focus back on the card');
  // A screen reader's default action on an item (a click on the element) chooses it.
  await page.keyboard.press('Shift+F10');
  await menu.waitFor({ state: 'attached', timeout: 5000 });
  await page.evaluate(() => document.querySelector('[data-twin="menu:copy-card-link"]').click());
  await untilState(t, (s) => s.contextMenu === null, 'the chosen item closes the menu');
  await t.waitFor(() => page.evaluate(() => (document.getElementById('live') || {}).textContent === 'Link copied'),
    5000, 'the copy is announced');
  t.assertNoConsoleErrors();
});

// A matrix too big for a twin per cell (3,000 x 40) keeps twins for the rows and columns on screen;
// the grid says its full size and every row and cell where it sits, so a screen reader reads
// "row 1,234 of 3,001".
test('largeGridTwinsAreTheWindowOnScreen', async ({ t }) => {
  test.setTimeout(120000);
  const page = t.page;
  const json = generateAdopters({ adopters: 3000, domains: 40 });
  t.assert.ok(json, 'build/native/explorer-tool makes the synthetic adopters');
  await page.route('**/content/adopters.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: json }));
  await openExplorer(t, '/#view=matrix');
  const s = await untilState(t, (x) => x.view === 'matrix' && x.matrix && x.matrix.rowCount === 3000, 'the big matrix');
  const grid = page.locator('[data-twin="grid"]');
  await grid.waitFor({ state: 'attached', timeout: 10000 });
  t.assert.equal(await grid.getAttribute('aria-rowcount'), String(s.matrix.rowCount + 1));
  t.assert.equal(await grid.getAttribute('aria-colcount'), String(s.matrix.colCount + 1));
  const rowIndexes = () => page.$$eval('#twins [role="row"]', (els) => els.map((e) => Number(e.getAttribute('aria-rowindex'))));
  const first = await rowIndexes();
  t.assert.ok(first.length > 3 && first.length < 200, `row twins: ${first.length}`);
  t.assert.deepEqual(first.slice(0, 2), [1, 2], 'the header row, then the first row');
  const twins = await page.evaluate(() => window.rxTwins.count());
  t.assert.ok(twins < 5000, `${twins} twins for ${s.matrix.rowCount * s.matrix.colCount} cells`);
  // Wheel down: the twins follow the window and say where they are in the whole.
  const box = await grid.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 4000);
  let seen = [];
  const later = await t.waitFor(async () => { seen = await rowIndexes(); return seen.length > 3 && seen[1] > 10 ? seen : null; },
    10000, 'row twins further down').catch((e) => { throw new Error(`${e.message}: ${seen.join(',')}`); });
  t.assert.ok(later.every((x, i) => i < 2 || (x === later[i - 1] + 1 && x <= s.matrix.rowCount + 1)),
    `the header row, then consecutive rows: ${later.join(',')}`);
  const cell = page.locator('#twins [role="row"]:last-child [role="gridcell"]').first();
  t.assert.ok(Number(await cell.getAttribute('aria-colindex')) >= 2, 'a cell says its column');
  t.assert.match(await cell.evaluate((e) => e.getAttribute('aria-label') || e.textContent), / × .*: /, 'a cell is named by both headers and its mark');
  t.assertNoConsoleErrors();
});

test('twinsCostNothingWhileIdle', TIMING, async ({ t }) => {
  test.setTimeout(60000);
  await openExplorer(t);
  // Settled: no frame for 300 ms and no scroll in flight (under load one frame can take longer
  // than that, and a scroll caught mid-flight has not sent its boxes yet, by design).
  const settle = async () => {
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const s = await t.state();
      if (s.frames === last && !(s.scroll && s.scroll.moving)) return s.frames;
      last = s.frames;
      await t.page.waitForTimeout(300);
    }
    throw new Error('frames never settled');
  };
  const f0 = await settle();
  const before = await t.page.evaluate(() => ({ builds: window.rxTwins.builds(), count: window.rxTwins.count() }));
  const sends0 = (await t.state()).a11y.sends;
  const idle = await measureIdle(t.page, 3);
  t.log(`idle with ${before.count} twins: ${idle.frames} frames, ${(idle.cpu * 100).toFixed(2)} % CPU`);
  t.assert.ok(idle.cpu < 0.03, `idle CPU ${(idle.cpu * 100).toFixed(2)} % with the twins`);
  const s = await t.state();
  t.assert.equal(s.frames, f0, 'no frames while idle with the twins present');
  t.assert.equal(s.a11y.sends, sends0, 'no tree sent while idle');
  const after = await t.page.evaluate(() => ({ builds: window.rxTwins.builds(), count: window.rxTwins.count() }));
  t.assert.deepEqual(after, before, 'the twins were not rebuilt while idle');
  t.assert.ok(before.count > 30, `twins present (${before.count})`);

  // A frame that changes nothing the tree holds (a mouse move over empty space) sends nothing.
  await t.page.mouse.move(5, 790);
  await t.page.mouse.move(8, 792);
  await settle();
  t.assert.equal((await t.state()).a11y.sends, sends0, 'frames without a change send no tree');

  // A smooth scroll draws many frames; the boxes go to the page once it has stopped.
  const [ax, ay, aw, ah] = (await t.state()).cardArea;
  await t.page.mouse.move(ax + aw / 2, ay + ah / 2);
  const before2 = await t.state();
  // One notch (deltaY 100 = one 100 px wheel step): a longer scroll moves more cards across the
  // view's edge in different frames, and each such change (offscreen) is rightly sent at once.
  await t.page.mouse.wheel(0, 100);
  await settle();
  const after2 = await t.state();
  t.assert.ok(after2.scroll.y >= 50 && after2.frames - before2.frames > 5,
    `the wheel scrolled (${after2.frames - before2.frames} frames)`);
  t.assert.ok(after2.a11y.sends - before2.a11y.sends <= 2,
    `${after2.a11y.sends - before2.a11y.sends} trees for ${after2.frames - before2.frames} frames of scrolling`);
  const cardTwin = await t.page.evaluate(() => window.rxTwins.tree().nodes.find((n) => n.id.startsWith('card:') && n.rect && !(n.state && n.state.offscreen)));
  const drawn = after2.sections.flatMap((x) => x.cards).find((c) => 'card:' + c.id === cardTwin.id);
  t.assert.ok(drawn && drawn.rect && Math.abs(drawn.rect[1] - cardTwin.rect[1]) < 1, 'the boxes are where the cards stopped');
});

// Each twin's box is its control's box (state() reports where the canvas drew it), and the mouse
// never hits a twin: the canvas under it takes the click.
async function checkBoxes(t, pairs, where) {
  const off = [];
  for (const [twin, rect] of pairs) {
    // The text fields' twins are textagent.js's own inputs (tests/e2e/typing.test.mjs).
    if (!rect || twin === 'text' || twin === 'search') continue;
    const loc = t.page.locator(`[data-twin="${twin}"]`);
    if (!(await loc.count())) { off.push(`${where}: ${twin} has no twin`); continue; }
    const b = await loc.boundingBox();
    if (!b) { off.push(`${where}: ${twin} has no box`); continue; }
    const d = Math.max(Math.abs(b.x - rect[0]), Math.abs(b.y - rect[1]),
      Math.abs(b.width - rect[2]), Math.abs(b.height - rect[3]));
    if (d > 1.5) off.push(`${where}: ${twin} at ${[b.x, b.y, b.width, b.height].map(Math.round)}, drawn at ${rect.map(Math.round)}`);
  }
  return off;
}

test('twinsSitOnTheirControlsAndLetTheMouseThrough', async ({ t }) => {
  test.setTimeout(60000);
  await openExplorer(t);
  let s = await untilState(t, (x) => x.scroll && !x.scroll.moving, 'a still card area');
  const pairs = [['app:view-cards', s.tabs.cards], ['app:view-matrix', s.tabs.matrix],
    ['app:copy-link', s.copyLink], ['app:embed', s.embedButton], ['app:theme', s.themeButton]];
  for (const c of s.controls) pairs.push([c.id, c.rect]);
  const visibleCards = s.sections.flatMap((x) => x.cards).filter((c) => c.visible &&
    c.rect[1] >= s.cardArea[1] && c.rect[1] + c.rect[3] <= s.cardArea[1] + s.cardArea[3]);
  t.assert.ok(visibleCards.length >= 3, 'whole cards on screen');
  for (const c of visibleCards) pairs.push(['card:' + c.id, c.rect]);
  const off = await checkBoxes(t, pairs, 'cards');
  t.assert.ok(pairs.length > 10, `${pairs.length} boxes compared`);

  // The mouse: what is under the Copy link button's centre is the canvas, not its twin.
  const [x, y, w, h] = s.copyLink;
  t.assert.equal(await t.page.evaluate(([px, py]) => document.elementFromPoint(px, py).id, [x + w / 2, y + h / 2]),
    'canvas');

  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&row=cloudflare&col=networking'));
  s = await untilState(t, (m) => m.view === 'matrix' && m.matrix.selected && m.matrix.selected.panel, 'the matrix');
  await t.waitFor(() => t.page.evaluate(() => !!document.querySelector('[data-twin="detail"]')), 5000, 'the panel twin');
  s = await t.state();
  const mpairs = [['detail', s.matrix.selected.panel], ['grid', s.matrix.grid]];
  for (const [name, rect] of Object.entries(s.matrix.controls)) mpairs.push([name, rect]);
  for (const c of s.matrix.cells) if (c.rect) mpairs.push([`cell:${c.row}:${c.col}`, c.rect]);
  off.push(...await checkBoxes(t, mpairs.filter(([n]) => !n.startsWith('sourceCard')), 'matrix'));
  t.assert.deepEqual(off, []);
});

// A phone: the sections fold behind one menu button (its links are in the tree but out of the
// Tab order until it opens), and axe still finds nothing.
test('phoneLayoutTwins', async ({ t }) => {
  test.setTimeout(60000);
  const ctx = await t.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(t.url('/'));
  await page.waitForFunction(() => window.explorer && window.explorer.state().ready &&
    window.rxTwins && window.rxTwins.count() > 10, null, { timeout: 30000 });
  const menu = page.getByRole('button', { name: /^Sections/ });
  t.assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first();
  t.assert.equal(await link.getAttribute('tabindex'), '-1', 'a folded section link is out of the Tab order');
  await menu.press('Enter');
  await page.waitForFunction(() => window.explorer.state().layout.navMenuOpen, null, { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('[data-twin^="nav:"]').getAttribute('tabindex') === '0',
    null, { timeout: 5000 });
  t.assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  const name = await link.textContent();
  await link.press('Enter');
  await page.waitForFunction(() => !window.explorer.state().layout.navMenuOpen && window.explorer.state().section,
    null, { timeout: 5000 });
  const s = await page.evaluate(() => window.explorer.state());
  t.assert.equal(s.sections.find((x) => x.id === s.section).title, name, 'the link jumped to its section');
  const violations = await axeViolations(page);
  t.assert.deepEqual(violations, []);
  await page.screenshot({ path: `${t.outDir}/twins-phone.png` });
});

// No WebGL2: the static rendition is the page and there are no twins.
test('noTwinsWithoutTheCanvas', async ({ t }) => {
  await t.context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await t.open('/');
  await t.waitFor(async () => /WebGL2/.test((await t.page.locator('#status').textContent()) || ''), 10000, 'the WebGL2 note');
  await t.page.waitForTimeout(500);
  t.assert.equal(await t.page.locator('#twins').count(), 0, 'no twin layer');
});

// Content problems: the panel's header is an expandable button, its list a region a screen reader
// reads; Enter on the header folds it like a click.
test('errorPanelTwins', async ({ t }) => {
  await t.page.route('**/content/adopters.json', async (route) => {
    const response = await route.fetch();
    const text = (await response.text()).replace('"id": "systems",', '"id": "systems"');
    await route.fulfill({ response, body: text, headers: { 'content-type': 'application/json' } });
  });
  await openExplorer(t);
  const s = await t.state();
  t.assert.ok(s.errors.length >= 1, 'the broken file is reported');
  const header = t.page.getByRole('button', { name: /problems? in the content/ });
  t.assert.equal(await header.getAttribute('aria-expanded'), 'true');
  const list = t.page.getByRole('region', { name: 'Content problems' });
  const text = await list.textContent();
  t.assert.ok(text.includes('adopters.json') && text.includes(s.errors[0].message), `the region reads the problem: ${text}`);
  await header.press('Enter');
  await t.waitFor(async () => (await header.getAttribute('aria-expanded')) === 'false', 5000, 'the panel folded');
  t.assert.equal(await list.count(), 0, 'the folded list leaves the tree');
  await header.press('Enter');
  await t.waitFor(async () => (await header.getAttribute('aria-expanded')) === 'true', 5000, 'the panel open again');
});
