#!/usr/bin/env node
// A second content folder (tests/fixtures/second-doc: a Go overview, adopters.json, no tags.json,
// which is optional): the same tools validate it, render it and index it. Titles are derived from
// its Markdown here (### headings; entries' leading bold text), not taken from the tools.
//
//   node tests/tools/second_content.mjs --tool build/native/explorer-tool --out build/e2e/second-doc
//
// Prints one "ok:" or "FAILED:" line per check and, last, "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentIndex } from '../../web/tools/site-steps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = path.join(ROOT, 'tests/fixtures/second-doc');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i > 0 ? process.argv[i + 1] : fallback);
}
const tool = option('tool', 'build/native/explorer-tool');
const out = option('out', 'build/e2e/second-doc');

let passed = 0, failed = 0;
const ok = (what) => (passed++, console.log(`    ok: ${what}`));
const bad = (what) => (failed++, console.log(`    FAILED: ${what}`));

const strip = (s) => s.replace(/\*\*/g, '').replace(/\s+$/, '').replace(/:$/, '');
const decode = (s) => s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function check() {
  if (!fs.existsSync(tool)) return bad(`explorer-tool missing (${tool})`);
  fs.mkdirSync(out, { recursive: true });
  const docName = fs.readdirSync(DIR).find((n) => n.endsWith('.md') && n !== 'README.md');
  const markdown = fs.readFileSync(path.join(DIR, docName), 'utf8');
  const sections = [...markdown.matchAll(/^###[ \t]+(.*)$/gm)].map((m) => strip(m[1]));
  const entries = [...markdown.matchAll(/^(?:[0-9]+[.)]|[-*+])[ \t]+\*\*([^*]+)\*\*/gm)]
    .map((m) => m[1].replace(/\s+$/, '').replace(/:$/, ''));

  // (1) validate: no problems, and it read as many sections and cards as the Markdown has
  const v = spawnSync(tool, ['validate', '--content', DIR], { encoding: 'utf8' });
  const summary = (v.stderr || '').trim();
  const want = `: 0 problems; loaded ${sections.length} sections, ${entries.length} cards`;
  if (v.status === 0 && summary.includes(want) && sections.length > 0) ok(`validate: ${summary}`);
  else bad(`validate: ${summary || 'no output'} (expected ${sections.length} sections, ${entries.length} cards) ${(v.stdout || '').split('\n').slice(0, 3).join(' ')}`);

  // (2) the static rendition holds every section and entry title (entities decoded)
  const rendition = path.join(out, 'rendition.html');
  try {
    execFileSync(tool, ['render-html', '--content', DIR, '--out', rendition], { stdio: 'pipe' });
    const text = decode(fs.readFileSync(rendition, 'utf8'));
    const missing = [
      ...sections.filter((t) => !text.includes(`>${t}</h2>`)),
      ...entries.filter((t) => !text.includes(`${t}</h3>`)),
    ];
    if (missing.length === 0 && entries.length > 0) ok(`render-html: ${sections.length} sections, ${entries.length} entries`);
    else bad(`render-html lacks: ${missing.join(', ') || `(no entries found in ${docName})`}`);
  } catch (err) {
    bad(`render-html failed: ${String(err.stderr || err.message).trim().split('\n').slice(-3).join(' ')}`);
  }

  // (3) the site's content index names the document and adopters.json, and no vocabulary
  const index = contentIndex(DIR);
  const expected = { document: docName, adopters: 'adopters.json' };
  if (JSON.stringify(index) === JSON.stringify(expected)) ok('content/index.json without tags.json');
  else bad(`content/index.json for the second folder: ${JSON.stringify(index)}`);
}

try {
  check();
} catch (err) {
  bad(err.message);
}
console.log(`${passed} passed, ${failed} failed`);
