import pg from 'pg';
import { DataSource } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { migrations } from '../../migrations/index.js';
import { type Config } from '../common/config.js';
import { type Logger } from '../common/logger.js';
import { entities } from './entities.js';

/**
 * One data source for both engines: the same entities, migrations and SQL. PGlite is a single
 * connection shared by every request, so nothing in the service opens a multi-statement
 * transaction at run time (see docs/architecture.md). `logger` hears of PostgreSQL connections
 * that break outside a query (the server restarted or terminated them, 57P01).
 */
export function createDataSource(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>,
  options: { logger?: Pick<Logger, 'warn'>; pgliteTemplate?: Blob } = {},
): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  };
  if (config.databaseUrl) {
    const onConnectionError = (error: Error) => options.logger?.warn({ err: error }, 'database connection lost; the pool opens a new one');
    return new DataSource({
      ...common,
      url: config.databaseUrl,
      // The pool listens to its idle connections only: a connection checked out between two
      // queries had no listener, and its 'error' event ended the process as an uncaught exception.
      extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5_000, Client: listenedClient(onConnectionError) },
    });
  }
  const dataDir = config.dataDir === 'memory://' ? undefined : config.dataDir;
  return new DataSource({ ...common, driver: new PGliteDriver({ dataDir, loadDataDir: options.pgliteTemplate }).driver });
}

/** pg's client with an error listener from its first moment, so that no error of it goes unheard. */
function listenedClient(onError: (error: Error) => void): typeof pg.Client {
  return class ListenedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', onError);
    }
  };
}
