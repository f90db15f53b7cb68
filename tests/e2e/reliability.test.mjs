// Reliability and bad input: content errors in the panel (through intercepted content
// requests), oversized files, WebGL context loss, hostile URL hashes, postMessages and pastes,
// the Content-Security-Policy, and a long run of scripted interactions with flat heaps.
// Fixtures: tests/e2e/fixtures.mjs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test, TIMING } from './fixtures.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Records CSP violations from the first script on; call before t.open().
async function watchCsp(t, context = t.context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
}

async function assertClean(t, page = t.page) {
  const csp = await page.evaluate(() => window.__cspViolations || ['(watchCsp not installed)']);
  t.assert.deepEqual(csp, [], `CSP violations: ${csp.join('; ')}`);
  t.assertNoConsoleErrors();
}

// 1-based line and column of the first `needle` in `text` (ASCII-safe: columns in code points).
function positionOf(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture text not found: ${needle}`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { line, col };
}

// Serves content/<name> through `edit(originalText) -> newText`.
async function tamper(t, name, edit) {
  await t.page.route(`**/content/${name}`, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: edit(text), headers: { 'content-type': 'application/json' } });
  });
}

function cardCount(state) {
  return (state.sections || []).reduce((n, s) => n + (s.cards || []).length, 0);
}

// Waits until frames advance past `after` (the loop is idle until something wakes it).
async function framesAdvance(t, after, what, page = t.page) {
  return t.waitFor(async () => {
    await page.evaluate(() => window.explorer.wake());
    const s = await t.state(page);
    return s.frames > after ? s : null;
  }, 10000, what);
}

// --- bad content ---------------------------------------------------------------------------------

test('brokenJsonShowsPositionedErrorAndCardsStillRender', async ({ t }) => {
  await watchCsp(t);
  let served = '';
  await tamper(t, 'adopters.json', (text) => {
    // Drop the comma after the first domain id: a syntax error at the next key.
    served = text.replace('"id": "systems",', '"id": "systems"');
    return served;
  });
  await t.open('/');
  const s = await t.waitReady();
  const err = s.errors.find((e) => e.source === 'adopters.json');
  t.assert.ok(err, `an adopters.json error in ${JSON.stringify(s.errors)}`);
  t.assert.match(err.message, /JSON syntax error/);
  const want = positionOf(served, '"name": "Systems Programming"');
  t.assert.equal(err.line, want.line, 'line of the key after the missing comma');
  t.assert.ok(err.col >= 1, 'a column');
  t.assert.ok(cardCount(s) >= 20, `cards still render (${cardCount(s)})`);
  t.assert.ok(s.sections[0].cards.some((c) => c.visible), 'some card is on screen');
  await assertClean(t);
});

test('contentErrorsListFileLineColumnInBothThemes', async ({ t }) => {
  await watchCsp(t);
  let served = '';
  await tamper(t, 'adopters.json', (text) => {
    served = text
      .replace('Servo, a high-performance browser engine', 'Servo, a slow browser engine')
      .replace('"domain": "networking"', '"domain": "telepathy"')
      .replace('"id": "web",', '"id": "systems",');
    return served;
  });
  await t.open('/');
  const s = await t.waitReady();
  const quote = s.errors.find((e) => /quote does not occur/.test(e.message));
  t.assert.ok(quote, `a quote error in ${JSON.stringify(s.errors)}`);
  t.assert.deepEqual([quote.source, quote.line, quote.col],
    ['adopters.json', positionOf(served, '"Servo, a slow').line, positionOf(served, '"Servo, a slow').col]);
  const domain = s.errors.find((e) => /unknown domain "telepathy"/.test(e.message));
  t.assert.ok(domain, 'unknown domain reported');
  t.assert.deepEqual([domain.line, domain.col],
    [positionOf(served, '"telepathy"').line, positionOf(served, '"telepathy"').col]);
  const dup = s.errors.find((e) => /duplicate domain id "systems"/.test(e.message));
  t.assert.ok(dup, 'duplicate id reported');
  // Everything valid still shows: all cards, and the matrix with the other adopters.
  t.assert.ok(cardCount(s) >= 20);
  await t.page.waitForTimeout(300);
  await t.screenshot('reliability-error-panel-light');
  await t.page.evaluate(() => window.explorer.navigate('#theme=dark'));
  await t.waitFor(async () => (await t.state()).theme === 'dark', 5000, 'dark theme');
  await t.page.waitForTimeout(300);
  await t.screenshot('reliability-error-panel-dark');
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&theme=dark'));
  const m = await t.waitFor(async () => {
    const st = await t.state();
    return st.view === 'matrix' ? st : null;
  }, 5000, 'matrix view');
  t.assert.ok(m.errors.length >= 3, 'errors stay listed in the matrix view');
  await assertClean(t);
});

test('oversizedDocumentIsRefusedWithAClearMessage', async ({ t }) => {
  test.setTimeout(90000);
  await watchCsp(t);
  const index = JSON.parse(await (await fetch(`${t.baseUrl}/content/index.json`)).text());
  await t.page.route(`**/content/${index.document}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown', body: '# big\n' + 'x'.repeat(6 * 1024 * 1024) }));
  await t.open('/');
  const s = await t.waitReady();
  const err = s.errors.find((e) => e.source === index.document);
  t.assert.ok(err, `a document error in ${JSON.stringify(s.errors).slice(0, 400)}`);
  t.assert.match(err.message, /5 MB/);
  t.assert.ok(s.frames > 0, 'the app still renders');
  await assertClean(t);
});

