import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, EXECUTABLE_PATH } from './chromium.mjs';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const port = 40000 + Math.floor(Math.random() * 1000);
const srv = spawn('node', ['web/serve.mjs', '--root', 'build/site', '--port', String(port)], { stdio: 'ignore' });
await sleep(1500);
const b = await chromium.launch({ executablePath: EXECUTABLE_PATH, args: CHROMIUM_ARGS });
for (const dpr of [1, 3]) {
  const ctx = await b.newContext({ viewport: { width: dpr === 1 ? 1280 : 390, height: dpr === 1 ? 800 : 844 }, deviceScaleFactor: dpr });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${port}/`);
  await p.waitForFunction(() => window.explorer && window.explorer.state().ready, null, { timeout: 60000 });
  await sleep(1000);
  const fonts = await p.evaluate(() => {
    const m = (n) => performance.getEntriesByName(n)[0]?.startTime;
    return m('rx:fonts-rasterised') - m('rx:content-loaded');
  });
  await p.locator('#canvas').focus();
  await p.keyboard.press('/');
  await p.keyboard.insertText('e');
  await p.waitForFunction(() => window.explorer.state().extendedFont, null, { timeout: 20000 });
  await sleep(500);
  const before = await p.evaluate(() => window.explorer.state());
  // Time from request to the glyphs drawn, per batch.
  await p.evaluate(() => {
    window.__t = [];
    window.addEventListener('explorer:glyphs', (e) => window.__t.push({ at: performance.now(), n: e.detail.codePoints.length }));
  });
  const cjk = Array.from({ length: 80 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7)).join('');
  const t0 = Date.now();
  await p.keyboard.press('Control+a');
  await p.keyboard.insertText(cjk);
  await p.waitForFunction((q) => { const s = window.explorer.state(); return s.search.query === q && !s.fallbackPending; }, cjk, { timeout: 30000 });
  const wall = Date.now() - t0;
  const afterCjk = await p.evaluate(() => window.explorer.state());
  await p.keyboard.press('Control+a');
  await p.keyboard.insertText('\u{1F980}\u{1F600}');
  await p.waitForFunction(() => { const s = window.explorer.state(); return s.search.query.length === 4 && !s.fallbackPending; }, null, { timeout: 30000 });
  const afterEmoji = await p.evaluate(() => window.explorer.state());
  const measures = await p.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('rx:glyphs')).map((m) => m.name + ' ' + Math.round(m.duration) + 'ms'));
  const longTasks = 0;
  console.log(JSON.stringify({ measures, dpr, atlasBuildMs: Math.round(fonts), cjkWallMs: wall, fallback: afterCjk.fallbackGlyphs, missing: afterEmoji.missingGlyphs,
    heapUsed: [before.heapUsed, afterCjk.heapUsed, afterEmoji.heapUsed], heapBytes: [before.heapBytes, afterCjk.heapBytes, afterEmoji.heapBytes] }));
  await ctx.close();
}
await b.close();
srv.kill();
