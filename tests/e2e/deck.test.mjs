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
    // The canvas can take its new size before the app's next frame takes the new pixel ratio
    // (state().dpr is the last frame's): wait for both.
    const m = await t.waitFor(async () => {
      const x = await canvasVsScreen(frame);
      return Math.abs(x.width - x.screenWidth) <= 2 && Math.abs(x.dpr - x.slideScale) < 0.01 ? x : null;
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

// Fragments drive an embed (data-explorer-steps on the iframe, relayed by deck.js): each step
// forward applies the declared state, each step back the previous one, and bad steps or garbage
// messages are named in the console and change nothing.
test('deckFragmentsStepTheEmbed', async ({ t }) => {
  test.setTimeout(120000);
  const warnings = [];
  t.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await t.open('/deck/#/4');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  t.assert.equal(await slideIndex(t), 4);
  const frame = await embedFrame(t, 'steps');
  const state = () => frame.evaluate(() => window.explorer.state());
  const initial = await t.waitFor(async () => {
    const s = await state();
    return s.view === 'cards' && /section=examples-of-products-built-with-rust/.test(s.url) ? s : null;
  }, 8000, 'the embed at its own URL');
  t.assert.equal(initial.openCard || '', '');
  const steps = JSON.parse(await t.page.evaluate(() => document.querySelector('section#steps iframe').getAttribute('data-explorer-steps')));
  t.assert.equal(steps.length, 2);

  const atStep1 = (s) => s.view === 'cards' && /card=examples-of-products-built-with-rust(%2F|\/)cloudflare/.test(s.url);
  const atStep2 = (s) => s.view === 'matrix' && /domains=networking/.test(s.url) && /row=cloudflare/.test(s.url) && !/card=/.test(s.url);
  const atStart = (s) => s.url === initial.url;
  const expect = async (pred, what) => {
    let last = null;
    await t.waitFor(async () => pred((last = await state())), 8000, what).catch((e) => {
      e.message += ` (last url: ${last && last.url})`;
      throw e;
    });
  };
  await t.page.keyboard.press('ArrowRight');
  await expect(atStep1, 'step 1: the Cloudflare card');
  t.assert.equal(await slideIndex(t), 4, 'a fragment, not the next slide');
  await t.page.keyboard.press('ArrowRight');
  await expect(atStep2, 'step 2: the matrix in networking');
  await t.screenshot('deck-steps-2');
  await t.page.keyboard.press('ArrowLeft');
  await expect(atStep1, 'back to step 1');
  await t.page.keyboard.press('ArrowLeft');
  await expect(atStart, 'back to the embed\'s own URL');

  // Hostile steps: broken JSON, and a state the explorer refuses. Nothing changes; both are named.
  await t.page.evaluate(() => document.querySelector('section#steps iframe').setAttribute('data-explorer-steps', '[{"view": "matrix"'));
  await t.page.keyboard.press('ArrowRight');
  await t.page.waitForTimeout(800);
  t.assert.ok(atStart(await state()), 'broken step JSON changed the embed');
  t.assert.ok(warnings.some((w) => /data-explorer-steps .* is not valid JSON/.test(w)), `warnings: ${warnings.join(' | ')}`);
  await t.page.keyboard.press('ArrowLeft');
  await t.page.evaluate(() => document.querySelector('section#steps iframe').setAttribute('data-explorer-steps', '[{"view": 7, "domains": "networking"}]'));
  await t.page.keyboard.press('ArrowRight');
  await t.page.waitForTimeout(800);
  t.assert.ok(atStart(await state()), 'a refused state changed the embed');
  t.assert.ok(warnings.some((w) => /ignored a message from the host page: explorer:navigate: view must be a string/.test(w)), `warnings: ${warnings.join(' | ')}`);
  // Garbage messages straight to the embed.
  for (const bad of ['garbage', 42, { type: 'explorer:navigate', state: [1] }, { type: 'explorer:nope' }]) {
    await t.page.evaluate((m) => document.querySelector('section#steps iframe').contentWindow.postMessage(m, '*'), bad);
  }
  await t.page.waitForTimeout(600);
  t.assert.ok(atStart(await state()), 'garbage messages changed the embed');
  t.assert.ok(warnings.some((w) => /unknown type "explorer:nope"/.test(w)), `warnings: ${warnings.join(' | ')}`);
  t.assertNoConsoleErrors();
});

// The speaker view (S) shows the current and next slides in iframes that load the deck again
// (?receiver). Embeds there show their state as static HTML: no wasm canvas, no WebGL context.
test('deckSpeakerViewMakesNoWebGLContexts', async ({ t }) => {
  test.setTimeout(150000);
  await t.context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      if (/webgl/i.test(String(kind))) console.log('rx-webgl-context ' + location.pathname + location.search);
      return original.call(this, kind, ...rest);
    };
  });
  const mainContexts = [];
  t.page.on('console', (m) => { if (m.text().startsWith('rx-webgl-context')) mainContexts.push(m.text()); });
  await t.open('/deck/#/1');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  await embedFrame(t, 'features');
  // The counter works: the deck's own embed made its context.
  await t.waitFor(() => mainContexts.length >= 1, 5000, 'the deck\'s embed counted its WebGL context');

  const [notes] = await Promise.all([t.context.waitForEvent('page'), t.page.keyboard.press('s')]);
  t.watch(notes);
  const notesContexts = [], notesWasm = [];
  notes.on('console', (m) => { if (m.text().startsWith('rx-webgl-context')) notesContexts.push(m.text()); });
  notes.on('request', (r) => { if (/explorer\.(wasm|js)$/.test(new URL(r.url()).pathname)) notesWasm.push(r.url()); });
  const embeds = await t.waitFor(async () => {
    const frames = notes.frames().filter((f) => /embed=1/.test(f.url()));
    if (frames.length < 2) return null;
    const shown = [];
    for (const f of frames) {
      const s = await f.evaluate(() => ({
        static: document.documentElement.classList.contains('static-state'),
        printed: document.documentElement.classList.contains('has-print'),
        text: (document.getElementById('print') || {}).textContent || '',
      })).catch(() => null);
      if (!s || !s.static || !s.printed) return null;
      shown.push(s.text);
    }
    return shown;
  }, 60000, 'the speaker view\'s previews show their embeds\' states');
  t.assert.ok(embeds.some((text) => text.includes('Key Features of Rust')), 'current slide preview: the key features');
  t.assert.ok(embeds.some((text) => text.includes('Who uses Rust for what')), 'next slide preview: the matrix');
  await notes.waitForTimeout(1500);
  await t.screenshot('deck-speaker-view', notes);
  t.assert.deepEqual(notesContexts, [], 'WebGL contexts in the speaker view');
  // The deck's live explorer rendered the previews: no wasm instance in the speaker window.
  t.assert.deepEqual(notesWasm, [], 'the speaker view loaded no wasm');
  t.assert.equal(await notes.frames().find((f) => /embed=1/.test(f.url())).evaluate(() => window.rxPrint.peerRendered()), true);
  t.assertNoConsoleErrors();
});