// An empty font file (a broken deploy): a clear note over the readable document, no crash.
test('emptyFontFileGivesANoteAndTheDocument', async ({ t }) => {
  await t.page.route('**/fonts/ui-regular.ttf', (route) => route.fulfill({ status: 200, contentType: 'font/ttf', body: '' }));
  await t.open('/');
  const note = t.page.locator('#status');
  await t.waitFor(async () => /font/.test((await note.textContent()) || ''), 15000, 'the font note');
  t.assert.ok(await note.isVisible(), '#status is visible');
  t.assert.equal(await t.page.evaluate(() => document.documentElement.classList.contains('ready')), false);
  t.assert.ok(await t.page.locator('#doc h1').isVisible(), 'the document stays readable');
});

// --- WebGL context loss --------------------------------------------------------------------------

test('webglContextLossPausesAndRestoreResumesWithSameState', async ({ t }) => {
  await watchCsp(t);
  await t.open('/#card=key-features-of-rust/high-performance');
  await t.waitReady();
  await t.page.waitForTimeout(500);
  const shotBefore = fs.readFileSync(await t.screenshot('reliability-before-context-loss'));
  const strip = (s) => {
    const { frames, heapBytes, heapUsed, inputPending, ...rest } = s;
    return rest;
  };
  const before = await t.state();
  await t.page.evaluate(() => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    window.__loseContext = gl.getExtension('WEBGL_lose_context');
    window.__loseContext.loseContext();
  });
  await sleep(300);
  const lost = await t.state();
  await t.page.evaluate(() => window.explorer.wake());
  await t.page.mouse.move(300, 300);
  await sleep(300);
  const stillLost = await t.state();
  t.assert.equal(stillLost.frames, lost.frames, 'no frames while the context is lost');
  await t.page.evaluate(() => window.__loseContext.restoreContext());
  const after = await framesAdvance(t, stillLost.frames, 'frames after restoreContext');
  t.assert.deepEqual(strip(after), strip(before), 'state unchanged except frames');
  await t.page.mouse.move(10, 10);
  await t.page.waitForTimeout(500);
  const shotAfter = fs.readFileSync(await t.screenshot('reliability-after-context-restore'));
  // Same state, same pixels: the font atlas and shaders really were recreated.
  t.assert.ok(shotAfter.length > 20000, 'the restored frame has content');
  t.assert.ok(Math.abs(shotAfter.length - shotBefore.length) < shotBefore.length * 0.02,
    `restored frame looks like the original (${shotBefore.length} vs ${shotAfter.length} bytes)`);
  await assertClean(t);
});

// --- hostile input -------------------------------------------------------------------------------

