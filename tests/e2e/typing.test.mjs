// Typing in any language, on any device: every explorer text field has a real DOM
// text field, its twin (web/textagent.js). Phones (tap -> editable element with the right
// attributes, on-screen keyboard Enter, tap elsewhere), composed text ("é", input methods through
// CDP, emoji), key presses typed once, the explorer's own keys, paste, Ctrl+F, labelled search
// boxes for screen readers, and embeds that never take the keyboard.
// Fixtures and the `t` harness: tests/e2e/fixtures.mjs.
import { test, untilState } from './fixtures.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function field(s, id) {
  return (s.textFields || []).find((f) => f.id === id);
}

const until = (t, pred, what, page = t.page, ms = 10000) =>
  untilState(t, pred, what, { page, ms, describe: (last) => `search ${JSON.stringify(last.search)}, fields ${JSON.stringify(last.textFields)}, focus ${JSON.stringify(last.focus)}` });

async function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    return {
      id: el.id, tag: el.tagName, editable: el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA',
      value: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd,
      attrs: Object.fromEntries(['inputmode', 'enterkeyhint', 'autocapitalize', 'autocomplete', 'spellcheck', 'role', 'aria-label']
        .map((a) => [a, el.getAttribute(a)])),
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    };
  });
}

const centre = (r) => [r[0] + r[2] / 2, r[1] + r[3] / 2];

// A desktop page with the explorer drawn and the canvas holding the keyboard (a click on the card
// area's empty top margin).
async function desktop(t, path = '/') {
  await t.open(path);
  const s = await t.waitReady(30000);
  t.assert.deepEqual(s.errors || [], []);
  await sleep(300);
  if (s.view === 'cards') {
    const [ax, ay, aw] = s.cardArea;
    await t.page.mouse.click(ax + aw - 20, ay + 4);
  } else {
    await t.page.locator('#canvas').focus();
  }
  await sleep(200);
  return t.state();
}

async function phone(t, path = '/') {
  const context = await t.newContext(PHONE);
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url(path), { waitUntil: 'load' });
  const s = await t.waitReady(30000, page);
  await sleep(400);
  return { context, page, s };
}

async function dispatchEnterAsEdit(page) {
  // What Android keyboards send for their Enter key: keydown with key code 229, then a
  // beforeinput edit (insertLineBreak) instead of a key.
  return page.evaluate(() => {
    const el = document.activeElement;
    const down = new KeyboardEvent('keydown', { key: 'Unidentified', bubbles: true, cancelable: true });
    Object.defineProperty(down, 'keyCode', { get: () => 229 });
    el.dispatchEvent(down);
    const edit = new InputEvent('beforeinput', { inputType: 'insertLineBreak', bubbles: true, cancelable: true });
    el.dispatchEvent(edit);
    return { downPrevented: down.defaultPrevented, editPrevented: edit.defaultPrevented };
  });
}

