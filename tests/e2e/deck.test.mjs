// The sample reveal.js deck (web/deck/): each embedding slide shows the right view and renders,
// the previous slide's explorer stops, and the deck keeps its arrow keys after an embed had the
// keyboard. Screenshots: deck-<n>-<slide>.png in the e2e output folder.
import { test } from './fixtures.mjs';

const EMBEDS = [
  { id: 'features', view: 'cards', url: /section=key-features-of-rust/, theme: 'light' },
  { id: 'networking', view: 'matrix', url: /domains=networking/, theme: 'light' },
  { id: 'dark', view: 'cards', url: /section=where-is-rust-used/, theme: 'dark' },
];

async function embedFrame(t, id) {
  const handle = await t.page.$(`section#${id} iframe`);
  t.assert.ok(handle, `slide ${id} has an iframe`);
  return t.waitFor(async () => {
    const f = await handle.contentFrame();
    if (!f || !/embed=1/.test(f.url())) return null;
    const ready = await f.evaluate(() => !!(window.explorer && window.explorer.state().ready)).catch(() => false);
    return ready ? f : null;
  }, 40000, `explorer ready on slide ${id}`);
}

const framesOf = (f) => f.evaluate(() => window.explorer.state().frames);
const slideIndex = (t) => t.page.evaluate(() => window.deck.getIndices().h);

async function iframeCenter(t, id) {
  const box = await (await t.page.$(`section#${id} iframe`)).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

test('deckEmbedsFollowTheSlides', async ({ t }) => {
  test.setTimeout(150000);
  await t.open('/deck/');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  await t.page.waitForTimeout(500);
  await t.screenshot('deck-0-title');
  let previous = null;
  for (let i = 0; i < EMBEDS.length; i++) {
    const slide = EMBEDS[i];
    await t.page.keyboard.press('ArrowRight');
    await t.waitFor(async () => (await slideIndex(t)) === i + 1, 5000, `deck on slide ${i + 1}`);
    const frame = await embedFrame(t, slide.id);
    const s = await frame.evaluate(() => window.explorer.state());
    t.assert.equal(s.view, slide.view, `${slide.id}: view`);
    t.assert.equal(s.embed, true, `${slide.id}: embed mode`);
    t.assert.equal(s.topBar, false, `${slide.id}: no top bar in embeds`);
    t.assert.equal(s.theme, slide.theme, `${slide.id}: theme`);
    t.assert.match(s.url, slide.url, `${slide.id}: URL state`);
    t.assert.deepEqual(s.errors, [], `${slide.id}: no content errors`);
    t.assert.equal(await frame.evaluate(() => window.rxEmbed.slideActive()), true, `${slide.id}: active`);
    // Rendering: pointing at it draws frames.
    // Pointed at again on each poll: on a busy machine the slide transition may still be moving
    // the iframe when the first move lands.
    const f0 = await framesOf(frame);
    let wiggle = 0;
    await t.waitFor(async () => {
      const c = await iframeCenter(t, slide.id);
      wiggle = (wiggle + 1) % 2;
      await t.page.mouse.move(c.x + 15 * wiggle, c.y + 10 * wiggle);
      return (await framesOf(frame)) > f0;
    }, 10000, `${slide.id} draws frames`);
    // Nobody took the keyboard from the deck.
    t.assert.notEqual(await t.page.evaluate(() => document.activeElement.tagName), 'IFRAME', 'an embed took focus by itself');
    if (previous) {
      // The previous slide's explorer got slide:stop: still loaded, but draws nothing, even when woken.
      t.assert.equal(await previous.frame.evaluate(() => window.rxEmbed.slideActive()), false, `${previous.id} stopped`);
      const p0 = await framesOf(previous.frame);
      await previous.frame.evaluate(() => window.explorer.wake());
      await t.page.waitForTimeout(700);
      t.assert.equal(await framesOf(previous.frame), p0, `${previous.id} drew frames after its slide was left`);
    }
    await t.page.mouse.move(5, 5);
    await t.page.waitForTimeout(900);
    await t.screenshot(`deck-${i + 1}-${slide.id}`);
    previous = { id: slide.id, frame };
  }
  await t.page.keyboard.press('ArrowRight');
  await t.waitFor(async () => (await slideIndex(t)) === EMBEDS.length + 1, 5000, 'last slide');
  await t.page.waitForTimeout(500);
  await t.screenshot(`deck-${EMBEDS.length + 1}-end`);
  t.assertNoConsoleErrors();
});

test('escapeGivesTheKeyboardBackToTheDeck', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/deck/#/1');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  t.assert.equal(await slideIndex(t), 1);
  const frame = await embedFrame(t, 'features');
  // Click into the explorer (top-left corner: the section list, not a card).
  const { box } = await iframeCenter(t, 'features');
  await t.page.mouse.click(box.x + 30, box.y + 12);
  await t.waitFor(() => frame.evaluate(() => document.activeElement && document.activeElement.id === 'canvas'), 3000, 'the canvas has focus after a click');
  // Now keys go to the explorer, not the deck.
  await t.page.keyboard.press('ArrowRight');
  await t.page.waitForTimeout(400);
  t.assert.equal(await slideIndex(t), 1, 'the deck moved while the explorer had the keyboard');
  await t.page.keyboard.press('Escape');
  await t.waitFor(() => t.page.evaluate(() => document.activeElement.tagName !== 'IFRAME'), 3000, 'Esc hands focus back');
  await t.page.keyboard.press('ArrowRight');
  await t.waitFor(async () => (await slideIndex(t)) === 2, 3000, 'ArrowRight moves the deck after Esc');
  t.assertNoConsoleErrors();
});

