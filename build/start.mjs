/**
 * `npm start`: the build, as `npm run build` makes it (wireit builds only what changed, and
 * nothing when dist/ is current), then the server, in this process.
 *
 * Wireit is run here for the `build` script directly, as `npm run build` would run it but
 * without a second npm (about a fifth of a second of a warm start on a 2-core machine): wireit
 * learns which script to run from the variables npm, or `node --run`, gives every script. The
 * server then runs in this same process, with the terminal and the signals as `npm start` got
 * them.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wireit = createRequire(import.meta.url).resolve('wireit/bin/wireit.js');

const build = spawnSync(process.execPath, [wireit], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    npm_lifecycle_event: 'build',
    npm_package_json: join(root, 'package.json'),
    NODE_RUN_SCRIPT_NAME: 'build',
    NODE_RUN_PACKAGE_JSON_PATH: join(root, 'package.json'),
  },
});
if (build.status !== 0) process.exit(build.status ?? 1);

await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