test('phoneTapOpensTheKeyboardOnARealSearchField', async ({ t }) => {
  test.setTimeout(90000);
  const { page, s } = await phone(t);
  const search = field(s, 'search');
  t.assert.ok(search && search.rect, 'the cards search reports its rect');
  const before = await active(page);
  t.assert.notEqual(before && before.id, 'rx-field-search', 'nothing focused the field by itself');
  await page.touchscreen.tap(...centre(search.rect));
  const a = await t.waitFor(async () => { const x = await active(page); return x && x.id === 'rx-field-search' ? x : null; }, 5000, 'the tap focuses the twin');
  t.assert.equal(a.editable, true);
  t.assert.deepEqual(a.attrs, {
    inputmode: 'search', enterkeyhint: 'search', autocapitalize: 'off', autocomplete: 'off',
    spellcheck: 'false', role: 'searchbox', 'aria-label': 'Search cards',
  });
  t.assert.ok(a.fontSize >= 16, `font size ${a.fontSize} px (iOS zooms below 16)`);
  await until(t, (x) => x.search.active && field(x, 'search').focused, 'the canvas field is active', page);

  await page.keyboard.insertText('memory');
  let st = await until(t, (x) => x.search.query === 'memory' && x.search.matches > 0, 'inserted text searches', page);
  await sleep(300);
  await t.screenshot('typing-phone-search', page);

  const r1 = await page.evaluate(() => {
    const e = new InputEvent('beforeinput', { inputType: 'insertLineBreak', bubbles: true, cancelable: true });
    document.activeElement.dispatchEvent(e);
    return e.defaultPrevented;
  });
  t.assert.equal(r1, true, 'the line break is not inserted');
  st = await until(t, (x) => x.search.current === 0, 'Enter (insertLineBreak) steps to the first match', page);
  const r2 = await dispatchEnterAsEdit(page);
  t.assert.equal(r2.downPrevented, false, 'a 229 keydown is left to the input method');
  st = await until(t, (x) => x.search.current === 1, 'Enter (229 + insertLineBreak) steps to the next match', page);
  t.assert.equal((await active(page)).value, 'memory', 'no newline in the field');

  // Backspace as an on-screen keyboard sends it: the twin edits, the search follows.
  await page.keyboard.press('Backspace');
  await until(t, (x) => x.search.query === 'memor', 'Backspace', page);

  // A tap elsewhere closes the keyboard: the twin loses the focus, the canvas field lets go.
  const [ax, ay, aw, ah] = st.cardArea;
  await page.touchscreen.tap(ax + aw / 2, ay + ah - 30);
  await t.waitFor(async () => (await active(page)).id !== 'rx-field-search', 5000, 'the tap elsewhere blurs the twin');
  await until(t, (x) => !x.search.active, 'the canvas field is no longer active', page);
  t.assertNoConsoleErrors();
});

test('phoneTapOpensTheKeyboardOnTheMatrixFilter', async ({ t }) => {
  test.setTimeout(90000);
  const { page } = await phone(t, '/#view=matrix');
  let s = await until(t, (x) => x.view === 'matrix' && field(x, 'mfilter'), 'the matrix filter', page);
  const total = s.matrix.rows.length;
  await page.touchscreen.tap(...centre(field(s, 'mfilter').rect));
  const a = await t.waitFor(async () => { const x = await active(page); return x && x.id === 'rx-field-mfilter' ? x : null; }, 5000, 'the tap focuses the filter twin');
  t.assert.equal(a.attrs['aria-label'], 'Filter adopters');
  t.assert.equal(a.attrs.inputmode, 'search');
  t.assert.ok(a.fontSize >= 16);
  await page.keyboard.insertText('servo');
  s = await until(t, (x) => x.matrix.filters.text === 'servo' && x.matrix.rows.length === 1, 'inserted text filters', page);
  t.assert.ok(total > 1, `${total} adopters before`);
  await sleep(300);
  await t.screenshot('typing-phone-matrix', page);
  // The keyboard's Enter: the filter applies as typed, so Enter is done: the keyboard closes.
  const r = await dispatchEnterAsEdit(page);
  t.assert.equal(r.editPrevented, true);
  await t.waitFor(async () => (await active(page)).id !== 'rx-field-mfilter', 5000, 'Enter closes the keyboard');
  s = await until(t, (x) => !field(x, 'mfilter').active, 'the canvas field lets go', page);
  t.assert.equal(s.matrix.filters.text, 'servo', 'the filter stays');
  t.assertNoConsoleErrors();
});

