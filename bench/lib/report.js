import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { median } from './common.js';

const FINDINGS_START = '<!-- findings: kept across runs -->';
const FINDINGS_END = '<!-- end of findings -->';

const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : 'n/a');
const mib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MiB` : 'n/a');
const pct = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(0)}%` : 'n/a');
const verdict = (met) => (met === undefined ? 'not measured' : met ? '**met**' : '**missed**');

/** CPU per pledge, in ms: the process's own, then its PostgreSQL backends'. */
const cpuPerPledge = (row) => `${fixed(row.appCpuMsPerPledge, 2)} + ${fixed(row.dbCpuMsPerPledge, 2)}`;

function ingestSection(ingest, config) {
  const lines = [
    '## 1. Pledge ingest on PostgreSQL',
    '',
    `Closed loop, ${config.seconds} s measured after ${config.warmupSeconds} s warm-up, ${config.rounds} interleaved rounds (the order of the three systems rotates each round); medians of the rounds. ` +
      'Service = `submitPledge` over HTTP; PostGraphile = the same work as a PostGraphile v5 mutation (`bench/sql/postgraphile.sql`); ' +
      'pgbench = the SQL one pledge needs (`bench/sql/pledge.pgbench.sql`: one call of `submit_pledge`), `-M prepared`. ' +
      `Every request is a new pledge (event, faculty, two lines). Both Node servers get a pool of ${config.poolSize} connections. CPU = the server process's CPU time over wall time (1.00 = one core). ` +
      'CPU ms/pledge = CPU time of the Node process + CPU time of the PostgreSQL backends serving the benchmark database (both from /proc/<pid>/stat, the backends found in pg_stat_activity), ' +
      'over the whole run including its warm-up, divided by the pledges the run wrote; PostgreSQL\'s background processes (WAL writer, checkpointer) are not counted.',
    '',
    '| clients | service req/s | p50 ms | p99 ms | CPU | CPU ms/pledge (service + PostgreSQL) | PostGraphile req/s | p50 ms | p99 ms | CPU | CPU ms/pledge (PostGraphile + PostgreSQL) | pgbench tx/s | p50 ms | p99 ms | PostgreSQL CPU ms/pledge | service / PostGraphile | service / pgbench |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of ingest.summary) {
    const { service: s, postgraphile: g, pgbench: b } = row;
    const clients = b.clients < row.concurrency ? `${row.concurrency} (pgbench: ${b.clients}, max_connections)` : String(row.concurrency);
    lines.push(
      `| ${clients} | ${fixed(s.rps)} | ${ms(s.p50)} | ${ms(s.p99)} | ${fixed(s.cpu, 2)} | ${cpuPerPledge(s)} | ${fixed(g.rps)} | ${ms(g.p50)} | ${ms(g.p99)} | ${fixed(g.cpu, 2)} | ${cpuPerPledge(g)} | ${fixed(b.rps)} | ${ms(b.p50)} | ${ms(b.p99)} | ${fixed(b.dbCpuMsPerPledge, 2)} | ${fixed(row.vsPostgraphile, 2)}x | ${pct(row.vsPgbench)} |`,
    );
  }
  const errors = ingest.summary.flatMap((row) => ['service', 'postgraphile', 'pgbench'].map((system) => row[system].errors)).reduce((a, b) => a + b, 0);
  lines.push('', `Errors: ${errors}. Pledges written: ${ingest.pledgesWritten}. Spread of requests/s over the rounds (min to max):`, '');
  for (const row of ingest.summary) {
    lines.push(
      `- ${row.concurrency} clients: service ${row.service.rpsRange.map((v) => fixed(v)).join(' to ')}, PostGraphile ${row.postgraphile.rpsRange.map((v) => fixed(v)).join(' to ')}, pgbench ${row.pgbench.rpsRange.map((v) => fixed(v)).join(' to ')}`,
    );
  }
  if (ingest.syscalls) lines.push('', syscallsTable(ingest.syscalls));
  return lines.join('\n');
}

