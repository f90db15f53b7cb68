// The steps that turn web/, the wasm app and a content folder into the site (build/site), one
// named function each; web/tools/build-site.mjs runs them in order. web/ keeps the readable
// sources: every step below changes only the copy in the site folder.
//
// Outputs that cost time (minified scripts, font subsets, compressed files) are cached under
// `cache` by the hash of their inputs, so an unchanged rebuild only copies files.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { precacheSite } from './precache.mjs';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(WEB_DIR, '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
// npm tools (pinned in package-lock.json) from the clone's node_modules.
const requireTool = createRequire(path.join(ROOT, 'package.json'));

const sha = (data) => createHash('sha256').update(data).digest('hex');
const read = (file) => fs.readFileSync(file, 'utf8');

// Returns cache/<key><ext>, making it with make(tmpFile) first when missing (written to a
// temporary name and renamed: parallel builds never see half a file).
function cached(cacheDir, key, ext, make) {
  const file = path.join(cacheDir, key + ext);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.tmp.${process.pid}`;
    make(tmp);
    fs.renameSync(tmp, file);
  } else {
    markUsed(file);
  }
  return file;
}

// A cache entry's time is when a build last used it (pruneCache removes the long unused).
function markUsed(file) {
  const now = new Date();
  fs.utimesSync(file, now, now);
}

// Removes the cache's files that no build used for `days` days (the cache is shared by every
// clone on the machine: entries are named by what they were made from).
export function pruneCache(cacheDir, days = 30) {
  if (!fs.existsSync(cacheDir)) return 0;
  const before = Date.now() - days * 24 * 3600 * 1000;
  let removed = 0;
  for (const entry of fs.readdirSync(cacheDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (fs.statSync(file).mtimeMs < before) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

function copyTree(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const src = path.join(from, entry.name), dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

// --- content -------------------------------------------------------------------------------------

// The content folder's one document: the *.md file besides README.md.
export function findContentDocument(contentDir) {
  const docs = fs.readdirSync(contentDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
  if (docs.length !== 1) {
    throw new Error(`${contentDir} must hold exactly one document (*.md besides README.md); found ${docs.length}`);
  }
  return docs[0];
}

// content/index.json: the document, adopters.json and tags.json when present, fallback fonts.
export function contentIndex(contentDir, fallbackFonts = []) {
  const index = { document: findContentDocument(contentDir) };
  if (fs.existsSync(path.join(contentDir, 'adopters.json'))) index.adopters = 'adopters.json';
  if (fs.existsSync(path.join(contentDir, 'tags.json'))) index.vocabulary = 'tags.json';
  if (fallbackFonts.length) index.fallbackFonts = fallbackFonts;
  return index;
}

export function writeContentIndex(contentDir, outFile, fallbackFonts = []) {
  fs.writeFileSync(outFile, JSON.stringify(contentIndex(contentDir, fallbackFonts), null, 2) + '\n');
}

// The content folder without its README (it documents the folder for people; the app does not
// load it).
export function copyContent(contentDir, site) {
  copyTree(contentDir, path.join(site, 'content'), (name) => name === 'README.md');
}

// The content files named by content/index.json, as a hint at the end of the page's head: boot.js
// fetches them together with the index instead of after it (the index still decides what is used).
export function hintContentFiles(site) {
  const index = JSON.parse(read(path.join(site, 'content/index.json')));
  const names = [index.document, index.adopters, index.vocabulary].filter((n) => typeof n === 'string');
  const attr = JSON.stringify(names).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const page = path.join(site, 'index.html');
  const anchor = /^<\/head>$/m;
  const html = read(page);
  if (!anchor.test(html)) throw new Error('index.html has no </head> to put the content hint before');
  fs.writeFileSync(page, html.replace(anchor, (m) => `<meta name="explorer-content" content="${attr}">\n${m}`));
}

// --- web sources ---------------------------------------------------------------------------------

// web/ without the tools that build and serve it.
export function copyWebSources(site) {
  copyTree(WEB_DIR, site, (name) => name === 'serve.mjs' || name === 'tools');
}

// The page's scripts (index.html lists them in run order, deferred) become one page.js: one
// request instead of nine (HTTP/1.1 has six connections for a dozen first-view downloads) and one
// gzip stream, smaller than nine. It is loaded async where they stood (before the rendition): a
// deferred script would run only once the whole rendition is parsed, and a large document's
// rendition is megabytes; in one file their order holds either way.
export function bundlePageScripts(site) {
  const page = path.join(site, 'index.html');
  const html = read(page);
  const tag = /^<script src="([a-z0-9]+\.js)" defer><\/script>\n/gm;
  const names = [...html.matchAll(tag)].map((m) => m[1]);
  if (names.length < 2) throw new Error("index.html: expected the page's deferred scripts");
  const parts = names.map((n) => `// ${n}\n${read(path.join(site, n))}\n;`);
  fs.writeFileSync(path.join(site, 'page.js'), parts.join('\n'));
  let first = true;
  fs.writeFileSync(page, html.replace(tag, () => {
    const out = first ? '<script src="page.js" async></script>\n' : '';
    first = false;
    return out;
  }));
  for (const n of names) fs.unlinkSync(path.join(site, n));
}

