import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/common/config.js';
import { createLogger } from '../../server/common/logger.js';
import { graphqlClient, type GraphQLClient } from './graphql.js';
import { SEED_EVENING } from './pledges.js';

export type TestServer = {
  app: App;
  url: string;
  /** Every log line the server wrote, as parsed JSON. */
  logs: Record<string, any>[];
  /** Runs a GraphQL operation over HTTP, as a client would (test/support/graphql.ts). */
  gql: GraphQLClient;
  /** Runs SQL on the server's database, for checks that the API does not offer. */
  sql<T = Record<string, any>>(query: string, parameters?: unknown[]): Promise<T[]>;
  /** Stops the service and drops its database; stopping twice is harmless. */
  stop(): Promise<void>;
};

/** Whether this run is against a PostgreSQL server (DATABASE_URL) rather than PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A throwaway database for one test file: on PostgreSQL a fresh database on the server named
 * by DATABASE_URL (dropped afterwards), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { DATA_DIR: 'memory://' }, drop: async () => undefined };
  const name = `wm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/**
 * The time the service's rules read (a pledge for an event that has ended is refused) in the
 * tests, unless a test gives its own clock: the evening of the seed event, which most tests
 * pledge to, so that they pass on any date. The database's own `now()` stays the real time.
 */
const seedEvening = new Date(SEED_EVENING);

/**
 * Starts the whole service on port 0 with a throwaway database. Stop it in afterAll. Pass a
 * `database` to share one between servers (a restart, a second process); its creator drops it.
 * `clock`: the time for the service's rules (by default the seed event's evening).
 */
export async function startServer(env: Record<string, string> = {}, shared: { database?: TestDatabase; clock?: () => Date } = {}): Promise<TestServer> {
  const database = shared.database ?? (await createTestDatabase());
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  // Browser tests fill forms faster than people can; the fill-time check has a test of its own.
  const defaults = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', FORM_MIN_FILL_MS: '0' };
  const config = loadConfig({ ...defaults, ...database.env, ...env });
  const app = await createApp(config, createLogger(config.logLevel, sink), { clock: shared.clock ?? (() => seedEvening) });
  let stopped: Promise<void> | undefined;

  return {
    app,
    url: app.url,
    logs,
    gql: graphqlClient(app.url),
    sql(query, parameters) {
      return app.dataSource.query(query, parameters);
    },
    stop() {
      stopped ??= (async () => {
        await app.stop();
        if (!shared.database) await database.drop();
      })();
      return stopped;
    },
  };
}
