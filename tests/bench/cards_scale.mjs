#!/usr/bin/env node
// The cards view at 10,000 cards against the seed, measured in one run:
//
//   node tests/bench/cards_scale.mjs --build BUILD_DIR [--runs 3] [--load-runs 5] [--json FILE]
//
// Serves BUILD/site (the seed, 34 cards), BUILD/bench/site-cards-10k (the same build with
// `explorer-tool gen-document --sections 200 --entries 50`), and plain cmark pages of both
// documents (BUILD/bench/plain, BUILD/bench/plain-cards-10k), then in headless Chromium
// (SwiftShader WebGL2, 1280 x 800, DPR 1, a fresh context per run, service workers blocked):
//   - page loads alternating seed, 10k, plain seed, plain 10k: first contentful paint, the first
//     canvas frame (the `rx:first-frame` mark), parsing (`rx:prepare` -> `rx:content-loaded`: a
//     large document's first pieces), the whole document read (`rx:content-complete`: the rest is
//     read in slices after the first frame) and the wasm heap in use after that
//     (`state().heapUsed`, malloc'ed bytes) against the document;
//   - frame CPU (main-thread time of each requestAnimationFrame callback that drew) while typing a
//     two-word query into the cards search (into its DOM twin, as a person's keys arrive), while
//     wheel-scrolling the cards, and for a jump to the last card (a deep link) and to the last
//     section (`explorer.navigate`): frames until it is on screen and their CPU.
// Prints one table with the targets and writes JSON. Reports; never fails on a missed target.
import fs from 'node:fs';
import path from 'node:path';
import { RECORD_FCP, arg, launchBrowser, median, newBenchPage, quantile, serve, sleep, sorted } from './harness.mjs';

const QUERY = 'safe borrowing';
const BUILD = path.resolve(arg('build', 'build'));
const RUNS = Number(arg('runs', 3));
const LOAD_RUNS = Number(arg('load-runs', 5));
const JSON_OUT = path.resolve(arg('json', path.join(BUILD, 'bench', 'cards-scale.json')));
const ONLY = arg('only', ''); // 'loads' | 'typing' | 'scroll' | 'jump' (comma list); '' = all

