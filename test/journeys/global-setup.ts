import type { TestProject } from 'vitest/node';
import buildDashboard from '../e2e/global-setup';
import buildServer from '../support/build-server';

/**
 * A journey starts the built service as the README does: the server and the dashboard, built
 * once, and the Chromium the browser tests use.
 */
export default async function buildAll(project: TestProject): Promise<void> {
  await buildServer();
  await buildDashboard(project);
}