test('composedTextInputMethodsAndEmojiArriveIntact', async ({ t }) => {
  test.setTimeout(90000);
  let s = await desktop(t);
  const base = s.missingGlyphs;
  t.assert.equal(base, 0, 'the content draws with the fonts');
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.keyboard.type('caf');
  await t.page.keyboard.insertText('\u00e9');
  s = await until(t, (x) => x.search.query === 'caf\u00e9', 'caf + é = café');
  await until(t, (x) => x.extendedFont && x.missingGlyphs === base, 'é drawn from the full face');
  await t.page.keyboard.press('Escape');
  s = await until(t, (x) => x.search.query === '' && !x.search.active, 'Esc clears and leaves');
  t.assert.equal((await active(t.page)).id, 'canvas', 'the canvas has the keyboard again');

  // An input method: the pre-edit shows (underlined) but is not searched; the commit is.
  await t.page.keyboard.press('/');
  await until(t, (x) => field(x, 'search').focused && x.search.active, '/ focuses the field');
  const runs = (await t.state()).search.runs;
  const cdp = await t.context.newCDPSession(t.page);
  for (const text of ['\u30e1', '\u30e1\u30e2', '\u30e1\u30e2\u30ea']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await sleep(120);
  }
  s = await until(t, (x) => field(x, 'search').composing && field(x, 'search').preedit === '\u30e1\u30e2\u30ea', 'the pre-edit is in the field');
  await sleep(300);
  await t.screenshot('typing-ime-preedit');
  s = await t.state();
  t.assert.equal(s.search.query, '', 'the pre-edit is not the query');
  t.assert.equal(s.search.runs, runs, 'no search ran while composing');
  await cdp.send('Input.insertText', { text: '\u30e1\u30e2\u30ea' });
  s = await until(t, (x) => x.search.query === '\u30e1\u30e2\u30ea' && !field(x, 'search').composing, 'the commit is searched');
  t.assert.equal(s.search.runs, runs + 1, 'one search for the commit');
  t.assert.equal(field(s, 'search').text, '\u30e1\u30e2\u30ea');
  // The katakana the fonts lack are drawn by the browser (tests/e2e/glyphs.test.mjs).
  s = await until(t, (x) => !x.fallbackPending && x.fallbackGlyphs >= 3, 'the katakana drawn by the browser');
  t.assert.equal(s.missingGlyphs, base, 'no katakana missing');
  await sleep(300);
  await t.screenshot('typing-ime-committed');

  // Emoji: a 4-byte character arrives whole.
  await t.page.keyboard.press('Control+a');
  await t.page.keyboard.insertText('rust \ud83e\udd80');
  s = await until(t, (x) => x.search.query === 'rust \ud83e\udd80', 'the emoji is intact');
  s = await until(t, (x) => !x.fallbackPending && x.fallbackGlyphs >= 4, 'the emoji drawn by the browser');
  t.assert.equal(s.missingGlyphs, base, 'no emoji missing');
  const value = (await active(t.page)).value;
  t.assert.equal(value, 'rust \ud83e\udd80');
  // Dictation and autocorrect replace a word.
  await t.page.evaluate(() => {
    const el = document.activeElement;
    el.setSelectionRange(0, 4);
    el.setRangeText('Rust', 0, 4, 'end');
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', data: 'Rust', bubbles: true }));
  });
  await until(t, (x) => x.search.query === 'Rust \ud83e\udd80', 'a replacement arrives');
  t.assertNoConsoleErrors();
});

