#!/usr/bin/env node
// Post-build hook: node web/tools/precache.mjs <site-dir> [--site-url https://host/path/]
//
// 0. With --site-url (or env RX_SITE_URL): makes the canonical link and the Open Graph image
//    absolute in index.html and adds og:url (crawlers and Lighthouse want absolute URLs there;
//    the deploy address is not known to the sources, which keep relative ones).
// 1. Rasterises icon.svg (and a full-bleed maskable variant) into <site>/icons/*.png with
//    rsvg-convert (Debian librsvg2-bin). No PNG is committed.
// 2. Hashes every file of the site (sha-256, first 10 hex), except compressed siblings and the
//    files written here, and derives VERSION from all of them.
// 3. Writes <site>/version.json and <site>/sw.js (from the web/sw.js template, with the generated
//    VERSION and ASSETS). Nothing is listed by hand.
// 4. Removes .gz/.br siblings that no longer match their file (the build compresses after this
//    step; a re-run on an already compressed site must not leave stale copies to be served).
//
// Prints a one-line summary. Exit code 1 with a message on any error.

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const ICONS = [
  { file: "icons/icon-192.png", size: 192, maskable: false },
  { file: "icons/icon-512.png", size: 512, maskable: false },
  { file: "icons/maskable-192.png", size: 192, maskable: true },
  { file: "icons/maskable-512.png", size: 512, maskable: true },
  { file: "icons/apple-touch-icon.png", size: 180, maskable: true },
];

// Maskable icons get cropped to a circle of 80 % of their size by some launchers: the plate
// becomes a full-bleed square and the drawing shrinks to the inner 70 %.
export function maskableSvg(iconSvg) {
  const plate = /<rect id="plate"[^>]*fill="(#[0-9a-fA-F]{3,8})"/.exec(iconSvg);
  if (!plate) throw new Error('icon.svg needs <rect id="plate" ... fill="#rrggbb"> for the maskable variant');
  const inner = iconSvg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">' +
    `<rect width="512" height="512" fill="${plate[1]}"/>` +
    `<svg x="77" y="77" width="358" height="358" viewBox="0 0 512 512">${inner}</svg></svg>\n`
  );
}

function rasterise(svgText, size, outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  try {
    execFileSync("rsvg-convert", ["-w", String(size), "-h", String(size), "-f", "png", "-o", outFile], {
      input: svgText,
      stdio: ["pipe", "ignore", "pipe"],
    });
  } catch (error) {
    const detail = error.code === "ENOENT" ? "rsvg-convert not found (apt-get install librsvg2-bin)" : String(error.stderr || error.message);
    throw new Error(`icon ${outFile}: ${detail.trim()}`);
  }
}

export function makeIcons(siteDir) {
  const source = fs.existsSync(path.join(siteDir, "icon.svg")) ? path.join(siteDir, "icon.svg") : path.join(WEB_DIR, "icon.svg");
  const svg = fs.readFileSync(source, "utf8");
  const masked = maskableSvg(svg);
  for (const icon of ICONS) rasterise(icon.maskable ? masked : svg, icon.size, path.join(siteDir, icon.file));
}

export function contentHash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 10);
}

const GENERATED = new Set(["sw.js", "version.json"]);
const isCompressed = (rel) => rel.endsWith(".gz") || rel.endsWith(".br");

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out.sort();
}

function decompress(file) {
  const bytes = fs.readFileSync(file);
  return file.endsWith(".br") ? zlib.brotliDecompressSync(bytes) : zlib.gunzipSync(bytes);
}

// Returns the relative paths of removed compressed siblings.
function removeStaleCompressed(siteDir, files) {
  const removed = [];
  for (const rel of files.filter(isCompressed)) {
    const original = path.join(siteDir, rel.slice(0, -3));
    const sibling = path.join(siteDir, rel);
    let stale = !fs.existsSync(original) || GENERATED.has(rel.slice(0, -3));
    if (!stale) {
      try {
        stale = !decompress(sibling).equals(fs.readFileSync(original));
      } catch {
        stale = true;
      }
    }
    if (stale) {
      fs.rmSync(sibling);
      removed.push(rel);
    }
  }
  return removed;
}