/** System calls per pledge at one client, by server: all of them, and the ones a request's path is made of. */
function syscallsTable(syscalls) {
  const of = (counts, ...names) => names.reduce((sum, name) => sum + (counts.calls[name] ?? 0), 0);
  const lines = [
    'System calls per pledge, one client sending 1,000 pledges one after another (`strace -c -f` on the server process, every thread; after 100 pledges of warm-up). ' +
      'Unlike CPU time, these counts hardly depend on how busy the machine is. futex is mostly threads waking each other (Node\'s thread pool, its workers).',
    '',
    '| system | all | futex | epoll_pwait | read | write, writev |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [system, counts] of Object.entries(syscalls)) {
    lines.push(`| ${system} | ${fixed(counts.total, 1)} | ${fixed(of(counts, 'futex'), 1)} | ${fixed(of(counts, 'epoll_pwait', 'epoll_wait'), 1)} | ${fixed(of(counts, 'read'), 1)} | ${fixed(of(counts, 'write', 'writev'), 1)} |`);
  }
  return lines.join('\n');
}

function totalsSection(totals) {
  const [small, large] = totals.sizes;
  const lines = [
    '## 2. Totals with a thousand and with a million pledges',
    '',
    `\`totals\` of the current campaign (every case, zeros included) over HTTP, 5 s per run, medians of the rounds. Databases bulk-loaded with SQL (\`bench/sql/bulk-load.sql\`): ` +
      `${small.counts.pledges} pledges (${small.counts.case_tally_rows} case tally rows) and ${large.counts.pledges} pledges (${large.counts.lines} lines, ${large.counts.case_tally_rows} case tally rows). Ratio = large / small, taken per round, median.`,
    '',
    `| clients | ${small.pledges} pledges: req/s | p50 ms | p99 ms | ${large.pledges} pledges: req/s | p50 ms | p99 ms | ratio p50 | ratio p99 |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of totals.summary) {
    lines.push(
      `| ${row.concurrency} | ${fixed(row.small.rps)} | ${ms(row.small.p50)} | ${ms(row.small.p99)} | ${fixed(row.large.rps)} | ${ms(row.large.p50)} | ${ms(row.large.p99)} | ${fixed(row.ratioP50, 2)} | ${fixed(row.ratioP99, 2)} |`,
    );
  }
  return lines.join('\n');
}

function startupSection(startup) {
  const row = (label, values) => `| ${label} | ${fixed(median(values))} ms | ${values.map((v) => fixed(v)).join(', ')} |`;
  return [
    '## 4. Start-up on the embedded database',
    '',
    'Time to the first answer to `{ cases { slug } }`, PGlite in a data folder. ' +
      '`npm start`, first: in a fresh copy of the committed files with the installed node_modules (what `npm ci` leaves) and no dist/: the whole build (server, dashboard, PGlite template), then the server on a new data folder. ' +
      '`npm start`, again: the same copy and folder, nothing to build. ' +
      '`node dist/server/main.js`, new folder: an empty folder, loaded from the template the build made. `node dist/server/main.js`, started before: the same folder again.',
    '',
    '| | median | all trials |',
    '|---|---:|---|',
    row('`npm start`, first after `npm ci`', startup.firstNpmStart),
    row('`npm start`, again', startup.warmNpmStart),
    row('`node dist/server/main.js`, new folder', startup.cold),
    row('`node dist/server/main.js`, started before', startup.warm),
  ].join('\n');
}

function pgliteSection(pglite, config) {
  const lines = [
    '## 5. Pledge ingest on the embedded database (PGlite)',
    '',
    `The service with no \`DATABASE_URL\` (PGlite in a data folder on disk), same pledge as above, ${config.seconds} s per run, medians of ${config.pgliteRounds} rounds.`,
    '',
    '| clients | req/s | p50 ms | p99 ms | CPU | max RSS | errors |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of pglite.summary) {
    lines.push(`| ${row.concurrency} | ${fixed(row.rps)} | ${ms(row.p50)} | ${ms(row.p99)} | ${fixed(row.cpu, 2)} | ${mib(row.maxRssBytes)} | ${row.errors} |`);
  }
  return lines.join('\n');
}

