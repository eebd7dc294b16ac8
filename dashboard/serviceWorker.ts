import { type Router } from 'vue-router';

/**
 * Registers the service worker (sw/sw.ts, built to /sw.js) that makes the student pages work
 * offline, and carries a new deployment to the page.
 *
 * A new worker takes control at once (skipWaiting, clientsClaim). The page that is open keeps
 * running the version it loaded until its next page change, which is then a full load of the
 * new version: never a reload under a student's fingers mid-form, and never a step into code
 * the new worker and the server no longer have. Hand-written rather than the plugin's
 * `virtual:pwa-register` (which reloads at once, and brings workbox-window) because that rule
 * is the whole of it.
 */
export function registerServiceWorker(router: Router): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;

  // Taken over by a new version, not controlled for the first time: the page's code is the old one.
  const servedBy = container.controller;
  let newVersion = false;
  container.addEventListener('controllerchange', () => (newVersion = servedBy !== null));
  router.beforeEach((to, from) => {
    if (!newVersion || from.matched.length === 0) return true;
    window.location.assign(to.fullPath);
    return false;
  });

  const register = async () => {
    const registration = await container.register('/sw.js', { scope: '/' }).catch(() => null);
    // Browsers look for a new worker when a page loads; an installed app resumed from the
    // background loads nothing, so look when it comes back into view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void registration?.update().catch(() => undefined);
    });
  };
  // After the page's own loading, so that installing the worker never slows the first paint.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
