import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { type DataSource } from 'typeorm';

/**
 * The SQL functions of the database as they are today, one file each in `functions/` (next to
 * this module, in the source tree and in dist/ alike: `npm run build:server` copies them).
 */
const FOLDER = new URL('./functions/', import.meta.url);

/** One function file: its name (the function's), its SQL, and the checksum recorded once applied. */
export type FunctionFile = { name: string; sql: string; checksum: string };

export function functionFiles(): FunctionFile[] {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = readFileSync(new URL(file, FOLDER), 'utf8');
      return { name: file.slice(0, -'.sql'.length), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Repeatable migrations, as Flyway has them: after the versioned migrations, every function
 * file whose checksum differs from the one recorded in `schema_functions` (or that has none)
 * is applied with its CREATE OR REPLACE. All changed files go in one transaction, so a process
 * still running the old code never sees half of them; function bodies are checked when called,
 * not when created (as pg_dump restores them), so the files need no order among themselves.
 * A change of a function's arguments or result cannot be made by CREATE OR REPLACE: a versioned
 * migration drops the old signature first (docs/architecture.md, "Database functions").
 * Returns the names of the functions applied. Runs under the migration lock.
 */
export async function applyFunctions(dataSource: DataSource): Promise<string[]> {
  const recorded = new Map(
    (await dataSource.query<{ name: string; checksum: string }[]>('SELECT name, checksum FROM schema_functions')).map((row) => [row.name, row.checksum]),
  );
  const changed = functionFiles().filter((file) => recorded.get(file.name) !== file.checksum);
  if (changed.length === 0) return [];
  await dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL check_function_bodies = off');
    for (const file of changed) {
      await manager.query(file.sql);
      await manager.query(
        `INSERT INTO schema_functions (name, checksum) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now()`,
        [file.name, file.checksum],
      );
    }
  });
  return changed.map((file) => file.name);
}
