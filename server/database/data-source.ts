import { DataSource } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { migrations } from '../../migrations/index.js';
import { type Config } from '../config.js';
import { entities } from './entities.js';

/** Which engine a data source talks to: a PostgreSQL server, or PGlite embedded in this process. */
export type DatabaseKind = 'postgres' | 'pglite';

export function databaseKind(config: Pick<Config, 'databaseUrl'>): DatabaseKind {
  return config.databaseUrl ? 'postgres' : 'pglite';
}

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

/** Any constant will do, as long as every process of the service uses the same one. */
const MIGRATION_LOCK = 7_042_026;

/**
 * Brings the schema up to date. Several processes may start at once against one server: a
 * session advisory lock lets the first migrate while the others wait, then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
