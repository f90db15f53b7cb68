// Browser measurement of the matrix view at scale, shared by tests/e2e/matrix.test.mjs and the
// bench. Usage (Playwright page from a context with viewport and devicePixelRatio 1):
//
//   import { generateAdopters, measureMatrixTypingFrameCpu } from './matrix_typing.mjs';
//   const json = generateAdopters({ adopters: 10000, domains: 100 }); // needs explorer-tool
//   const r = await measureMatrixTypingFrameCpu(page, 'http://127.0.0.1:PORT', { adoptersJson: json });
//   // r = { frames, medianMs, p95Ms, maxMs, builds, lastBuildMs, rows, cols, filterText }
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function canvasOrigin(page) {
  return page.evaluate(() => {
    const r = document.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
}

// Focuses the canvas when a click left it unfocused; returns true when it had to.
export async function focusCanvas(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas');
    // A text field's DOM twin (web/textagent.js) holding the keyboard is the explorer's too.
    const a = document.activeElement;
    if (a === c || (a && a.id && a.id.startsWith('rx-field-'))) return false;
    c.focus({ preventScroll: true });
    return true;
  });
}

// Synthetic adopters.json (10,000 x 100 by default) from the native tool, or null when the tool is
// not built. `tool` defaults to $RX_BUILD_DIR/native/explorer-tool, then build/native/explorer-tool.
export function generateAdopters({ adopters = 10000, domains = 100, seed = 1, tool } = {}) {
  const candidates = [
    tool,
    process.env.RX_BUILD_DIR && path.join(process.env.RX_BUILD_DIR, 'native', 'explorer-tool'),
    path.join(ROOT, 'build', 'native', 'explorer-tool'),
  ].filter(Boolean);
  const exe = candidates.find((p) => fs.existsSync(p));
  if (!exe) return null;
  const args = ['gen-adopters', '--adopters', String(adopters), '--domains', String(domains)];
  args.push('--seed', String(seed), '--doc', path.join(ROOT, 'content', 'rust-overview.md'));
  return execFileSync(exe, args, { maxBuffer: 64 << 20 }).toString('utf8');
}

// Frame CPU while typing into the matrix filter with a big adopters file.
//   const r = await measureMatrixTypingFrameCpu(page, baseUrl, { adoptersJson, text: 'rust safe' });
// `page` is a fresh Playwright page (not navigated). The page's content/adopters.json is replaced
// by `adoptersJson` (page.route), the matrix is opened at '/#view=matrix', then `text` is typed
// into the filter one key every `keyDelayMs`. Each frame's main-thread time is measured around the
// requestAnimationFrame callbacks (the emscripten loop runs inside them), so idle frames the loop
// skips cost nothing. Returns { frames, medianMs, p95Ms, maxMs, builds, lastBuildMs, rows, cols }.
export async function measureMatrixTypingFrameCpu(page, baseUrl, {
  adoptersJson,
  text = 'rust performance',
  keyDelayMs = 60,
  viewport = { width: 1280, height: 800 },
} = {}) {
  await page.setViewportSize(viewport);
  if (adoptersJson) {
    await page.route('**/content/adopters.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: adoptersJson }));
  }
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__rxFrames = [];
    window.__rxRecord = false;
    window.requestAnimationFrame = (cb) =>
      raf((ts) => {
        const t0 = performance.now();
        cb(ts);
        if (window.__rxRecord) window.__rxFrames.push(performance.now() - t0);
      });
  });
  await page.goto(`${baseUrl}/#view=matrix`, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const s = window.explorer && window.explorer.state();
    return s && s.ready && s.matrix && s.matrix.rowCount > 0;
  }, null, { timeout: 60000 });
  const st = await page.evaluate(() => window.explorer.state());
  const rect = st.matrix.controls.text;
  const o = await canvasOrigin(page);
  await page.mouse.click(o.x + rect[0] + rect[2] / 2, o.y + rect[1] + rect[3] / 2);
  await focusCanvas(page);
  await page.waitForTimeout(300);
  const before = st.matrix.builds;
  await page.evaluate(() => { window.__rxFrames = []; window.__rxRecord = true; });
  await page.keyboard.type(text, { delay: keyDelayMs });
  // On a busy machine the last keys may still be queued: wait for them, then for the last frames.
  await page
    // Interval polling: 'raf' polling would run state() inside the animation frames being timed.
    .waitForFunction((t) => window.explorer.state().matrix.filters.text === t, text, { timeout: 10000, polling: 100 })
    .catch(() => {});
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => { window.__rxRecord = false; return window.__rxFrames; });
  const end = await page.evaluate(() => window.explorer.state().matrix);
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0);
  return {
    frames: frames.length,
    medianMs: q(0.5),
    p95Ms: q(0.95),
    maxMs: sorted.length ? sorted[sorted.length - 1] : 0,
    builds: end.builds - before,
    lastBuildMs: end.lastBuildMs,
    rows: end.rowCount,
    cols: end.colCount,
    filterText: end.filters.text,
  };
}