// The page's own scripts minified with terser (npm, pinned in package-lock.json). explorer.js is
// emcc's glue, already through Closure; sw.js is rewritten by the precache step. Returns false
// (scripts ship as written) when terser is not installed.
export async function minifyPageScripts(site, cacheDir) {
  if (!fs.existsSync(path.join(NODE_MODULES, 'terser'))) return false;
  const { minify } = requireTool('terser');
  const options = { compress: { passes: 2 }, mangle: true, ecma: 2020 };
  for (const name of fs.readdirSync(site).filter((n) => n.endsWith('.js')).sort()) {
    if (name === 'explorer.js' || name === 'sw.js') continue;
    const file = path.join(site, name);
    const source = read(file);
    const key = sha(JSON.stringify(options) + '\0' + source).slice(0, 32);
    const out = path.join(cacheDir, key + '.js');
    if (!fs.existsSync(out)) {
      const result = await minify(source, options);
      cached(cacheDir, key, '.js', (tmp) => fs.writeFileSync(tmp, result.code));
    } else {
      markUsed(out);
    }
    fs.copyFileSync(out, file);
  }
  return true;
}

// The stylesheet inlined into index.html: the first paint no longer waits for a second request.
// lightningcss minifies it (no value rewritten for older browsers: no targets); the CSP allows
// exactly this <style> by its sha256, and style.css leaves the site. Comments leave index.html
// (the build markers such as <!--RENDITION--> stay for later steps) and icon.svg: both are
// fetched for the first view.
export async function inlineStylesheet(site) {
  const { transform } = requireTool('lightningcss');
  const page = path.join(site, 'index.html'), cssFile = path.join(site, 'style.css');
  const css = transform({ filename: 'style.css', code: fs.readFileSync(cssFile), minify: true })
    .code.toString().trim();
  if (css.includes('</style')) throw new Error('style.css must not contain </style');
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  let html = read(page), edits = 0;
  html = html.replace(/^<link rel="stylesheet" href="style.css">$/m, () => (edits++, `<style>${css}</style>`));
  html = html.replace(/(http-equiv="Content-Security-Policy" content="[^"]*style-src )'self'/,
    (m, before) => (edits++, `${before}'self' 'sha256-${hash}'`));
  if (edits !== 2) throw new Error('index.html: expected one style.css link and a CSP style-src to extend');
  html = html.replace(/<!--(?![A-Z]+-->)[\s\S]*?-->\n?/g, '');
  fs.writeFileSync(page, html);
  fs.unlinkSync(cssFile);
  const icon = path.join(site, 'icon.svg');
  if (fs.existsSync(icon)) {
    fs.writeFileSync(icon, read(icon).replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim() + '\n');
  }
}

// --- app and deck --------------------------------------------------------------------------------

// The wasm app from the wasm build folder.
export function copyApp(wasmDir, site) {
  for (const name of ['explorer.js', 'explorer.wasm']) {
    const file = path.join(wasmDir, name);
    if (!fs.existsSync(file)) throw new Error(`${file} missing: the wasm app did not build`);
    fs.copyFileSync(file, path.join(site, name));
  }
}

