import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';

/** The pg pool's counts, where there is one (PGlite has no pool). */
type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

/**
 * Prometheus metrics at /metrics: process basics, GraphQL requests and their latency by
 * operation, pledges recorded, open subscriptions and sockets, and the database pool. Labels
 * are operation names and outcomes only, never anything a person typed.
 */
export class Metrics {
  readonly registry = new Registry();

  /** Counted by the GraphQL layer (graphql/metrics-plugin.ts). */
  readonly requests = new Counter({
    name: 'writing_marathon_graphql_requests_total',
    help: 'GraphQL requests over HTTP, by operation and outcome (ok or the error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'writing_marathon_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL request over HTTP, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly pledges = new Counter({
    name: 'writing_marathon_pledges_recorded_total',
    help: 'Pledges recorded (replays of a known client key are not counted again).',
    registers: [this.registry],
  });

  /** Observed by the group commit (pledges/pledge-batcher.ts), for each batch that leaves. */
  readonly pledgeBatchSize = new Histogram({
    name: 'writing_marathon_pledge_batch_size',
    help: 'Pledges written by one database statement (group commit).',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers: [this.registry],
  });

  constructor(options: { dataSource: DataSource; subscribers: () => number; sockets: () => number }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'writing_marathon_' });
    new Gauge({
      name: 'writing_marathon_subscriptions_open',
      help: 'Live totals subscriptions open in this process.',
      registers: [this.registry],
      collect() {
        this.set(options.subscribers());
      },
    });
    new Gauge({
      name: 'writing_marathon_websockets_open',
      help: 'WebSocket connections open in this process.',
      registers: [this.registry],
      collect() {
        this.set(options.sockets());
      },
    });
    const pool = () => (options.dataSource.driver as { master?: Partial<PoolCounts> }).master;
    new Gauge({
      name: 'writing_marathon_database_pool_connections',
      help: 'PostgreSQL pool connections by state (absent on the embedded database).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const counts = pool();
        if (typeof counts?.totalCount !== 'number') return;
        this.set({ state: 'total' }, counts.totalCount);
        this.set({ state: 'idle' }, counts.idleCount ?? 0);
        this.set({ state: 'waiting' }, counts.waitingCount ?? 0);
      },
    });
  }
}
