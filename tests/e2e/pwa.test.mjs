// Offline PWA tests. Fixtures: tests/e2e/fixtures.mjs.
// They use persistent profiles (t.launchPersistent): in an ordinary context Chromium answers
// "in-incognito" to installability questions.
//   1. first visit: the service worker installs and controls the page; CDP reports no
//      installability and no manifest errors.
//   2. offline reload: the page, explorer.js/.wasm, content and fonts all come from the service
//      worker, nothing fails, the explorer gets ready (once the wasm app is built), and
//      navigations with ?embed=1 or to unknown paths get the cached shell.
//   3. update: a copy of the site (RX_SITE, default build/site) served by web/serve.mjs on its own
//      port gets a changed content file and a new precache run; one reload shows the update
//      banner while the old page still gets only old files; accepting reloads into the new
//      version, where every file matches the new precache list.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { test } from './fixtures.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = path.resolve(process.env.RX_SITE || path.join(REPO, 'build/site'));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const sha10 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const withSlash = (url) => (url.endsWith('/') ? url : url + '/');

// VERSION and ASSETS as precache.mjs generated them into sw.js.
function parseServiceWorker(text, where) {
  const version = /^const VERSION = (".*");$/m.exec(text);
  const assets = /^const ASSETS = (\[.*\]);$/m.exec(text);
  check(version && assets, `${where} is not a generated service worker (run web/tools/precache.mjs)`);
  return { version: JSON.parse(version[1]), assets: JSON.parse(assets[1]) };
}

async function fetchAssets(base) {
  const response = await fetch(new URL('sw.js', base));
  check(response.ok, `GET sw.js answered ${response.status}`);
  const cacheControl = response.headers.get('cache-control') || '';
  check(/no-cache|no-store|max-age=0/.test(cacheControl), `sw.js must be revalidated, got Cache-Control: ${cacheControl}`);
  return parseServiceWorker(await response.text(), `${base}sw.js`);
}

// The explorer app is part of the checks once the build has it.
const appBuilt = (assets) => ['page.js', 'explorer.wasm'].every((u) => assets.some((a) => a.url === u));

// Spawns web/serve.mjs on a free port; resolves with { url, stop }.
function serve(root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'web/serve.mjs'), '--root', root, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${err}`)), 10000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Serving .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: withSlash(m[1]), stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}: ${err}`));
    });
  });
}

async function persistentPage(t) {
  const context = await t.launchPersistent();
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

const pwaStatus = (page) => page.evaluate(() => (window.explorerPwa ? window.explorerPwa.status() : null));

async function waitControlled(page, timeout = 30000) {
  await page.waitForFunction(
    () => window.explorerPwa && window.explorerPwa.status().controlled && window.explorerPwa.status().version,
    null,
    { timeout },
  );
  return pwaStatus(page);
}

async function appState(page, timeout = 60000) {
  await page.waitForFunction(() => window.explorer && window.explorer.state && window.explorer.state().ready, null, { timeout });
  return page.evaluate(() => window.explorer.state());
}

// Hashes what the page gets through fetch (so through its service worker) for each asset.
const servedRevisions = (page, urls) =>
  page.evaluate(async (list) => {
    const out = {};
    for (const url of list) {
      const response = await fetch(url);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
      out[url] = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, 10);
    }
    return out;
  }, urls);

const mismatches = (served, assets) =>
  assets.filter((a) => served[a.url] !== a.revision).map((a) => `${a.url}: served ${served[a.url]}, expected ${a.revision}`);

