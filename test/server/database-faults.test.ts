import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput, type PledgeLine } from '../support/pledges.js';
import { ORDER_KIT } from '../support/kit-orders.js';
import { linesWithProbe, probeOrder } from '../support/probe.js';
import { onPostgres, startServer, type TestDatabase, type TestServer } from '../support/server.js';

const PLEDGES = 300;
const CLIENTS = 8;
/** A cap on the whole load, restarts included, so that a server that never recovers fails the test instead of hanging it. */
const LOAD_TIME_CAP_MS = 120_000;
const CASES = ['zhang-zhan', 'bernardo-caal-xol', 'mohamed-el-baqer', 'wendy-galarza', 'anna-and-vira', 'janna-jihad'];

/** The i-th pledge of the load: one to three cases, at least one letter or card. */
function linesFor(i: number): PledgeLine[] {
  const count = 1 + (i % 3);
  return Array.from({ length: count }, (_, j) => ({
    case: CASES[(i + j * 2) % CASES.length]!,
    appealLetters: (i + j) % 4,
    solidarityCards: j === 0 && (i + j) % 4 === 0 ? 1 : (i * 7 + j) % 3,
  }));
}

type Answer = { kind: 'ack'; id: string } | { kind: 'refused'; codes: string[] } | { kind: 'network'; message: string };

/**
 * Load from several clients that each submit pledges one after the other and, like the pledge
 * form's offline queue, resend the same clientKey after any error or network failure until the
 * server acknowledges the pledge.
 */
class RetryingLoad {
  readonly acknowledged = new Map<string, { id: string; lines: PledgeLine[] }>();
  readonly refusalCodes: string[] = [];
  readonly networkFailures: string[] = [];
  private next = 0;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  private readonly deadline = Date.now() + LOAD_TIME_CAP_MS;

  constructor(private readonly url: string) {}

  run(): Promise<void> {
    return Promise.all(Array.from({ length: CLIENTS }, () => this.client())).then(() => undefined);
  }

  /** Resolves as soon as `predicate` holds after some answer; rejects at the load's time cap. */
  until(predicate: () => boolean, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), Math.max(0, this.deadline - Date.now()));
      this.waiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify() {
    this.waiters = this.waiters.filter((waiter) => (waiter.predicate() ? (waiter.resolve(), false) : true));
  }

  private async client(): Promise<void> {
    while (this.next < PLEDGES) {
      const i = this.next++;
      await this.submitUntilAcknowledged(pledgeInput(linesFor(i)));
    }
  }

  private async submitUntilAcknowledged(input: ReturnType<typeof pledgeInput>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (Date.now() > this.deadline) throw new Error(`pledge ${input.clientKey} was not acknowledged within ${LOAD_TIME_CAP_MS} ms`);
      const answer = await this.submit(input);
      if (answer.kind === 'ack') {
        this.acknowledged.set(input.clientKey, { id: answer.id, lines: input.lines });
        this.notify();
        return;
      }
      if (answer.kind === 'refused') this.refusalCodes.push(...answer.codes);
      else this.networkFailures.push(answer.message);
      this.notify();
      // The client's own backoff, as a phone would pace its retries; recovery itself is awaited through answers.
      await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 250)));
    }
  }

  private async submit(input: ReturnType<typeof pledgeInput>): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input } }),
      });
    } catch (error) {
      return { kind: 'network', message: String((error as Error).cause ?? error) };
    }
    const text = await response.text();
    let body: { data?: { submitPledge?: { id: string } } | null; errors?: { extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'refused', codes: [`HTTP ${response.status} (not JSON)`] };
    }
    if (body.errors?.length) return { kind: 'refused', codes: body.errors.map((error) => String(error.extensions?.code)) };
    if (body.data?.submitPledge?.id) return { kind: 'ack', id: String(body.data.submitPledge.id) };
    return { kind: 'refused', codes: [`HTTP ${response.status} without data or errors`] };
  }
}

