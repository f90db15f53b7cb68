// Lighthouse on a served page: category scores and paint timings in one call, for the
// e2e test (tests/e2e/lighthouse.test.mjs) and the benchmark.
//
//   import { runLighthouse } from './lighthouse.mjs';
//   const r = await runLighthouse('http://127.0.0.1:8080/');
//   // { performance, accessibility, bestPractices, seo, fcp, lcp, tbt, cls, lcpElement, failures }
//
// Scores are 0..1; fcp/lcp/tbt in ms. `failures` lists the audits that cost points outside
// performance ("category: audit id: title"). Options: { mobile: false } uses Lighthouse's desktop
// preset (no CPU/network throttling of note); mobile: true its default simulated mobile run.
// Also runnable: node tests/bench/lighthouse.mjs URL [--mobile]
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from '../e2e/chromium.mjs';

// The same software-GL and closed-network flags as the browser tests (TOOLCHAIN.md), headless.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

// The LCP element's HTML snippet, when Lighthouse names one.
function lcpElement(lhr) {
  try {
    const d = lhr.audits['largest-contentful-paint-element'].details;
    const table = d.items.find((i) => i.type === 'table') || d;
    return table.items[0].node.snippet;
  } catch (e) {
    return null;
  }
}

export async function runLighthouse(url, { mobile = false } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || process.env.RX_CHROMIUM || '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    };
    const result = await lighthouse(url, flags, mobile ? undefined : desktopConfig);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id) => lhr.categories[id] ? lhr.categories[id].score : null;
    const ms = (id) => (lhr.audits[id] && typeof lhr.audits[id].numericValue === 'number'
      ? Math.round(lhr.audits[id].numericValue) : null);
    const failures = [];
    for (const id of ['accessibility', 'best-practices', 'seo']) {
      const cat = lhr.categories[id];
      if (!cat) continue;
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 1) failures.push(`${id}: ${ref.id}: ${a.title}`);
      }
    }
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: lhr.audits['cumulative-layout-shift'] ? lhr.audits['cumulative-layout-shift'].numericValue : null,
      lcpElement: lcpElement(lhr),
      failures,
    };
  } finally {
    await chrome.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: node tests/bench/lighthouse.mjs URL [--mobile]');
    process.exit(2);
  }
  runLighthouse(url, { mobile: process.argv.includes('--mobile') }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => { console.error(e.message || e); process.exit(1); });
}
