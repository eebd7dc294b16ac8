import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureProcess, median } from '../lib/common.js';
import { httpLoad, startService } from '../lib/processes.js';

/** Pledge ingest on the embedded database (PGlite in a data folder on disk), as at an event on a laptop. */
export async function runPglite(config, log) {
  const dataDir = await mkdtemp(join(tmpdir(), 'wm-bench-pglite-'));
  const service = await startService({ env: { DATA_DIR: dataDir }, cpuProfileDir: config.cpuProfileDir });
  try {
    const runs = [];
    for (let round = 0; round < config.pgliteRounds; round += 1) {
      for (const concurrency of config.pgliteConcurrency) {
        const { result, cpu, maxRssBytes } = await measureProcess(service.pid, () =>
          httpLoad({ url: service.url, kind: 'server-pledge', concurrency, seconds: config.seconds, warmupSeconds: config.warmupSeconds }),
        );
        runs.push({ round, concurrency, ...result, cpu, maxRssBytes });
        log(`pglite round ${round + 1} c=${concurrency}: ${result.rps.toFixed(0)}/s p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} ms${result.errors ? ` errors ${result.errors} (${result.firstError})` : ''}`);
      }
    }
    const summary = config.pgliteConcurrency.map((concurrency) => {
      const mine = runs.filter((run) => run.concurrency === concurrency);
      return {
        concurrency,
        rps: median(mine.map((r) => r.rps)),
        p50: median(mine.map((r) => r.p50)),
        p99: median(mine.map((r) => r.p99)),
        cpu: median(mine.map((r) => r.cpu)),
        maxRssBytes: Math.max(...mine.map((r) => r.maxRssBytes)),
        errors: mine.reduce((sum, r) => sum + r.errors, 0),
      };
    });
    return { runs, summary };
  } finally {
    await service.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
