#!/usr/bin/env node
// Inputs of the bench besides the site and the baseline, under BUILD/bench: a plain cmark
// rendering of the document (the first-paint reference), the site with 10,000 x 100 synthetic
// adopters (matrix typing), the site with a 10,000-card document (`explorer-tool gen-document
// --sections 200 --entries 50`, tests/bench/cards_scale.mjs) and its plain cmark page, and the
// native core timings (explorer-tool bench). The baseline gets its precompressed files, as the
// site has.
//
//   node tests/bench/inputs.mjs --content content --build build [--only cards-10k]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findContentDocument, precompress } from '../../web/tools/site-steps.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i > 0 ? process.argv[i + 1] : fallback);
};
const content = arg('content', 'content');
const build = arg('build', 'build');
const bench = path.join(build, 'bench');
const tool = path.join(build, 'native', 'explorer-tool');
const doc = findContentDocument(content);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';

// A plain cmark page of a document: the first-paint reference.
function plainPage(markdownFile, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const body = execFileSync('cmark', [markdownFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
  fs.writeFileSync(path.join(outDir, 'index.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${path.basename(markdownFile)}</title></head><body>\n${body}</body></html>\n`);
}

// The same build with a generated 10,000-card document (200 sections x 50 entries).
function cardsSite() {
  const dir = path.join(bench, 'content-cards-10k');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const md = path.join(dir, 'generated.md');
  fs.writeFileSync(md, execFileSync(tool, ['gen-document', '--sections', '200', '--entries', '50', '--seed', '1'],
    { maxBuffer: 256 << 20 }));
  execFileSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'tools',
    'build-site.mjs'), '--content', dir, '--build', build, '--out', path.join(bench, 'site-cards-10k')], { stdio: 'inherit' });
  plainPage(md, path.join(bench, 'plain-cards-10k'));
}

plainPage(path.join(content, doc), path.join(bench, 'plain'));
if (only === 'cards-10k') {
  cardsSite();
  process.exit(0);
}

const big = path.join(bench, 'site-10k');
fs.rmSync(big, { recursive: true, force: true });
fs.cpSync(path.join(build, 'site'), big, { recursive: true });
const adopters = execFileSync(tool, ['gen-adopters', '--adopters', '10000', '--domains', '100', '--seed', '1',
  '--doc', path.join(content, doc)], { maxBuffer: 256 << 20 });
fs.writeFileSync(path.join(big, 'content/adopters.json'), adopters);
const indexFile = path.join(big, 'content/index.json');
const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
index.adopters = 'adopters.json';
fs.writeFileSync(indexFile, JSON.stringify(index, null, 2) + '\n');
for (const name of ['adopters', 'index']) {
  for (const ext of ['gz', 'br']) fs.rmSync(path.join(big, `content/${name}.json.${ext}`), { force: true });
}

cardsSite();
precompress(path.join(build, 'baseline'), path.join(build, 'cache', 'compress'));
fs.writeFileSync(path.join(bench, 'native.json'),
  execFileSync(tool, ['bench', '--content', content, '--json'], { maxBuffer: 64 << 20 }));
console.log(`    bench inputs in ${path.relative(process.cwd(), bench) || bench}`);
