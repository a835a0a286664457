/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { FriendlyDeskDB } from './db/database';
import { syncOnce } from './sync/engine';

declare let self: ServiceWorkerGlobalScope;

// The whole app shell is precached, so the tablet starts with no connection at all.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app navigation is answered with the shell; the API always goes to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// A new version waits until the page asks for it (the user pressed "Update").
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// On the very first install, take control at once so the first visit already works offline.
clientsClaim();

// Background Sync: the browser wakes us when the connection is back, even with the app closed.
// An open page does the work itself (it shows progress); otherwise we push from here.
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag === 'friendly-desk-push') e.waitUntil(backgroundSync());
});

async function backgroundSync() {
  const pages = await self.clients.matchAll({ type: 'window' });
  if (pages.length > 0) {
    pages.forEach((page) => page.postMessage({ type: 'sync-requested' }));
    return;
  }
  const result = await syncOnce(new FriendlyDeskDB(), '');
  // A rejected promise tells the browser to try again later with its own backoff.
  if (!result.ok) throw new Error('sync failed');
}
