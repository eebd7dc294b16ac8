import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, median, now, rootDir, waitForGraphQL } from '../lib/common.js';
import { startService } from '../lib/processes.js';

const READY_QUERY = '{ cases { slug } }';

/**
 * Start-up on the embedded database, to the first answer of `{ cases { slug } }`:
 * - `npm start` as a newcomer runs it: in a fresh copy of the committed files, with the
 *   installed node_modules (what `npm ci` leaves) and no dist/, so the whole build runs; then
 *   `npm start` again in that copy, with nothing to build and the folder started before;
 * - `node dist/server/main.js` (what `npm start` runs once the build is done) on a new data
 *   folder (loaded from the build's template) and on the same folder again.
 */
export async function runStartup(config, log) {
  const cold = [];
  const warm = [];
  for (let trial = 0; trial < config.startupTrials; trial += 1) {
    const dataDir = await mkdtemp(join(tmpdir(), 'wm-bench-pglite-'));
    try {
      for (const list of [cold, warm]) {
        const service = await startService({ env: { DATA_DIR: join(dataDir, 'data') } });
        await service.stop();
        list.push(service.startupMs);
      }
      log(`start-up trial ${trial + 1}: new folder ${cold.at(-1).toFixed(0)} ms, started before ${warm.at(-1).toFixed(0)} ms`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const firstNpmStart = [];
  const warmNpmStart = [];
  for (let trial = 0; trial < config.npmStartTrials; trial += 1) {
    const copy = await freshCopy();
    try {
      for (const list of [firstNpmStart, warmNpmStart]) {
        const started = await npmStart(copy);
        await started.stop();
        list.push(started.startupMs);
      }
      log(`npm start trial ${trial + 1}: first ${firstNpmStart.at(-1).toFixed(0)} ms, again ${warmNpmStart.at(-1).toFixed(0)} ms`);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }
  return { cold, warm, firstNpmStart, warmNpmStart, coldMedian: median(cold), warmMedian: median(warm) };
}

/** The committed files of the checkout in a new folder, with its node_modules linked in: a clone after `npm ci`. */
async function freshCopy() {
  const copy = await mkdtemp(join(tmpdir(), 'wm-bench-checkout-'));
  const files = execFileSync('git', ['-C', rootDir, 'ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(rootDir, file), join(copy, file), { dereference: false });
  }
  symlinkSync(join(rootDir, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** `npm start` in `cwd` (data in its ./data), in a process group of its own so that stopping it stops the server too. */
async function npmStart(cwd) {
  const port = await freePort();
  const startedAt = now();
  const child = spawn('npm', ['start'], {
    cwd,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const answeredAt = await waitForGraphQL(`http://127.0.0.1:${port}/graphql`, READY_QUERY, { child, timeoutMs: 180_000 });
    return { startupMs: answeredAt - startedAt, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${stderr}`);
  }
}
