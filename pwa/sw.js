// Bogen's service worker: after the first visit the app starts and works with the network off.
//
// scripts/pwa-hook.mjs (a Trunk post-build hook) writes the build's file list and version into
// the BUILD line below, so that every build is a new service worker (the browser compares the
// script byte by byte) whose cache holds exactly that build.
//
// Strategy:
// - install: cache every file of the build (cache "bogen-<version>"), then take over at once;
// - page loads (navigations): the network first, so a new version or questionnaire is picked up
//   on the next visit; when the network fails or takes longer than NAVIGATION_TIMEOUT_MS, the
//   cached page. The app itself tells the user that it was updated (it compares the build
//   version in its page with the one it saw last), and drafts live in local storage, which a
//   new version never touches;
// - other files of the app: from the cache (their names carry a content hash), else the network;
// - anything else of this origin, such as a questionnaire opened with ?questionnaire=: the
//   network first, its last copy when offline;
// - other pages of the site (the office's page under office/) and other origins (an office's
//   upload address): never touched.
const BUILD = { version: 'dev', files: [] }; // BOGEN-BUILD: replaced by scripts/pwa-hook.mjs

const CACHE = `bogen-${BUILD.version}`;
const RUNTIME_CACHE = 'bogen-runtime';
const NAVIGATION_TIMEOUT_MS = 4000;
const OFFICE_FOLDER = 'office';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: never fill the new cache from the browser's HTTP cache of an older build.
    await cache.addAll(BUILD.files.map((file) => new Request(file, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('bogen-') && name !== CACHE && name !== RUNTIME_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname.slice(scopePath().length);
  // The office's page (office/, beside the app in the same site) is none of this worker's
  // business: it must never be cached as the app's page, nor its files kept.
  if (path === OFFICE_FOLDER || path.startsWith(`${OFFICE_FOLDER}/`)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (BUILD.files.includes(path || './')) {
    event.respondWith(fromCacheFirst(request));
  } else {
    event.respondWith(fromNetworkFirst(request));
  }
});

/** The path of the folder the app is served from, e.g. "/" or "/bogen/". */
function scopePath() {
  return new URL(self.registration.scope).pathname;
}

async function navigation(request) {
  const cache = await caches.open(CACHE);
  // A good answer from the network, or null (offline, an error page, or too slow).
  const network = fetch(request)
    .then(async (response) => {
      if (!response.ok) return null;
      await cache.put('./', response.clone());
      return response;
    })
    .catch(() => null);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  const response = await Promise.race([network, timeout]);
  if (response) return response;
  const cached = await cache.match('./');
  if (cached) return cached;
  // Nothing cached yet: wait for the network after all, or let the browser show its error.
  return (await network) ?? fetch(request);
}

async function fromCacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

async function fromNetworkFirst(request) {
  const cache = await caches.open(RUNTIME_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}
