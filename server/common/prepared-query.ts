import pg from 'pg';
import { type DataSource } from 'typeorm';

/**
 * Runs one statement of the hot path as a named prepared statement on a PostgreSQL server:
 * each connection parses and plans it once instead of at every call, and the call skips
 * TypeORM's query runner (a pool checkout, its events and logging) for pg's own. On the embedded
 * database (PGlite, one connection in the process) it is an ordinary query. `name` must stand
 * for one text only: PostgreSQL keeps a prepared statement per connection under its name.
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as { master?: unknown }).master;
  if (pool instanceof pg.Pool) {
    const result = await pool.query<Row & pg.QueryResultRow>({ name, text, values });
    return result.rows;
  }
  return dataSource.query<Row[]>(text, values);
}