export function fillTemplate(template, version, assets) {
  let replaced = 0;
  const out = template
    .replace(/^const VERSION = .*$/m, () => (replaced++, `const VERSION = ${JSON.stringify(version)};`))
    .replace(/^const ASSETS = .*$/m, () => (replaced++, `const ASSETS = ${JSON.stringify(assets, null, 1).replace(/\n\s*/g, " ")};`));
  if (replaced !== 2) throw new Error("web/sw.js template lacks a `const VERSION =` or `const ASSETS =` line");
  return out;
}

// Rewrites the relative canonical/og:image URLs of the page shell against siteUrl.
export function absolutiseShell(html, siteUrl) {
  const base = new URL(siteUrl.endsWith("/") ? siteUrl : siteUrl + "/");
  if (!/^https?:$/.test(base.protocol)) throw new Error(`--site-url must be http(s): ${siteUrl}`);
  const abs = (href) => new URL(href, base).href;
  let out = html
    .replace(/(<link rel="canonical" href=")([^"]*)(")/, (_, a, href, b) => a + abs(href) + b)
    .replace(/(<meta property="og:image" content=")([^"]*)(")/, (_, a, href, b) => a + abs(href) + b);
  if (!out.includes('property="og:url"')) {
    out = out.replace(/(<meta property="og:type"[^>]*>)/, `$1\n<meta property="og:url" content="${base.href}">`);
  }
  return out;
}

export function precacheSite(siteDir, { icons = true, siteUrl = null } = {}) {
  const indexFile = path.join(siteDir, "index.html");
  if (!fs.existsSync(indexFile)) throw new Error(`${siteDir}/index.html not found: is this a built site?`);
  if (siteUrl) fs.writeFileSync(indexFile, absolutiseShell(fs.readFileSync(indexFile, "utf8"), siteUrl));
  // A canonical link must be absolute to mean anything; without a known site URL, leave it out.
  else fs.writeFileSync(indexFile, fs.readFileSync(indexFile, "utf8").replace(/<link rel="canonical" href="[^"]*">\n?/, ""));
  if (icons) makeIcons(siteDir);

  const all = walk(siteDir);
  const removed = removeStaleCompressed(siteDir, all);
  const files = all.filter((rel) => !isCompressed(rel) && !GENERATED.has(rel));
  const assets = files.map((url) => ({ url, revision: contentHash(fs.readFileSync(path.join(siteDir, url))) }));
  // The worker's own code is part of the version too, so a change to it alone gets a new cache.
  const template = fs.readFileSync(path.join(WEB_DIR, "sw.js"), "utf8");
  const version = contentHash(assets.map((a) => `${a.url} ${a.revision}\n`).join("") + `sw.js ${contentHash(template)}\n`);

  const versionJson = JSON.stringify({ version }) + "\n";
  fs.writeFileSync(path.join(siteDir, "version.json"), versionJson);
  assets.push({ url: "version.json", revision: contentHash(versionJson) });

  fs.writeFileSync(path.join(siteDir, "sw.js"), fillTemplate(template, version, assets));

  const bytes = files.reduce((sum, rel) => sum + fs.statSync(path.join(siteDir, rel)).size, 0);
  return { version, assets, bytes, removed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let siteDir = "build/site";
  let siteUrl = process.env.RX_SITE_URL || null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--site-url") siteUrl = args[++i];
    else siteDir = args[i];
  }
  try {
    const { version, assets, bytes, removed } = precacheSite(siteDir, { siteUrl });
    const note = removed.length ? `; removed ${removed.length} stale compressed file(s)` : "";
    console.log(`precache: version ${version}, ${assets.length} files, ${(bytes / 1024).toFixed(0)} KiB${note}`);
  } catch (error) {
    console.error(`precache: ${error.message}`);
    process.exit(1);
  }
}
