import { fork, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, benchDir, freePort, now, rootDir, spawnProcess, stopProcess, summarise, waitForGraphQL } from './common.js';

const READY_QUERY = '{ cases { slug } }';

/**
 * The service as `npm start` runs it after a build (`node dist/server/main.js`), on a free
 * port. With `cpuProfileDir`, Node writes a CPU profile there when the process exits. `entry`:
 * another build's main.js, for a before-and-after comparison (BENCH_BASELINE).
 */
export async function startService({ env = {}, cpuProfileDir, entry = 'dist/server/main.js' } = {}) {
  const port = await freePort();
  const args = [...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []), entry];
  const startedAt = now();
  const child = spawnProcess(process.execPath, args, {
    // The load comes from one address, which the per-address write limits would soon refuse.
    env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), RATE_LIMIT_PLEDGES_PER_MINUTE: '1000000', RATE_LIMIT_LETTERS_PER_MINUTE: '100000000', ...env },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const answeredAt = await waitForGraphQL(url, READY_QUERY, { child });
    return { child, pid: child.pid, url, startupMs: answeredAt - startedAt, stop: () => stopProcess(child) };
  } catch (error) {
    await stopProcess(child, 'SIGKILL');
    throw new Error(`${error.message}\n${child.stderrTail()}`);
  }
}

export async function startPostGraphile({ databaseUrl, poolSize }) {
  const port = await freePort();
  const child = spawnProcess(process.execPath, [join(benchDir, 'lib/postgraphile-server.js')], {
    cwd: benchDir,
    env: { DATABASE_URL: databaseUrl, PORT: String(port), DATABASE_POOL_SIZE: String(poolSize), GRAPHILE_ENV: 'production' },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForGraphQL(url, '{ __typename }', { child });
    return { child, pid: child.pid, url, stop: () => stopProcess(child) };
  } catch (error) {
    await stopProcess(child, 'SIGKILL');
    throw new Error(`${error.message}\n${child.stderrTail()}`);
  }
}

/** Forks a benchmark worker, sends it one message, resolves with its first answer. */
export function runWorker(script, message) {
  return new Promise((resolve, reject) => {
    const child = fork(join(benchDir, 'lib', script), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
    });
    child.send(message);
  });
}

/** Closed-loop HTTP load from its own process: requests/s, p50, p99 (ms), errors. */
export async function httpLoad({ url, kind, concurrency, seconds, warmupSeconds }) {
  const result = await runWorker('http-load.js', { url, kind, concurrency, seconds, warmupSeconds });
  if (result.requests === 0) throw new Error(`no successful ${kind} requests: ${result.firstError}`);
  return { rps: result.requests / result.seconds, ...summarise(result.latencies), errors: result.errors, firstError: result.firstError };
}

/**
 * pgbench with a script file: transactions/s from its summary, p50 and p99 from its
 * per-transaction log (`-l`), whose third field is each transaction's latency in microseconds.
 */
export async function runPgbench({ databaseUrl, script, concurrency, seconds }) {
  // Other processes (the idle services' pools, other users) hold connections too: pgbench gets
  // what is left under max_connections, and the report says when that was fewer than asked.
  const { rows } = await adminQuery(
    `SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int - 5 AS free`,
  );
  const clients = Math.max(1, Math.min(concurrency, rows[0].free));
  const logDir = await mkdtemp(join(tmpdir(), 'wm-pgbench-'));
  const url = new URL(databaseUrl);
  const args = [
    '-n', '-M', 'prepared', '-f', script,
    '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds),
    '-l', `--log-prefix=${join(logDir, 'tx')}`,
    '-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', url.pathname.slice(1),
  ];
  try {
    const output = await new Promise((resolve, reject) => {
      const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited with ${code}:\n${text}`))));
    });
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? /tps = ([\d.]+)/.exec(output)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    const latencies = [];
    for (const file of await readdir(logDir)) {
      for (const line of (await readFile(join(logDir, file), 'utf8')).split('\n')) {
        // client_id transaction_no time script_no time_epoch time_us: `time` is the latency in µs.
        const fields = line.split(' ');
        if (fields.length >= 6) latencies.push(Number(fields[2]) / 1000);
      }
    }
    return { rps: tps, ...summarise(latencies), errors: failed, clients };
  } finally {
    await rm(logDir, { recursive: true, force: true });
  }
}

export { rootDir };