// Frame CPU of every requestAnimationFrame callback while recording, and first contentful paint.
const INIT_SCRIPT = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const rec = window.__scale = { recording: false, frameCpu: [], fcp: null, raf };
  window.requestAnimationFrame = function (cb) {
    return raf(function (ts) {
      const t0 = performance.now();
      try { cb(ts); } finally { if (rec.recording) rec.frameCpu.push(performance.now() - t0); }
    });
  };
  ${RECORD_FCP}
})();`;

const newPage = (browser) => newBenchPage(browser, INIT_SCRIPT);

// Only what the bench needs from state(): the full state() at 10,000 cards is a large JSON.
const brief = (page) => page.evaluate(() => {
  const s = window.explorer.state();
  let cards = 0, visible = [];
  for (const sec of s.sections || []) {
    cards += sec.cards.length;
    for (const c of sec.cards) if (c.visible) visible.push(c.id);
  }
  return { ready: s.ready, frames: s.frames, heapUsed: s.heapUsed, heapBytes: s.heapBytes, cards,
    search: s.search, scroll: s.scroll, currentSection: s.currentSection, visible,
    lastSection: s.sections.length ? s.sections[s.sections.length - 1].id : null,
    lastCard: s.sections.length ? s.sections[s.sections.length - 1].cards.slice(-1)[0].id : null,
    errors: (s.errors || []).length };
});
// Ready, and a large document read to its end (`rx:content-complete`; it is read in slices after
// the first frame): the interaction runs measure the explorer with the whole document.
const ready = async (page, timeout = 60000) => {
  await page.waitForFunction(() => {
    try { return window.explorer && window.explorer.state().ready; } catch (e) { return false; }
  }, null, { timeout, polling: 100 });
  await page.waitForFunction(() => performance.getEntriesByName('rx:content-complete').length > 0,
    null, { timeout, polling: 100 });
};
const marks = (page) => page.evaluate(() => {
  const at = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : null; };
  return { prepare: at('rx:prepare'), contentLoaded: at('rx:content-loaded'), firstFrame: at('rx:first-frame'),
    contentComplete: at('rx:content-complete') };
});

async function loadRun(browser, kind, url) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (kind === 'plain') {
      await page.waitForFunction(() => window.__scale.fcp !== null, null, { timeout: 20000 }).catch(() => {});
      return { fcp: await page.evaluate(() => window.__scale.fcp) };
    }
    await ready(page);
    await page.waitForFunction(() => performance.getEntriesByName('rx:first-frame').length > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => performance.getEntriesByName('rx:content-complete').length > 0,
      null, { timeout: 60000, polling: 100 }); // the rest of a large document, read in slices
    const m = await marks(page);
    await sleep(500);
    const s = await brief(page);
    return { fcp: await page.evaluate(() => window.__scale.fcp), firstFrame: m.firstFrame,
      parse: m.contentLoaded - m.prepare, contentComplete: m.contentComplete, heapUsed: s.heapUsed,
      cards: s.cards, errors: s.errors };
  } finally {
    await context.close();
  }
}

async function recordFrames(page, act) {
  await page.evaluate(() => { window.__scale.frameCpu = []; window.__scale.recording = true; });
  await act();
  const frames = await page.evaluate(() => { window.__scale.recording = false; return window.__scale.frameCpu; });
  return frames;
}

// Opens `url` in a fresh context, waits until the whole document is read and the page settled,
// runs `fn(page)`, and closes the context.
async function onReadyPage(browser, url, fn) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await sleep(1500);
    return await fn(page);
  } finally {
    await context.close();
  }
}

const typingRun = (browser, url) => onReadyPage(browser, url, async (page) => {
  await page.focus('#canvas');
  await page.keyboard.press('Control+KeyK');
  await page.waitForFunction(() => window.explorer.state().search.active, null, { timeout: 10000, polling: 100 });
  const frames = await recordFrames(page, async () => {
    await page.keyboard.type(QUERY, { delay: 80 });
    // On a busy machine the last keys may still be queued: wait for the final query and result.
    await page.waitForFunction((q) => {
      const s = window.explorer.state().search;
      return s.query === q && s.complete !== false;
    }, QUERY, { timeout: 20000, polling: 200 }).catch(() => {});
    await sleep(400);
  });
  const s = await brief(page);
  return { frames, check: { query: s.search.query, cards: s.search.cards, matches: s.search.matches } };
});

const scrollRun = (browser, url) => onReadyPage(browser, url, async (page) => {
  const area = await page.evaluate(() => window.explorer.state().cardArea);
  await page.mouse.move(area[0] + area[2] / 2, area[1] + area[3] / 2);
  const frames = await recordFrames(page, async () => {
    for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, i < 25 ? 120 : -120); await sleep(40); }
    await sleep(600);
  });
  const s = await brief(page);
  return { frames, check: { scroll: s.scroll.y } };
});

// A deep link to the last card, then a jump to the last section: how many frames the explorer
// drew until it was on screen. After the jump the page checks state() after every animation frame
// (with the unwrapped requestAnimationFrame, so the check is not counted as frame CPU); state()'s
// frame counter says which of the explorer's frames showed it. Before each jump the view goes back
// to the first section.
const jumpRun = (browser, url) => onReadyPage(browser, url, async (page) => {
  const first = await brief(page);
  const firstSection = await page.evaluate(() => window.explorer.state().sections[0].id);
  const out = {};
  for (const [name, hash, kind, target] of [
    ['lastCard', `#card=${encodeURIComponent(first.lastCard)}`, 'card', first.lastCard],
    ['lastSection', `#section=${encodeURIComponent(first.lastSection)}`, 'section', first.lastSection],
  ]) {
    await page.evaluate((h) => window.explorer.navigate(h), `#section=${encodeURIComponent(firstSection)}`);
    await page.waitForFunction((id) => window.explorer.state().currentSection === id, firstSection,
      { timeout: 20000, polling: 200 });
    await sleep(800);
    let framesToShow = null;
    const frames = await recordFrames(page, async () => {
      framesToShow = await page.evaluate(([h, kind, target]) => new Promise((resolve) => {
        const shown = (s) => kind === 'card'
          ? s.sections.some((sec) => sec.cards.some((c) => c.id === target && c.visible))
          : s.currentSection === target;
        const f0 = window.explorer.state().frames;
        window.explorer.navigate(h);
        const t0 = performance.now();
        const check = () => {
          const s = window.explorer.state();
          if (s.frames > f0 && shown(s)) return resolve(s.frames - f0);
          if (performance.now() - t0 > 10000) return resolve(null);
          window.__scale.raf(check);
        };
        window.__scale.raf(check);
      }), [hash, kind, target]);
      await sleep(300);
    });
    out[name] = { frames, framesToShow };
  }
  return out;
});

