import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../support/chromium.mjs';

/**
 * Browser tests drive the Chromium that `npm test`'s pretest step found (or installed), looked
 * up again here by the same rules so that `npx vitest` alone agrees, and handed to
 * test/support/browser.ts. No browser stops the run with the finder's sentence: the browser
 * tests are never skipped.
 *
 * They run against the built dashboard, as `npm start` serves it. Vitest sets NODE_ENV=test,
 * which would make Vue and vue-i18n build their development variants (about 25 KB more
 * gzipped), so the build runs with NODE_ENV=production like `npm run build:dashboard`.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromiumPath', ensureChromium());

  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'dashboard/vite.config.ts', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
