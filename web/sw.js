// Service worker for the Rust overview explorer.
// This is a template: web/tools/precache.mjs writes the served copy with the two generated
// constants below, computed from the build output. Nothing here lists files by hand.
// Safety rule: one cache holds exactly one build version, and a page is served from one cache
// only, so an old boot.js never meets a new explorer.wasm or new content.

const VERSION = "dev"; // generated
const ASSETS = []; // generated: [{url, revision}], url relative to this script

const CACHE_PREFIX = "rx-";
const CACHE = CACHE_PREFIX + VERSION;
const SCOPE = new URL("./", self.location).href;

// Absolute URL (without search) -> precached request key.
const PRECACHED = new Map();
for (const { url } of ASSETS) {
  const absolute = new URL(url, SCOPE).href;
  PRECACHED.set(absolute, absolute);
  // A folder's index.html also answers for the folder itself ("./", "deck/").
  if (absolute.endsWith("/index.html")) PRECACHED.set(absolute.slice(0, -"index.html".length), absolute);
}
const SHELL = new URL("index.html", SCOPE).href;

async function sha256Prefix(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 10);
}

// Downloads every asset and checks it against the revision computed at build time. A deploy
// that lands half-way through the install makes the install fail (and retry later) instead of
// caching a mix of two versions.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    ASSETS.map(async ({ url, revision }) => {
      const key = new URL(url, SCOPE).href;
      const response = await fetch(key, { cache: "reload", credentials: "same-origin" });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      const body = await response.arrayBuffer();
      const actual = await sha256Prefix(body);
      if (actual !== revision) throw new Error(`precache: ${url} is ${actual}, expected ${revision}`);
      const headers = new Headers(response.headers);
      headers.delete("content-encoding"); // the body stored is already decoded
      headers.delete("content-length");
      headers.delete("vary"); // one stored body answers every request for this URL
      await cache.put(key, new Response(body, { status: 200, statusText: "OK", headers }));
    }),
  );
}

self.addEventListener("install", (event) => {
  // No skipWaiting: a new version waits until the page accepts the update (pwa.js).
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const older = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
      await Promise.all(older.map((name) => caches.delete(name)));
      // Take over the first visit's page at once (it was loaded from the network with this
      // same version). Updates reach open pages only through SKIP_WAITING + reload.
      if (older.length === 0) await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (data.type === "GET_VERSION" && event.ports[0]) {
    event.ports[0].postMessage({ type: "VERSION", version: VERSION });
  }
});

function precachedKey(request) {
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  url.search = ""; // static files: ?embed=1 and the like never change the bytes
  url.hash = "";
  return PRECACHED.get(url.href) || null;
}

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const key = precachedKey(request);

  if (request.mode === "navigate") {
    if (!request.url.startsWith(SCOPE)) return;
    event.respondWith(
      (async () => {
        const cached = (key && (await fromCache(key))) || null;
        if (cached) return cached;
        try {
          return await fetch(request);
        } catch (error) {
          // Offline on an unknown path: the shell still opens.
          const shell = await fromCache(SHELL);
          if (shell) return shell;
          throw error;
        }
      })(),
    );
    return;
  }

  if (!key) return; // not part of the app: plain network
  event.respondWith(
    (async () => {
      const cached = await fromCache(key);
      return cached || fetch(request);
    })(),
  );
});