function fanoutSection(fanout, config) {
  const lines = [
    '## 3. Live fan-out (graphql-ws)',
    '',
    `One service process on PostgreSQL (tick ${config.tickMs} ms, the default). Subscribers to \`totalsUpdated(event: "human-rights-day-2026")\` in separate processes (5,000 per process, raw \`ws\` speaking graphql-transport-ws); ` +
      `${config.pledgeRate} pledges/s for ${config.fanoutSeconds} s from another process (open loop). Latency: from the k-th pledge acknowledgement to each subscriber's receipt of the first snapshot whose \`pledges\` count is at least (count before the load) + k; ` +
      'one sample per pledge per subscriber. RSS and CPU of the server process from /proc/<pid>/status and /proc/<pid>/stat during the pledge load.',
    '',
    '| subscribers | connected (failed) | connect s | pledges/s acked | ack p50 / p99 ms | latency p50 ms | p99 ms | max ms | missed | server CPU | RSS idle | RSS connected | max RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of fanout) {
    lines.push(
      `| ${row.subscribers} | ${row.connected} (${row.failed}) | ${fixed(row.connectSeconds, 1)} | ${fixed(row.pledgeRate)} | ${ms(row.ackLatency.p50)} / ${ms(row.ackLatency.p99)} | ${ms(row.p50)} | ${ms(row.p99)} | ${ms(row.max)} | ${row.missed} | ${pct(row.cpu)} | ${mib(row.idleRssBytes)} | ${mib(row.connectedRssBytes)} | ${mib(row.maxRssBytes)} |`,
    );
  }
  return lines.join('\n');
}

function targetsSection({ ingest, totals, startup, fanout }) {
  const rows = ['## Targets', '', '| target | measured | |', '|---|---|---|'];
  const at = (clients) => ingest?.summary.find((row) => row.concurrency === clients);
  for (const [clients, ratio] of [[1, 1.0], [16, 1.5], [64, 1.5]]) {
    const row = at(clients);
    if (row) rows.push(`| ingest at ${clients} clients >= ${fixed(ratio, 1)}x PostGraphile | ${fixed(row.vsPostgraphile, 2)}x | ${verdict(row.vsPostgraphile >= ratio)} |`);
  }
  const at16 = at(16);
  if (at16) rows.push(`| ingest at 16 clients p99 <= 30 ms | ${ms(at16.service.p99)} ms | ${verdict(at16.service.p99 <= 30)} |`);
  for (const row of ingest?.summary ?? []) {
    const ours = row.service.appCpuMsPerPledge + row.service.dbCpuMsPerPledge;
    const theirs = row.postgraphile.appCpuMsPerPledge + row.postgraphile.dbCpuMsPerPledge;
    rows.push(`| CPU per pledge at ${row.concurrency} clients (service + PostgreSQL) <= PostGraphile's | ${fixed(ours, 2)} ms vs ${fixed(theirs, 2)} ms | ${verdict(ours <= theirs)} |`);
  }
  const totals1 = totals?.summary.find((row) => row.concurrency === 1);
  if (totals1) rows.push(`| totals with 1M pledges <= 1.5x the time with 1k (p50, 1 client) | ${fixed(totals1.ratioP50, 2)}x | ${verdict(totals1.ratioP50 <= 1.5)} |`);
  if (startup) {
    const first = median(startup.firstNpmStart);
    const again = median(startup.warmNpmStart);
    const before = median(startup.warm);
    const fresh = median(startup.cold);
    rows.push(`| first \`npm start\` after \`npm ci\` <= 15 s (median) | ${fixed(first)} ms | ${verdict(first <= 15_000)} |`);
    rows.push(`| warm \`npm start\` <= 2 s to the first answer (median) | ${fixed(again)} ms | ${verdict(again <= 2_000)} |`);
    rows.push(`| started-before folder <= 2 s (\`node dist/server/main.js\`, median) | ${fixed(before)} ms | ${verdict(before <= 2_000)} |`);
    rows.push(`| new PGlite folder <= 3 s (\`node dist/server/main.js\`, median) | ${fixed(fresh)} ms | ${verdict(fresh <= 3_000)} |`);
  }
  const biggest = fanout?.find((row) => row.subscribers === 10_000);
  if (biggest) {
    rows.push(`| 10,000 subscribers: p99 <= 1 s | ${ms(biggest.p99)} ms (${biggest.missed} missed) | ${verdict(biggest.p99 <= 1000 && biggest.missed === 0 && biggest.failed === 0)} |`);
    rows.push(`| 10,000 subscribers: RSS <= 1 GiB | ${mib(biggest.maxRssBytes)} | ${verdict(biggest.maxRssBytes <= 2 ** 30)} |`);
  }
  return rows.join('\n');
}

