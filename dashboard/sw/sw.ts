/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { answerRead, warmOfflineReads } from './offlineReads';
import { handledOperation } from './offlineRules';
import { sendPledge } from './pledgeSync';

/**
 * The service worker, built by vite-plugin-pwa (injectManifest) into /sw.js. It makes the
 * student pages open with no network after one visit and hands failed pledges to Background
 * Sync; it never answers the live screen's or the organisers' data from a cache.
 * docs/architecture.md ("The offline app") has the whole picture.
 */

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

/**
 * The app's pages (router.ts), the only navigations answered with the precached shell; add a new
 * page here for it to open offline. Every other address is the server's (/p/<code> join links,
 * /export, /graphql, files by name) and goes to the network. Workbox matches path and query.
 */
const APP_PAGES = /^\/(live|pledge|kit|guide|admin|cases\/[^/?]+)?\/?(\?.*)?$/;

// A new deployment's worker takes over at once rather than waiting for every tab of the old one
// to close, which on a phone with the app installed may be never. Pages switch to the new
// version at their next page change (dashboard/serviceWorker.ts).
void self.skipWaiting();
clientsClaim();

// The app shell and the student pages' code, each file under its revision (or its hashed name):
// a deployment replaces index.html and drops what the new build no longer has. The live screen's
// and /admin's code is left out (vite.config.ts): a phone should not download the projector's
// charts to send a pledge.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [APP_PAGES] }));

// Code that is not precached (the live screen's, /admin's): hashed names never change content,
// so what was loaded once is kept, for a shell that opens offline and says it is not live.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /^\/assets\/[^/]+\.(js|css)$/.test(url.pathname),
  new CacheFirst({ cacheName: 'assets', plugins: [new ExpirationPlugin({ maxEntries: 40, purgeOnQuotaError: true })] }),
);

// The student pages' reads and their pledges; every other GraphQL request passes untouched.
registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && url.pathname === '/graphql' && handledOperation(request) === 'read',
  ({ request, event }) => answerRead({ request, event }),
  'POST',
);
registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && url.pathname === '/graphql' && handledOperation(request) === 'pledge',
  ({ request }) => sendPledge({ request }),
  'POST',
);

self.addEventListener('install', (event) => {
  event.waitUntil(warmOfflineReads(event).catch(() => undefined));
});
