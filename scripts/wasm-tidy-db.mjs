#!/usr/bin/env node
// A compile database for clang-tidy over the wasm-only sources (src/ui, src/platform): the wasm
// build's commands with em++'s implied target, sysroot and defines spelled out for plain clang
// (Debian's emscripten runs on the same LLVM as clang-tidy); backend-only -mllvm flags and -flto
// dropped.
//
//   node scripts/wasm-tidy-db.mjs build/wasm/compile_commands.json build/tidy-wasm/compile_commands.json
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [src, dst] = process.argv.slice(2);
const split = (cmd) => cmd.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g).map((a) => a.replace(/^["']|["']$/g, ''));
const implied = split(execFileSync('em++', ['--cflags'], { encoding: 'utf8' }));
const cflags = [];
for (let i = 0; i < implied.length; i++) {
  if (implied[i] === '-mllvm') {
    i++;
    continue;
  }
  cflags.push(implied[i]);
}
const seen = new Set(), db = [];
for (const c of JSON.parse(fs.readFileSync(src, 'utf8'))) {
  if (!/\/src\/(ui|platform)\//.test(c.file) || seen.has(c.file)) continue;
  seen.add(c.file);
  const args = (c.arguments || split(c.command)).slice(1).filter((a) => a !== '-flto');
  db.push({ directory: c.directory, file: c.file, arguments: ['clang++', ...cflags, ...args] });
}
fs.mkdirSync(path.dirname(dst), { recursive: true });
fs.writeFileSync(dst, JSON.stringify(db, null, 1));
