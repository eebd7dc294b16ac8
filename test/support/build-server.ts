import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Tests that start the service as a person does (`node dist/server/main.js`, the token
 * command) need the server built, with the database function files beside the compiled
 * JavaScript, as `npm run build:server` leaves it; it is built once here, before any test file
 * runs, so that files running side by side never rewrite dist/ under each other.
 */
export default async function buildServer(): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build:server']);
}
