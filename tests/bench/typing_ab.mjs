#!/usr/bin/env node
// A/B of typing into the cards search: the same measurement as bench.mjs's "cards-search" row
// (main-thread CPU of each requestAnimationFrame callback that drew a frame while a script types
// 'memory safety without a garbage collector' at 50 ms per key after Ctrl+K), on two builds in
// alternation; the frame CPU each key cost (the frames from its keydown to the next key's);
// and the main-thread time per typed key (CDP TaskDuration: frames and the input events, which
// now go through the search field's DOM twin).
//
//   node tests/bench/typing_ab.mjs --a build/site --b OTHER/site [--runs 5]
//   node tests/bench/typing_ab.mjs --a build/site --b-commit REV [--runs 5]
//
// --b-commit builds REV's site once (its own `./build.sh build`, from `git archive REV`) under
// ~/.cache/rust-explorer/typing-reference/REV. Issue #18's reference is 34d3852, the last commit
// before the search's DOM text field: typing frame CPU (median and p95) within 1.2x of it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, EXECUTABLE_PATH } from '../e2e/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEXT = 'memory safety without a garbage collector';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};

const INIT = `(() => {
  const rec = window.__bench = { clears: 0, recording: false, frameCpu: [], frameAt: [], keyAt: [] };
  addEventListener('keydown', () => { if (rec.recording) rec.keyAt.push(performance.now()); }, true);
  const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function () { rec.clears++; return clear.apply(this, arguments); };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (cb) {
    return raf(function (ts) {
      const c0 = rec.clears, t0 = performance.now();
      try { cb(ts); } finally {
        if (rec.recording && rec.clears !== c0) { rec.frameCpu.push(performance.now() - t0); rec.frameAt.push(t0); }
      }
    });
  };
})();`;

function serve(root) {
  const child = spawn(process.execPath, [path.join(ROOT, 'web', 'serve.mjs'), '--root', root, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/Serving .* at (http:\/\/\S+?)\/?\s*$/m);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    setTimeout(() => reject(new Error(`server for ${root} did not start`)), 10000);
  });
}

async function run(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 30000 });
    await sleep(800);
    await page.focus('#canvas');
    await page.keyboard.press('Control+KeyK');
    await page.waitForFunction(() => window.explorer.state().search.active, null, { timeout: 5000 });
    const twin = await page.evaluate(() => document.activeElement.id);
    await page.evaluate(() => { Object.assign(window.__bench, { frameCpu: [], frameAt: [], keyAt: [], recording: true }); });
    const t0 = await task();
    await page.keyboard.type(TEXT, { delay: 50 });
    // Until the app caught up with the keys (a loaded machine draws slowly), then settle.
    await page.waitForFunction((text) => window.explorer.state().search.query === text, TEXT, { timeout: 20000 }).catch(() => {});
    await sleep(400);
    const t1 = await task();
    const { frameCpu, frameAt, keyAt } = await page.evaluate(() => { window.__bench.recording = false; return window.__bench; });
    // What each key cost in frames: the frames drawn from its keydown to the next key's. A build
    // that draws an extra cheap frame per key has a lower median per frame for the same work.
    const perKey = keyAt.map((k, i) => frameCpu.reduce((sum, ms, f) => (frameAt[f] >= k && frameAt[f] < (keyAt[i + 1] ?? Infinity) ? sum + ms : sum), 0));
    const query = await page.evaluate(() => window.explorer.state().search.query);
    if (query !== TEXT) throw new Error(`typed ${JSON.stringify(query)}`);
    return { frameCpu, perKey, taskPerKeyMs: (1000 * (t1 - t0)) / TEXT.length, twin };
  } finally {
    await context.close();
  }
}

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
// The site of commit `rev`, built once with that commit's own build (cached outside the clone).
function referenceSite(rev) {
  const commit = execFileSync('git', ['rev-parse', '--short=7', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dir = path.join(cache, 'rust-explorer', 'typing-reference', commit);
  const site = path.join(dir, 'build', 'site');
  if (fs.existsSync(path.join(site, 'explorer.wasm'))) return site;
  console.error(`building the reference site of ${commit} in ${dir} (once)`);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${dir}"`], { stdio: 'inherit' });
  execFileSync('./build.sh', ['build'], { cwd: dir, stdio: ['ignore', process.stderr, 'inherit'] });
  if (!fs.existsSync(path.join(site, 'explorer.wasm'))) throw new Error(`${commit}: its build made no site`);
  return site;
}

const bCommit = opt('--b-commit', '');
const sites = { a: path.resolve(opt('--a', 'build/site')), b: bCommit ? referenceSite(bCommit) : path.resolve(opt('--b', '')) };
if (!bCommit && !opt('--b', '')) throw new Error('--b SITE or --b-commit REV is required');
const runs = Number(opt('--runs', 5));
const servers = { a: await serve(sites.a), b: await serve(sites.b) };
const browser = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: CHROMIUM_ARGS, headless: true });
const all = { a: { frames: [], keyFrames: [], perKey: [], twin: '' }, b: { frames: [], keyFrames: [], perKey: [], twin: '' } };
try {
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 ? ['b', 'a'] : ['a', 'b']) {
      const r = await run(browser, servers[k].url + '/');
      all[k].frames.push(...r.frameCpu);
      all[k].keyFrames.push(...r.perKey);
      all[k].perKey.push(r.taskPerKeyMs);
      all[k].twin = r.twin;
    }
  }
} finally {
  await browser.close();
  servers.a.stop();
  servers.b.stop();
}
const row = (k) => {
  const x = all[k];
  return { site: sites[k], typedInto: x.twin || 'canvas', frames: x.frames.length,
    frameMedianMs: +quantile(x.frames, 0.5).toFixed(2), frameP95Ms: +quantile(x.frames, 0.95).toFixed(2),
    keyFramesMedianMs: +quantile(x.keyFrames, 0.5).toFixed(2), keyFramesP95Ms: +quantile(x.keyFrames, 0.95).toFixed(2),
    mainThreadPerKeyMs: +quantile(x.perKey, 0.5).toFixed(2) };
};
const a = row('a'), b = row('b');
const ratio = { frameMedian: +(a.frameMedianMs / b.frameMedianMs).toFixed(2), frameP95: +(a.frameP95Ms / b.frameP95Ms).toFixed(2),
  keyFramesMedian: +(a.keyFramesMedianMs / b.keyFramesMedianMs).toFixed(2), keyFramesP95: +(a.keyFramesP95Ms / b.keyFramesP95Ms).toFixed(2),
  mainThreadPerKey: +(a.mainThreadPerKeyMs / b.mainThreadPerKeyMs).toFixed(2) };
const target = { frameMedianAndP95AtMost: 1.2, pass: ratio.frameMedian <= 1.2 && ratio.frameP95 <= 1.2 };
console.log(JSON.stringify({ runs, load: os.loadavg().map((l) => +l.toFixed(1)), a, b: { ...b, commit: bCommit || undefined }, ratio, target }, null, 2));