test('garbageAndHugeUrlHashesAreIgnored', async ({ t }) => {
  await watchCsp(t);
  let garbage = '';
  for (let i = 0; i < 100 * 1024; i++) garbage += String.fromCharCode(33 + ((i * 7919) % 94));
  await t.open('/#' + encodeURI(garbage).slice(0, 100 * 1024));
  let s = await t.waitReady();
  t.assert.ok(s.url.length <= 4096, 'the app keeps at most 4 KB of URL state');
  const hashes = [
    '#view=%ZZ&card=../../etc&q=%C0%80%ED%A0%80',
    '#' + 'q='.repeat(30000),
    '#scale=NaN&scale=1e309&controls=7&theme=<script>',
    '#domains=' + ','.repeat(50000),
    '#' + '%'.repeat(100000),
    '#card=' + 'a/'.repeat(50000),
  ];
  for (const h of hashes) {
    await t.page.evaluate((hash) => { location.hash = hash; }, h);
    await t.page.evaluate((hash) => window.explorer.navigate(hash), h);
  }
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix'));
  s = await t.waitFor(async () => {
    const st = await t.state();
    return st.view === 'matrix' ? st : null;
  }, 5000, 'a valid hash still works afterwards');
  t.assert.equal(s.ready, true);
  await assertClean(t);
});

