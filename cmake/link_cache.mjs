#!/usr/bin/env node
// Runs a wasm link step (em++ ... -o app.js, or wasm-opt in -o out) unless an identical one ran
// before, in which case its outputs are copied from the cache instead. Like ccache, for links:
// the two wasm links (LTO, binaryen -Oz, Closure) are most of what a fresh clone's build does
// once the compiler cache has the objects, and a link's inputs are all on its command line.
//
//   node cmake/link_cache.mjs --dir CACHE --root SOURCE_DIR [--tool FILE]... -- COMMAND ARGS...
//
// The key is a hash of: the command line (SOURCE_DIR and the working folder written as
// placeholders, so clones in different folders share entries), the content of every argument
// that names an existing file (objects, libraries, --js-library files, response files, the input
// of wasm-opt), the path, size and modification time of each --tool (em++, wasm-ld, wasm-opt,
// closure: a new version means a new key), the EM*/EMCC* environment, and this script. The output
// (-o FILE, and FILE.wasm beside FILE.js) is never an input. A failed command stores nothing.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KEEP_ENTRIES = 40; // about 40 MB: an app link is 0.7 MB, the unit tests' 2 MB

function parseArgs(argv) {
  const opts = { dir: '', root: '', tools: [], command: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.command = argv.slice(i + 1);
      break;
    }
    if (a === '--dir') opts.dir = argv[++i];
    else if (a === '--root') opts.root = argv[++i];
    else if (a === '--tool') opts.tools.push(argv[++i]);
    else fail(`unknown argument ${a}`);
  }
  if (!opts.command.length) fail('no command after --');
  return opts;
}

function fail(message) {
  console.error(`link_cache.mjs: ${message}`);
  process.exit(2);
}

const isFile = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

// The files the command writes: -o FILE, and for FILE.js the FILE.wasm emcc writes beside it.
function outputsOf(command) {
  const i = command.indexOf('-o');
  if (i < 0 || i + 1 >= command.length) return [];
  const out = command[i + 1];
  return out.endsWith('.js') ? [out, out.replace(/\.js$/, '.wasm')] : [out];
}

function cacheKey({ root, tools, command }) {
  const cwd = process.cwd();
  const normal = (s) => s.split(cwd).join('<build>').split(root || '\0').join('<root>');
  const hash = crypto.createHash('sha256');
  const add = (...parts) => hash.update(parts.join('\0') + '\n');
  add('script', sha256(fs.readFileSync(fileURLToPath(import.meta.url))));
  for (const tool of tools) {
    const real = fs.realpathSync(tool);
    const st = fs.statSync(real);
    add('tool', real, st.size, st.mtimeMs);
  }
  for (const [name, value] of Object.entries(process.env).sort()) {
    if (/^(EM|EMCC)_|^EMSDK$/.test(name)) add('env', name, normal(value));
  }
  const addArgs = (args, depth) => {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-o' && i + 1 < args.length) {
        add('out', normal(args[++i]));
      } else if (arg.startsWith('@') && isFile(arg.slice(1)) && depth === 0) {
        add('rsp');
        addArgs(fs.readFileSync(arg.slice(1), 'utf8').split(/\s+/).filter(Boolean), 1);
      } else if (isFile(arg)) {
        add('file', sha256(fs.readFileSync(arg)));
      } else {
        add('arg', normal(arg));
      }
    }
  };
  addArgs(command, 0);
  return hash.digest('hex').slice(0, 32);
}

// Copies src to dst through a temporary name, so no reader sees half a file.
function copyAtomic(src, dst) {
  const tmp = `${dst}.tmp-${process.pid}`;
  fs.copyFileSync(src, tmp);
  fs.renameSync(tmp, dst);
}

function prune(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.includes('.tmp-'))
    .map((e) => ({ name: e.name, mtime: fs.statSync(path.join(dir, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const e of entries.slice(KEEP_ENTRIES)) fs.rmSync(path.join(dir, e.name), { recursive: true, force: true });
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const run = () => spawnSync(opts.command[0], opts.command.slice(1), { stdio: 'inherit' });
  if (!opts.dir) return run().status ?? 1;
  const key = cacheKey(opts);
  const entry = path.join(opts.dir, key);
  const outputs = outputsOf(opts.command);
  const stored = (o) => path.join(entry, path.basename(o));
  if (outputs.length && fs.existsSync(path.join(entry, 'complete'))) {
    const reused = outputs.filter((o) => isFile(stored(o)));
    for (const o of reused) copyAtomic(stored(o), o);
    const now = new Date();
    fs.utimesSync(entry, now, now);
    console.log(`link cache: ${reused.map((o) => path.basename(o)).join(', ')} reused (${key.slice(0, 12)})`);
    return 0;
  }
  const result = run();
  if (result.status !== 0 || !outputs.length) return result.status ?? 1;
  if (fs.existsSync(path.join(entry, 'complete'))) return 0; // another build stored it meanwhile
  try {
    const tmp = `${entry}.tmp-${process.pid}`;
    fs.mkdirSync(tmp, { recursive: true });
    for (const o of outputs) if (isFile(o)) fs.copyFileSync(o, path.join(tmp, path.basename(o)));
    fs.writeFileSync(path.join(tmp, 'complete'), `${opts.command.join(' ')}\n`);
    fs.rmSync(entry, { recursive: true, force: true });
    fs.renameSync(tmp, entry);
    prune(opts.dir);
  } catch (err) {
    console.warn(`link cache: not stored (${err.message})`);
  }
  return 0;
}

process.exit(main());
