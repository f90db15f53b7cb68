#!/usr/bin/env node
// Builds the site from web/, the wasm app and a content folder (the steps: site-steps.mjs).
//
//   node web/tools/build-site.mjs --content content --build build [--out build/site] [--cache DIR]
//   node web/tools/build-site.mjs content-index --content DIR --out FILE
//   node web/tools/build-site.mjs precompress --out DIR [--build build] [--cache DIR]
//
// --build is the build tree: its wasm/ holds explorer.js/.wasm, native/explorer-tool renders the
// static rendition. --cache (default: the build tree's cache/) keeps minified scripts, font subsets
// and compressed files, named by what they were made from: ./build.sh puts it outside the clone,
// so a fresh clone reuses them. Prints one line per step with its time; exit code 1 with a message
// on any error.
import fs from 'node:fs';
import path from 'node:path';
import * as step from './site-steps.mjs';

function parseArgs(argv) {
  const opts = { command: 'site', content: 'content', build: 'build', out: null, cache: null };
  if (argv[0] && !argv[0].startsWith('--')) opts.command = argv.shift();
  if (opts.command !== 'site' && !argv.includes('--out')) throw new Error(`${opts.command} needs --out`);
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!['content', 'build', 'out', 'cache'].includes(name) || i + 1 >= argv.length) {
      throw new Error(`unknown option or missing value: ${argv[i]}`);
    }
    opts[name] = argv[++i];
  }
  opts.content = path.resolve(opts.content);
  opts.build = path.resolve(opts.build);
  opts.out = path.resolve(opts.out || path.join(opts.build, 'site'));
  opts.cache = path.resolve(opts.cache || path.join(opts.build, 'cache'));
  return opts;
}

async function timed(label, fn) {
  const t0 = Date.now();
  const result = await fn();
  const note = typeof result === 'string' && result ? `: ${result}` : '';
  console.log(`    ${label}${note} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  return result;
}

async function buildSite({ content, build, out: site, cache: cacheDir }) {
  const cache = (name) => path.join(cacheDir, name);
  step.findContentDocument(content); // fails early with a clear message
  fs.rmSync(site, { recursive: true, force: true });
  await timed('web sources', () => step.copyWebSources(site));
  await timed('page scripts bundled into page.js', () => step.bundlePageScripts(site));
  await timed('page scripts minified', async () =>
    (await step.minifyPageScripts(site, cache('minify'))) ? 'terser' : 'node_modules/terser missing: shipped as written');
  await timed('wasm app', () => step.copyApp(path.join(build, 'wasm'), site));
  await timed('reveal.js for the sample deck', () =>
    step.stageDeckReveal(path.join(site, 'deck/reveal')) ? '' : 'node_modules/reveal.js missing: the sample deck will not load');
  await timed('content', () => step.copyContent(content, site));
  const fallbackFonts = await timed('font subsets', () => step.subsetFonts(content, path.join(site, 'fonts'), cache('fonts')));
  await timed('content index', () => step.writeContentIndex(content, path.join(site, 'content/index.json'), fallbackFonts));
  await timed('content hint in the page', () => step.hintContentFiles(site));
  await timed('stylesheet inlined', () => step.inlineStylesheet(site));
  await timed('static rendition', () =>
    step.renderRendition(path.join(build, 'native', 'explorer-tool'), content, site) ? '' : 'explorer-tool missing: none');
  await timed('precache list', () => {
    const { version, assets } = step.writePrecache(site);
    return `version ${version}, ${assets.length} files`;
  });
  await timed('precompressed', () => `${step.precompress(site, cache('compress'))} files`);
  step.pruneCache(cacheDir);
}

try {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.command === 'site') await buildSite(opts);
  else if (opts.command === 'content-index') step.writeContentIndex(opts.content, opts.out);
  else if (opts.command === 'precompress') step.precompress(opts.out, path.join(opts.cache, 'compress'));
  else throw new Error(`unknown command ${opts.command}`);
} catch (err) {
  console.error(`build-site: ${err.message}`);
  process.exit(1);
}
