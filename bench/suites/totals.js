import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { benchDir, databaseUrl, dropDatabase, median, now, recreateDatabase, withDatabase } from '../lib/common.js';
import { httpLoad, startService } from '../lib/processes.js';

/**
 * The totals query with a thousand and with a million pledges: two databases, one service
 * each, bulk-loaded with SQL, measured in interleaved rounds.
 */
export async function runTotals(config, log) {
  const sizes = [
    { name: 'small', pledges: config.totalsSmall, database: 'wm_bench_totals_small' },
    { name: 'large', pledges: config.totalsLarge, database: 'wm_bench_totals_large' },
  ];
  const bulkLoad = await readFile(join(benchDir, 'sql/bulk-load.sql'), 'utf8');
  const services = [];
  try {
    for (const size of sizes) {
      await recreateDatabase(size.database);
      // The service creates the schema and seed data; the pledges come afterwards.
      const service = await startService({ env: { DATABASE_URL: databaseUrl(size.database), DATABASE_POOL_SIZE: String(config.poolSize) }, cpuProfileDir: config.cpuProfileDir });
      services.push(service);
      const startedAt = now();
      const counts = await withDatabase(size.database, async (client) => {
        await client.query(bulkLoad.replaceAll(':count', String(size.pledges)));
        await client.query('VACUUM ANALYZE');
        const { rows } = await client.query(`SELECT (SELECT count(*) FROM pledge)::int AS pledges, (SELECT count(*) FROM pledge_line)::int AS lines,
          (SELECT count(*) FROM case_tally)::int AS case_tally_rows, (SELECT count(*) FROM scope_tally)::int AS scope_tally_rows`);
        return rows[0];
      });
      size.counts = counts;
      size.service = service;
      log(`totals: loaded ${counts.pledges} pledges (${counts.lines} lines) in ${((now() - startedAt) / 1000).toFixed(1)} s`);
    }
    const runs = [];
    for (let round = 0; round < config.rounds; round += 1) {
      for (const concurrency of [1, 16]) {
        for (const size of round % 2 ? [...sizes].reverse() : sizes) {
          const result = await httpLoad({ url: size.service.url, kind: 'totals', concurrency, seconds: config.totalsSeconds, warmupSeconds: 1 });
          runs.push({ round, concurrency, size: size.name, ...result });
          log(`totals round ${round + 1} c=${concurrency} ${size.counts.pledges} pledges: ${result.rps.toFixed(0)}/s p50 ${result.p50.toFixed(2)} p99 ${result.p99.toFixed(2)} ms`);
        }
      }
    }
    const summary = [1, 16].map((concurrency) => {
      const row = { concurrency };
      for (const size of sizes) {
        const mine = runs.filter((run) => run.concurrency === concurrency && run.size === size.name);
        row[size.name] = { rps: median(mine.map((r) => r.rps)), p50: median(mine.map((r) => r.p50)), p99: median(mine.map((r) => r.p99)) };
      }
      const ratios = (field) =>
        median(
          runs
            .filter((run) => run.concurrency === concurrency && run.size === 'large')
            .map((large) => large[field] / runs.find((small) => small.round === large.round && small.concurrency === concurrency && small.size === 'small')[field]),
        );
      row.ratioP50 = ratios('p50');
      row.ratioP99 = ratios('p99');
      return row;
    });
    return { sizes: sizes.map(({ name, pledges, counts }) => ({ name, pledges, counts })), runs, summary };
  } finally {
    for (const service of services) await service.stop();
    for (const size of sizes) await dropDatabase(size.database);
  }
}