test('keyPressesTypeOnceAndTheExplorersKeysStillWork', async ({ t }) => {
  test.setTimeout(90000);
  let s = await desktop(t);
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.keyboard.type('memory', { delay: 30 });
  s = await until(t, (x) => x.search.query === 'memory', 'typed once each');
  await sleep(200);
  t.assert.equal((await t.state()).search.query, 'memory', 'no doubled characters');
  await t.page.keyboard.press('Enter');
  s = await until(t, (x) => x.search.current === 0, 'Enter: first match');
  await t.page.keyboard.press('Enter');
  s = await until(t, (x) => x.search.current === 1, 'Enter: next match');
  await t.page.keyboard.press('Shift+Enter');
  s = await until(t, (x) => x.search.current === 0, 'Shift+Enter: previous match');
  await t.page.keyboard.press('F3');
  s = await until(t, (x) => x.search.current === 1, 'F3: next match');
  await t.page.keyboard.press('Shift+F3');
  s = await until(t, (x) => x.search.current === 0, 'Shift+F3: previous match');
  await t.page.keyboard.press('Control+g');
  s = await until(t, (x) => x.search.current === 1, 'Ctrl+G: next match');
  t.assert.equal((await active(t.page)).id, 'rx-field-search', 'the field keeps the keyboard');

  // Arrows, Home and selection edit in the twin, and the canvas shows the same caret.
  await t.page.keyboard.press('Home');
  await t.page.keyboard.press('Shift+ArrowRight');
  await t.page.keyboard.press('Shift+ArrowRight');
  s = await until(t, (x) => JSON.stringify(field(x, 'search').selection) === '[0,2]', 'the selection follows');
  await t.page.keyboard.type('M');
  s = await until(t, (x) => x.search.query === 'Mmory', 'typing replaces the selection');
  await t.page.keyboard.press('Control+z');
  s = await until(t, (x) => x.search.query === 'memory', 'undo');

  // Tab continues the explorer's Tab order, the canvas takes the keyboard.
  await t.page.keyboard.press('Tab');
  s = await until(t, (x) => x.focus !== 'search' && !x.search.active, 'Tab leaves the field');
  // The keyboard goes to the canvas, or to the twin of the control the canvas focused.
  await t.waitFor(() => t.page.evaluate((focus) => {
    const a = document.activeElement;
    return a && (a.id === 'canvas' || (a.dataset && a.dataset.twin === focus));
  }, s.focus), 5000, 'the canvas or its focused twin has the keyboard');
  t.assert.ok(s.focus, `Tab reached a control (${s.focus})`);
  t.assert.equal(s.search.query, 'memory');
  // F3 from the canvas steps too.
  const cur = s.search.current;
  await t.page.keyboard.press('F3');
  s = await until(t, (x) => x.search.current !== cur, 'F3 in the canvas');
  // Shift+Tab back into the field.
  await t.page.keyboard.press('Shift+Tab');
  s = await until(t, (x) => x.focus === 'search' && x.search.active, 'Shift+Tab returns to the field');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'the twin takes the keyboard after Shift+Tab');
  await t.page.keyboard.press('Escape');
  s = await until(t, (x) => x.search.query === '' && !x.search.active, 'Esc clears and leaves');
  t.assert.equal((await active(t.page)).id, 'canvas');
  await t.page.keyboard.press('/');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, '/ focuses the twin');
  s = await t.state();
  t.assert.equal(s.search.query, '', '"/" is not typed');
  t.assertNoConsoleErrors();
});

test('pastingTenThousandCharactersWithNewlinesStaysOneValidLine', async ({ t }) => {
  await desktop(t);
  await t.page.keyboard.press('/');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, '/ focuses the twin');
  let text = '';
  for (let i = 0; text.length < 10000; i++) text += i % 3 ? 'mémoire \u30e1\u30e2\u30ea\r\n' : 'safety \ud83e\udd80\n';
  text = text.slice(0, 10000);
  const prevented = await t.page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.activeElement.dispatchEvent(e);
    return e.defaultPrevented;
  }, text);
  t.assert.equal(prevented, true);
  const s = await until(t, (x) => x.search.query.length > 0, 'the paste arrived');
  const q = s.search.query;
  t.assert.ok(Buffer.byteLength(q, 'utf8') <= 256, `at most 256 bytes (${Buffer.byteLength(q, 'utf8')})`);
  t.assert.ok(Buffer.byteLength(q, 'utf8') >= 240, 'cut near the limit, not far before it');
  t.assert.ok(!/[\r\n]/.test(q), 'no line break');
  t.assert.ok(!q.includes('\ufffd'), 'no broken character');
  t.assert.equal(Buffer.from(q, 'utf8').toString('utf8'), q, 'valid UTF-8');
  t.assert.ok(q.startsWith('safety \ud83e\udd80 m\u00e9moire'), `line breaks became spaces: ${q.slice(0, 40)}`);
  t.assert.equal((await active(t.page)).value, q, 'the twin holds the same text');
  // Undo takes the paste back.
  await t.page.keyboard.press('Control+z');
  await until(t, (x) => x.search.query === '', 'undo removes the paste');
  t.assertNoConsoleErrors();
});

