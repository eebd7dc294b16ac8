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
