import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { benchDir, databaseUrl, dropDatabase, measureBackends, measureProcess, median, recreateDatabase, withDatabase } from '../lib/common.js';
import { httpLoad, runPgbench, startPostGraphile, startService } from '../lib/processes.js';
import { countSyscalls, straceAvailable } from '../lib/syscalls.js';

const DATABASE = 'wm_bench_ingest';
export const SYSTEMS = ['service', 'postgraphile', 'pgbench'];

/**
 * Pledge ingest: the service's submitPledge, PostGraphile v5's equivalent mutation and pgbench
 * running the pledge's SQL, on one database, at each concurrency, in interleaved rounds (the
 * order of the three rotates each round) so that noise from the shared machine hits all three.
 */
export async function runIngest(config, log) {
  await recreateDatabase(DATABASE);
  const url = databaseUrl(DATABASE);
  const serviceEnv = { DATABASE_URL: url, DATABASE_POOL_SIZE: String(config.poolSize) };
  const service = await startService({ env: serviceEnv, cpuProfileDir: config.cpuProfileDir });
  const systems = systemsOf(config);
  let postgraphile;
  let baseline;
  try {
    const functionSql = await readFile(join(benchDir, 'sql/postgraphile.sql'), 'utf8');
    await withDatabase(DATABASE, (client) => client.query(functionSql));
    postgraphile = await startPostGraphile({ databaseUrl: url, poolSize: config.poolSize });
    if (config.baseline) baseline = await startService({ env: serviceEnv, cpuProfileDir: config.cpuProfileDir, entry: config.baseline });

    const runs = []; // { round, concurrency, system, rps, p50, p99, errors, cpu, appCpuMsPerPledge, dbCpuMsPerPledge }
    // Pledges counted, from the campaign scope's tallies (O(shards)), so that CPU can be divided by them.
    const pledgeCount = () =>
      withDatabase(DATABASE, async (client) => (await client.query('SELECT coalesce(sum(pledges), 0)::int AS n FROM scope_tally WHERE event_id = 0 AND faculty_id = 0')).rows[0].n);
    /** One run of one system: its numbers, the CPU of its process and of its PostgreSQL backends, per pledge written. */
    const measured = async (pid, load) => {
      const before = await pledgeCount();
      const { result: inner, cpuSeconds: dbCpuSeconds } = await measureBackends(DATABASE, () => (pid ? measureProcess(pid, load) : load().then((result) => ({ result, cpu: NaN, cpuSeconds: NaN }))));
      const pledges = (await pledgeCount()) - before;
      return {
        result: inner.result,
        cpu: inner.cpu,
        appCpuMsPerPledge: (inner.cpuSeconds * 1000) / pledges,
        dbCpuMsPerPledge: (dbCpuSeconds * 1000) / pledges,
      };
    };
    const load = (url, kind, concurrency) => () => httpLoad({ url, kind, concurrency, seconds: config.seconds, warmupSeconds: config.warmupSeconds });
    const measure = {
      service: (concurrency) => measured(service.pid, load(service.url, 'server-pledge', concurrency)),
      baseline: (concurrency) => measured(baseline.pid, load(baseline.url, 'server-pledge', concurrency)),
      postgraphile: (concurrency) => measured(postgraphile.pid, load(postgraphile.url, 'postgraphile-pledge', concurrency)),
      pgbench: (concurrency) =>
        measured(null, () => runPgbench({ databaseUrl: url, script: join(benchDir, 'sql/pledge.pgbench.sql'), concurrency, seconds: config.seconds })),
    };
    for (let round = 0; round < config.rounds; round += 1) {
      for (const concurrency of config.concurrency) {
        const order = systems.map((_, i) => systems[(i + round) % systems.length]);
        for (const system of order) {
          const { result, cpu, appCpuMsPerPledge, dbCpuMsPerPledge } = await measure[system](concurrency);
          runs.push({ round, concurrency, system, ...result, cpu, appCpuMsPerPledge, dbCpuMsPerPledge });
          log(
            `ingest round ${round + 1} c=${concurrency} ${system}: ${result.rps.toFixed(0)}/s p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, ` +
              `CPU/pledge ${appCpuMsPerPledge.toFixed(2)} + ${dbCpuMsPerPledge.toFixed(2)} ms${result.errors ? ` errors ${result.errors} (${result.firstError})` : ''}`,
          );
        }
      }
    }
    const syscalls = (await straceAvailable()) ? {} : undefined;
    if (syscalls) {
      const servers = { service: [service, 'server-pledge'], postgraphile: [postgraphile, 'postgraphile-pledge'], ...(baseline ? { baseline: [baseline, 'server-pledge'] } : {}) };
      for (const [system, [server, kind]] of Object.entries(servers)) {
        syscalls[system] = await countSyscalls({ pid: server.pid, url: server.url, kind });
        log(`ingest system calls c=1 ${system}: ${syscalls[system].total.toFixed(1)} per pledge`);
      }
    }
    const pledges = await withDatabase(DATABASE, (client) => client.query('SELECT count(*)::int AS n FROM pledge'));
    return { runs, summary: summariseIngest(runs, config), syscalls, pledgesWritten: pledges.rows[0].n };
  } finally {
    await postgraphile?.stop();
    await baseline?.stop();
    await service.stop();
    await dropDatabase(DATABASE);
  }
}

/** The systems measured: with BENCH_BASELINE, also the other build of the service. */
const systemsOf = (config) => (config.baseline ? [...SYSTEMS, 'baseline'] : SYSTEMS);

/** Medians over rounds; ratios are taken within each round first, then their median. */
export function summariseIngest(runs, config) {
  return config.concurrency.map((concurrency) => {
    const at = (system) => runs.filter((run) => run.concurrency === concurrency && run.system === system);
    const row = { concurrency };
    for (const system of systemsOf(config)) {
      const mine = at(system);
      row[system] = {
        rps: median(mine.map((run) => run.rps)),
        p50: median(mine.map((run) => run.p50)),
        p99: median(mine.map((run) => run.p99)),
        cpu: median(mine.map((run) => run.cpu)),
        appCpuMsPerPledge: median(mine.map((run) => run.appCpuMsPerPledge)),
        dbCpuMsPerPledge: median(mine.map((run) => run.dbCpuMsPerPledge)),
        errors: mine.reduce((sum, run) => sum + run.errors, 0),
        clients: Math.min(...mine.map((run) => run.clients ?? concurrency)),
        rpsRange: [Math.min(...mine.map((run) => run.rps)), Math.max(...mine.map((run) => run.rps))],
      };
    }
    const ratio = (other) =>
      median(
        at('service').map((run) => {
          const peer = runs.find((candidate) => candidate.round === run.round && candidate.concurrency === concurrency && candidate.system === other);
          return peer ? run.rps / peer.rps : NaN;
        }),
      );
    row.vsPostgraphile = ratio('postgraphile');
    row.vsPgbench = ratio('pgbench');
    if (config.baseline) row.vsBaseline = ratio('baseline');
    return row;
  });
}
