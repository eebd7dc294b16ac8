import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, databaseUrl, dropDatabase, measureProcess, now, processStats, recreateDatabase, sleep } from '../lib/common.js';
import { runWorker, startService } from '../lib/processes.js';
import { HISTOGRAM_MS, histogramPercentile as percentileOfHistogram } from '../lib/histogram.js';

const DATABASE = 'wm_bench_fanout';
const SUBSCRIBERS_PER_PROCESS = 5_000;
const VARIABLES = { event: 'human-rights-day-2026' };

/** The soft limit on open files of this process (children inherit it). */
export function openFileLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3]);
}

function forkSubscribers() {
  const child = fork(join(benchDir, 'lib/subscribers.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`subscriber process exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (answer) => {
        child.off('exit', onExit);
        resolve(answer);
      });
      child.send(message);
    });
  return { child, ask };
}

/**
 * Live fan-out: for each subscriber count, a fresh service process on PostgreSQL, that many
 * graphql-ws subscribers to the seed event's totals in separate processes, and a steady pledge
 * load from another process. Latency is from a pledge's acknowledgement to each subscriber's
 * receipt of the first snapshot whose `pledges` count includes it (the k-th acknowledged
 * pledge is taken to be in every snapshot counting base + k or more).
 */
export async function runFanout(config, log) {
  const results = [];
  for (const subscribers of config.subscribers) {
    await recreateDatabase(DATABASE);
    const service = await startService({
      // Every simulated phone connects from 127.0.0.1: lift the per-address limits, which a real
      // room's phones (on their own addresses, or a few hundred behind one NAT) stay under.
      env: {
        DATABASE_URL: databaseUrl(DATABASE),
        DATABASE_POOL_SIZE: String(config.poolSize),
        WS_MAX_SOCKETS_PER_ADDRESS: String(subscribers + 10),
        WS_MAX_SUBSCRIPTIONS_PER_ADDRESS: String(subscribers + 10),
      },
      cpuProfileDir: config.cpuProfileDir,
    });
    const processes = Array.from({ length: Math.ceil(subscribers / SUBSCRIBERS_PER_PROCESS) }, forkSubscribers);
    try {
      const idle = processStats(service.pid);
      const connectStart = now();
      const ready = await Promise.all(
        processes.map((p, i) => {
          const count = Math.floor(subscribers / processes.length) + (i < subscribers % processes.length ? 1 : 0);
          return p.ask({ type: 'connect', url: service.url.replace('http', 'ws'), count, variables: VARIABLES });
        }),
      );
      const connected = ready.reduce((sum, r) => sum + r.connected, 0);
      const failed = ready.reduce((sum, r) => sum + r.failed, 0);
      const connectSeconds = (now() - connectStart) / 1000;
      await sleep(1000);
      const connectedStats = processStats(service.pid);
      log(`fan-out ${subscribers}: ${connected} connected, ${failed} failed in ${connectSeconds.toFixed(1)} s; RSS ${(connectedStats.rssBytes / 2 ** 20).toFixed(0)} MiB`);

      const { result: pledges, cpu, maxRssBytes } = await measureProcess(service.pid, async () => {
        const answer = await runWorker('pledger.js', { url: service.url, rate: config.pledgeRate, seconds: config.fanoutSeconds, variables: VARIABLES });
        await sleep(2 * config.tickMs + 1000); // the last pledges' snapshots
        return answer;
      });
      const reports = await Promise.all(processes.map((p) => p.ask({ type: 'report', acks: pledges })));
      const merge = (field) => {
        const merged = new Array(HISTOGRAM_MS).fill(0);
        for (const report of reports) report[field].forEach((n, i) => (merged[i] += n));
        return merged;
      };
      const histogram = merge('histogram');
      const conservative = merge('conservative');
      const row = {
        subscribers,
        connected,
        failed,
        connectSeconds,
        pledgesAcked: pledges.ackTimes.length,
        pledgeErrors: pledges.errors,
        firstPledgeError: pledges.firstError,
        pledgeRate: pledges.ackTimes.length / pledges.seconds,
        ackLatency: pledges.ackLatency,
        samples: reports.reduce((sum, r) => sum + r.samples, 0),
        missed: reports.reduce((sum, r) => sum + r.missed, 0),
        p50: percentileOfHistogram(histogram, 50),
        p99: percentileOfHistogram(histogram, 99),
        max: percentileOfHistogram(histogram, 100),
        upperP50: percentileOfHistogram(conservative, 50),
        upperP99: percentileOfHistogram(conservative, 99),
        cpu,
        idleRssBytes: idle.rssBytes,
        connectedRssBytes: connectedStats.rssBytes,
        maxRssBytes,
      };
      results.push(row);
      log(
        `fan-out ${subscribers}: p50 ${row.p50} ms p99 ${row.p99} ms (upper bound p99 ${row.upperP99} ms), ${row.pledgeRate.toFixed(0)} pledges/s, CPU ${(cpu * 100).toFixed(0)}%, max RSS ${(maxRssBytes / 2 ** 20).toFixed(0)} MiB, missed ${row.missed}`,
      );
    } finally {
      for (const p of processes) {
        p.child.send({ type: 'close' });
      }
      await Promise.all(processes.map((p) => (p.child.exitCode === null ? new Promise((resolve) => p.child.once('exit', resolve)) : null)));
      await service.stop();
      await dropDatabase(DATABASE);
    }
  }
  return results;
}