// reveal.js for the sample deck (web/deck/) from npm (pinned in package-lock.json, never in git):
// the script, its CSS and the white theme with the one font family that theme imports. Returns
// false when reveal.js is not installed (the sample deck will not load).
export function stageDeckReveal(dest) {
  const pkg = path.join(NODE_MODULES, 'reveal.js'), dist = path.join(pkg, 'dist');
  if (!fs.existsSync(path.join(dist, 'reveal.js'))) return false;
  const fonts = path.join(dest, 'theme/fonts/source-sans-pro');
  fs.mkdirSync(fonts, { recursive: true });
  for (const n of ['reveal.js', 'reveal.css', 'reset.css']) fs.copyFileSync(path.join(dist, n), path.join(dest, n));
  fs.copyFileSync(path.join(dist, 'theme/white.css'), path.join(dest, 'theme/white.css'));
  const fontSrc = path.join(dist, 'theme/fonts/source-sans-pro');
  for (const n of fs.readdirSync(fontSrc)) {
    if (n === 'source-sans-pro.css' || n === 'LICENSE' || n.endsWith('.woff')) {
      fs.copyFileSync(path.join(fontSrc, n), path.join(fonts, n));
    }
  }
  fs.copyFileSync(path.join(pkg, 'LICENSE'), path.join(dest, 'LICENSE'));
  stageSpeakerNotes(pkg, dest);
  return true;
}