// --- the run -----------------------------------------------------------------------------------------
const fmt = (x, d = 1) => (x == null ? '—' : x.toFixed(d));
function frameSummary(lists) {
  const all = lists.flat();
  return { n: all.length, median: median(all), p95: quantile(all, 0.95), max: all.length ? Math.max(...all) : null };
}

async function main() {
  const sites = {
    seed: path.join(BUILD, 'site'),
    big: path.join(BUILD, 'bench', 'site-cards-10k'),
    plainSeed: path.join(BUILD, 'bench', 'plain'),
    plainBig: path.join(BUILD, 'bench', 'plain-cards-10k'),
  };
  for (const [k, dir] of Object.entries(sites)) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${k}: ${dir}/index.html missing (./build.sh bench builds it)`);
  }
  const docBytes = {};
  for (const k of ['seed', 'big']) {
    const index = JSON.parse(fs.readFileSync(path.join(sites[k], 'content', 'index.json'), 'utf8'));
    docBytes[k] = fs.statSync(path.join(sites[k], 'content', index.document)).size;
  }
  const servers = {};
  for (const [k, dir] of Object.entries(sites)) servers[k] = await serve(dir);
  const browser = await launchBrowser();
  const want = (what) => !ONLY || ONLY.split(',').includes(what);
  const r = { date: new Date().toISOString(), runs: RUNS, loadRuns: LOAD_RUNS, query: QUERY, docBytes };
  try {
    if (want('loads')) {
      const loads = { seed: [], big: [], plainSeed: [], plainBig: [] };
      for (const k of Object.keys(loads)) await loadRun(browser, k.startsWith('plain') ? 'plain' : 'explorer', servers[k].url + '/'); // warm-up
      for (let i = 0; i < LOAD_RUNS; i++) {
        for (const k of Object.keys(loads)) loads[k].push(await loadRun(browser, k.startsWith('plain') ? 'plain' : 'explorer', servers[k].url + '/'));
        process.stdout.write(`    loads ${i + 1}/${LOAD_RUNS}\r`);
      }
      r.loads = loads;
    }
    for (const [what, fn] of [['typing', typingRun], ['scroll', scrollRun], ['jump', jumpRun]]) {
      if (!want(what)) continue;
      r[what] = { seed: [], big: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const k of ['seed', 'big']) r[what][k].push(await fn(browser, servers[k].url + '/'));
        process.stdout.write(`    ${what} ${i + 1}/${RUNS}\r`);
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.stop();
  }
  fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  fs.writeFileSync(JSON_OUT, JSON.stringify(r, null, 1));
  printTable(r);
}

function printTable(r) {
  const rows = [];
  const row = (metric, seed, big, target = '') => rows.push([metric, seed, big, target]);
  const verdict = (ok) => (ok == null ? '' : ok ? 'PASS' : 'FAIL');
  if (r.loads) {
    const med = (k, f) => median(r.loads[k].map(f));
    const range = (k, f) => { const s = sorted(r.loads[k].map(f)); return s.length ? `[${fmt(s[0], 0)}–${fmt(s[s.length - 1], 0)}]` : ''; };
    const fcpRatio = med('big', (x) => x.fcp) / med('plainBig', (x) => x.fcp);
    const ffRatio = med('big', (x) => x.firstFrame) / med('seed', (x) => x.firstFrame);
    row('first contentful paint (ms)', `${fmt(med('seed', (x) => x.fcp), 0)} ${range('seed', (x) => x.fcp)}`,
      `${fmt(med('big', (x) => x.fcp), 0)} ${range('big', (x) => x.fcp)}`, '');
    row('  plain cmark page of the same document (ms)', `${fmt(med('plainSeed', (x) => x.fcp), 0)} ${range('plainSeed', (x) => x.fcp)}`,
      `${fmt(med('plainBig', (x) => x.fcp), 0)} ${range('plainBig', (x) => x.fcp)}`,
      `10k FCP ${fmt(fcpRatio, 2)}× plain; ≤ 1.2× ${verdict(fcpRatio <= 1.2)}`);
    row('first canvas frame, rx:first-frame (ms)', `${fmt(med('seed', (x) => x.firstFrame), 0)} ${range('seed', (x) => x.firstFrame)}`,
      `${fmt(med('big', (x) => x.firstFrame), 0)} ${range('big', (x) => x.firstFrame)}`,
      `${fmt(ffRatio, 2)}× seed; ≤ 1.5× ${verdict(ffRatio <= 1.5)}`);
    row('  rx:prepare → rx:content-loaded (ms)', fmt(med('seed', (x) => x.parse), 0), fmt(med('big', (x) => x.parse), 0));
    row('  whole document read, rx:content-complete (ms)', fmt(med('seed', (x) => x.contentComplete), 0),
      `${fmt(med('big', (x) => x.contentComplete), 0)} ${range('big', (x) => x.contentComplete)}`, 'read in slices after the first frame');
    const heapSeed = med('seed', (x) => x.heapUsed), heapBig = med('big', (x) => x.heapUsed);
    const heapRatio = heapBig / r.docBytes.big;
    row('wasm heap in use after load (MB)', `${fmt(heapSeed / 1e6, 1)} (doc ${fmt(r.docBytes.seed / 1e3, 1)} KB)`,
      `${fmt(heapBig / 1e6, 1)} (doc ${fmt(r.docBytes.big / 1e6, 2)} MB)`, `${fmt(heapRatio, 1)}× doc; ≤ 8× ${verdict(heapRatio <= 8)}`);
    row('cards loaded (state)', String(med('seed', (x) => x.cards)), String(med('big', (x) => x.cards)), '');
  }
  const frameRow = (label, what, pick, targets) => {
    if (!r[what]) return;
    const s = frameSummary(r[what].seed.map(pick)), b = frameSummary(r[what].big.map(pick));
    const cellOf = (x) => `${fmt(x.median)} / ${fmt(x.p95)} / ${fmt(x.max)} ms (${x.n} fr)`;
    row(label, cellOf(s), cellOf(b), targets(b));
  };
  frameRow(`typing "${r.query}" frame CPU med / p95 / max`, 'typing', (x) => x.frames,
    (b) => `med ≤ 4 ${verdict(b.median <= 4)}, p95 ≤ 16 ${verdict(b.p95 <= 16)}`);
  if (r.typing) row('  result (cards / matches)', JSON.stringify(r.typing.seed.map((x) => x.check.cards)),
    JSON.stringify(r.typing.big.map((x) => x.check.cards)), '');
  frameRow('wheel-scrolling frame CPU med / p95 / max', 'scroll', (x) => x.frames, (b) => `p95 ≤ 8 ${verdict(b.p95 <= 8)}`);
  if (r.jump) {
    for (const k of ['lastCard', 'lastSection']) {
      frameRow(`jump to ${k === 'lastCard' ? 'last card (deep link)' : 'last section'} frame CPU`, 'jump', (x) => x[k].frames, () => '');
      row(`  frames until on screen`, JSON.stringify(r.jump.seed.map((x) => x[k].framesToShow)),
        JSON.stringify(r.jump.big.map((x) => x[k].framesToShow)), 'one frame');
    }
  }
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((x) => x[i].length), ['metric', 'seed (34 cards)', '10,000 cards', 'target'][i].length));
  const line = (x) => x.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd();
  console.log(`\nCards at scale ${r.date} (2 cores, headless Chromium, SwiftShader WebGL2); loads: medians [min–max] of ${r.loadRuns}, frames: all frames of ${r.runs} runs`);
  console.log(line(['metric', 'seed (34 cards)', '10,000 cards', 'target']));
  console.log(line(w.map((n) => '-'.repeat(n))));
  for (const x of rows) console.log(line(x));
}

main().catch((e) => { console.error(e); process.exit(1); });
