// Deep links and history: the URL hash carries the state, a fresh tab restores it,
// Back/Forward walk meaningful steps, garbage is ignored, query params apply at load, Copy link,
// and the embed postMessage API. Fixtures: tests/e2e/fixtures.mjs.
import { test, allCards } from './fixtures.mjs';

const pick = (s) => ({
  view: s.view,
  openCard: s.openCard,
  query: s.search ? s.search.query : undefined,
  url: s.url,
  theme: s.theme,
});

test('freshTabRestoresState', async ({ t }) => {
  await t.open('/');
  const first = await t.waitReady();
  const card = first.sections[1].cards[2].id;
  // A deep link into a card with a search query.
  await t.page.evaluate((c) => { location.hash = `#card=${encodeURIComponent(c)}&q=memory&theme=dark`; }, card);
  await t.waitFor(async () => (await t.state()).openCard === card, 5000, 'card opened from the hash');
  // The app writes its own form of the hash back (coalesced, a moment later): the link to share.
  const before = await t.waitFor(async () => {
    const s = await t.state();
    return s.url && t.page.url().endsWith(s.url) ? s : null;
  }, 5000, 'the address bar to show the app\'s URL');
  t.assert.equal(before.search.query, 'memory');
  t.assert.equal(before.theme, 'dark');
  const link = t.page.url();
  t.assert.match(link, /#.*card=/);

  const other = await t.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await other.newPage();
  await page.goto(link);
  await page.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => window.explorer.state());
  t.assert.deepEqual(pick(after), pick(before), 'a fresh tab shows the same state');
  t.assert.equal(page.url(), link, 'the fresh tab keeps the same URL');

  // The matrix view with filters, from a fresh tab.
  await page.goto(t.url('/#view=matrix&domains=networking'));
  await page.waitForFunction(() => window.explorer && window.explorer.state().ready && window.explorer.state().view === 'matrix', null, { timeout: 30000 });
  const m = await page.evaluate(() => window.explorer.state());
  t.assert.match(m.url, /view=matrix/);
  t.assert.match(m.url, /domains=networking/);
  t.assertNoConsoleErrors();
});

test('backAndForwardWalkMeaningfulSteps', async ({ t }) => {
  await t.open('/');
  const s0 = await t.waitReady();
  const a = s0.sections[0].cards[0].id;
  const b = s0.sections[2].cards[1].id;
  const len0 = await t.page.evaluate(() => history.length);
  // Steps made inside the app (navigate = what a link or host does; the app writes history).
  await t.page.evaluate((c) => { location.hash = '#card=' + c; }, a);
  await t.waitFor(async () => (await t.state()).openCard === a, 5000, 'card a');
  await t.page.evaluate((c) => { location.hash = '#card=' + c; }, b);
  await t.waitFor(async () => (await t.state()).openCard === b, 5000, 'card b');
  await t.page.evaluate(() => { location.hash = '#view=matrix'; });
  await t.waitFor(async () => (await t.state()).view === 'matrix', 5000, 'matrix');
  await t.page.waitForTimeout(300);
  t.assert.equal(await t.page.evaluate(() => history.length), len0 + 3, 'one history entry per step, none added by the app echoing them');

  await t.page.goBack();
  await t.waitFor(async () => { const s = await t.state(); return s.view === 'cards' && s.openCard === b; }, 5000, 'Back: card b');
  await t.page.goBack();
  await t.waitFor(async () => (await t.state()).openCard === a, 5000, 'Back: card a');
  await t.page.goForward();
  await t.waitFor(async () => (await t.state()).openCard === b, 5000, 'Forward: card b');
  await t.page.waitForTimeout(300);
  t.assert.equal(await t.page.evaluate(() => history.length), len0 + 3, 'Back/Forward added no entries');

  // Clicking a card in the app is a step of its own (pushState by the app).
  await t.page.goto(t.url('/?fresh=1'));
  await t.waitReady();
  await t.page.waitForTimeout(500);
  const s1 = await t.state();
  const visible = allCards(s1).find((c) => c.visible && c.rect);
  t.assert.ok(visible, 'a card is on screen');
  const lenBefore = await t.page.evaluate(() => history.length);
  await t.page.mouse.click(visible.rect[0] + visible.rect[2] / 2, visible.rect[1] + visible.rect[3] / 2);
  await t.waitFor(async () => (await t.state()).openCard === visible.id, 5000, 'card opened by a click');
  await t.waitFor(() => t.page.evaluate(() => location.hash.includes('card=')), 3000, 'the URL shows the card');
  t.assert.equal(await t.page.evaluate(() => history.length), lenBefore + 1, 'opening a card pushed one entry');
  await t.page.goBack();
  await t.waitFor(async () => (await t.state()).openCard === null, 5000, 'Back closes the card');
  t.assertNoConsoleErrors();
});