// Projector legibility: on a 1920x1080 screen every embed's body text is at least as large as
// its slide's caption (both scale with the slide, so the rule holds at any size: README).
test('deckEmbedTextIsAsLargeAsTheCaptions', async ({ t }) => {
  test.setTimeout(150000);
  await t.page.setViewportSize({ width: 1920, height: 1080 });
  for (const id of ['features', 'networking', 'dark', 'steps']) {
    await t.open(`/deck/#/${id}`);
    await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
    const frame = await embedFrame(t, id);
    const s = await frame.evaluate(() => window.explorer.state());
    const slide = await t.page.evaluate((sid) => {
      const caption = document.querySelector(`section#${sid} .caption`);
      return { captionPx: parseFloat(getComputedStyle(caption).fontSize), deckScale: window.deck.getScale() };
    }, id);
    const body = s.bodyTextPx * slide.deckScale, caption = slide.captionPx * slide.deckScale;
    t.log(`${id}: body text ${body.toFixed(1)} px, caption ${caption.toFixed(1)} px on the 1080p screen (scale=${s.scale})`);
    t.assert.ok(typeof s.bodyTextPx === 'number' && s.bodyTextPx > 0, 'state().bodyTextPx');
    t.assert.ok(body >= caption, `${id}: body text ${body.toFixed(1)} px < caption ${caption.toFixed(1)} px`);
    if (id === 'networking') await t.screenshot('deck-1080p-legible');
  }
});
