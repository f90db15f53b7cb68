// The Embed panel: the top bar's Embed button opens it, its options change the code,
// "Copy embed code" copies an <iframe> that, pasted into the sample deck, shows the same view.
// Screenshots: embed-panel-desktop.png, embed-panel-phone.png, embed-pasted-slide.png.
import { test, ready, clickCanvasRect } from './fixtures.mjs';

// The view part of a state's URL: the display keys (embed, theme, bg, scale, controls, parent)
// differ on purpose between the explorer and its embed.
const viewOf = (url) => Array.from(new URLSearchParams(url.replace(/^[?#]/, '').replace('#', '&')).entries())
  .filter(([k]) => !['embed', 'theme', 'bg', 'scale', 'controls', 'parent'].includes(k))
  .map(([k, v]) => `${k}=${v}`).sort().join('&');

test('embedPanelCopiesCodeThatShowsTheSameView', async ({ t }) => {
  test.setTimeout(150000);
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
  let s = await ready(t, '/#view=matrix&domains=networking&pivot=1&rsort=name');
  t.assert.ok(s.embedButton && s.embedButton[2] > 0, 'an Embed button in the top bar');
  const twin = await t.page.evaluate(() => {
    const b = document.querySelector('#twins [data-twin="app:embed"]');
    return b ? { role: b.getAttribute('role') || b.tagName.toLowerCase(), name: b.getAttribute('aria-label') || b.textContent } : null;
  });
  t.assert.ok(twin, 'the Embed button has a DOM twin');
  await clickCanvasRect(t, s.embedButton, 'Embed');
  await t.waitFor(() => t.page.evaluate(() => !!document.querySelector('dialog#embed-panel[open]')), 5000, 'the panel opens');
  const code0 = await t.page.inputValue('#embed-code-reveal');
  t.assert.match(code0, /^<iframe class="explorer" /);
  t.assert.match(code0, /data-preload data-src="http:\/\/127\.0\.0\.1:\d+\/\?view=matrix&amp;domains=networking&amp;[^"]*embed=1[&"]/);
  // Options change the code: dark, transparent, scale 1.5.
  await t.page.check('#embed-panel input[name="embed-theme"][value="dark"]');
  await t.page.check('#embed-panel input[name="transparent"]');
  await t.page.selectOption('#embed-panel select[name="scale"]', '1.5');
  await t.page.fill('#embed-panel input[name="width"]', '1100');
  const code = await t.page.inputValue('#embed-code-reveal');
  t.assert.match(code, /theme=dark/);
  t.assert.match(code, /bg=transparent/);
  t.assert.match(code, /scale=1\.5/);
  t.assert.match(code, /width="1100"/);
  t.assert.match(await t.page.textContent('#embed-panel .embed-preview-box'), /1100 × 540/);
  t.assert.match(await t.page.inputValue('#embed-code-page'), /^<iframe title="[^"]+" width="1100" height="540" src="http/);
  await t.screenshot('embed-panel-desktop');
  await t.page.click('#embed-panel button[data-copy="reveal"]');
  await t.waitFor(async () => (await t.page.textContent('#embed-panel .embed-status')) === 'Embed code copied.', 5000, 'copied');
  const copied = await t.page.evaluate(() => navigator.clipboard.readText());
  t.assert.equal(copied, code, 'the clipboard has the reveal.js code');
  // Esc closes it and the explorer is as before.
  await t.page.keyboard.press('Escape');
  await t.waitFor(() => t.page.evaluate(() => !document.querySelector('dialog#embed-panel[open]')), 3000, 'Esc closes the panel');
  s = await t.state();
  const wanted = viewOf(s.url);
  t.assert.match(wanted, /domains=networking/);

  // Pasted into the sample deck as a new slide: the embed shows the same view, as set.
  await t.open('/deck/');
  await t.page.waitForFunction(() => window.deck && window.deck.isReady(), null, { timeout: 20000 });
  const index = await t.page.evaluate((snippet) => {
    const section = document.createElement('section');
    section.id = 'pasted';
    section.className = 'dark-slide';
    section.setAttribute('data-background-color', '#16181d');
    section.innerHTML = '<h2>Pasted</h2>' + snippet;
    document.querySelector('.reveal .slides').appendChild(section);
    window.deck.sync();
    const i = window.deck.getHorizontalSlides().indexOf(section);
    window.deck.slide(i);
    return i;
  }, copied);
  t.assert.ok(index > 0);
  const handle = await t.page.$('section#pasted iframe');
  const frame = await t.waitFor(async () => {
    const f = await handle.contentFrame();
    const ok = f && (await f.evaluate(() => !!(window.explorer && window.explorer.state().ready)).catch(() => false));
    return ok ? f : null;
  }, 40000, 'the pasted embed is ready');
  const e = await frame.evaluate(() => window.explorer.state());
  t.assert.equal(viewOf(e.url), wanted, 'the pasted embed shows the view it was copied from');
  t.assert.equal(e.view, 'matrix');
  t.assert.equal(e.embed, true);
  t.assert.equal(e.theme, 'dark');
  t.assert.ok(Math.abs(e.scale - 1.5) < 0.01, `scale ${e.scale}`);
  await t.page.waitForTimeout(800);
  await t.screenshot('embed-pasted-slide');
  t.assertNoConsoleErrors();
});

test('embedPanelOnAPhone', async ({ t }) => {
  test.setTimeout(90000);
  const context = await t.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url('/#section=key-features-of-rust'));
  await t.waitReady(30000, page);
  const s = await t.state(page);
  t.assert.ok(s.embedButton && s.embedButton[2] > 0, 'the Embed button is drawn on a phone');
  const o = await page.$eval('#canvas', (c) => { const r = c.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.touchscreen.tap(o.x + s.embedButton[0] + s.embedButton[2] / 2, o.y + s.embedButton[1] + s.embedButton[3] / 2);
  await t.waitFor(() => page.evaluate(() => !!document.querySelector('dialog#embed-panel[open]')), 5000, 'the panel opens on a tap');
  const box = await page.locator('#embed-panel').boundingBox();
  t.assert.ok(box.x >= 0 && box.x + box.width <= 390, `the panel fits the phone's width (${JSON.stringify(box)})`);
  t.assert.match(await page.inputValue('#embed-code-page'), /section=key-features-of-rust/);
  await t.screenshot('embed-panel-phone', page);
  t.assertNoConsoleErrors();
});
