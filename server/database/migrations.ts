import { type DataSource } from 'typeorm';
import { applyFunctions } from './functions.js';

/** Any constant will do, as long as every process of the service uses the same one. */
const MIGRATION_LOCK = 7_042_026;

/** What a run of the migrations changed: versioned migrations by name, then function files. */
export type MigrationRun = { migrations: string[]; functions: string[] };

/**
 * Brings the schema up to date: the versioned migrations in migrations/, then the function files
 * that changed (see functions.ts). Several processes may start at once against one server: a
 * session advisory lock lets the first migrate while the others wait, then find nothing to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<MigrationRun> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const functions = await applyFunctions(dataSource);
    return { migrations: applied.map((migration) => migration.name), functions };
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
