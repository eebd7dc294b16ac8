import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The checkout whose build is measured; BENCH_ROOT points elsewhere (e.g. a clean clone). */
export const rootDir = process.env.BENCH_ROOT ? resolve(process.env.BENCH_ROOT) : resolve(benchDir, '..');

/** The PostgreSQL server the benchmarks run against; databases are created and dropped here. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

export async function adminQuery(sql, params) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one benchmark; any leftover of an earlier run is dropped first. */
export async function recreateDatabase(name) {
  if (!/^wm_bench_\w+$/.test(name)) throw new Error(`refusing to recreate ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
}

export async function dropDatabase(name) {
  if (!/^wm_bench_\w+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export async function withDatabase(name, work) {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Sorted-copy percentile (nearest rank); `values` is any array-like of numbers. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

export function median(values) {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

export async function graphql(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL error from ${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Polls a GraphQL endpoint until it answers `query`; resolves with the time of the first answer. */
export async function waitForGraphQL(url, query, { timeoutMs = 60_000, intervalMs = 20, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before answering`);
    try {
      await graphql(url, query);
      return now();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms: ${error.message}`);
      await sleep(intervalMs);
    }
  }
}

/**
 * A child process whose stderr is kept (the tail is shown if it fails) and whose stdout is
 * dropped. The pid is the process itself (no shell), so /proc/<pid> is the measured process.
 */
export function spawnProcess(command, args, { env = {}, cwd = rootDir } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stderrTail = () => stderr;
  return child;
}

export function stopProcess(child, signal = 'SIGTERM', timeoutMs = 30_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
export function processStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpuSeconds, rssBytes: kb('VmRSS') * 1024, peakRssBytes: kb('VmHWM') * 1024 };
}

/** Samples a process's RSS and CPU while `work` runs: CPU as a share of one core, RSS at its highest. */
export async function measureProcess(pid, work, intervalMs = 250) {
  const start = processStats(pid);
  const startedAt = now();
  let maxRss = start.rssBytes;
  const timer = setInterval(() => {
    try {
      maxRss = Math.max(maxRss, processStats(pid).rssBytes);
    } catch {
      // the process ended; the work will report it
    }
  }, intervalMs);
  try {
    const result = await work();
    const end = processStats(pid);
    const seconds = (now() - startedAt) / 1000;
    const cpuSeconds = end.cpuSeconds - start.cpuSeconds;
    return { result, cpu: cpuSeconds / seconds, cpuSeconds, maxRssBytes: Math.max(maxRss, end.rssBytes), endRssBytes: end.rssBytes };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU seconds spent by the PostgreSQL backends serving one database while `work` runs: the
 * backends are found in pg_stat_activity every `intervalMs` and read from /proc/<pid>/stat (the
 * server runs on this machine). A backend seen first during the run counts from zero; one that
 * ends between two samples loses at most its last interval. The server's own background
 * processes (WAL writer, checkpointer) are not counted.
 */
export async function measureBackends(database, work, intervalMs = 200) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  const first = new Map();
  const last = new Map();
  const sample = async (starting) => {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    for (const { pid } of rows) {
      try {
        const { cpuSeconds } = processStats(pid);
        if (!first.has(pid)) first.set(pid, starting ? cpuSeconds : 0);
        last.set(pid, cpuSeconds);
      } catch {
        // the backend ended between the query and the read
      }
    }
  };
  let sampling = Promise.resolve();
  try {
    await sample(true);
    const timer = setInterval(() => (sampling = sampling.then(() => sample(false)).catch(() => undefined)), intervalMs);
    try {
      const result = await work();
      clearInterval(timer);
      await sampling;
      await sample(false);
      let cpuSeconds = 0;
      for (const [pid, start] of first) cpuSeconds += (last.get(pid) ?? start) - start;
      return { result, cpuSeconds };
    } finally {
      clearInterval(timer);
    }
  } finally {
    await sampling;
    await client.end();
  }
}
