import { build } from 'vite';

/**
 * Browser tests run against the built dashboard, as `npm start` serves it. Vitest sets
 * NODE_ENV=test, which would make Vue and vue-i18n build their development variants (about
 * 25 KB more gzipped), so the build runs with NODE_ENV=production like `npm run build:dashboard`.
 */
export default async function buildDashboard(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'dashboard/vite.config.ts', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