test('ctrlFFocusesTheCurrentViewsFieldWithItsTextSelected', async ({ t }) => {
  let s = await desktop(t, '/#q=memory');
  await t.page.keyboard.press('Control+f');
  let a = await t.waitFor(async () => { const x = await active(t.page); return x.id === 'rx-field-search' ? x : null; }, 5000, 'Ctrl+F focuses the search');
  t.assert.deepEqual([a.selectionStart, a.selectionEnd], [0, 6], 'its text selected');
  s = await until(t, (x) => x.search.active && JSON.stringify(field(x, 'search').selection) === '[0,6]', 'the canvas field shows the selection');
  await sleep(300);
  await t.screenshot('typing-ctrl-f-cards');
  // Typing replaces the selection.
  await t.page.keyboard.type('wasm');
  await until(t, (x) => x.search.query === 'wasm', 'typing replaced the selected text');

  await t.page.evaluate(() => window.explorer.navigate('#view=matrix&mq=cloud'));
  s = await until(t, (x) => x.view === 'matrix' && field(x, 'mfilter').drawn, 'the matrix drawn');
  // The cards search, active when its view was left, is not drawn now: neither active nor focused.
  const left = field(s, 'search');
  t.assert.deepEqual([left.drawn, left.active, left.focused], [false, false, false], JSON.stringify(left));
  await t.page.locator('#canvas').focus();
  await t.page.keyboard.press('Control+f');
  a = await t.waitFor(async () => { const x = await active(t.page); return x.id === 'rx-field-mfilter' ? x : null; }, 5000, 'Ctrl+F focuses the matrix filter');
  t.assert.deepEqual([a.selectionStart, a.selectionEnd], [0, 5]);
  await until(t, (x) => field(x, 'mfilter').active, 'the canvas filter is active');
  await sleep(300);
  await t.screenshot('typing-ctrl-f-matrix');

  t.assertNoConsoleErrors();
});

test('ctrlFOutsideTheExplorerIsTheBrowsers', async ({ t }) => {
  await t.open('/');
  await t.waitReady(30000);
  await t.page.evaluate(() => {
    window.__rxFind = null;
    window.addEventListener('keydown', (e) => { if (e.key === 'f') window.__rxFind = e.defaultPrevented; });
    document.activeElement && document.activeElement.blur();
  });
  await t.page.keyboard.press('Control+f');
  await sleep(100);
  t.assert.equal(await t.page.evaluate(() => window.__rxFind), false, 'not prevented: the find bar opens');
  t.assert.notEqual((await active(t.page)).id, 'rx-field-search');
});

test('screenReadersMeetLabelledSearchBoxes', async ({ t }) => {
  await t.open('/');
  await t.waitReady(30000);
  const box = t.page.getByRole('searchbox', { name: 'Search cards' });
  await box.waitFor({ state: 'attached', timeout: 5000 });
  await box.fill('memory');
  let s = await until(t, (x) => x.search.query === 'memory' && x.search.matches > 0, 'the labelled box searches');
  t.assert.equal(await t.page.getByRole('searchbox').count(), 1, 'one text field in the cards view');
  await t.page.evaluate(() => window.explorer.navigate('#view=matrix'));
  const filter = t.page.getByRole('searchbox', { name: 'Filter adopters' });
  await filter.waitFor({ state: 'attached', timeout: 5000 });
  t.assert.ok(await t.page.locator('#rx-field-search').isHidden(), 'the cards search is not offered in the matrix');
  await filter.fill('cloud');
  s = await until(t, (x) => x.matrix.filters.text === 'cloud', 'the labelled filter filters');
  t.assertNoConsoleErrors();
});

test('embedsNeverTakeTheKeyboardByThemselves', async ({ t }) => {
  const { page } = await phone(t, '/?embed=1&controls=1#q=memory');
  await sleep(800);
  const s = await t.state(page);
  t.assert.ok(field(s, 'search'), 'the search field is drawn (controls=1)');
  const a = await active(page);
  t.assert.ok(!a || !a.id.startsWith('rx-field-'), `no twin focused by itself (${a && a.id})`);
  t.assert.notEqual(a && a.id, 'canvas', 'nor the canvas');
  t.assert.equal(s.search.active, false);
  // A tap on the field is the user asking: then it does.
  await page.touchscreen.tap(...centre(field(s, 'search').rect));
  await t.waitFor(async () => (await active(page)).id === 'rx-field-search', 5000, 'a tap focuses it');
});

