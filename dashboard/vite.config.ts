import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const serverUrl = process.env.API_URL ?? 'http://localhost:4000';

/** The dashboard builds into dist/dashboard, which the server serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
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
    proxy: { '/graphql': { target: serverUrl, ws: true } },
  },
});
