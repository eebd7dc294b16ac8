import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const serverUrl = process.env.API_URL ?? 'http://localhost:4000';

/**
 * The installable app: the web app manifest, and the service worker built from sw/sw.ts with
 * the precache list injected (injectManifest: the worker needs code of its own for GraphQL
 * reads, which are POST requests, and for Background Sync of pledges). Registered by
 * serviceWorker.ts, not by the plugin, for its update rule.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'sw',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: {
    id: '/pledge',
    name: 'Write for Rights',
    short_name: 'Write for Rights',
    description: 'Count the appeal letters and solidarity cards you wrote for the Write for Rights marathon, and order a writing kit.',
    start_url: '/pledge',
    scope: '/',
    display: 'standalone',
    theme_color: '#ffff00',
    background_color: '#000000',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  // The manifest's icons are precached too; these are the page's own.
  includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
  injectManifest: {
    rollupFormat: 'iife',
    globPatterns: ['**/*.{js,css,html}'],
    // The projector's and the organisers' code (charts, and Apollo, which the two share in the
    // chunk named after graphql/apollo.ts) is cached when those pages are opened, never
    // downloaded by every phone that installs the pledge form.
    globIgnores: ['assets/LiveView-*', 'assets/AdminView-*', 'assets/apollo-*'],
    // The worker's own build would print its progress whatever the outer --logLevel says
    // (`npm start` builds first); warnings and errors still show.
    buildPlugins: { vite: [{ name: 'quiet-service-worker-build', config: () => ({ logLevel: 'warn' }) }] },
  },
});

/** The dashboard builds into dist/dashboard, which the server serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue(), pwa],
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npm run dev`: hot reload here, API from the server on port 4000.
    proxy: { '/graphql': { target: serverUrl, ws: true }, '/readyz': serverUrl },
  },
});