// Text Dear ImGui cannot lay out (Arabic joins right to left, Devanagari conjuncts, emoji joined
// by ZWJ, flags) shows through the real field, shaped by the browser in the field's colours; plain
// text stays the canvas's.
const luminance = (css) => {
  const [r, g, b] = css.match(/\d+/g).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('complexScriptsShowShapedInTheRealField', async ({ t }) => {
  await desktop(t);
  const twinLook = () => t.page.evaluate(() => {
    const el = document.getElementById('rx-field-search');
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { shaped: el.classList.contains('rx-shaped'), opacity: cs.opacity, color: cs.color, bg: cs.backgroundColor, value: el.value, onTop: top === el, dir: el.dir };
  });
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.keyboard.type('memory');
  await until(t, (x) => x.search.query === 'memory', 'a plain query');
  let look = await twinLook();
  t.assert.equal(look.shaped, false, 'plain text is drawn by the canvas');
  t.assert.equal(look.opacity, '0');

  const complex = 'مرحبا नमस्ते 👨\u200d👩\u200d👧 🇯🇵';
  await t.page.keyboard.press('Control+a');
  await t.page.keyboard.insertText(complex);
  await until(t, (x) => x.search.query === complex, 'the complex query arrives intact');
  look = await t.waitFor(async () => { const l = await twinLook(); return l.shaped ? l : null; }, 5000, 'the twin shows the text');
  t.assert.equal(look.opacity, '1');
  t.assert.ok(look.onTop, 'the twin is on top of the canvas field');
  t.assert.equal(look.value, complex);
  t.assert.equal(look.dir, 'auto', 'a right-to-left query reads right to left');
  t.assert.equal(look.color, 'rgb(27, 31, 36)', 'light theme: the field text colour');
  t.assert.ok(luminance(look.bg) > 0.8, `light theme: a light field background (${look.bg})`);
  await t.screenshot('typing-shaped-light');

  // The theme follows the explorer's (its Dark theme button), not only the system's.
  await t.page.keyboard.press('Escape');
  await until(t, (x) => !x.search.active, 'Esc leaves the field');
  await t.page.evaluate((q) => { location.hash = `#q=${encodeURIComponent(q)}&theme=dark`; }, complex);
  look = await t.waitFor(async () => { const l = await twinLook(); return l.shaped && l.color !== 'rgb(27, 31, 36)' ? l : null; }, 8000, 'dark colours');
  t.assert.equal(look.color, 'rgb(230, 237, 243)', 'dark theme: the field text colour');
  t.assert.ok(luminance(look.bg) < 0.25, `dark theme: a dark field background (${look.bg})`);
  await t.screenshot('typing-shaped-dark');
  t.assertNoConsoleErrors();
});

// A typed key's frame only draws: the calls whose effect the pixels do not wait for (the
// accessibility tree, the URL, the announcement, the text fields' boxes) are handled in a task
// right after the frame, and in the order the app made them.
test('aTypedKeysFrameLeavesThePagesBookkeepingForAfterIt', async ({ t }) => {
  test.setTimeout(60000);
  await t.page.addInitScript(() => {
    const seen = window.__hostCalls = { inFrame: [], after: [] };
    let inFrame = false;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((ts) => {
      inFrame = true;
      try { cb(ts); } finally { inFrame = false; }
    });
    for (const name of ['a11y-tree', 'announce', 'changed', 'text-fields', 'text-input', 'url']) {
      window.addEventListener('explorer:' + name, () => (inFrame ? seen.inFrame : seen.after).push(name));
    }
  });
  await desktop(t);
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.evaluate(() => { window.__hostCalls.inFrame = []; window.__hostCalls.after = []; });
  const sends0 = (await t.state()).a11y.sends;
  await t.page.keyboard.type('ownership', { delay: 40 });
  const s = await until(t, (x) => x.search.query === 'ownership' && x.search.matches > 0, 'typed');
  await t.waitFor(() => t.page.evaluate(() => /q=ownership/.test(location.hash)), 5000, 'the URL follows');
  const calls = await t.page.evaluate(() => window.__hostCalls);
  // While typing, the tree (counts, which cards match) goes at most every 150 ms, and once more
  // when the typing stops.
  const sends = (await t.state()).a11y.sends - sends0;
  t.assert.ok(sends >= 1 && sends < 'ownership'.length, `${sends} trees for ${'ownership'.length} keys`);
  t.assert.deepEqual(calls.inFrame, [], 'nothing of the bookkeeping ran inside a frame');
  for (const name of ['a11y-tree', 'announce', 'text-fields', 'url'])
    t.assert.ok(calls.after.includes(name), `${name} arrived after its frame (${[...new Set(calls.after)]})`);
  // The page is current: the twins' tree has the count, the live region the announcement.
  const live = await t.page.evaluate(() => document.getElementById('live').textContent);
  t.assert.match(live, /match/i, 'the announcement reached #live');
  const count = await t.page.evaluate(() => (window.rxTwins.tree().nodes.find((n) => n.id === 'search-count') || {}).name);
  t.assert.ok(count && count.startsWith(`${s.search.matches} match`), `the twins hold the count the canvas shows (${count})`);
  t.assertNoConsoleErrors();
});

// A screen reader hears what a sighted user reads after each query: the cards search's count, "No
// cards match" included (silence would leave the last query's count as the latest word), and
// the matrix filter's "N of M adopters" line.
test('bothFieldsAnnounceTheirResultsIncludingNone', async ({ t }) => {
  test.setTimeout(60000);
  await desktop(t);
  const live = () => t.page.evaluate(() => document.getElementById('live').textContent);
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.keyboard.type('memory', { delay: 30 });
  await until(t, (x) => x.search.query === 'memory' && x.search.matches > 0, 'memory matches');
  await t.waitFor(async () => /match/.test(await live()) && !/No cards/.test(await live()), 5000, 'the count is announced');
  await t.page.keyboard.type('zzqx', { delay: 30 });
  await until(t, (x) => x.search.query === 'memoryzzqx' && x.search.matches === 0, 'nothing matches');
  await t.waitFor(async () => /No cards match/.test(await live()), 5000, `"No cards match" is announced (live: ${await live()})`);

  await t.page.evaluate(() => window.explorer.navigate('#view=matrix'));
  let s = await until(t, (x) => x.view === 'matrix' && field(x, 'mfilter') && field(x, 'mfilter').rect[2] > 0, 'the matrix filter drawn');
  await t.page.mouse.click(...centre(field(s, 'mfilter').rect));
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-mfilter', 5000, 'the filter takes the keyboard');
  await t.page.keyboard.type('mozilla', { delay: 30 });
  s = await until(t, (x) => x.matrix && x.matrix.filters.text === 'mozilla' && !x.matrix.pending, 'filtered');
  const counts = (await t.state()).matrix.counts.text;
  await t.waitFor(async () => (await live()) === counts, 5000, `the filter's counts are announced ("${counts}", live: ${await live()})`);
  t.assertNoConsoleErrors();
});

// Enter pressed at once after fast typing (the keys and the Enter before the next frame) steps to
// the first match of the whole query, not of what the last frame had searched.
test('enterRightAfterFastTypingStepsToTheFirstMatch', async ({ t }) => {
  await desktop(t);
  await t.page.keyboard.press('Control+k');
  await t.waitFor(async () => (await active(t.page)).id === 'rx-field-search', 5000, 'Ctrl+K focuses the twin');
  await t.page.keyboard.type('memory');
  await t.page.keyboard.press('Enter');
  const s = await until(t, (x) => x.search.query === 'memory' && x.search.matches > 0, 'memory searched');
  await sleep(300);
  t.assert.equal((await t.state()).search.current, 0, `Enter stepped to the first match (${JSON.stringify(s.search)})`);
  t.assertNoConsoleErrors();
});