test('pastingOneMegabyteIntoSearchIsCapped', TIMING, async ({ t }) => {
  await watchCsp(t);
  await t.open('/');
  await t.waitReady();
  await t.page.locator('#canvas').focus();
  await t.page.keyboard.press('/');
  await t.waitFor(async () => (await t.state()).search.active, 5000, 'search field focused');
  const frames = (await t.state()).frames;
  const ms = await t.page.evaluate(() => {
    const text = 'memory safety '.repeat(75000); // ~1 MB
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const t0 = performance.now();
    document.activeElement.dispatchEvent( // the search field's DOM twin
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return performance.now() - t0;
  });
  const s = await framesAdvance(t, frames, 'frames after the paste');
  const q = (await t.waitFor(async () => {
    const st = await t.state();
    return st.search.query.length > 0 ? st : null;
  }, 5000, 'pasted text in the search field')).search.query;
  t.assert.ok(q.length <= 256, `query capped (${q.length} bytes)`);
  t.assert.ok(q.startsWith('memory safety'), 'the start of the paste is kept');
  t.assert.ok(ms < 1000, `paste handled in ${ms.toFixed(0)} ms`);
  t.assert.equal(s.ready, true);
  // Still responsive: Escape clears the search.
  await t.page.keyboard.press('Escape');
  await t.page.keyboard.press('Escape');
  await assertClean(t);
});

// The explorer in an iframe of another origin; messages from there, malformed and oversized.
test('hostileAndForeignPostMessagesAreIgnored', async ({ t }) => {
  test.setTimeout(90000);
  await watchCsp(t);
  const frameUrl = (parent) => t.url(`/?embed=1&parent=${encodeURIComponent(parent)}`);
  // The host page comes from another origin (another port on loopback: a page routed by
  // Playwright would count as public and Chromium would block its frames to 127.0.0.1).
  let hostOrigin = '';
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><iframe id="trusted" src="${frameUrl(hostOrigin)}" width="620" height="400"></iframe>
      <iframe id="other" src="${frameUrl('https://slides.example.org')}" width="620" height="400"></iframe>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${server.address().port}`;
  t.context.on('close', () => server.close());
  await t.page.goto(`${hostOrigin}/deck.html`);
  const frameOf = async (id) => (await t.page.locator(`#${id}`).elementHandle()).contentFrame();
  const trusted = await frameOf('trusted');
  const other = await frameOf('other');
  const stateOf = (f) => f.evaluate(() => window.explorer && window.explorer.state());
  for (const f of [trusted, other]) {
    await t.waitFor(async () => ((await stateOf(f)) || {}).ready, 30000, 'embedded explorer ready');
  }
  const post = (id, messages) =>
    t.page.evaluate(([id, messages]) => {
      const w = document.getElementById(id).contentWindow;
      for (const m of messages) w.postMessage(m, '*');
    }, [id, messages]);
  const navigateToMatrix = { type: 'explorer:navigate', state: { view: 'matrix' } };

  // A frame whose parent= names another origin ignores this page entirely.
  await post('other', [navigateToMatrix, { type: 'explorer:display', frameScale: 2 }]);
  await sleep(500);
  t.assert.equal((await stateOf(other)).view, 'cards', 'message from an unexpected origin ignored');
  t.assert.equal((await stateOf(other)).dpr, 1, 'explorer:display from an unexpected origin ignored');

  // Malformed and oversized messages from the trusted origin change nothing.
  const huge = 'x'.repeat(2 * 1024 * 1024);
  await post('trusted', [
    'garbage', 42, null, [1, 2, 3], { type: 7 }, { type: 'explorer:navigate' },
    { type: 'explorer:navigate', state: 'matrix' },
    { type: 'explorer:navigate', state: { view: { nested: true } } },
    { type: 'explorer:navigate', state: { q: huge } },
    { type: 'explorer:navigate', state: { domains: new Array(100000).fill('web') } },
    { type: 'explorer:navigate', hash: '#' + huge },
    { type: 'explorer:navigate', hash: 'view=matrix' },
    { type: 'explorer:navigate', state: { view: 'matrix' }, padding: huge },
    { type: 'explorer:unknown', state: { view: 'matrix' } },
    { type: 'explorer:getState', reply: huge },
    { type: 'explorer:display' }, { type: 'explorer:display', frameScale: '2' },
    { type: 'explorer:display', frameScale: NaN }, { type: 'explorer:display', frameScale: -3 },
    { type: 'explorer:display', frameScale: 0 }, { type: 'explorer:display', frameScale: Infinity },
    { type: 'explorer:display', frameScale: { scale: 2 } }, { type: 'explorer:display', frameScale: 2, padding: huge },
  ]);
  await sleep(800);
  const s = await stateOf(trusted);
  t.assert.equal(s.view, 'cards', 'no malformed message switched the view');
  t.assert.equal(s.search.query, '', 'no oversized query got in');
  t.assert.equal(s.dpr, 1, 'no malformed explorer:display changed the pixel ratio');
  // The same origin with a well-formed message is obeyed (so the checks above can fail).
  await post('trusted', [navigateToMatrix]);
  await t.waitFor(async () => (await stateOf(trusted)).view === 'matrix', 5000, 'valid message obeyed');
  await post('trusted', [{ type: 'explorer:display', frameScale: 1.5 }]);
  await t.waitFor(async () => ((await stateOf(trusted)).dpr === 1.5 ? true : null), 5000, 'valid explorer:display obeyed');
  const csp = await trusted.evaluate(() => window.__cspViolations || []);
  t.assert.deepEqual(csp, []);
  t.assertNoConsoleErrors();
});

// --- long run --------------------------------------------------------------------------------------

// A key's press and release as CDP input events (the ones Playwright's keyboard sends).
const keyEvents = (key, code, keyCode, text) => [
  { type: text ? 'keyDown' : 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode, text, unmodifiedText: text },
  { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode },
].map((params) => ['Input.dispatchKeyEvent', params]);

// A left click at (x, y) as CDP input events (Playwright's mouse.click).
const clickEvents = (x, y) => [
  { type: 'mouseMoved', x, y, button: 'none' },
  { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 },
  { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 },
].map((params) => ['Input.dispatchMouseEvent', params]);

// 5,000 scripted interactions (RX_LONG_RUN_INTERACTIONS overrides): search typing, tag filter,
// open/close cards, pivot, view switches, navigation through the hash. Each interaction is
// followed by a rendered frame. Hash navigations are batched in the page (one round trip, a frame
// between each); keys and clicks are the browser's input events (CDP, as Playwright sends them),
// all of a cycle sent at once: they queue in the page in order and the app takes them a frame
// at a time (ImGui's input queue), as from a fast hand, instead of a round trip each. A small
// viewport drawn at 0.625 device px per CSS px (a page zoomed out) keeps software WebGL fast: the
// 640 x 400 layout, 400 x 250 px to fill each frame. The wasm heap (malloc'ed bytes and memory
// size) and the JS heap must stay flat, and frames must keep rendering.
test('longRunOf5000InteractionsKeepsHeapsFlat', async ({ t }) => {
  test.setTimeout(600000);
  const total = Number(process.env.RX_LONG_RUN_INTERACTIONS || 5000);
  const context = await t.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 0.625 });
  await watchCsp(t, context);
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url('/'), { waitUntil: 'load' });
  let s = await t.waitReady(30000, page);
  t.assert.equal(s.dpr, 0.625, 'drawn at 0.625 device px per CSS px');
  const cdp = await context.newCDPSession(page);
  const tags = [...new Set(s.sections.flatMap((sec) => sec.cards.flatMap((c) => c.tags)))].slice(0, 6);
  const cards = s.sections.flatMap((sec) => sec.cards.map((c) => c.id)).slice(0, 12);
  const hashes = [];
  for (let i = 0; i < 12; i++) {
    hashes.push(`#tag=${tags[i % tags.length] || 'safety'}`);
    hashes.push(`#view=matrix&pivot=${i % 2}`);
    hashes.push(`#view=matrix&domains=web,networking&inferred=${i % 2}&rsort=-count`);
    hashes.push(`#q=${['memory', 'safe', 'web', 'rust'][i % 4]}`);
    hashes.push(`#card=${encodeURIComponent(cards[i % cards.length])}`);
    hashes.push('#view=cards');
  }
  await page.locator('#canvas').focus();

  let count = 0;
  const cycle = async (i) => {
    // 12 hash navigations, a frame after each.
    await page.evaluate(async ([hashes, start]) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      for (let k = 0; k < 12; k++) {
        const h = hashes[(start + k) % hashes.length];
        if (k % 3 === 0) location.hash = h; else window.explorer.navigate(h);
        await frame();
      }
    }, [hashes, (i * 12) % hashes.length]);
    const letter = i % 2 ? 'r' : 'm';
    const x = 320 + (i % 3) * 40, y = 250;
    const inputs = [
      ...keyEvents('/', 'Slash', 191, '/'), // focus the search field
      ...keyEvents(letter, `Key${letter.toUpperCase()}`, letter.toUpperCase().charCodeAt(0), letter),
      ...keyEvents('Escape', 'Escape', 27),
      ...clickEvents(x, y), // open whatever card is there
      ...keyEvents('Escape', 'Escape', 27),
      ['Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: i % 2 ? 200 : -200 }],
    ];
    await Promise.all(inputs.map(([method, params]) => cdp.send(method, params)));
    count += 18;
  };
  const heaps = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => window.explorer.wake());
    await sleep(200);
    const st = await t.state(page);
    const js = await page.evaluate(() => performance.memory.usedJSHeapSize);
    return { wasmUsed: st.heapUsed, wasmSize: st.heapBytes, js, frames: st.frames };
  };

  for (let i = 0; i < 6; i++) await cycle(i); // warm-up: caches, glyphs, first growth
  await page.evaluate(() => window.explorer.navigate('#view=cards'));
  const start = await heaps();
  const t0 = Date.now();
  count = 0;
  let i = 0;
  while (count < total) await cycle(i++);
  await page.evaluate(() => window.explorer.navigate('#view=cards'));
  const seconds = (Date.now() - t0) / 1000;
  const end = await heaps();
  const growth = {
    interactions: count,
    seconds,
    wasmUsedBytes: end.wasmUsed - start.wasmUsed,
    wasmMemoryBytes: end.wasmSize - start.wasmSize,
    jsHeapBytes: end.js - start.js,
    framesDuring: end.frames - start.frames,
    start,
    end,
  };
  t.log(`long run: ${JSON.stringify(growth)}`);
  fs.writeFileSync(path.join(t.outDir, 'reliability-long-run.json'), JSON.stringify(growth, null, 2));
  t.assert.ok(Number.isFinite(start.wasmUsed) && Number.isFinite(start.wasmSize), 'heap fields in state()');
  t.assert.ok(growth.framesDuring >= count * 0.6, `frames kept rendering (${growth.framesDuring})`);
  t.assert.ok(growth.wasmUsedBytes < 256 * 1024, `wasm malloc'ed bytes grew ${growth.wasmUsedBytes}`);
  t.assert.equal(growth.wasmMemoryBytes, 0, 'wasm memory did not grow');
  t.assert.ok(growth.jsHeapBytes < 4 * 1024 * 1024, `JS heap grew ${growth.jsHeapBytes}`);
  // Still responsive at the end.
  s = await framesAdvance(t, end.frames, 'frames after the run', page);
  t.assert.equal(s.view, 'cards');
  await t.screenshot('reliability-after-long-run', page);
  await assertClean(t, page);
});