/** Findings written by hand between the markers survive a re-run of the benchmark. */
function keptFindings(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(FINDINGS_START);
  const end = text.indexOf(FINDINGS_END);
  return start >= 0 && end > start ? text.slice(start, end + FINDINGS_END.length) : null;
}

export function writeReport(file, { config, machine, results }) {
  const commandEnv = [
    ['BENCH_ROUNDS', config.rounds, 3],
    ['BENCH_SECONDS', config.seconds, 8],
    ['BENCH_SUBSCRIBERS', config.subscribers.join(','), '1000,5000,10000'],
    ['BENCH_PLEDGE_RATE', config.pledgeRate, 200],
    ['BENCH_FANOUT_SECONDS', config.fanoutSeconds, 15],
  ]
    .filter(([, value, fallback]) => String(value) !== String(fallback))
    .map(([name, value]) => `${name}=${value} `)
    .join('');
  const sections = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.js) on ${machine.date}, commit ${machine.commit}; the whole run took ${fixed(machine.durationSeconds / 60, 1)} min.`,
    '',
    '## Machine',
    '',
    `- \`nproc\`: ${machine.nproc} (${machine.cpuModel}); Node ${machine.node}; ${machine.postgres}; open-file limit ${machine.openFiles}`,
    `- load average before / after the run: ${machine.loadAverageBefore.split(' ').slice(0, 3).join(' ')} / ${machine.loadAverageAfter.split(' ').slice(0, 3).join(' ')}`,
    '- `free -h`:',
    '',
    '```',
    machine.memory,
    '```',
    '',
    'The machine is shared: other processes (tests, type checks) ran during the run, so absolute numbers are noisy. ' +
      'Ratios are taken between systems measured in the same round, which is what the targets are about; absolute requests/s and latencies should be re-measured on a quiet machine.',
    '',
    '## Commands',
    '',
    '```sh',
    'npm run build && npm ci --prefix bench',
    `${commandEnv}node bench/run.js            # everything; BENCH_ONLY=ingest,totals,startup,pglite,fanout picks suites`,
    'BENCH_CPU_PROFILE_DIR=profiles BENCH_ONLY=ingest node bench/run.js   # the same with node --cpu-prof on the service',
    'node bench/profile-summary.js profiles/<file>.cpuprofile              # self and total time by function and package',
    'node bench/profile-layers.js profiles/<file>.cpuprofile <pledges>     # busy time per pledge by layer of the request path',
    'BENCH_BASELINE=<checkout>/dist/server/main.js BENCH_ONLY=ingest node bench/run.js   # another build of the service as a fourth system, same rounds',
    '```',
    '',
    'pgbench runs as `pgbench -n -M prepared -f bench/sql/pledge.pgbench.sql -c <clients> -j 2 -T <seconds> -l` against the same database as the two servers.',
    '',
    targetsSection(results),
  ];
  if (results.ingest) sections.push('', ingestSection(results.ingest, config));
  if (results.totals) sections.push('', totalsSection(results.totals));
  if (results.fanout) sections.push('', fanoutSection(results.fanout, config));
  if (results.startup) sections.push('', startupSection(results.startup));
  if (results.pglite) sections.push('', pgliteSection(results.pglite, config));
  sections.push(
    '',
    keptFindings(file) ?? [FINDINGS_START, '', '## Profiles and findings', '', '(none yet)', '', FINDINGS_END].join('\n'),
    '',
  );
  writeFileSync(file, sections.join('\n'));
}
