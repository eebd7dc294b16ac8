/**
 * `npm run bench`: every benchmark in one run, side by side, then bench/RESULTS.md.
 * Expects the server to be built (`npm run build:server`) and PostgreSQL at BENCH_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), with `pgbench` on the PATH.
 *
 * Settings (environment), defaults in brackets:
 *   BENCH_ONLY            suites to run, comma-separated [ingest,totals,startup,pglite,fanout]
 *   BENCH_ROUNDS          interleaved rounds whose medians are reported [3]
 *   BENCH_SECONDS         measured seconds per ingest run [8], after BENCH_WARMUP_SECONDS [2]
 *   BENCH_CONCURRENCY     ingest clients [1,16,64]
 *   BENCH_TOTALS_PLEDGES  small,large database sizes for the totals query [1000,1000000]
 *   BENCH_SUBSCRIBERS     fan-out subscriber counts [1000,5000,10000]
 *   BENCH_PLEDGE_RATE     fan-out pledges per second [200], for BENCH_FANOUT_SECONDS [15]
 *   BENCH_STARTUP_TRIALS  `node dist/server/main.js` trials on a new and a started-before folder [3]
 *   BENCH_NPM_START_TRIALS first and second `npm start` in a fresh copy of the checkout [2]
 *   BENCH_CPU_PROFILE_DIR run the service with `node --cpu-prof` and keep its profiles there
 *   BENCH_BASELINE        ingest: also run another build of the service (the path of its main.js,
 *                         inside this checkout so that it finds node_modules) as system `baseline`,
 *                         in the same interleaved rounds, for a before-and-after comparison
 *   BENCH_OUTPUT          where to write the report [bench/RESULTS.md]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { benchDir, now, rootDir } from './lib/common.js';
import { writeReport } from './lib/report.js';
import { openFileLimit, runFanout } from './suites/fanout.js';
import { runIngest } from './suites/ingest.js';
import { runPglite } from './suites/pglite.js';
import { runStartup } from './suites/startup.js';
import { runTotals } from './suites/totals.js';

const env = process.env;
const list = (value, fallback) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : fallback);
const numbers = (value, fallback) => list(value, fallback).map(Number);

const config = {
  only: list(env.BENCH_ONLY, ['ingest', 'totals', 'startup', 'pglite', 'fanout']),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  seconds: Number(env.BENCH_SECONDS ?? 8),
  warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  concurrency: numbers(env.BENCH_CONCURRENCY, ['1', '16', '64']),
  poolSize: 20, // the service's default DATABASE_POOL_SIZE; PostGraphile gets the same
  totalsSmall: numbers(env.BENCH_TOTALS_PLEDGES, ['1000', '1000000'])[0],
  totalsLarge: numbers(env.BENCH_TOTALS_PLEDGES, ['1000', '1000000'])[1],
  totalsSeconds: 5,
  startupTrials: Number(env.BENCH_STARTUP_TRIALS ?? 3),
  npmStartTrials: Number(env.BENCH_NPM_START_TRIALS ?? 2),
  pgliteRounds: 2,
  pgliteConcurrency: [1, 16],
  subscribers: numbers(env.BENCH_SUBSCRIBERS, ['1000', '5000', '10000']),
  pledgeRate: Number(env.BENCH_PLEDGE_RATE ?? 200),
  fanoutSeconds: Number(env.BENCH_FANOUT_SECONDS ?? 15),
  tickMs: 250, // the service's default LIVE_TOTALS_INTERVAL_MS
  cpuProfileDir: env.BENCH_CPU_PROFILE_DIR ? resolve(env.BENCH_CPU_PROFILE_DIR) : undefined,
  baseline: env.BENCH_BASELINE ? resolve(env.BENCH_BASELINE) : undefined,
  output: env.BENCH_OUTPUT ? resolve(env.BENCH_OUTPUT) : join(benchDir, 'RESULTS.md'),
};
if (config.cpuProfileDir) mkdirSync(config.cpuProfileDir, { recursive: true });

const startedAt = now();
const log = (line) => console.log(`[${((now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const shell = (command) => {
  try {
    return execFileSync('sh', ['-c', command], { encoding: 'utf8' }).trim();
  } catch {
    return 'unavailable';
  }
};

const machine = {
  date: new Date().toISOString(),
  nproc: shell('nproc'),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memory: shell('free -h'),
  totalMemoryBytes: totalmem(),
  loadAverageBefore: shell('cat /proc/loadavg'),
  node: process.version,
  postgres: shell('pgbench --version'),
  openFiles: openFileLimit(),
  commit: shell(`git -C "${rootDir}" rev-parse --short HEAD`),
};
log(`machine: ${machine.nproc} cores, load ${machine.loadAverageBefore}, open files ${machine.openFiles}`);

const largest = Math.max(0, ...config.subscribers);
if (config.only.includes('fanout') && machine.openFiles < largest + 1_000) {
  console.error(`The open-file limit (${machine.openFiles}) is too low for ${largest} subscribers: raise it (ulimit -n ${largest * 2}) and run again.`);
  process.exit(1);
}

const suites = { ingest: runIngest, totals: runTotals, startup: runStartup, pglite: runPglite, fanout: runFanout };
const results = {};
for (const name of config.only) {
  const suiteStart = now();
  log(`${name}: starting`);
  results[name] = await suites[name](config, log);
  log(`${name}: done in ${((now() - suiteStart) / 1000).toFixed(0)} s`);
  // Written after every suite, so that an interrupted run still leaves what it measured.
  machine.loadAverageAfter = shell('cat /proc/loadavg');
  machine.durationSeconds = (now() - startedAt) / 1000;
  writeReport(config.output, { config, machine, results });
  if (env.BENCH_JSON) writeFileSync(resolve(env.BENCH_JSON), JSON.stringify({ config, machine, results }, null, 2));
}
log(`wrote ${config.output}`);
