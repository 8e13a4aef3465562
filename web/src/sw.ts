/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest, registered by pwa/register.ts):
// the site works offline after the first visit.
//  - Precache: the page, its scripts, the engine worker and .wasm, the quick data pack and the
//    word index (the list vite-plugin-pwa injects as self.__WB_MANIFEST, see vite.config.ts).
//  - Runtime cache: files fetched only on demand (the book's data pack, lazily loaded libraries)
//    are kept once used, cache first.
//  - Both caches are named per build (a hash of the precache list), so a new build never serves a
//    file of an old one — the old book pack to a new engine, say — and the old build's caches are
//    deleted when the new worker takes over.
//  - A new version waits until the page says so (the user accepted the update prompt, which the
//    page offers only when no model is training); only the very first install takes control at once.
import { clientsClaim, setCacheNameDetails, cacheNames } from 'workbox-core';
import { createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { CACHE_PREFIX, buildId, cacheSuffix, isOldCache } from './pwa/cache-names';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const manifest = self.__WB_MANIFEST;
const scope = self.registration.scope;
const BUILD = buildId(manifest);
setCacheNameDetails({ prefix: CACHE_PREFIX, suffix: cacheSuffix(BUILD, scope) });

precacheAndRoute(manifest);

// A navigation the precache does not match by URL (a query string, say) still opens the page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// Everything else of this site (under the scope, GET): cache first, in this build's runtime cache.
// Only complete 200 responses are stored (Workbox's default for CacheFirst).
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.href.startsWith(scope),
  new CacheFirst({ cacheName: cacheNames.runtime }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => isOldCache(n, BUILD, scope)).map((n) => caches.delete(n))),
      ),
  );
});

// The first install has no page to disturb: take control at once so that this visit's later
// fetches (the data pack, the word index) are already served through the caches. An update
// activates only after SKIP_WAITING (above), so claiming then is what the user asked for.
clientsClaim();