test('garbageHashIsIgnored', async ({ t }) => {
  const junk = '#view=%zz&card=%3Cscript%3E&scale=NaN&domains=,,%2C,&q=%FF%FE&theme=neon&pivot=maybe&' +
    'x='.padEnd(9000, 'A') + '&embed=2&row=../../etc&bg=%00';
  await t.open('/' + junk);
  const s = await t.waitReady();
  t.assert.equal(s.view, 'cards');
  t.assert.equal(s.openCard, null);
  t.assert.equal(s.embed, false);
  t.assert.equal(s.scale, 1);
  t.assert.deepEqual(s.errors, []);
  await t.page.evaluate(() => { location.hash = '#%%%&&&==&view=matrix&view=cards&card=' + 'z'.repeat(500); });
  await t.page.waitForTimeout(500);
  const s2 = await t.state();
  t.assert.equal(s2.ready, true);
  t.assert.equal(s2.openCard, null);
  t.assert.ok(s2.frames > 0);
  t.assertNoConsoleErrors();
});

test('queryParamsApplyAtLoad', async ({ t }) => {
  await t.open('/?embed=1&theme=dark&scale=1.5&view=matrix');
  const s = await t.waitReady();
  t.assert.equal(s.embed, true);
  t.assert.equal(s.topBar, false, 'no top bar in embed mode');
  t.assert.equal(s.copyLink, null);
  t.assert.ok(Array.isArray(s.embedLink), 'the "Open full explorer" link is drawn');
  t.assert.equal(s.theme, 'dark');
  t.assert.equal(s.scale, 1.5);
  t.assert.equal(s.view, 'matrix');
  // The state moved into the hash: one place, reload-proof.
  await t.waitFor(() => t.page.evaluate(() => location.search === '' && /embed=1/.test(location.hash)), 3000, 'state keys moved from the query to the hash');
  await t.page.reload();
  const r = await t.waitReady();
  t.assert.deepEqual([r.embed, r.theme, r.scale, r.view], [true, 'dark', 1.5, 'matrix'], 'reload keeps the state');
  t.assert.equal(await t.page.evaluate(() => document.activeElement === document.getElementById('canvas')), false, 'embed did not take focus');
  await t.screenshot('deeplink-embed-dark-scale-1.5');

  // "Open full explorer" opens the same state without the embed params in a new tab.
  await t.page.waitForTimeout(500); // the link's auto-sized window settles in the first frames
  const link = (await t.state()).embedLink;
  const [popup] = await Promise.all([
    t.context.waitForEvent('page', { timeout: 10000 }),
    t.page.mouse.click(link[0] + link[2] / 2, link[1] + link[3] / 2),
  ]);
  await popup.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 30000 });
  const p = await popup.evaluate(() => window.explorer.state());
  t.assert.equal(p.embed, false);
  t.assert.equal(p.view, 'matrix');
  t.assert.equal(p.topBar, true);
  t.assert.doesNotMatch(popup.url(), /embed|scale/);
});

test('copyLinkPutsTheDeepLinkOnTheClipboard', async ({ t }) => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  await t.open('/#view=matrix&domains=web');
  const s = await t.waitReady();
  t.assert.ok(Array.isArray(s.copyLink), 'Copy link is in the top bar');
  await t.page.mouse.click(s.copyLink[0] + s.copyLink[2] / 2, s.copyLink[1] + s.copyLink[3] / 2);
  const text = await t.waitFor(async () => {
    const v = await t.page.evaluate(() => navigator.clipboard.readText());
    return v && v.startsWith('http') ? v : null;
  }, 5000, 'a link on the clipboard');
  t.assert.equal(text, t.page.url(), 'the clipboard holds the full current URL');
  t.assert.match(text, /view=matrix/);
  t.assert.match(text, /domains=web/);
  await t.page.waitForTimeout(200);
  await t.screenshot('deeplink-link-copied');
});

