#!/usr/bin/env node
// Zero-dependency static server for the built site (build/site).
//
//   node web/serve.mjs --root build/site [--port 8080] [--host 127.0.0.1] [--log]
//
// It sends the headers a production static host should send (see README "Deploying"):
// - correct MIME types (application/wasm for streaming compile, application/manifest+json, ...)
// - precompressed name.br / name.gz when Accept-Encoding allows and they are not older than name
//   (Vary: Accept-Encoding)
// - Cache-Control: content-hashed names (name.<8+ hex>.ext) are immutable for a year; every other
//   file (index.html, sw.js, manifest, content/index.json, ...) is revalidated (no-cache)
// - ETag + If-None-Match -> 304; X-Content-Type-Options: nosniff
// - directories serve their index.html; paths cannot escape the root; unknown paths get a 404 page.
// `--port 0` picks a free port; the first stdout line is always "Serving <root> at <url>".
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
};
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

function parseArgs(argv) {
  const opts = { root: 'build/site', port: 8080, host: '127.0.0.1', log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`missing value after ${arg}`);
      return argv[++i];
    };
    if (arg === '--root') opts.root = value();
    else if (arg === '--port') opts.port = Number(value());
    else if (arg === '--host') opts.host = value();
    else if (arg === '--log') opts.log = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node web/serve.mjs --root DIR [--port N] [--host H] [--log]');
      process.exit(0);
    } else fail(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail('bad --port');
  return opts;
}

function fail(message) {
  console.error(`serve.mjs: ${message}`);
  process.exit(2);
}

// Accept-Encoding with q-values: "gzip;q=0.5, br" -> Map { gzip => 0.5, br => 1 }
function acceptedEncodings(header) {
  const accepted = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    accepted.set(name, q);
  }
  return accepted;
}

function statFile(file) {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

function notFoundBody(root) {
  const custom = path.join(root, '404.html');
  if (statFile(custom)) return fs.readFileSync(custom);
  return Buffer.from(
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title>' +
      '<body style="font-family:sans-serif;margin:3em"><h1>404: not found</h1>' +
      '<p><a href="/">Back to the explorer</a></p></body></html>\n',
  );
}

function securityHeaders(res) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
}

function sendSimple(req, res, status, body, type, extra = {}) {
  securityHeaders(res);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Maps a URL path to a file under root, or null when it would escape root or does not exist.
// Returns { file, redirect } where redirect is set for directories requested without '/'.
function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalized = path.posix.normalize('/' + decoded);
  const file = path.join(root, normalized);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let st;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (st.isDirectory()) {
    if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
    const index = path.join(file, 'index.html');
    return statFile(index) ? { file: index } : null;
  }
  return st.isFile() ? { file } : null;
}

function handle(root, opts, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendSimple(req, res, 405, Buffer.from('Method not allowed\n'), 'text/plain; charset=utf-8', {
      Allow: 'GET, HEAD',
    });
    return;
  }
  const url = new URL(req.url, 'http://localhost');
  const found = resolvePath(root, url.pathname);
  if (found && found.redirect) {
    securityHeaders(res);
    res.writeHead(301, { Location: found.redirect + url.search, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  if (!found) {
    sendSimple(req, res, 404, notFoundBody(root), 'text/html; charset=utf-8');
    return;
  }
  const ext = path.extname(found.file).toLowerCase();
  const type = MIME[ext] || 'application/octet-stream';

  // Pick the best precompressed variant the client accepts.
  let servedFile = found.file;
  let encoding = null;
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let hasVariants = false;
  const original = statFile(found.file);
  for (const enc of ENCODINGS) {
    // A variant older than its original is stale (the file was rewritten after the build).
    const variant = statFile(found.file + enc.suffix);
    if (!variant || variant.mtimeMs < original.mtimeMs) continue;
    hasVariants = true;
    if (!encoding && (accepted.get(enc.name) ?? accepted.get('*') ?? 0) > 0) {
      encoding = enc.name;
      servedFile = found.file + enc.suffix;
    }
  }
  const st = statFile(servedFile);
  const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${encoding ? '-' + encoding : ''}"`;
  const headers = {
    'Content-Type': type,
    'Cache-Control': HASHED_NAME.test(path.basename(found.file))
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    ETag: etag,
  };
  if (hasVariants) headers.Vary = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding;
  securityHeaders(res);

  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = st.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(servedFile)
    .on('error', () => res.destroy())
    .pipe(res);
}

const opts = parseArgs(process.argv.slice(2));
let root;
try {
  root = fs.realpathSync(path.resolve(opts.root));
} catch {
  fail(`root folder not found: ${opts.root} (run ./build.sh build first)`);
}
const server = http.createServer((req, res) => {
  if (opts.log) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
  try {
    handle(root, opts, req, res);
  } catch (err) {
    console.error(`serve.mjs: ${req.url}: ${err && err.message}`);
    if (!res.headersSent) sendSimple(req, res, 500, Buffer.from('Internal error\n'), 'text/plain');
    else res.destroy();
  }
});
server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(
      `serve.mjs: port ${opts.port} on ${opts.host} is already in use. ` +
        `Stop the other server or pick another port (./build.sh serve --port N).`,
    );
  } else {
    console.error(`serve.mjs: ${err.message}`);
  }
  process.exit(1);
});
server.listen(opts.port, opts.host, () => {
  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const base = `http://${host}:${port}/`;
  console.log(`Serving ${root} at ${base}`);
  if (fs.existsSync(path.join(root, 'deck', 'index.html'))) console.log(`Slide deck: ${base}deck/`);
  console.log('Press Ctrl+C to stop.');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