// Visits base in a fresh persistent profile and waits until the service worker controls it.
async function install(t, base) {
  const { version, assets } = await fetchAssets(base);
  const { context, page } = await persistentPage(t);
  const failed = [];
  page.on('requestfailed', (r) => {
    const why = r.failure() && r.failure().errorText;
    if (why !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${why})`);
  });
  await page.goto(base, { waitUntil: 'load' });
  const status = await waitControlled(page);
  check(status.version === version, `first visit: page runs version ${status.version}, site has ${version}`);
  return { context, page, version, assets, failed };
}

test('pwaFirstVisitInstallsAndIsInstallable', async ({ t }) => {
  test.setTimeout(120000);
  const base = withSlash(t.baseUrl);
  const { context, page, version, assets, failed } = await install(t, base);
  const script = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  check(script === new URL('sw.js', base).href, `controlled by ${script}`);
  const cacheNames = await page.evaluate(() => caches.keys());
  check(cacheNames.includes(`rx-${version}`), `cache rx-${version} missing: ${cacheNames}`);
  const cached = await page.evaluate((name) => caches.open(name).then((c) => c.keys()).then((k) => k.length), `rx-${version}`);
  check(cached === assets.length, `cache holds ${cached} entries, precache list has ${assets.length}`);

  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  check(installabilityErrors.length === 0, `installability errors: ${JSON.stringify(installabilityErrors)}`);
  const manifest = await cdp.send('Page.getAppManifest');
  check(manifest.errors.length === 0, `manifest errors: ${JSON.stringify(manifest.errors)}`);
  check(manifest.url.endsWith('/manifest.webmanifest'), `manifest url ${manifest.url}`);
  if (appBuilt(assets)) await appState(page);
  check(failed.length === 0, `failed requests: ${failed.join('; ')}`);

  // Shell files must be revalidated by browsers, never cached as immutable.
  for (const name of ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'version.json', 'page.js']) {
    const response = await fetch(new URL(name, base));
    const cacheControl = response.headers.get('cache-control') || '';
    check(response.ok && /no-cache/.test(cacheControl), `${name || '/'}: status ${response.status}, Cache-Control: ${cacheControl}`);
  }
  t.log(`version ${version}: ${assets.length} files precached, installable, manifest clean`);
});

test('pwaOfflineReloadServesEverythingFromCache', async ({ t }) => {
  test.setTimeout(150000);
  const base = withSlash(t.baseUrl);
  const { context, page, version, assets, failed } = await install(t, base);
  if (appBuilt(assets)) await appState(page);

  await context.setOffline(true);
  const responses = new Map();
  const basePath = new URL(base).pathname;
  page.on('response', (r) => responses.set(new URL(r.url()).pathname.slice(basePath.length), r.fromServiceWorker()));
  failed.length = 0;
  await page.reload({ waitUntil: 'load' });
  const offline = await waitControlled(page);
  check(offline.version === version, `offline: version ${offline.version}, expected ${version}`);

  // The shell, the app, the fonts, and the content files content/index.json names.
  const expected = ['', 'page.js', 'manifest.webmanifest']; // the stylesheet is inlined in the page
  const index = JSON.parse(await page.evaluate(() => fetch('content/index.json').then((r) => r.text())));
  const named = new Set(['content/index.json']);
  JSON.stringify(index).replace(/"([^"]+\.(?:md|json))"/g, (_, name) => named.add(`content/${name}`));
  // fonts/ui-regular-full.ttf is fetched only once a text field takes input: checked below.
  const onDemand = 'fonts/ui-regular-full.ttf';
  for (const a of assets) if ((/^(explorer\.(js|wasm)|fonts\/.*\.ttf$)/.test(a.url) && a.url !== onDemand) || named.has(a.url)) expected.push(a.url);
  if (appBuilt(assets)) {
    const state = await appState(page);
    check(state.ready === true, 'offline: explorer not ready');
    if (Array.isArray(state.errors)) check(state.errors.length === 0, `offline: app errors ${JSON.stringify(state.errors)}`);
    const sections = Array.isArray(state.sections) ? state.sections.length : state.sections;
    if (sections !== undefined) check(sections > 0, 'offline: no sections');
  } else {
    // Until the app exists: fetch what the page scripts will, from the page.
    const rest = expected.filter((u) => u && !responses.has(u));
    await page.evaluate((urls) => Promise.all(urls.map((u) => fetch(u).then((r) => r.arrayBuffer()))), rest);
  }
  await page.waitForLoadState('networkidle');
  const notFromWorker = expected.filter((u) => responses.has(u) && responses.get(u) !== true);
  check(notFromWorker.length === 0, `offline: not from the service worker: ${notFromWorker.join(', ')}`);
  const loaded = expected.filter((u) => responses.has(u));
  const notLoaded = expected.filter((u) => !responses.has(u));
  check(notLoaded.length === 0, `offline: never requested: ${notLoaded.join(', ')}`);
  check(failed.length === 0, `offline: failed requests: ${failed.join('; ')}`);
  if (assets.some((a) => a.url === onDemand)) {
    const bytes = await page.evaluate((u) => fetch(u).then((r) => (r.ok ? r.arrayBuffer().then((b) => b.byteLength) : 0)), onDemand);
    check(bytes > 0 && responses.get(onDemand) === true, `offline: ${onDemand} not served by the service worker`);
  }

  // Navigations with a query (embed mode) and to unknown paths get the cached shell.
  for (const extra of ['?embed=1', 'no/such/page']) {
    const response = await page.goto(new URL(extra, base).href, { waitUntil: 'load' });
    check(response && response.ok() && response.fromServiceWorker(), `offline: ${extra} not served by the service worker`);
    check((await page.locator('#canvas').count()) === 1, `offline: ${extra} is not the explorer shell`);
  }
  if (appBuilt(assets)) {
    await page.goto(new URL('?embed=1', base).href, { waitUntil: 'load' });
    await appState(page);
  }
  await context.setOffline(false);
  t.log(`offline: ${loaded.length} files from the service worker, no failures`);
});

test('pwaUpdateBannerSwitchesWholeVersion', async ({ t }) => {
  test.setTimeout(300000);
  check(fs.existsSync(path.join(SITE, 'sw.js')), `${SITE} has no sw.js: build the site first (./build.sh build)`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-pwa-site-'));
  fs.cpSync(SITE, copy, { recursive: true });
  const server = await serve(copy);
  try {
    const { page, version: v1, assets: oldAssets } = await install(t, server.url);
    if (appBuilt(oldAssets)) await appState(page);

    // Deploy a new version into the served folder: change a content file, re-run the hook.
    const index = JSON.parse(fs.readFileSync(path.join(copy, 'content/index.json'), 'utf8'));
    const mdName = typeof index.document === 'string' ? index.document : fs.readdirSync(path.join(copy, 'content')).find((f) => f.endsWith('.md'));
    check(mdName, 'update: no .md content file to change');
    const mdPath = path.join(copy, 'content', mdName);
    fs.appendFileSync(mdPath, '\n');
    execFileSync(process.execPath, [path.join(REPO, 'web/tools/precache.mjs'), copy], { stdio: 'pipe' });
    const { version: v2, assets: newAssets } = parseServiceWorker(fs.readFileSync(path.join(copy, 'sw.js'), 'utf8'), 'copy/sw.js');
    check(v2 !== v1, 'update: precache.mjs did not change VERSION');

    await page.reload({ waitUntil: 'load' });
    const banner = page.locator('#pwa-update');
    // Generous: with software WebGL on a loaded machine the app keeps the main thread busy, and
    // Chromium was seen to start the update check up to a minute late.
    await banner.waitFor({ state: 'visible', timeout: 150000 });
    const waiting = await pwaStatus(page);
    check(waiting.updateWaiting && waiting.version === v1, `update: banner shown but status ${JSON.stringify(waiting)}`);
    check(/New version available/.test(await banner.innerText()), 'update: banner text');
    const button = banner.getByRole('button', { name: 'Reload' });
    check((await button.count()) === 1, 'update: no Reload button');
    // While the new version waits, the old page still gets old files only.
    const mixedBefore = mismatches(await servedRevisions(page, oldAssets.map((a) => a.url)), oldAssets);
    check(mixedBefore.length === 0, `update: old page got new files: ${mixedBefore.join('; ')}`);
    const shot = await t.screenshot('pwa-update-banner', page);

    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), button.click()]);
    const now = await waitControlled(page);
    check(now.version === v2, `update: after reload the page runs ${now.version}, expected ${v2}`);
    check(!now.updateWaiting && (await banner.count()) === 0, 'update: banner still there after the reload');
    const served = await servedRevisions(page, newAssets.map((a) => a.url));
    const mixedAfter = mismatches(served, newAssets);
    check(mixedAfter.length === 0, `update: files mixed after the update: ${mixedAfter.join('; ')}`);
    check(served[`content/${mdName}`] === sha10(fs.readFileSync(mdPath)), 'update: changed content file not served');
    const cacheNames = await page.evaluate(() => caches.keys());
    check(cacheNames.length === 1 && cacheNames[0] === `rx-${v2}`, `update: caches left: ${cacheNames}`);
    if (appBuilt(newAssets)) {
      const state = await appState(page);
      if (state.version !== undefined) check(state.version === v2, `update: state().version ${state.version}, expected ${v2}`);
    }
    t.log(`update ${v1} -> ${v2} through the banner, ${newAssets.length} files coherent; ${shot}`);
  } finally {
    server.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