// reveal's notes plugin (speaker view, key S). It writes its page into an about:blank window,
// which inherits the deck's Content-Security-Policy: the deck page allows exactly that page's
// inline script and stylesheet by their sha256 (taken from the plugin's speaker-view.html,
// which notes.js carries verbatim).
function stageSpeakerNotes(pkg, dest) {
  const notes = path.join(pkg, 'plugin/notes');
  fs.mkdirSync(path.join(dest, 'plugin/notes'), { recursive: true });
  fs.copyFileSync(path.join(notes, 'notes.js'), path.join(dest, 'plugin/notes/notes.js'));
  const view = fs.readFileSync(path.join(notes, 'speaker-view.html'), 'utf8');
  const hashes = (tag) => [...view.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`).join(' ');
  const deckPage = path.join(dest, '..', 'index.html');
  if (!fs.existsSync(deckPage)) return;
  const html = fs.readFileSync(deckPage, 'utf8')
    .replace("script-src 'self'", `script-src 'self' ${hashes('script')}`)
    .replace("style-src 'self'", `style-src 'self' ${hashes('style')}`);
  fs.writeFileSync(deckPage, html);
}

// --- fonts ---------------------------------------------------------------------------------------

// Glyph sets, each plus every character of the content. The first view loads ui-regular.ttf and
// ui-bold.ttf: ASCII and the UI's own punctuation (· × » – — ‘ ’ “ ” • … ‹ ›).
// ui-regular-full.ttf (Latin-1, General Punctuation, arrows, bullets, check marks) is fetched only
// once a text field takes input, so anything typed into search or the matrix filter draws.
const FIRST_VIEW_UNICODES =
  'U+0020-007E,U+00A0,U+00B7,U+00BB,U+00D7,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2022,U+2026,U+2039,U+203A';
const UI_UNICODES =
  'U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+2022,U+2026,U+25B8,U+25BE,U+2713,U+2715,U+FFFD';
// ImGui (stb_truetype) reads only outlines and metrics (cmap, glyf, loca, head, hhea, hmtx, maxp):
// no hinting, no OpenType layout tables (kerning, ligatures), no OS/2, post, gasp or name. The
// copyright and licence the `name` table carried ship next to the faces as fonts/LICENSE.txt
// (Debian's copyright file of fonts-noto-core).
const SUBSET_OPTIONS = ['--no-hinting', '--layout-features=', '--drop-tables+=GPOS,GSUB,GDEF,OS/2,post,gasp,name'];
const NOTO = '/usr/share/fonts/truetype/noto';
const FONT_LICENSE = '/usr/share/doc/fonts-noto-core/copyright';
const FACES = [
  { name: 'regular', file: 'NotoSans-Regular.ttf', unicodes: FIRST_VIEW_UNICODES },
  { name: 'bold', file: 'NotoSans-Bold.ttf', unicodes: FIRST_VIEW_UNICODES },
  { name: 'regular-full', file: 'NotoSans-Regular.ttf', unicodes: UI_UNICODES },
];
// Noto Sans has no arrows, triangles or check marks: small fallback faces the app merges in, made
// only for the ones the content uses (the UI draws its own as shapes).
const FALLBACK_FACES = [
  { name: 'symbols', file: 'NotoSansSymbols2-Regular.ttf', blocks: [[0x25a0, 0x25ff], [0x2713, 0x2717]] },
  { name: 'arrows', file: 'NotoSansSymbols-Regular.ttf', blocks: [[0x2190, 0x21ff]] },
];

// Every printable code point in the content folder (README.md at its top excepted: not shipped).
export function contentCodePoints(contentDir) {
  const chars = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (!(dir === contentDir && e.name === 'README.md')) {
        for (const c of new TextDecoder('utf-8').decode(fs.readFileSync(file))) chars.add(c.codePointAt(0));
      }
    }
  };
  walk(contentDir);
  return [...chars].filter((cp) => cp >= 0x20 && cp !== 0x7f).sort((a, b) => a - b);
}

const unicodeList = (cps) => cps.map((cp) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')).join(',');

// pyftsubset (Debian's python3-fonttools, run by Debian's python: the python3 on PATH may not see
// it), cached by source font, glyph set and options.
function subsetFont(src, unicodes, cacheDir) {
  if (!fs.existsSync(src)) throw new Error(`missing ${src} (apt: fonts-noto-core)`);
  const key = sha([src, fs.statSync(src).size, unicodes, SUBSET_OPTIONS.join(' ')].join('|')).slice(0, 16);
  return cached(cacheDir, key, '.ttf', (tmp) => execFileSync('/usr/bin/python3',
    ['-m', 'fontTools.subset', src, `--unicodes=${unicodes}`, ...SUBSET_OPTIONS, `--output-file=${tmp}`],
    { stdio: ['ignore', 'ignore', 'inherit'] }));
}

// Writes site/fonts/ui-*.ttf and LICENSE.txt; returns the fallback faces written (for
// content/index.json: the page fetches nothing it does not need).
export function subsetFonts(contentDir, dest, cacheDir) {
  if (!fs.existsSync(FONT_LICENSE)) throw new Error(`missing ${FONT_LICENSE} (apt: fonts-noto-core)`);
  fs.mkdirSync(dest, { recursive: true });
  fs.copyFileSync(FONT_LICENSE, path.join(dest, 'LICENSE.txt'));
  const content = contentCodePoints(contentDir);
  for (const face of FACES) {
    const unicodes = face.unicodes + (content.length ? ',' + unicodeList(content) : '');
    fs.copyFileSync(subsetFont(path.join(NOTO, face.file), unicodes, cacheDir), path.join(dest, `ui-${face.name}.ttf`));
  }
  const fallbacks = [];
  for (const face of FALLBACK_FACES) {
    const used = content.filter((cp) => face.blocks.some(([a, b]) => cp >= a && cp <= b));
    if (!used.length) continue;
    fs.copyFileSync(subsetFont(path.join(NOTO, face.file), unicodeList(used), cacheDir), path.join(dest, `ui-${face.name}.ttf`));
    fallbacks.push(`fonts/ui-${face.name}.ttf`);
  }
  return fallbacks;
}

// --- rendition, precache, compression ------------------------------------------------------------

// The static rendition (explorer-tool render-html) into index.html's <!--RENDITION-->: the page
// paints the document before the wasm is ready. Returns false when the tool is not built.
export function renderRendition(tool, contentDir, site) {
  if (!fs.existsSync(tool)) return false;
  execFileSync(tool, ['render-html', '--content', contentDir, '--site', site], { stdio: 'inherit' });
  return true;
}

// The service worker's precache list and version (web/tools/precache.mjs), from the built files.
export function writePrecache(site) {
  return precacheSite(site, { siteUrl: process.env.RX_SITE_URL || null });
}

const COMPRESSIBLE = /\.(html|js|mjs|wasm|json|md|ttf|css|svg|webmanifest|csv|txt)$/;

// name.gz (gzip -9) and name.br (brotli, quality 11) next to each compressible file, for the
// server to send as they are.
export function precompress(site, cacheDir) {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  let count = 0;
  for (const file of walk(site).filter((f) => COMPRESSIBLE.test(f))) {
    const data = fs.readFileSync(file);
    const key = sha(data).slice(0, 32);
    const gz = cached(cacheDir, key, '.gz', (tmp) => fs.writeFileSync(tmp, zlib.gzipSync(data, { level: 9 })));
    const br = cached(cacheDir, key, '.br', (tmp) => fs.writeFileSync(tmp, zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    })));
    fs.copyFileSync(gz, file + '.gz');
    fs.copyFileSync(br, file + '.br');
    count++;
  }
  return count;
}