// Runs on PostgreSQL only: PGlite lives inside the process and cannot restart under it. The
// shared server named by DATABASE_URL is never touched; this file starts a cluster of its own.
describe.runIf(onPostgres)('database restarts under load', () => {
  let cluster: PostgresCluster;
  let sut: TestServer;

  beforeAll(async () => {
    cluster = await createPostgresCluster();
    // The cluster is thrown away with its folder, so its default database is as good as a fresh one.
    const database: TestDatabase = { env: { DATABASE_URL: `${cluster.url}/postgres` }, drop: async () => undefined };
    sut = await startServer({}, { database });
  }, 120_000);
  afterAll(async () => {
    await sut?.stop();
    await cluster?.remove();
  });

  it('answers SERVICE_UNAVAILABLE while the database restarts (fast, then immediate), recovers by itself, and counts every acknowledged pledge once', async () => {
    const load = new RetryingLoad(sut.url);
    const running = load.run();
    // A failing load must not leave an unhandled rejection behind while the restarts are awaited.
    running.catch(() => undefined);
    const outages: { mode: string; refusalsWhileDown: number; healthWhileDown: number }[] = [];

    for (const [mode, afterAcks] of [['fast', 80], ['immediate', 180]] as const) {
      await load.until(() => load.acknowledged.size >= afterAcks, `${afterAcks} acknowledged pledges before the ${mode} restart`);
      const refusalsBefore = load.refusalCodes.length;
      await cluster.stop(mode);
      // Clients keep sending while the database is down: wait until the server has answered some of them.
      await load.until(() => load.refusalCodes.length >= refusalsBefore + CLIENTS, `refusals during the ${mode} outage`);
      // A student orders kits meanwhile: refused, and their data must not reach the log.
      const order = await sut.gql(ORDER_KIT, { input: probeOrder() });
      expect(order.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The process is still up and says so while its database is away.
      const health = await fetch(new URL('/healthz', sut.url));
      outages.push({ mode, refusalsWhileDown: load.refusalCodes.length - refusalsBefore, healthWhileDown: health.status });

      const acksBeforeStart = load.acknowledged.size;
      await cluster.start();
      // Recovery is the server's own doing: nothing here reconnects it.
      await load.until(() => load.acknowledged.size > acksBeforeStart, `a pledge acknowledged after the ${mode} restart`);
    }
    await running;

    expect(outages).toEqual([
      { mode: 'fast', refusalsWhileDown: expect.any(Number), healthWhileDown: 200 },
      { mode: 'immediate', refusalsWhileDown: expect.any(Number), healthWhileDown: 200 },
    ]);
    // Every refusal, during or right after an outage, said SERVICE_UNAVAILABLE: no internal error, no other code.
    expect(new Set(load.refusalCodes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    // The HTTP server itself never went away.
    expect(load.networkFailures).toEqual([]);

    // Every acknowledged pledge is in the database once, under the id the client was given:
    // an acknowledgement without its row would be a false success.
    expect(load.acknowledged.size).toBe(PLEDGES);
    const rows = await sut.sql<{ client_key: string; id: string }>('SELECT client_key::text, id::text FROM pledge');
    expect(rows).toHaveLength(PLEDGES);
    expect(new Map(rows.map((row) => [row.client_key, row.id]))).toEqual(
      new Map([...load.acknowledged].map(([key, pledge]) => [key, pledge.id])),
    );

    // The running tallies agree with the pledge lines, overall and per case, and with what the clients sent.
    const [lineSums] = await sut.sql<{ appeal_letters: number; solidarity_cards: number }>(
      'SELECT sum(appeal_letters)::int AS appeal_letters, sum(solidarity_cards)::int AS solidarity_cards FROM pledge_line',
    );
    const sent = [...load.acknowledged.values()].flatMap((pledge) => pledge.lines);
    expect(lineSums).toEqual({
      appeal_letters: sent.reduce((sum, line) => sum + line.appealLetters, 0),
      solidarity_cards: sent.reduce((sum, line) => sum + line.solidarityCards, 0),
    });
    const { data, errors } = await sut.gql(TOTALS);
    expect(errors).toBeUndefined();
    expect(data!.totals).toMatchObject({
      appealLetters: lineSums!.appeal_letters,
      solidarityCards: lineSums!.solidarity_cards,
      total: lineSums!.appeal_letters + lineSums!.solidarity_cards,
      pledges: PLEDGES,
    });
    const perCase = await sut.sql<{ slug: string; total: number }>(
      `SELECT c.slug, coalesce(sum(l.appeal_letters + l.solidarity_cards), 0)::int AS total
       FROM "case" c LEFT JOIN pledge_line l ON l.case_id = c.id GROUP BY c.slug`,
    );
    expect(Object.fromEntries(data!.totals.cases.map((row: any) => [row.case.slug, row.total]))).toEqual(
      Object.fromEntries(perCase.map((row) => [row.slug, row.total])),
    );
    // Neither the outages nor the kit orders they refused put a student's data in the log.
    expect(linesWithProbe(sut.logs)).toEqual([]);
    // No log line at fatal level: the service never gave up.
    expect(sut.logs.filter((line) => line.level >= 60)).toEqual([]);
  }, 180_000);
});

// PostgreSQL ends connections of its own accord (a restart, an administrator, idle timeouts):
// a connection the service holds between two queries must not take the process with it.
describe.runIf(onPostgres)('database connections ended by the server', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  it('logs a connection terminated between two queries (57P01) instead of failing on it, and goes on taking pledges', async () => {
    const pool = (sut.app.dataSource.driver as unknown as { master: pg.Pool }).master;
    const held = await pool.connect();
    const [{ pid }] = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    // Only the service's own listener hears the error; the test waits for the connection's end
    // (events.once would listen for 'error' too).
    const ended = new Promise((resolve) => held.once('end', resolve));
    await sut.sql('SELECT pg_terminate_backend($1)', [pid]);
    await ended;
    held.release(true);
    const warning = sut.logs.find((line) => line.msg === 'database connection lost; the pool opens a new one');
    expect(warning).toMatchObject({ level: 40, err: { code: '57P01' } });

    const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]) });
    expect(errors).toBeUndefined();
  });
});
