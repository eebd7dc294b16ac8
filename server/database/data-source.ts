import { DataSource } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { migrations } from '../../migrations/index.js';
import { type Config } from '../common/config.js';
import { entities } from './entities.js';

/**
 * One data source for both engines: the same entities, migrations and SQL. PGlite is a single
 * connection shared by every request, so nothing in the service opens a multi-statement
 * transaction at run time (see docs/architecture.md).
 */
export function createDataSource(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  };
  if (config.databaseUrl) {
    return new DataSource({
      ...common,
      url: config.databaseUrl,
      extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5_000 },
    });
  }
  const dataDir = config.dataDir === 'memory://' ? undefined : config.dataDir;
  return new DataSource({ ...common, driver: new PGliteDriver({ dataDir }).driver });
}
