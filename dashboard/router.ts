import { createRouter, createWebHistory } from 'vue-router';

/** Each view is its own chunk, so the pledge form never loads the charting code. */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/live', name: 'live', component: () => import('./views/LiveView.vue') },
    { path: '/pledge', name: 'pledge', component: () => import('./views/PledgeView.vue') },
    { path: '/kit', name: 'kit', component: () => import('./views/KitView.vue') },
    { path: '/cases/:slug', name: 'case', component: () => import('./views/CaseView.vue'), props: true },
    { path: '/guide', name: 'guide', component: () => import('./views/GuideView.vue') },
    { path: '/kit/print', name: 'kit-print', component: () => import('./views/KitPrintView.vue') },
    { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue') },
    { path: '/embed/totals', component: () => import('./views/EmbedView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

/**
 * A page opened before a deployment asks for the code of the next view under the old build's
 * name, which the server no longer has (a 404). The service worker keeps the old files where it
 * runs (serviceWorker.ts); where it does not (a private window, a first visit), the view is
 * loaded in full from the new version instead of the tap doing nothing. Not on the first
 * navigation of a page: there the new version itself lacks the file, and loading it again would
 * loop. Chromium, Firefox and Safari word the failed import so.
 */
const failedImport = /dynamically imported module|Importing a module script failed/;
router.onError((error: unknown, to, from) => {
  if (error instanceof Error && failedImport.test(error.message) && from.matched.length > 0) window.location.assign(to.fullPath);
});