// A host page on another origin (localhost vs 127.0.0.1, same server) drives an embed by
// postMessage. (The host is a plain served file with iframes added: Chromium blocks loopback
// frames inside test-fulfilled pages.)
test('postMessageApi', async ({ t }) => {
  test.setTimeout(120000);
  const port = new URL(t.baseUrl).port;
  const hostOrigin = `http://localhost:${port}`;
  await t.page.goto(`${hostOrigin}/version.json`);
  await t.page.evaluate(({ a, b }) => {
    window.got = [];
    document.body.innerHTML = '';
    for (const [id, src, w, h] of [['a', a, 640, 400], ['b', b, 320, 240]]) {
      const f = document.createElement('iframe');
      f.id = id; f.src = src; f.width = w; f.height = h;
      document.body.appendChild(f);
    }
    addEventListener('message', (e) => {
      window.got.push({ from: e.source === document.getElementById('a').contentWindow ? 'a' : 'b', data: e.data });
    });
  }, {
    a: t.url('/?embed=1&origin=' + encodeURIComponent(hostOrigin)),
    b: t.url('/?embed=1&origin=' + encodeURIComponent('http://other.example')),
  });
  const got = () => t.page.evaluate(() => window.got);
  await t.waitFor(async () => (await got()).some((m) => m.from === 'a' && m.data.type === 'explorer:ready'), 40000, 'explorer:ready from a');
  const send = (msg) => t.page.evaluate((m) => document.getElementById('a').contentWindow.postMessage(m, '*'), msg);
  const sendB = (msg) => t.page.evaluate((m) => document.getElementById('b').contentWindow.postMessage(m, '*'), msg);

  await send({ type: 'explorer:navigate', state: { view: 'matrix', domains: ['networking'] } });
  const changed = await t.waitFor(async () => (await got()).find((m) => m.data.type === 'explorer:changed' && m.data.state.view === 'matrix'), 5000, 'explorer:changed to matrix');
  t.assert.equal(changed.from, 'a');
  t.assert.deepEqual(changed.data.state.domains, ['networking']);
  t.assert.equal(changed.data.state.embed, true, 'navigate keeps the embed params');

  // Malformed or oversized messages change nothing.
  for (const bad of ['garbage', 42, null, [1, 2], { type: 'explorer:navigate', state: { view: 7 } },
    { type: 'explorer:navigate', state: { domains: 'networking' } }, { type: 'explorer:navigate', hash: 'no-hash-sign' },
    { type: 'explorer:navigate', state: { q: 'x'.repeat(20000) } }, { type: 'explorer:unknown' }, { type: 'explorer:navigate', state: { embed: false } }]) {
    await send(bad);
  }
  await t.page.waitForTimeout(500);
  await send({ type: 'explorer:getState' });
  const answer = await t.waitFor(async () => (await got()).find((m) => m.data.type === 'explorer:state'), 5000, 'explorer:state answer');
  t.assert.equal(answer.data.state.view, 'matrix', 'malformed messages were ignored');
  t.assert.equal(answer.data.state.embed, true);

  await send({ type: 'explorer:navigate', hash: '#card=' + encodeURIComponent('key-features-of-rust/high-performance') + '&embed=0' });
  await t.waitFor(async () => (await got()).some((m) => m.data.type === 'explorer:changed' && m.data.state.card === 'key-features-of-rust/high-performance' && m.data.state.embed === true), 5000, 'navigate by hash (embed stays on)');

  // Frame b only accepts http://other.example: our messages are ignored, and it posts nothing to us.
  const frameB = await (await t.page.$('#b')).contentFrame();
  await t.waitFor(() => frameB.evaluate(() => !!(window.explorer && window.explorer.state().ready)), 40000, 'frame b ready');
  await sendB({ type: 'explorer:navigate', state: { view: 'matrix' } });
  await sendB({ type: 'explorer:getState' });
  await t.page.waitForTimeout(800);
  t.assert.equal(await frameB.evaluate(() => window.explorer.state().view), 'cards', 'b ignored a message from a foreign origin');
  t.assert.equal((await got()).filter((m) => m.from === 'b').length, 0, 'b posted nothing to a foreign origin');
});
