import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../lib/common.js';
import { startService } from '../lib/processes.js';

/**
 * Start-up on the embedded database: from spawning `node dist/server/main.js` (what `npm start`
 * runs once the build is done) to the first answer of `{ cases { slug } }`. Cold = an empty
 * data folder (PGlite creates the cluster, migrations and seed run); warm = the same folder again.
 */
export async function runStartup(config, log) {
  const cold = [];
  const warm = [];
  for (let trial = 0; trial < config.startupTrials; trial += 1) {
    const dataDir = await mkdtemp(join(tmpdir(), 'wm-bench-pglite-'));
    try {
      for (const list of [cold, warm]) {
        const service = await startService({ env: { DATA_DIR: dataDir } });
        await service.stop();
        list.push(service.startupMs);
      }
      log(`start-up trial ${trial + 1}: cold ${cold.at(-1).toFixed(0)} ms, warm ${warm.at(-1).toFixed(0)} ms`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return { cold, warm, coldMedian: median(cold), warmMedian: median(warm) };
}
