// The field app's service worker: it keeps the app's page, its scripts and styles, its icons and the
// reference data (event types) on the device, so that the app opens without a link. Records never go
// through here: the app keeps them in its own outbox (IndexedDB) and sends them itself.
const CACHE = 'diboli-field-v1';
const PAGE = '/field/';
const STATIC = ['/field/manifest.webmanifest', '/field/icon.svg', '/field/icon-192.png', '/field/icon-512.png'];
const REFERENCE = ['/api/v1/taxonomy'];
// A slow link must not keep the leader waiting for a page the device already holds.
const PAGE_WAIT_MS = 4000;

/** The built files a page names (`/assets/…`): what it needs to run. */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
}

/** Keeps the page and the files it names; drops the files of former builds. */
async function keepPage(cache, response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(assets.map((asset) => cache.match(asset).then((held) => held ?? cache.add(asset))));
  await cache.put(PAGE, response);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await keepPage(cache, await fetch(PAGE, { cache: 'no-cache' }));
      await cache.addAll(STATIC);
      await Promise.all(REFERENCE.map((path) => cache.add(path).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The network's answer within `waitMs`, else the held copy; the held copy when there is no link. */
async function networkFirst(request, key, waitMs, keep) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await keep(cache, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, waitMs));
  try {
    const first = await Promise.race([fromNetwork, timeout]);
    if (first) return first;
  } catch {
    // no link: the held copy below
  }
  const held = await cache.match(key);
  return held ?? fromNetwork;
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const held = await cache.match(request);
  if (held) return held;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(PAGE)) {
    event.respondWith(networkFirst(request, PAGE, PAGE_WAIT_MS, keepPage));
  } else if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (REFERENCE.includes(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname, PAGE_WAIT_MS, (cache, response) => cache.put(url.pathname, response)));
  }
});
