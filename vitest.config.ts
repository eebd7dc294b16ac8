import vue from '@vitejs/plugin-vue';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// The server's code needs decorator metadata, which only SWC (or tsc) emits; the dashboard
// stays on Vite's own Vue transform.
const serverTransform = swc.vite({ tsconfigFile: './tsconfig.json' });

// graphql 16 ships CommonJS as `main` and ESM as `module`. Node (and so Apollo and TypeGraphQL)
// loads the CommonJS one; Vite would pick the other, and two copies of graphql break every
// `instanceof` check between them. Point Vite at the one Node uses.
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    projects: [
      {
        // The pure modules of the server, on their own: no database, no build, no browser.
        plugins: [serverTransform],
        resolve: oneGraphql,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        plugins: [serverTransform],
        resolve: oneGraphql,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          globalSetup: ['test/support/build-server.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [serverTransform],
        resolve: oneGraphql,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // Each file runs a server and a browser; two cores take them one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [serverTransform],
        resolve: oneGraphql,
        test: {
          name: 'journeys',
          include: ['test/journeys/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          globalSetup: ['test/journeys/global-setup.ts'],
          // A journey is a person's evening in order: its steps run one after the other, in one browser page.
          fileParallelism: false,
          sequence: { concurrent: false },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The project's own tooling: the pretest step and the dependency checks.
        test: {
          name: 'tools',
          include: ['test/tools/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'dashboard',
          include: ['test/dashboard/**/*.test.ts'],
        },
      },
    ],
  },
});