test('slideStartResetsADataResetEmbed', async ({ t }) => {
  test.setTimeout(90000);
  await t.open('/deck/#/1');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  const frame = await embedFrame(t, 'features');
  const initial = (await frame.evaluate(() => window.explorer.state())).url;
  await frame.evaluate(() => window.explorer.navigate('#embed=1&view=matrix'));
  await t.waitFor(async () => (await frame.evaluate(() => window.explorer.state())).view === 'matrix', 5000, 'navigated away');
  await t.page.keyboard.press('ArrowRight');
  await t.waitFor(async () => (await slideIndex(t)) === 2, 5000, 'next slide');
  await t.page.keyboard.press('ArrowLeft');
  await t.waitFor(async () => (await frame.evaluate(() => window.explorer.state())).url === initial, 8000, 'data-reset embed back at its initial URL state');
  t.assert.equal((await frame.evaluate(() => window.explorer.state())).view, 'cards');
});

// A deck scales its slides with a CSS transform (1.36 on a 1080p projector). The embed's drawing
// buffer follows: one canvas pixel per screen pixel, so text stays sharp instead of being
// stretched. It follows a resize of the deck, and a cross-origin host can send the scale.
test('embedsDrawAtTheProjectorsPixels', async ({ t }) => {
  test.setTimeout(120000);
  const canvasVsScreen = async (frame) => {
    const box = await (await frame.frameElement()).boundingBox();
    const inner = await frame.evaluate(() => ({
      width: document.getElementById('canvas').width, cssWidth: innerWidth, dpr: window.explorer.state().dpr }));
    const slideScale = await t.page.evaluate(() => window.deck.getScale());
    // The content's width on screen (the iframe's box less its borders, scaled like the slide).
    return { ...inner, screenWidth: inner.cssWidth * slideScale, boxWidth: box.width, slideScale };
  };
  for (const [width, height] of [[1920, 1080], [1280, 800]]) {
    await t.page.setViewportSize({ width, height });
    await t.open('/deck/#/1');
    await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
    const frame = await embedFrame(t, 'features');
    const m = await t.waitFor(async () => {
      const x = await canvasVsScreen(frame);
      return Math.abs(x.width - x.screenWidth) <= 2 ? x : null;
    }, 8000, `${width}x${height}: the canvas has as many pixels as the iframe covers on screen`).catch(async (e) => {
      t.log(JSON.stringify(await canvasVsScreen(frame)));
      throw e;
    });
    t.assert.ok(Math.abs(m.dpr - m.slideScale) < 0.01, `${width}x${height}: pixel ratio ${m.dpr} = slide scale ${m.slideScale}`);
    t.assert.ok(m.cssWidth < m.screenWidth === m.slideScale > 1, 'layout stays in the slide\'s CSS px');
    if (width === 1920) await t.screenshot('deck-1080p-sharp');
  }
  // The deck grows again (a window resize): the embed follows without a reload.
  await t.page.setViewportSize({ width: 1920, height: 1080 });
  const frame = await embedFrame(t, 'features');
  await t.waitFor(async () => {
    const x = await canvasVsScreen(frame);
    return Math.abs(x.width - x.screenWidth) <= 2 && x.slideScale > 1.3 ? x : null;
  }, 8000, 'after the resize the canvas matches the screen again');
  // A cross-origin host cannot be measured; it can tell the scale.
  await t.page.evaluate(() => document.querySelector('section#features iframe').contentWindow.postMessage(
    { type: 'explorer:display', frameScale: 2 }, '*'));
  await t.waitFor(async () => ((await frame.evaluate(() => window.explorer.state().dpr)) === 2 ? true : null), 5000, 'explorer:display sets the scale');
  t.assertNoConsoleErrors();
});
