#!/usr/bin/env node
// A/B of two Emscripten builds of the same code, measured the way the bench measures
// (tests/bench/bench.mjs: its page loads, first WebGL draw, FCP, gzip -9 sizes), in one run.
// tests/bench/emcc_ab.sh builds the inputs; on its own:
//
//   node tests/bench/emcc_ab.mjs --a LABEL=DIR --b LABEL=DIR [--runs 15] [--json OUT] [--explorer-only]
//
// Each DIR holds site/ (the explorer, as build.sh stages it) and baseline/ (Dear ImGui's own web
// example). One full load of each of the four pages first (untimed warm-up, the first view's
// files, idle frames), then --runs rounds of load-only runs. A round loads explorer A, explorer B,
// baseline A, baseline B, each in a fresh context; every other round reverses the pairs (B before
// A), so neither build always loads right after the other. Medians [min-max]; ratios B/A.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadShared, loadRun, summary, gzipSize, bytesOf, fmt, kb } from './bench.mjs';
import { launchBrowser, serve } from './harness.mjs';

function parseArgs(argv) {
  const o = { runs: 15, json: null, builds: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--a' || a === '--b') {
      const m = /^([^=]+)=(.+)$/.exec(argv[++i] || '');
      if (!m) throw new Error(`${a} needs LABEL=DIR`);
      o.builds[a.slice(2)] = { label: m[1], dir: path.resolve(m[2]) };
    } else if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 15);
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else if (a === '--explorer-only') o.explorerOnly = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.builds.a || !o.builds.b) throw new Error('usage: emcc_ab.mjs --a LABEL=DIR --b LABEL=DIR [--runs N] [--json OUT]');
  return o;
}

const APP_FILES = { explorer: ['explorer.wasm', 'explorer.js'], baseline: ['index.wasm', 'index.js'] };
const appDir = (build, kind) => path.join(build.dir, kind === 'explorer' ? 'site' : 'baseline');

function fileBytes(file) {
  return { raw: fs.statSync(file).size, gzip: gzipSize(file) };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { a, b } = opts.builds;
  // The baseline is measured when both builds have one (--explorer-only skips it).
  const built = (kind) => [a, b].every((build) => APP_FILES[kind].every((f) => fs.existsSync(path.join(appDir(build, kind), f))));
  const kinds = ['explorer', 'baseline'].filter((k) => built(k) && !(k === 'baseline' && opts.explorerOnly));
  if (!kinds.includes('explorer')) throw new Error(`explorer.wasm/.js missing in ${appDir(a, 'explorer')} or ${appDir(b, 'explorer')}`);
  if (!kinds.includes('baseline')) console.log('    baseline: not measured (missing in one build, or --explorer-only)');
  const pages = [];
  for (const kind of kinds) {
    for (const [side, build] of [['a', a], ['b', b]]) {
      pages.push({ key: `${kind}-${side}`, kind, side, label: build.label, dir: appDir(build, kind), loads: [] });
    }
  }
  await loadShared();
  for (const p of pages) p.server = await serve(p.dir);
  const browser = await launchBrowser();
  const log = (...x) => console.log('   ', ...x);
  const t0 = Date.now();
  try {
    for (const p of pages) { // warm-up and the first view's files, with the idle check
      p.full = await loadRun(browser, p.kind, `${p.server.url}/`);
      log(`${p.key} (${p.label}) full load: first draw ${fmt(p.full.firstDraw)} ms, idle ${fmt(p.full.idleFps, 1)} fps`);
    }
    for (let i = 0; i < opts.runs; i++) {
      const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      const line = [];
      for (const kind of kinds) {
        for (const side of order) {
          const p = pages.find((x) => x.kind === kind && x.side === side);
          const r = await loadRun(browser, kind, `${p.server.url}/`, { idle: false });
          p.loads.push(r);
          line.push(`${p.key} ${fmt(r.firstDraw)}`);
        }
      }
      log(`round ${i + 1}/${opts.runs} first draw (ms): ${line.join(', ')}`);
    }
  } finally {
    await browser.close();
    for (const p of pages) p.server.stop();
  }

  const rows = [];
  const result = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, headless Chromium, SwiftShader WebGL2`,
    runs: opts.runs, a, b, pages: {} };
  for (const kind of kinds) {
    const [pa, pb] = ['a', 'b'].map((s) => pages.find((x) => x.kind === kind && x.side === s));
    const fig = (p) => {
      const [wasmFile, jsFile] = APP_FILES[kind].map((f) => path.join(p.dir, f));
      const firstView = bytesOf(p.full.fetched || [], p.server);
      return {
        firstDraw: summary(p.loads.map((r) => r.firstDraw)), fcp: summary(p.loads.map((r) => r.fcp)),
        wasm: fileBytes(wasmFile), js: fileBytes(jsFile), firstView: firstView.total, idleFps: p.full.idleFps,
      };
    };
    const A = fig(pa), B = fig(pb);
    result.pages[kind] = { [a.label]: A, [b.label]: B };
    const pct = (x, y) => (x && y != null ? `${y >= x ? '+' : ''}${fmt((100 * (y - x)) / x, 1)} %` : '—');
    const span = (s) => `${fmt(s.median)} ms [${fmt(s.min)}–${fmt(s.max)}]`;
    rows.push([`${kind}: first canvas frame`, span(A.firstDraw), span(B.firstDraw), pct(A.firstDraw.median, B.firstDraw.median)]);
    rows.push([`${kind}: wasm (raw → gzip -9)`, `${kb(A.wasm.raw)} → ${kb(A.wasm.gzip)}`, `${kb(B.wasm.raw)} → ${kb(B.wasm.gzip)}`, pct(A.wasm.gzip, B.wasm.gzip)]);
    rows.push([`${kind}: js (raw → gzip -9)`, `${kb(A.js.raw)} → ${kb(A.js.gzip)}`, `${kb(B.js.raw)} → ${kb(B.js.gzip)}`, pct(A.js.gzip, B.js.gzip)]);
    rows.push([`${kind}: wasm + js gzip`, kb(A.wasm.gzip + A.js.gzip), kb(B.wasm.gzip + B.js.gzip), pct(A.wasm.gzip + A.js.gzip, B.wasm.gzip + B.js.gzip)]);
    rows.push([`${kind}: first view total gzip`, kb(A.firstView.gzip), kb(B.firstView.gzip), pct(A.firstView.gzip, B.firstView.gzip)]);
    rows.push([`${kind}: idle frames/s (5 s)`, fmt(A.idleFps, 1), fmt(B.idleFps, 1), '']);
  }
  const widths = [0, 0, 0, 0];
  const head = ['metric', `A: ${a.label}`, `B: ${b.label}`, 'B vs A'];
  for (const r of [head, ...rows]) r.forEach((c, i) => { widths[i] = Math.max(widths[i], String(c).length); });
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  const table = [`Emscripten A/B ${result.date.slice(0, 16)}Z (${result.machine}); first frame: medians [min–max] of ${opts.runs} alternating loads`,
    line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
  console.log(`\n${table}\n`);
  result.table = table;
  result.seconds = (Date.now() - t0) / 1000;
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, JSON.stringify(result, null, 2));
    console.log(`wrote ${opts.json}`);
  }
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
