// EduPlan's service worker: keeps one build's files so the app opens without
// a network after the first visit, and never mixes two builds' files.
//
// tools/post_build.py copies this file into the built folder and fills in
// VERSION and FILES (every file of the build with its SHA-256). A new build has
// a new VERSION, so the browser installs a new worker beside the running one;
// it waits until the page's 重新加载 button asks it to take over (the page then
// reloads on `controllerchange`, so no page keeps running on the old files).
'use strict';

const VERSION = "__VERSION__";
const FILES = [] /* __FILES__ */;
const PREFIX = 'eduplan-';
const CACHE = PREFIX + VERSION;
// index.html is kept under the folder's own address: that is what a shared link opens
const key = (name) => (name === 'index.html' ? './' : name);

// A redirected response cannot answer a navigation: keep its body and headers only.
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // each file is fetched past the HTTP cache and checked against the build's
    // hash: a half-deployed folder fails the install, to be retried later
    await Promise.all(FILES.map(async ([name, integrity]) => {
      const response = await fetch(new Request(key(name), { cache: 'reload', integrity }));
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      await cache.put(key(name), await plain(response));
    }));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // every address of the page (a shared link's query included) opens this build's index.html
    const hit = await cache.match(request.mode === 'navigate' ? './' : request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
