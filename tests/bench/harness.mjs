// What the bench scripts share: statistics over samples, a static server for a built site
// (web/serve.mjs on a free port), headless Chromium as the e2e tests launch it, and a fresh
// context per run (1280 x 800, DPR 1, service workers blocked) with an instrumentation script.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, EXECUTABLE_PATH } from '../e2e/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// --- statistics -----------------------------------------------------------------------------
export const sorted = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
export function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const median = (xs) => quantile(xs, 0.5);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `--name value` from the command line, or `fallback`.
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

// --- servers ----------------------------------------------------------------------------------
// Serves `root` on a free loopback port; resolves to { url, root, stop }.
export async function serve(root) {
  const child = spawn(process.execPath, [path.join(ROOT, 'web', 'serve.mjs'), '--root', root, '--port', '0',
    '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/Serving .* at (http:\/\/\S+?)\/?\s*$/m);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server for ${root} exited (${code})`)));
    setTimeout(() => reject(new Error(`server for ${root} did not start`)), 10000);
  });
  child.stdout.resume();
  return { url, root, stop: () => child.kill() };
}

// Page side, for an init script that keeps its records in `rec`: first contentful paint -> rec.fcp.
export const RECORD_FCP = `try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') rec.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}`;

// --- the browser ------------------------------------------------------------------------------
export const launchBrowser = () => chromium.launch({ executablePath: EXECUTABLE_PATH, args: CHROMIUM_ARGS, headless: true });

// A fresh context and page with `initScript` run before any page script.
export async function newBenchPage(browser, initScript) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block',
  });
  await context.addInitScript(initScript);
  return { context, page: await context.newPage() };
}
