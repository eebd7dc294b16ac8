import buildDashboard from '../e2e/global-setup';
import buildServer from '../support/build-server';

/** A journey starts the built service as the README does: the server and the dashboard, built once. */
export default async function buildAll(): Promise<void> {
  await buildServer();
  await buildDashboard();
}
