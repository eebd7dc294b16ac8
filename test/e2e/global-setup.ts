import { build } from 'vite';

/** Browser tests run against the built dashboard, as `npm start` serves it. */
export default async function buildDashboard(): Promise<void> {
  await build({ configFile: 'dashboard/vite.config.ts', logLevel: 'warn' });
}
